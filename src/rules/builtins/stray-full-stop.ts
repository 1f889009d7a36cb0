// A full stop inside a sentence: "over the increase. fuel prices", "poverty. and unemployment".
// MT systems insert them where a link, a line break or a segment boundary was in the source page.
import { defineBuiltin, matches, stringList, wordSet } from './types.js';

interface Options {
  abbreviations: string[];
  /** Words that continue a sentence after a comma: the stop becomes a comma ("protests, according to"). */
  afterComma: string[];
  /** Lower-case words that may start a sentence (name particles: "de Gaulle", "al-Sudani"). */
  lowercaseStarts: string[];
  /** Capitalised words up to this length before the stop are taken for abbreviations. */
  maxAbbreviationLength: number;
}

const WORD_PART = /[\p{L}'’-]/u;
const LETTER = /\p{L}/u;
// A word glued to a number, a dot or a digit is part of something else (an abbreviation, a decimal, a URL).
const NOT_BEFORE = /[\p{N}.]/u;

export default defineBuiltin<Options>({
  needs: 'none',
  optionsSchema: {
    type: 'object',
    properties: { abbreviations: stringList, afterComma: stringList, lowercaseStarts: stringList, maxAbbreviationLength: { type: 'integer', minimum: 0 } },
    additionalProperties: false,
  },
  defaults: { abbreviations: [], afterComma: [], lowercaseStarts: [], maxAbbreviationLength: 5 },
  create: (options) => {
    const abbreviations = wordSet(options.abbreviations);
    const afterComma = wordSet(options.afterComma);
    const lowercaseStarts = wordSet(options.lowercaseStarts);
    return (context) => {
      const out = [];
      const text = context.text;
      // Anchored on the full stop (the regex engine skips to each "."); the word before it is read backwards.
      for (const m of matches(/\.[ \t\u00a0]+(\p{Ll}+)(?![\p{L}\p{N}]*\.\p{L})/gu, text)) {
        const dotAt = m.index;
        let wordStart = dotAt;
        while (wordStart > 0 && WORD_PART.test(text[wordStart - 1]!)) wordStart--;
        const before = text.slice(wordStart, dotAt);
        if (!before || !LETTER.test(before[0]!) || (wordStart > 0 && NOT_BEFORE.test(text[wordStart - 1]!))) continue;
        const after = m[1]!;
        const start = wordStart;
        if (before.length < 2 || abbreviations.has(before.toLowerCase())) continue;
        // A short capitalised word before the stop is an abbreviation (Kan., Calif., Messrs.) more often than not.
        if (/^\p{Lu}/u.test(before) && before.length <= options.maxAbbreviationLength) continue;
        // A short word after a number is a unit (40 mg. daily, 3 cm. in diameter, 8 lbs. or more).
        if (before.length <= 4 && /\d[ \u00a0]?(?:\/[ \u00a0]?)?$/.test(text.slice(Math.max(0, start - 3), start))) continue;
        if (lowercaseStarts.has(after)) continue;
        const dot = dotAt;
        const end = dotAt + m[0].length;
        const edit = afterComma.has(after) ? { start: dot, end: dot + 1, text: ',' } : { start: dot, end: dot + 1, text: '' };
        out.push({ start, end, fix: { edits: [edit] } });
      }
      return out;
    };
  },
});
