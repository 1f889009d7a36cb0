// A decimal comma before a unit ("1,5 million", "12,5%"), which English readers take for a thousands separator.
import { defineBuiltin, matches, stringList } from './types.js';
import { escapeRegex } from '../../text/regex.js';

interface Options {
  units: string[];
}

export default defineBuiltin<Options>({
  needs: 'none',
  optionsSchema: { type: 'object', properties: { units: stringList }, additionalProperties: false },
  defaults: { units: [] },
  create: (options) => {
    const units = [...options.units].sort((a, b) => b.length - a.length).map(escapeRegex);
    // One to three digits, a comma, one or two digits (three would be a thousands group), then a unit.
    const regex = new RegExp(`(?<![\\p{L}\\p{N}.,])(\\d{1,3}),(\\d{1,2})(?![\\d,])(?=[ \\u00a0]?(?:${units.join('|')})(?![\\p{L}]))`, 'gu');
    return (context) =>
      [...matches(regex, context.text)].map((m) => {
        const start = m.index;
        const end = start + m[0].length;
        const fix = `${m[1]}.${m[2]}`;
        return { start, end, vars: { fix }, fix: { edits: [{ start, end, text: fix }] } };
      });
  },
});
