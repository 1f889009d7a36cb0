// Figures with "thousand" written out ("5 thousand people"), a calque of Russian тысяч, Chinese 千/万 and
// Spanish mil; English news writes the figure ("5,000 people").
import { defineBuiltin, matches, NO_OPTIONS } from './types.js';
import { groupDigits } from '../../text/numbers.js';

export default defineBuiltin({
  needs: 'none',
  ...NO_OPTIONS,
  create: () => (context) => {
    const out = [];
    for (const m of matches(/(?<![\p{L}\p{N}.,])(\d{1,3})(?:([.,])(\d{1,3}))?[ \u00a0]+thousand(?![\p{L}])/gu, context.text)) {
      const whole = Number(m[1]);
      const fraction = m[3] ?? '';
      // "1.5 thousand" and "1,5 thousand" are both one and a half thousand; a three-digit group after a comma is not.
      if (m[2] === ',' && fraction.length === 3) continue;
      const value = whole * 1000 + (fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0);
      const fix = groupDigits(value);
      const start = m.index;
      const end = start + m[0].length;
      out.push({ start, end, vars: { fix }, fix: { edits: [{ start, end, text: fix }] } });
    }
    return out;
  },
});
