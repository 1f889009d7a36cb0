// The map step: the name mentions of one document. Mentions are registry forms found in the text (every
// canonical, alias and variant of the enabled `name` rules) and runs of proper nouns from wink-nlp (PROPN
// tokens joined by single spaces or hyphens, split at titles, weekdays and other stop words).
import { CONTEXT_CHARS } from '../engine/corpus.js';
import type { Finding } from '../engine/types.js';
import type { Token } from '../analysis/types.js';
import type { CheckContext, LiteralHit, LiteralSpec } from '../rules/types.js';
import { isInsideException } from '../rules/kinds/exceptions.js';
import type { Entity, Registry } from './registry.js';
import { squash } from '../text/spaces.js';
import { startsUpper } from '../text/case.js';
import type { DocumentNames, NameOptions, Occurrence } from './types.js';

const HYPHENS = new Set(['-', '‐', '‑']);

export class MentionFinder {
  /** Every registry form worth finding as written: the linter finds them in its one literal pass. */
  readonly literals: LiteralSpec[];
  private readonly stopWords: Set<string>;
  private readonly particles: Set<string>;

  constructor(
    private readonly registry: Registry,
    options: Pick<NameOptions, 'stopWords' | 'titles' | 'particles'>,
  ) {
    // A person's one-word form (a surname: Tokayev) is left to the proper-noun runs, so a given name written
    // before it stays part of the name (Qassym-Dzhomart Tokayev, a spelling no rule lists).
    const specs: LiteralSpec[] = [];
    for (const [form, entities] of registry.byForm) {
      if (/^[\p{L}\p{M}'’]+$/u.test(form) && entities.every((e) => e.type === 'person')) continue;
      specs.push({ text: form, caseSensitive: true, data: entities });
    }
    this.literals = specs;
    this.stopWords = new Set([...options.stopWords, ...options.titles].map((w) => w.toLowerCase()));
    this.particles = new Set(options.particles.map((w) => w.toLowerCase()));
  }

  /** `hits`: this finder's literals found in the text, in text order. */
  find(context: CheckContext, findings: readonly Finding[], hits: readonly LiteralHit[]): DocumentNames {
    const { text } = context;
    // A dictionary object from the start: a Map copied into an object (Object.fromEntries) gives each summary a
    // chain of hidden classes, ten times slower over a batch.
    const byForm: Record<string, Occurrence[]> = Object.create(null);
    const analysis = context.analysis();
    const sentenceStarts = new Set(analysis.sentences.map((s) => s.start));
    const add = (start: number, end: number) => {
      const written = text.slice(start, end);
      const position = context.lines.position(start);
      // Names do not span lines: the end is on the start's line unless the text says otherwise.
      const sameLine = !/[\n\r]/.test(written);
      const endPosition = sameLine ? { line: position.line, column: position.column + (end - start) } : context.lines.position(end);
      const occurrence: Occurrence = {
        start,
        end,
        line: position.line,
        column: position.column,
        endLine: endPosition.line,
        endColumn: endPosition.column,
        text: written,
        before: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
        after: text.slice(end, end + CONTEXT_CHARS),
      };
      if (sentenceStarts.has(start)) occurrence.sentenceStart = true;
      const form = /\s\s|[^\S ]|^\s|\s$/.test(written) ? squash(written) : written;
      const list = byForm[form];
      if (list) list.push(occurrence);
      else byForm[form] = [occurrence];
    };

    // Registry forms first; the text they cover (and text inside an exception) is not looked at again.
    const taken: [number, number][] = [];
    for (const hit of hits) {
      taken.push([hit.start, hit.end]);
      const entities = hit.data as Entity[];
      if (entities.some((e) => e.exceptions.length && isInsideException(text, hit.start, hit.end, e.exceptions))) continue;
      add(hit.start, hit.end);
    }

    const tokens = analysis.tokens;
    // Tokens under a registry form, two pointers over both lists (each in text order).
    const blocked = new Uint8Array(tokens.length);
    for (let i = 0, t = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      while (t < taken.length && taken[t]![1] <= token.start) t++;
      if (t < taken.length && taken[t]![0] < token.end) blocked[i] = 1;
    }
    const isName = (token: Token) =>
      !blocked[token.index] && token.pos === 'PROPN' && token.text !== token.lower && startsUpper(token.text) && !this.stopWords.has(token.lower);

    // Runs in text order; a lone capitalised word is kept only if the document never writes it in lower case.
    const runs: { start: number; end: number; lone?: string }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!isName(tokens[i]!)) continue;
      let last = i;
      let words = 1;
      for (;;) {
        const next = this.extend(tokens, last, text, isName);
        if (next === -1) break;
        words++;
        last = next;
      }
      const first = tokens[i]!;
      const end = tokens[last]!.end;
      if (hasTwoLetters(text, first.start, end)) {
        runs.push(words === 1 && first.end === end ? { start: first.start, end, lone: first.lower } : { start: first.start, end });
      }
      i = last;
    }
    // A lone capitalised word the document also writes in lower case is a common word (Protesters): one look
    // through the tokens for the few lone words, rather than a set of every lower-case word.
    const lone = new Set(runs.filter((r) => r.lone !== undefined).map((r) => r.lone!));
    const common = new Set<string>();
    if (lone.size) for (const token of tokens) if (token.type === 'word' && lone.has(token.text)) common.add(token.text);
    for (const run of runs) if (run.lone === undefined || !common.has(run.lone)) add(run.start, run.end);

    const reported = findings.filter((f) => this.registry.ruleIds.has(f.ruleId)).map((f): [number, number] => [f.range.start, f.range.end]);
    return { forms: byForm, reported };
  }

  /** The index of the last token of the next name word joined to the token at `last`, or -1. */
  private extend(tokens: Token[], last: number, text: string, isName: (token: Token) => boolean): number {
    const token = tokens[last]!;
    const next = tokens[last + 1];
    if (!next || next.sentence !== token.sentence) return -1;
    // Kassym-Jomart: a hyphen with no space either side.
    if (HYPHENS.has(next.text) && next.start === token.end) {
      const after = tokens[last + 2];
      return after && after.start === next.end && after.sentence === token.sentence && isName(after) ? last + 2 : -1;
    }
    if (!isSpace(text, token.end, next.start)) return -1;
    if (isName(next)) return last + 1;
    // von der Leyen: particles in lower case between two name words.
    let j = last + 1;
    while (tokens[j] && this.particles.has(tokens[j]!.text) && isSpace(text, tokens[j - 1]!.end, tokens[j]!.start)) j++;
    const after = tokens[j];
    return j > last + 1 && after && after.sentence === token.sentence && isSpace(text, tokens[j - 1]!.end, after.start) && isName(after) ? j : -1;
  }
}

/** At least two letters in text[start, end) (a name, not an initial or a stray capital). */
function hasTwoLetters(text: string, start: number, end: number): boolean {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const letter = c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : /\p{L}/u.test(String.fromCodePoint(text.codePointAt(i)!));
    if (letter && ++letters >= 2) return true;
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  return false;
}

/** One or more spaces or tabs (no line break) between two tokens. */
function isSpace(text: string, from: number, to: number): boolean {
  if (to <= from || to - from > 3) return false;
  for (let i = from; i < to; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}
