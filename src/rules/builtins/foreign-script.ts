// Words left in the source script: Cyrillic, Chinese, Arabic and other non-Latin letters in English text.
import { defineBuiltin, matchesWhere, stringList } from './types.js';

interface Options {
  /** Unicode script names (Script= values) that English news does not use in running text. */
  scripts: string[];
  /** Shortest run of letters reported (single Greek letters in science copy are fine). */
  minLetters: number;
  /** Leave the original given in parentheses after an English name (“Almaty (Алматы)”). */
  allowInParentheses: boolean;
}

export default defineBuiltin<Options>({
  needs: 'none',
  optionsSchema: {
    type: 'object',
    properties: { scripts: stringList, minLetters: { type: 'integer', minimum: 1 }, allowInParentheses: { type: 'boolean' } },
    additionalProperties: false,
  },
  defaults: { scripts: [], minLetters: 2, allowInParentheses: true },
  create: (options) => {
    if (options.scripts.length === 0) return () => [];
    const letter = `[${options.scripts.map((s) => `\\p{Script=${s}}`).join('')}]`;
    // A run of such letters, possibly several words long (spaces and light punctuation between them).
    const run = `${letter}(?:[\\p{M}\\p{N}]|${letter})*(?:[ \\u00a0·,'’-]+${letter}(?:[\\p{M}\\p{N}]|${letter})*)*`;
    // ASCII belongs to the Latin and Common scripts only: for other scripts a match starts at a non-ASCII code
    // unit, and only those are tried.
    const candidate = options.scripts.some((s) => /^(latin|latn|common|zyyy)$/i.test(s)) ? /[\s\S]/g : /[\u0080-\uffff]/g;
    // The letter class checks the script names now (a bad name is a rule-file error); the long expression,
    // which takes milliseconds to build, waits until a text has a candidate (never for ASCII text).
    const counter = new RegExp(letter, 'gu');
    let exact: RegExp | undefined;
    return (context) => {
      candidate.lastIndex = 0;
      if (!candidate.test(context.text)) return [];
      exact ??= new RegExp(run, 'uy');
      const out = [];
      for (const m of matchesWhere(candidate, exact, context.text)) {
        if ((m[0].match(counter)?.length ?? 0) < options.minLetters) continue;
        if (options.allowInParentheses && /\([ \u00a0]*$/.test(context.text.slice(Math.max(0, m.index - 3), m.index))) continue;
        out.push({ start: m.index, end: m.index + m[0].length, fix: null });
      }
      return out;
    };
  },
});
