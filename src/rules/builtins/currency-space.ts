// A space between a currency sign and its amount ("$ 0.11"), a leftover of French, Spanish or Russian style.
import { defineBuiltin, matches } from './types.js';
import { escapeRegex } from '../../text/regex.js';

export default defineBuiltin({
  needs: 'none',
  optionsSchema: {
    type: 'object',
    properties: { symbols: { type: 'array', items: { type: 'string', minLength: 1 } } },
    additionalProperties: false,
  },
  defaults: { symbols: ['$', 'US$', '€', '£', '¥', '₽', '₹', '₺', '₴', '₸', '₩'] },
  create: ({ symbols }: { symbols: string[] }) => {
    const alternatives = [...symbols].sort((a, b) => b.length - a.length).map(escapeRegex);
    const regex = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})([ \\u00a0]+)(\\d[\\d.,]*)`, 'gu');
    return (context) =>
      [...matches(regex, context.text)].map((m) => {
        const start = m.index;
        const spaceStart = start + m[1]!.length;
        const spaceEnd = spaceStart + m[2]!.length;
        return { start, end: start + m[0].length, vars: { fix: `${m[1]}${m[3]}` }, fix: { edits: [{ start: spaceStart, end: spaceEnd, text: '' }] } };
      });
  },
});
