// Quotation marks of other languages left in English text: «guillemets», „low-high“ quotes, and dialogue
// introduced by a dash ("— We will not leave, — said the mayor.").
import type { Detection } from '../../engine/types.js';
import { defineBuiltin, matches, stringList } from './types.js';

interface Options {
  /** Speech verbs that mark dash-introduced dialogue. */
  speechVerbs: string[];
}

// Opening mark → the closing marks that pair with it, and the English marks to write instead.
const PAIRS: { open: string; close: string[]; english: [string, string] }[] = [
  { open: '«', close: ['»'], english: ['“', '”'] },
  { open: '»', close: ['«'], english: ['“', '”'] }, // Danish and German reversed guillemets
  { open: '„', close: ['“', '”'], english: ['“', '”'] },
  { open: '‹', close: ['›'], english: ['‘', '’'] },
  { open: '‚', close: ['‘', '’'], english: ['‘', '’'] },
];

const FOREIGN_MARK = /[«»„‹‚]/;

export default defineBuiltin<Options>({
  needs: 'none',
  optionsSchema: { type: 'object', properties: { speechVerbs: stringList }, additionalProperties: false },
  defaults: { speechVerbs: [] },
  create: (options) => {
    const verbs = options.speechVerbs.map((v) => v.toLowerCase()).join('|');
    const dialogue = verbs ? new RegExp(`^[ \\t]*([—–])[ \\t]?\\S[^\\n]*?[,.!?…]?[ \\t]?[—–][ \\t]?(?:${verbs})\\b`, 'gimu') : null;
    return (context) => {
      const out: Detection[] = [];
      // Most texts have none of these marks: one search decides.
      if (FOREIGN_MARK.test(context.text)) for (const line of context.lines.lines) scanLine(context.text, line.start, line.end, out);
      if (dialogue && /[—–]/.test(context.text)) {
        for (const m of matches(dialogue, context.text)) {
          const dash = m.index + m[0].indexOf(m[1]!);
          out.push({
            start: dash,
            end: m.index + m[0].length,
            message: 'dialogue introduced by a dash (Russian, Spanish, French style); English puts the words in quotation marks',
            fix: null,
          });
        }
      }
      return out;
    };
  },
});

function scanLine(text: string, from: number, to: number, out: Detection[]): void {
  for (let i = from; i < to; i++) {
    const pair = PAIRS.find((p) => p.open === text[i]);
    if (!pair) continue;
    // "»" opens only when a "«" closes it later on the line (Danish style); otherwise it is a stray closer.
    let close = -1;
    for (let k = i + 1; k < to && k - i < 2000; k++) {
      if (pair.close.includes(text[k]!)) {
        close = k;
        break;
      }
    }
    if (close === -1) {
      if (pair.open === '»' || pair.open === '‚') continue;
      out.push({ start: i, end: i + 1, vars: { fix: pair.english[0] }, fix: { edits: [{ start: i, end: i + 1, text: pair.english[0] }] } });
      continue;
    }
    const edits = [
      { start: i, end: i + 1, text: pair.english[0] },
      { start: close, end: close + 1, text: pair.english[1] },
    ];
    out.push({ start: i, end: close + 1, vars: { fix: `${pair.english[0]}…${pair.english[1]}` }, fix: { edits } });
    i = close;
  }
}
