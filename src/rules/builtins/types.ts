import type { AnalysisNeed } from '../../analysis/types.js';
import type { Detection } from '../../engine/types.js';
import type { CheckContext, CompiledRule } from '../types.js';
import type { CorpusCheck } from '../../engine/corpus.js';

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

export const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/** Lower-cased set from an option list. */
export function wordSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => w.toLowerCase()));
}

/** Global regex matches with their index, for checks that scan the raw text. */
export function* matches(regex: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    yield m;
    if (m[0] === '') re.lastIndex++;
  }
}
