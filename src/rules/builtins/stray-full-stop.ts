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
      for (const m of matches(/(?<![\p{L}\p{N}.'’-])(\p{L}[\p{L}'’-]*)\.([ \t\u00a0]+)(\p{Ll}+)(?![\p{L}\p{N}]*\.\p{L})/gu, text)) {
        const before = m[1]!;
        const after = m[3]!;
        if (before.length < 2 || abbreviations.has(before.toLowerCase())) continue;
        // A short capitalised word before the stop is an abbreviation (Kan., Calif., Messrs.) more often than not.
        if (/^\p{Lu}/u.test(before) && before.length <= options.maxAbbreviationLength) continue;
        // A short word after a number is a unit (40 mg. daily, 3 cm. in diameter, 8 lbs. or more).
        if (before.length <= 4 && /\d[ \u00a0]?(?:\/[ \u00a0]?)?$/.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
        if (lowercaseStarts.has(after)) continue;
        const start = m.index;
        const dot = start + before.length;
        const end = start + m[0].length;
        const edit = afterComma.has(after) ? { start: dot, end: dot + 1, text: ',' } : { start: dot, end: dot + 1, text: '' };
        out.push({ start, end, fix: { edits: [edit] } });
      }
      return out;
    };
  },
});
