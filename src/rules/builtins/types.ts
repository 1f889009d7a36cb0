import type { AnalysisNeed } from '../../analysis/types.js';
import type { Detection } from '../../engine/types.js';
import type { CheckContext, CompiledRule } from '../types.js';
import type { CorpusCheck } from '../../engine/corpus.js';

export { matches } from '../../text/regex.js';

/**
 * A check written in code for what patterns cannot express. Its rule file switches it on, sets its
 * severity, message and options (word lists are data, kept in the rule file), and documents it.
 */
export interface BuiltinCheck<Options extends object = Record<string, unknown>> {
  needs: AnalysisNeed;
  /** JSON Schema of the options object (additional properties are refused). */
  optionsSchema: object;
  defaults: Options;
  create(options: Options): (context: CheckContext) => Detection[];
  /** Optional cheap test of the raw text: false skips the check (and the analysis it needs) for that text. */
  prefilter?(options: Options): (text: string) => boolean;
}

/**
 * A built-in check across the documents of a batch (see src/engine/corpus.ts). It is built once per linter
 * with the enabled rules, so it can read other rules' data (the name registry).
 */
export interface CorpusBuiltin<Options extends object = Record<string, unknown>> {
  needs: AnalysisNeed;
  optionsSchema: object;
  defaults: Options;
  corpus(options: Options, rules: readonly CompiledRule[]): CorpusCheck;
}

export function defineCorpusBuiltin<Options extends object>(check: CorpusBuiltin<Options>): CorpusBuiltin<Options> {
  return check;
}

export function defineBuiltin<Options extends object>(check: BuiltinCheck<Options>): BuiltinCheck<Options> {
  return check;
}

/** For checks that take no options: the rule file may not give any. */
export const NO_OPTIONS = { optionsSchema: { type: 'object', properties: {}, additionalProperties: false }, defaults: {} };

export const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/** Lower-cased set from an option list. */
export function wordSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => w.toLowerCase()));
}


/**
 * The matches of a sticky regex, tried only where a global `candidate` regex matches: the same matches as
 * scanning with the exact regex alone, provided every one of them starts where a candidate match starts. V8
 * cannot skip ahead through text with a regex that opens with a Unicode property class or a lookbehind, so a
 * class-free candidate (ASCII ranges, any non-ASCII code unit) finds the few places worth trying.
 */
export function matchesWhere(candidate: RegExp, exact: RegExp, text: string): RegExpExecArray[] {
  if (!candidate.global || !exact.sticky) throw new Error('matchesWhere() needs a global candidate and a sticky exact regex');
  const out: RegExpExecArray[] = [];
  candidate.lastIndex = 0;
  let c: RegExpExecArray | null;
  while ((c = candidate.exec(text)) !== null) {
    exact.lastIndex = c.index;
    const m = exact.exec(text);
    if (m) out.push(m);
    // Candidates may overlap a failed try, never a match.
    candidate.lastIndex = m ? Math.max(m.index + m[0].length, c.index + 1) : c.index + 1;
  }
  return out;
}
