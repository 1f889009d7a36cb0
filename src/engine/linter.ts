// Runs every enabled rule over one document: the combined literal pass, then the checks, then the
// fixed chain of filters (drop empty, drop duplicates, drop what another finding deletes, sort).
import { analyze } from '../analysis/analyze.js';
import type { Analysis } from '../analysis/types.js';
import { LineIndex, type Position } from '../documents/lines.js';
import { textWindows } from '../documents/windows.js';
import type { SourceDocument } from '../documents/types.js';
import type { CheckContext, CompiledRule, LiteralHit } from '../rules/types.js';
import { fillTemplate } from '../text/template.js';
import { LiteralMatcher, type ChannelSpec } from './literal-matcher.js';
import { tokenizeLiterals, type LiteralTokens } from './literal-tokens.js';
import type { Detection, Finding, Severity } from './types.js';
import { countWords, scoreFindings, type Score } from '../score/penalty.js';
import type { CorpusCheck, CorpusDetection, CorpusEntry, WindowSummary } from './corpus.js';

/**
 * Documents longer than this (UTF-16 code units) are checked in windows of about this size. Far above any
 * article, so only giant files (a scraped archive on one line) are cut; a window's analysis takes some 100 MB.
 */
export const LINT_WINDOW = 1_000_000;

/** Timing labels of the stages that are not one rule's (`--timing`). */
export const ANALYSIS_LABEL = '(analysis: wink-nlp)';
export const LITERAL_LABEL = '(literal pass: phrases and names)';

export interface DocumentResult {
  path: string;
  words: number;
  findings: Finding[];
  score: Score;
}

export interface LinterOptions {
  /** Severity overrides by rule id (from the configuration). */
  severity?: Record<string, Severity>;
  /** Documents whose spellings win in corpus checks (the configuration's `trusted:` globs). */
  trusted?: (path: string) => boolean;
}

/**
 * One document after the map step: its document-level result and one summary per corpus check.
 * JSON-serialisable and free of the text, so it can be held until the reduce step or sent elsewhere.
 */
export interface MappedDocument {
  result: DocumentResult;
  trusted: boolean;
  summaries: unknown[];
}

/** What the reduce step needs of one document: where it is, whether it is trusted, each check's summary. */
export interface CorpusSummaries {
  path: string;
  trusted: boolean;
  summaries: unknown[];
}

/** A corpus finding with the text it flags and its surroundings, since the document text is not at hand. */
export interface LocatedCorpusFinding {
  finding: Finding;
  text: string;
  before: string;
  after: string;
}

/** The reduce step's output: one state per corpus check, in the linter's order. */
export type CorpusStates = unknown[];

interface LoadedCorpusCheck {
  rule: CompiledRule;
  check: CorpusCheck;
}

export class Linter {
  private readonly rules: CompiledRule[];
  /** The rules with a check of their own (phrase and name rules have none: the literal pass finds theirs). */
  private readonly checkedRules: (CompiledRule & Required<Pick<CompiledRule, 'check'>>)[];
  private readonly matcher: LiteralMatcher;
  private readonly corpusChecks: LoadedCorpusCheck[];
  /** Milliseconds by rule (and by stage: analysis, literal pass), when timing was asked for (`--timing`). */
  private timings: Map<string, number> | undefined;
  /** Time spent in timed calls nested in the current one, so each label gets its own time only. */
  private nestedTime = 0;

  constructor(
    rules: CompiledRule[],
    private readonly options: LinterOptions = {},
  ) {
    this.rules = rules.filter((r) => r.enabled);
    // Looped over for every document: a thousand phrase rules must not cost a thousand steps each time.
    this.checkedRules = this.rules.filter((r): r is CompiledRule & Required<Pick<CompiledRule, 'check'>> => r.check !== undefined);
    this.corpusChecks = this.rules.filter((r) => r.corpus).map((rule) => ({ rule, check: rule.corpus!(this.rules) }));
    // One trie for the rules' literals (channel 0) and each corpus check's (channel 1, 2, ...): one pass finds both.
    const specs: ChannelSpec[] = [];
    for (const rule of this.rules) {
      for (const literal of rule.literals ?? []) {
        // Wrap each literal so a hit finds its rule without a search.
        specs.push({ ...literal, data: { rule, data: literal.data } });
      }
    }
    this.corpusChecks.forEach(({ check }, i) => {
      for (const literal of check.literals ?? []) specs.push({ ...literal, channel: i + 1 });
    });
    this.matcher = new LiteralMatcher(specs);
  }

  /** True when a loaded rule needs the whole batch: results must then wait for the reduce step. */
  get hasCorpusChecks(): boolean {
    return this.corpusChecks.length > 0;
  }

  /** The corpus check of a rule (for commands that show a check's state, like `mtaudit names`). */
  corpusCheckIndex(ruleId: string): number {
    return this.corpusChecks.findIndex((c) => c.rule.id === ruleId);
  }

  get ruleCount(): number {
    return this.rules.length;
  }

  /** From now on, time each rule and stage in this thread; the map fills as documents are linted. */
  startTiming(): ReadonlyMap<string, number> {
    this.timings ??= new Map();
    return this.timings;
  }

  /** Runs fn, adding its own time (without timed calls inside it) to label, when timing. */
  private timed<T>(label: string, fn: () => T): T {
    const timings = this.timings;
    if (!timings) return fn();
    const outer = this.nestedTime;
    this.nestedTime = 0;
    const start = performance.now();
    try {
      return fn();
    } finally {
      const elapsed = performance.now() - start;
      timings.set(label, (timings.get(label) ?? 0) + elapsed - this.nestedTime);
      this.nestedTime = outer + elapsed;
    }
  }

  /**
   * One document on its own: document checks, then the corpus checks over a corpus of this one document.
   * `findings` skips the checks when the caller already has this text's findings (the fixer does); with corpus
   * checks loaded the document is mapped again, since their summaries need the checks' context.
   */
  lint(document: SourceDocument, findings?: Finding[]): DocumentResult {
    if (findings && !this.hasCorpusChecks) {
      const words = countWords(document.text);
      return { path: document.path, words, findings, score: scoreFindings(findings, words) };
    }
    const mapped = this.map(document);
    return this.withCorpusFindings(mapped, this.reduce([mapped], [document.path]), document.path);
  }

  /** Findings for one text on its own, sorted by position. */
  findings(text: string, format: SourceDocument['format'] = 'text', path = '<text>'): Finding[] {
    return this.lint({ path, text, format, origin: { kind: 'stdin' } }).findings;
  }

  /**
   * The map step: document-level findings plus each corpus check's summary of the document. A long document
   * is checked in windows (cut at paragraph breaks where it has any), one at a time, so memory follows the
   * window and not the document: findings and summaries are moved back to document offsets.
   */
  map(document: SourceDocument): MappedDocument {
    const { path, text, format } = document;
    const findings: Finding[] = [];
    const parts: WindowSummary[][] = this.corpusChecks.map(() => []);
    let origin: Position = { line: 1, column: 1 };
    for (const [start, end] of textWindows(text, LINT_WINDOW)) {
      const windowText = end - start === text.length ? text : text.slice(start, end);
      const lines = new LineIndex(windowText, origin);
      let analysis: Analysis | undefined;
      let literalTokens: LiteralTokens | undefined;
      const context: CheckContext = {
        path,
        text: windowText,
        offset: start,
        format,
        lines,
        analysis: () => (analysis ??= this.timed(ANALYSIS_LABEL, () => analyze(windowText, format))),
        literalTokens: () => (literalTokens ??= this.timed(LITERAL_LABEL, () => tokenizeLiterals(windowText))),
      };
      const corpusHits: LiteralHit[][] = this.corpusChecks.map(() => []);
      const found = this.documentFindings(context, corpusHits);
      this.corpusChecks.forEach(({ rule, check }, i) =>
        parts[i]!.push({ offset: start, summary: this.timed(`${rule.id} (map)`, () => check.map(context, found, corpusHits[i]!)) }),
      );
      for (const finding of found) findings.push(start === 0 ? finding : shiftFinding(finding, start));
      origin = lines.position(windowText.length);
    }
    const words = countWords(text);
    return {
      result: { path, words, findings, score: scoreFindings(findings, words) },
      trusted: this.options.trusted?.(path) ?? false,
      summaries: this.corpusChecks.map(({ check }, i) => {
        const windows = parts[i]!;
        return windows.length === 1 ? windows[0]!.summary : check.mergeWindows(windows);
      }),
    };
  }

  /** The reduce step over mapped documents in input order (paths given separately when results were filtered). */
  reduce(documents: readonly MappedDocument[], paths: readonly string[] = documents.map((d) => d.result.path)): CorpusStates {
    return this.reduceSummaries(documents.map((d, n) => ({ path: paths[n]!, trusted: d.trusted, summaries: d.summaries })));
  }

  /** The reduce step over the corpus summaries alone (as `names --emit-mentions` writes them, one per document). */
  reduceSummaries(documents: Iterable<CorpusSummaries>): CorpusStates {
    const reducer = this.corpusReducer();
    for (const document of documents) reducer.add(document);
    return reducer.finish();
  }

  /** The reduce step fed one document at a time, in input order, so no batch of summaries need be held. */
  corpusReducer(): { add(document: CorpusSummaries): void; finish(): CorpusStates } {
    const reducers = this.corpusChecks.map(({ check }) => check.reducer());
    return {
      add: (d) => reducers.forEach((r, i) => r.add({ path: d.path, trusted: d.trusted, summary: d.summaries[i] })),
      finish: () => reducers.map((r, i) => this.timed(`${this.corpusChecks[i]!.rule.id} (reduce)`, () => r.finish())),
    };
  }

  /** The ids of the rules whose corpus checks run, in the order of their states and summaries. */
  get corpusRuleIds(): string[] {
    return this.corpusChecks.map((c) => c.rule.id);
  }

  /** The corpus findings of one mapped document, with rule metadata and the configuration's severities. */
  corpusFindings(states: CorpusStates, document: MappedDocument, path: string): LocatedCorpusFinding[] {
    return this.corpusChecks.flatMap(({ rule, check }, i) => {
      const entry: CorpusEntry = { path, trusted: document.trusted, summary: document.summaries[i] };
      const detections = this.timed(`${rule.id} (report)`, () => check.report(states[i], entry));
      return detections.map((d) => ({ finding: this.locatedFinding(rule, d), text: d.text, before: d.before, after: d.after }));
    });
  }

  /** A document result with extra findings merged in: one sorted, de-duplicated list and a new score. */
  merge(result: DocumentResult, extra: readonly Finding[]): DocumentResult {
    if (extra.length === 0) return result;
    const findings = finalize([...result.findings, ...extra]);
    return { ...result, findings, score: scoreFindings(findings, result.words) };
  }

  private withCorpusFindings(mapped: MappedDocument, states: CorpusStates, path: string): DocumentResult {
    if (!this.hasCorpusChecks) return mapped.result;
    return this.merge(mapped.result, this.corpusFindings(states, mapped, path).map((c) => c.finding));
  }

  /** The document-level findings; the corpus checks' literal hits go to `corpusHits` (one list per check). */
  private documentFindings(context: CheckContext, corpusHits: LiteralHit[][]): Finding[] {
    const { text, lines } = context;
    const raw: { rule: CompiledRule; detection: Detection }[] = [];
    if (this.matcher.size) this.timed(LITERAL_LABEL, () => this.literalPass(context, raw, corpusHits));
    for (const rule of this.checkedRules) {
      if (!this.timings) {
        if (rule.prefilter && !rule.prefilter(text)) continue;
        for (const detection of rule.check(context)) raw.push({ rule, detection });
        continue;
      }
      this.timed(rule.id, () => {
        if (rule.prefilter && !rule.prefilter(text)) return;
        for (const detection of rule.check(context)) raw.push({ rule, detection });
      });
    }
    return finalize(raw.map(({ rule, detection }) => this.toFinding(rule, detection, text, lines)).filter((f): f is Finding => f !== null));
  }

  /** The one pass over the literals of every phrase and name rule and of the corpus checks. */
  private literalPass(context: CheckContext, raw: { rule: CompiledRule; detection: Detection }[], corpusHits: LiteralHit[][]): void {
    const { text } = context;
    for (const hit of this.matcher.scan(text, context.literalTokens())) {
      const channel = hit.spec.channel ?? 0;
      if (channel > 0) {
        corpusHits[channel - 1]!.push({ start: hit.start, end: hit.end, text: hit.text, data: hit.data });
        continue;
      }
      const { rule, data } = hit.data as { rule: CompiledRule; data: unknown };
      const detection = rule.onLiteral?.({ start: hit.start, end: hit.end, text: hit.text, data }, context);
      if (detection) raw.push({ rule, detection });
    }
  }

  private locatedFinding(rule: CompiledRule, detection: CorpusDetection): Finding {
    const { start, end, line, column, endLine, endColumn } = detection;
    return this.finding(rule, detection, detection.text, { start, end }, line, column, endLine, endColumn);
  }

  private toFinding(rule: CompiledRule, detection: Detection, text: string, lines: LineIndex): Finding | null {
    const { start, end } = detection;
    if (!(start >= 0 && end <= text.length && start <= end)) return null;
    const from = lines.position(start);
    const to = lines.position(end);
    return this.finding(rule, detection, text.slice(start, end), { start, end }, from.line, from.column, to.line, to.column);
  }

  /** Built in one object literal, in the order reports print the keys: one finding per detection adds up. */
  private finding(
    rule: CompiledRule,
    detection: Detection | CorpusDetection,
    match: string,
    range: Finding['range'],
    line: number,
    column: number,
    endLine: number,
    endColumn: number,
  ): Finding {
    const fix = detection.fix && detection.fix.edits.length ? { applicability: detection.fix.applicability ?? rule.applicability, edits: [...detection.fix.edits].sort((a, b) => a.start - b.start) } : null;
    return {
      ruleId: rule.id,
      category: detection.category ?? rule.category,
      severity: this.options.severity?.[rule.id] ?? detection.severity ?? rule.severity,
      message: detection.message ?? (rule.message.includes('{') ? fillTemplate(rule.message, { match, ...detection.vars }) : rule.message),
      fix,
      range,
      line,
      column,
      endLine,
      endColumn,
    };
  }
}

function finalize(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const unique = findings.filter((f, i) => {
    const p = findings[i - 1];
    return !p || p.ruleId !== f.ruleId || p.range.start !== f.range.start || p.range.end !== f.range.end;
  });
  // A finding inside text that another finding deletes outright is moot. One sweep in start order: a deletion
  // covers a finding when it starts before it and ends at or after its end, or starts with it and ends later.
  const deletions = unique.filter(deletesItsRange);
  if (deletions.length === 0) return unique;
  let next = 0;
  let endBefore = -1; // furthest end of the deletions starting before the current finding
  let endAt = -1; // furthest end of the deletions starting with it
  let at = -1;
  return unique.filter((f) => {
    const { start, end } = f.range;
    if (start !== at) {
      endBefore = Math.max(endBefore, endAt);
      endAt = -1;
      at = start;
    }
    while (next < deletions.length && deletions[next]!.range.start <= start) {
      const d = deletions[next++]!.range;
      if (d.start < start) endBefore = Math.max(endBefore, d.end);
      else endAt = Math.max(endAt, d.end);
    }
    return !(endBefore >= end || endAt > end);
  });
}

/** A finding moved from a window's offsets to the document's (its line and column are the document's already). */
function shiftFinding(finding: Finding, by: number): Finding {
  const range = { start: finding.range.start + by, end: finding.range.end + by };
  const fix = finding.fix && { ...finding.fix, edits: finding.fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
  return { ...finding, range, fix };
}

function deletesItsRange(f: Finding): boolean {
  return f.fix !== null && f.fix.edits.some((e) => e.text === '' && e.start <= f.range.start && e.end >= f.range.end);
}
