// Runs every enabled rule over one document: the combined literal pass, then the checks, then the
// fixed chain of filters (drop empty, drop duplicates, drop what another finding deletes, sort).
import { analyze } from '../analysis/analyze.js';
import type { Analysis } from '../analysis/types.js';
import { LineIndex } from '../documents/lines.js';
import type { SourceDocument } from '../documents/types.js';
import type { CheckContext, CompiledRule } from '../rules/types.js';
import { fillTemplate } from '../text/template.js';
import { LiteralMatcher } from './literal-matcher.js';
import type { Detection, Finding, Severity } from './types.js';
import { countWords, scoreFindings, type Score } from '../score/penalty.js';

export interface DocumentResult {
  path: string;
  words: number;
  findings: Finding[];
  score: Score;
}

export interface LinterOptions {
  /** Severity overrides by rule id (from the configuration). */
  severity?: Record<string, Severity>;
}

export class Linter {
  private readonly rules: CompiledRule[];
  private readonly matcher: LiteralMatcher;
  private readonly literalOwners: Map<unknown, CompiledRule>;
  readonly needsAnalysis: boolean;

  constructor(
    rules: CompiledRule[],
    private readonly options: LinterOptions = {},
  ) {
    this.rules = rules.filter((r) => r.enabled);
    this.literalOwners = new Map();
    const specs = [];
    for (const rule of this.rules) {
      for (const literal of rule.literals ?? []) {
        // Wrap each literal so a hit finds its rule without a search.
        const spec = { ...literal, data: { rule, data: literal.data } };
        specs.push(spec);
      }
    }
    this.matcher = new LiteralMatcher(specs);
    this.needsAnalysis = this.rules.some((r) => r.needs !== 'none');
  }

  get ruleCount(): number {
    return this.rules.length;
  }

  /** `findings` skips the checks when the caller already has this text's findings (the fixer does). */
  lint(document: SourceDocument, findings = this.findings(document.text, document.format, document.path)): DocumentResult {
    const words = countWords(document.text);
    return { path: document.path, words, findings, score: scoreFindings(findings, words) };
  }

  /** Findings for one text, sorted by position. */
  findings(text: string, format: SourceDocument['format'] = 'text', path = '<text>'): Finding[] {
    const lines = new LineIndex(text);
    let analysis: Analysis | undefined;
    const context: CheckContext = { path, text, format, lines, analysis: () => (analysis ??= analyze(text, format)) };
    const raw: { rule: CompiledRule; detection: Detection }[] = [];
    for (const hit of this.matcher.scan(text)) {
      const { rule, data } = hit.data as { rule: CompiledRule; data: unknown };
      const detection = rule.onLiteral?.({ start: hit.start, end: hit.end, text: hit.text, data }, context);
      if (detection) raw.push({ rule, detection });
    }
    for (const rule of this.rules) {
      if (!rule.check || (rule.prefilter && !rule.prefilter(text))) continue;
      for (const detection of rule.check(context)) raw.push({ rule, detection });
    }
    return finalize(raw.map(({ rule, detection }) => this.toFinding(rule, detection, text, lines)).filter((f): f is Finding => f !== null));
  }

  private toFinding(rule: CompiledRule, detection: Detection, text: string, lines: LineIndex): Finding | null {
    const { start, end } = detection;
    if (!(start >= 0 && end <= text.length && start <= end)) return null;
    const startPos = lines.position(start);
    const endPos = lines.position(end);
    const vars = { match: text.slice(start, end), ...detection.vars };
    const fix = detection.fix && detection.fix.edits.length ? { applicability: detection.fix.applicability ?? rule.applicability, edits: [...detection.fix.edits].sort((a, b) => a.start - b.start) } : null;
    return {
      ruleId: rule.id,
      category: detection.category ?? rule.category,
      severity: this.options.severity?.[rule.id] ?? detection.severity ?? rule.severity,
      message: detection.message ?? fillTemplate(rule.message, vars),
      range: { start, end },
      line: startPos.line,
      column: startPos.column,
      endLine: endPos.line,
      endColumn: endPos.column,
      fix,
    };
  }
}

function finalize(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const unique = findings.filter((f, i) => {
    const p = findings[i - 1];
    return !p || p.ruleId !== f.ruleId || p.range.start !== f.range.start || p.range.end !== f.range.end;
  });
  // A finding inside text that another finding deletes outright is moot.
  const deletions = unique.filter(deletesItsRange);
  return unique.filter(
    (f) => !deletions.some((d) => d !== f && d.range.start <= f.range.start && d.range.end >= f.range.end && (d.range.end - d.range.start) > (f.range.end - f.range.start)),
  );
}

function deletesItsRange(f: Finding): boolean {
  return f.fix !== null && f.fix.edits.some((e) => e.text === '' && e.start <= f.range.start && e.end >= f.range.end);
}
