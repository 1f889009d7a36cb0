// The name-consistency corpus check: map = the name mentions of a document, reduce = the groups of the
// corpus with their canonical forms, report = a finding with a fix for every variant in a document.
import { CONTEXT_CHARS, type CorpusCheck, type CorpusDetection, type CorpusEntry, type CorpusReducer, type WindowSummary } from '../engine/corpus.js';
import type { Applicability } from '../engine/types.js';
import type { CompiledRule } from '../rules/types.js';
import { NameGrouper, type FormStats } from './group.js';
import { MentionFinder } from './mentions.js';
import { buildRegistry } from './registry.js';
import type { DocumentNames, NameGroup, NameOptions, NameState, Occurrence } from './types.js';
import { escapeRegex } from '../text/regex.js';

/** What the reduce step keeps of one form as written, until the batch is complete. */
interface WrittenStats {
  form: string;
  /** The number of the first occurrence, counted across the batch. */
  first: number;
  /** Written at least once other than at the start of a sentence. */
  inside: boolean;
  mentions: number;
  documents: number[];
  before: { at: number; word: string }[];
}

/** Words seen just before a form, kept for guessing the kind of name. */
const BEFORE_KEPT = 20;

/** The sorted union of sorted lists of document numbers. */
function mergeSorted(lists: number[][]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/** A variant form, or a longer form with a variant word inside (`word`). */
interface Variant {
  group: NameGroup;
  fix: string;
  word?: string;
}

export class NameConsistency implements CorpusCheck<DocumentNames, NameState> {
  readonly grouper: NameGrouper;
  private readonly finder: MentionFinder;
  private readonly variants = new WeakMap<NameState, Map<string, Variant>>();

  constructor(options: NameOptions, rules: readonly CompiledRule[]) {
    const registry = buildRegistry(rules);
    this.finder = new MentionFinder(registry, options);
    this.grouper = new NameGrouper(registry, options);
  }

  get literals() {
    return this.finder.literals;
  }

  map: CorpusCheck<DocumentNames, NameState>['map'] = (context, findings, hits) => this.finder.find(context, findings, hits);

  mergeWindows(windows: readonly WindowSummary<DocumentNames>[]): DocumentNames {
    const forms: DocumentNames['forms'] = Object.create(null);
    const reported: DocumentNames['reported'] = [];
    for (const { offset, summary } of windows) {
      for (const [form, occurrences] of Object.entries(summary.forms)) {
        const all = (forms[form] ??= []);
        for (const o of occurrences) all.push({ ...o, start: o.start + offset, end: o.end + offset });
      }
      for (const [start, end] of summary.reported) reported.push([start + offset, end + offset]);
    }
    return { forms, reported };
  }

  reducer(): CorpusReducer<DocumentNames, NameState> {
    // Statistics are kept per form as written; a capital at the start of a sentence is not a spelling, so at
    // the end "Von der Leyen said" counts as "von der Leyen" when the batch never writes it with a capital
    // inside a sentence but writes the lower-case form there. Everything is counted in input order, as if the
    // whole batch were at hand.
    const written = new Map<string, WrittenStats>();
    const paths: string[] = [];
    const trusted = new Set<number>();
    let seen = 0;
    return {
      add: (entry) => {
        const d = paths.length;
        paths.push(entry.path);
        if (entry.trusted) trusted.add(d);
        for (const [form, occurrences] of Object.entries(entry.summary.forms)) {
          if (occurrences.length === 0) continue;
          let s = written.get(form);
          if (!s) written.set(form, (s = { form, first: seen, inside: false, mentions: 0, documents: [], before: [] }));
          for (const o of occurrences) {
            if (!o.sentenceStart) s.inside = true;
            s.mentions++;
            if (s.documents[s.documents.length - 1] !== d) s.documents.push(d);
            if (s.before.length < BEFORE_KEPT) s.before.push({ at: seen, word: lastWordOf(o.before) });
            seen++;
          }
        }
      },
      finish: () => {
        const byForm = new Map<string, WrittenStats[]>();
        for (const s of written.values()) {
          const lower = lowerFirst(s.form);
          const target = !s.inside && lower !== s.form && written.get(lower)?.inside ? lower : s.form;
          const list = byForm.get(target);
          if (list) list.push(s);
          else byForm.set(target, [s]);
        }
        const stats: (FormStats & { first: number })[] = [];
        for (const [form, parts] of byForm) {
          const documents = parts.length === 1 ? parts[0]!.documents : mergeSorted(parts.map((p) => p.documents));
          const before = parts
            .flatMap((p) => p.before)
            .sort((a, b) => a.at - b.at)
            .slice(0, BEFORE_KEPT)
            .map((b) => b.word);
          stats.push({
            form,
            first: Math.min(...parts.map((p) => p.first)),
            mentions: parts.reduce((n, p) => n + p.mentions, 0),
            documents,
            trustedDocuments: documents.reduce((n, d) => n + (trusted.has(d) ? 1 : 0), 0),
            before,
          });
        }
        // In the order the forms were first met, as counting the batch in one go would give them.
        stats.sort((a, b) => a.first - b.first);
        return this.grouper.group(
          stats.map(({ first: _first, ...s }) => s),
          paths,
          trusted,
        );
      },
    };
  }

  report(state: NameState, entry: CorpusEntry<DocumentNames>): CorpusDetection[] {
    const variants = this.variantIndex(state);
    const detections: CorpusDetection[] = [];
    const reported = entry.summary.reported;
    for (const [form, occurrences] of Object.entries(entry.summary.forms)) {
      const variant = variants.get(form);
      if (!variant) continue;
      const { group, fix, word } = variant;
      for (const occurrence of occurrences) {
        const o = word === undefined ? occurrence : within(occurrence, word);
        if (!o || reported.some(([start, end]) => start < o.end && o.start < end)) continue;
        if (occurrence.sentenceStart && word === undefined && lowerFirst(o.text) === lowerFirst(fix)) continue;
        const { sentenceStart: _sentenceStart, ...span } = o;
        detections.push({
          ...span,
          vars: { match: o.text, canonical: fix, reason: reason(group, fix, state) },
          fix: { edits: [{ start: o.start, end: o.end, text: fix }], applicability: applicability(group) },
          ...(group.severity ? { severity: group.severity } : {}),
          ...(group.category ? { category: group.category } : {}),
        });
      }
    }
    return detections.sort((a, b) => a.start - b.start);
  }

  private variantIndex(state: NameState): Map<string, Variant> {
    let index = this.variants.get(state);
    if (index) return index;
    index = new Map();
    for (const group of state.groups) {
      for (const f of group.forms) {
        if (f.status !== 'variant' || !f.fix || f.fix === f.form) continue;
        index.set(f.form, { group, fix: f.fix });
        for (const longer of f.within ?? []) if (!index.has(longer)) index.set(longer, { group, fix: f.fix, word: f.form });
      }
    }
    this.variants.set(state, index);
    return index;
  }
}

/** safe when a rule gave the spelling; unsafe when trusted documents or frequency did; a tie only suggests. */
export function applicability(group: NameGroup): Applicability {
  if (group.source === 'tie') return 'suggestion';
  return group.source === 'rule' && !group.shortFormOf ? 'safe' : 'unsafe';
}

/** Why the canonical is canonical, and where it was seen: the end of the finding's message. */
export function reason(group: NameGroup, fix: string, state: NameState): string {
  if (group.shortFormOf) {
    const how = { rule: `the spelling of rule ${group.rule}`, trusted: 'as in the trusted documents', frequency: 'its most common spelling', tie: 'its spelling seen first' }[group.source];
    return `the surname in “${group.shortFormOf}”, ${how}`;
  }
  const seen = group.forms.find((f) => f.form === fix);
  const where = seen ? listDocuments(seen.documents) : '';
  switch (group.source) {
    case 'rule':
      return `the spelling of rule ${group.rule}${where ? `; used in ${where}` : ''}`;
    case 'trusted':
      return `as written in trusted ${(seen?.trusted?.length ?? 0) > 1 ? 'documents' : 'document'} ${listDocuments(seen?.trusted ?? [])}`;
    case 'frequency':
      return `the most common form, in ${seen?.documents.length ?? 0} of ${state.documents} documents: ${where}`;
    case 'tie':
      return `no form is more common; this one was seen first, in ${where}`;
  }
}

/** The occurrence of one word inside an occurrence of a longer name (same line: names do not span lines). */
function within(o: Occurrence, word: string): Occurrence | null {
  const at = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(word)}(?![\\p{L}\\p{N}])`, 'u').exec(o.text)?.index;
  if (at === undefined) return null;
  const start = o.start + at;
  const end = start + word.length;
  return {
    start,
    end,
    line: o.line,
    column: o.column + at,
    endLine: o.line,
    endColumn: o.column + at + word.length,
    text: word,
    before: (o.before + o.text.slice(0, at)).slice(-CONTEXT_CHARS),
    after: (o.text.slice(at + word.length) + o.after).slice(0, CONTEXT_CHARS),
  };
}

function listDocuments(paths: string[]): string {
  const shown = paths.slice(0, 2).join(', ');
  return paths.length > 2 ? `${shown} and ${paths.length - 2} more` : shown;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The last word of a text, lower-cased (a backward scan: an end-anchored regex retries from every position). */
function lastWordOf(text: string): string {
  let end = text.length;
  while (end > 0 && !LETTER.test(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && LETTER.test(text[start - 1]!)) start--;
  return text.slice(start, end).toLowerCase();
}

const LETTER = /\p{L}/u;
