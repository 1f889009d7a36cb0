// Weekdays and months in lower case ("On tuesday night"), left by languages that write them so.
import { defineBuiltin, matchesWhere, stringList, wordSet } from './types.js';
import { capitalize } from '../../text/case.js';
import { escapeRegex } from '../../text/regex.js';

interface Options {
  weekdays: string[];
  months: string[];
  /** Months that are also ordinary words (may, march): flagged only beside a number ("5 march", "march 2022"). */
  ambiguous: string[];
}

export default defineBuiltin<Options>({
  needs: 'none',
  optionsSchema: {
    type: 'object',
    properties: { weekdays: stringList, months: stringList, ambiguous: stringList },
    additionalProperties: false,
  },
  defaults: { weekdays: [], months: [], ambiguous: [] },
  create: (options) => {
    const always = wordSet([...options.weekdays, ...options.months.filter((m) => !options.ambiguous.includes(m))]);
    const ambiguous = wordSet(options.ambiguous);
    const all = [...always, ...ambiguous].sort((a, b) => b.length - a.length);
    if (all.length === 0) return () => [];
    // Tried only where one of the words is (the lookbehind alone would make V8 try every position).
    const candidate = new RegExp(all.map(escapeRegex).join('|'), 'g');
    const regex = new RegExp(`(?<![\\p{L}\\p{N}/@#._-])(${all.map(escapeRegex).join('|')})(s?)(?![\\p{L}\\p{N}_/@-])`, 'uy');
    return (context) => {
      const out = [];
      const text = context.text;
      for (const m of matchesWhere(candidate, regex, text)) {
        const word = m[1]!;
        if (ambiguous.has(word)) {
          // "5 march." and "march 2022" are dates; "pages 8 to 14 may help" is not.
          const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
          const numberBefore = /(?<![\d.,])\d{1,2}[ \t]+$/u.test(text.slice(Math.max(0, m.index - 8), m.index)) && !/^[ \t]+\p{L}/u.test(after);
          const numberAfter = /^[ \t]+\d/u.test(after);
          if (!numberBefore && !numberAfter) continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        const fix = capitalize(m[0]);
        out.push({ start, end, vars: { fix }, fix: { edits: [{ start, end, text: fix }] } });
      }
      return out;
    };
  },
});
