// A sentence end followed by a second, detached full stop (". .", "? ."), or a doubled comma.
import { defineBuiltin, matches, NO_OPTIONS } from './types.js';

export default defineBuiltin({
  needs: 'none',
  ...NO_OPTIONS,
  create: () => (context) => {
    const out = [];
    // Not an ellipsis: the first mark is not preceded by a dot and the stray dot not followed by one.
    for (const m of matches(/(?<![.])([.!?…])[ \t\u00a0]+\.(?![.\p{L}\p{N}])|,[ \t\u00a0]*,(?!,)/gu, context.text)) {
      const start = m.index;
      const end = start + m[0].length;
      const keep = m[1] ?? ',';
      out.push({ start, end, fix: { edits: [{ start, end, text: keep }] } });
    }
    return out;
  },
});
