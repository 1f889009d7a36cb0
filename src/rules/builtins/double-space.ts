// Two or more spaces between words or after a full stop, where English takes one.
import { defineBuiltin, matchesWhere, NO_OPTIONS } from './types.js';

export default defineBuiltin({
  needs: 'none',
  ...NO_OPTIONS,
  create: () => (context) =>
    matchesWhere(/[ \u00a0]{2}/g, /(?<=[^\s])[ \u00a0]{2,}(?=[^\s])/uy, context.text).map((m) => {
      const start = m.index;
      const end = start + m[0].length;
      // The finding is the gap itself; the message shows the neighbouring words so it can be seen.
      const around = context.text.slice(wordStart(context.text, start), wordEnd(context.text, end));
      return { start, end, vars: { context: around.replace(/[ \u00a0]{2,}/g, (gap) => '·'.repeat(gap.length)) }, fix: { edits: [{ start, end, text: ' ' }] } };
    }),
});

function wordStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && !/\s/.test(text[i - 1]!) && from - i < 40) i--;
  return i;
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !/\s/.test(text[i]!) && i - from < 40) i++;
  return i;
}
