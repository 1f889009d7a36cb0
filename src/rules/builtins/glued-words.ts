// Two words run together where a caption, a link or a line break met body text: "protestProtests".
import { defineBuiltin, matches, stringList, wordSet } from './types.js';

interface Options {
  /** Brand and product names written this way on purpose (easyJet, airBaltic). */
  allow: string[];
  /** Shortest lower-case run before the capital; shorter ones are name particles (deGrasse, iPhone). */
  minLeft: number;
}

export default defineBuiltin<Options>({
  needs: 'none',
  optionsSchema: {
    type: 'object',
    properties: { allow: stringList, minLeft: { type: 'integer', minimum: 1 } },
    additionalProperties: false,
  },
  defaults: { allow: [], minLeft: 3 },
  create: (options) => {
    const allow = wordSet(options.allow);
    const regex = new RegExp(`(?<![\\p{L}\\p{N}_@#/.-])(\\p{Ll}{${options.minLeft},})(\\p{Lu}\\p{Ll}{2,})(?![\\p{L}\\p{N}_/.-])`, 'gu');
    return (context) => {
      const out = [];
      for (const m of matches(regex, context.text)) {
        if (allow.has(m[0].toLowerCase())) continue;
        const start = m.index;
        const end = start + m[0].length;
        const split = start + m[1]!.length;
        out.push({ start, end, vars: { left: m[1]!, right: m[2]! }, fix: { edits: [{ start: split, end: split, text: '. ' }], applicability: 'suggestion' as const } });
      }
      return out;
    };
  },
});
