// Two words run together where a caption, a link or a line break met body text: "protestProtests".
import { defineBuiltin, matchesWhere, stringList, wordSet } from './types.js';

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
    // Anchored on the capital (rare) rather than on lower-case runs (everywhere, and a run would be retried
    // from each of its letters); the lower-case part is then read backwards. The candidates are a lower-case
    // letter and a capital without Unicode classes (any non-ASCII code unit may be either).
    const candidate = /[a-z\u0080-\uffff][A-Z\u0080-\uffff]/g;
    const capital = /\p{Ll}(\p{Lu}\p{Ll}{2,})(?![\p{L}\p{N}_/.-])/uy;
    return (context) => {
      const out = [];
      const text = context.text;
      for (const m of matchesWhere(candidate, capital, text)) {
        const split = m.index + m[0].length - m[1]!.length;
        let start = split;
        while (start > 0 && LOWER.test(text[start - 1]!)) start--;
        if (split - start < options.minLeft || (start > 0 && NOT_BEFORE.test(text[start - 1]!))) continue;
        const end = split + m[1]!.length;
        const word = text.slice(start, end);
        if (allow.has(word.toLowerCase())) continue;
        out.push({ start, end, vars: { left: text.slice(start, split), right: m[1]! }, fix: { edits: [{ start: split, end: split, text: '. ' }], applicability: 'suggestion' as const } });
      }
      return out;
    };
  },
});

const LOWER = /\p{Ll}/u;
// Glued to other letters, digits, handles, paths or hyphens, the run is part of something else (iPhone, @user).
const NOT_BEFORE = /[\p{L}\p{N}_@#/.-]/u;
