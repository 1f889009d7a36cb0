// Curly double quotes turned the wrong way: a closing quote written as an opening one
// ("failure“Said Netblocks", 'go down, “a source told'), or an opening one written as a closing one.
import type { Detection } from '../../engine/types.js';
import { defineBuiltin, stringList, wordSet } from './types.js';

interface Options {
  speechVerbs: string[];
}

export default defineBuiltin<Options>({
  needs: 'none',
  optionsSchema: { type: 'object', properties: { speechVerbs: stringList }, additionalProperties: false },
  defaults: { speechVerbs: [] },
  create: (options) => {
    const speechVerbs = wordSet(options.speechVerbs);
    return (context) => {
      const out: Detection[] = [];
      // Every quote mark, found once: searching afresh in each line would read the rest of the text per line.
      const marks: number[] = [];
      for (const m of context.text.matchAll(/[“”]/g)) marks.push(m.index);
      if (marks.length === 0) return out;
      let at = 0;
      for (const paragraph of context.lines.paragraphs) {
        // A quotation may run over several paragraphs; each paragraph is read on its own.
        for (let l = paragraph.firstLine; l <= paragraph.lastLine; l++) {
          const line = context.lines.lines[l]!;
          while (at < marks.length && marks[at]! < line.start) at++;
          const first = at;
          while (at < marks.length && marks[at]! < line.end) at++;
          if (at > first) scanLine(context.text, line.start, line.end, marks.slice(first, at), speechVerbs, out);
        }
      }
      return out;
    };
  },
});

/** Reads the quote marks of one line (`marks`, their offsets in order) from left to right. */
function scanLine(text: string, from: number, to: number, marks: number[], speechVerbs: Set<string>, out: Detection[]): void {
  let open = false;
  for (const i of marks) {
    const ch = text[i];
    if (ch === '”') {
      if (open) {
        open = false;
      } else if ((i === from || /\s/.test(text[i - 1]!)) && /\p{L}/u.test(text[i + 1] ?? '')) {
        out.push({ start: i, end: i + 1, vars: { fix: '“' }, fix: { edits: [{ start: i, end: i + 1, text: '“' }] } });
        open = true;
      }
      continue;
    }
    if (ch !== '“') continue;
    if (!open) {
      open = true;
      continue;
    }
    const previous = text[i - 1] ?? '';
    // Shape 1: glued to the word before it, as a closing quote would be: failure“Said
    if (/[\p{L}\p{N}.,!?]/u.test(previous)) {
      const wordMatch = /^\p{L}+/u.exec(text.slice(i + 1, Math.min(to, i + 40)));
      if (wordMatch) {
        const word = wordMatch[0];
        const replacementWord = speechVerbs.has(word.toLowerCase()) ? word.toLowerCase() : word;
        const end = i + 1 + word.length;
        out.push({ start: i, end, vars: { fix: `” ${replacementWord}` }, fix: { edits: [{ start: i, end, text: `” ${replacementWord}` }] } });
      } else {
        out.push({ start: i, end: i + 1, vars: { fix: '”' }, fix: { edits: [{ start: i, end: i + 1, text: '”' }] } });
      }
      open = false;
      continue;
    }
    // Shape 2: after a comma or full stop and a space, followed by the attribution: bank, “he told
    const punctuation = /([,.])([ \t\u00a0]+)$/u.exec(text.slice(Math.max(from, i - 4), i));
    if (punctuation && /^\p{Ll}/u.test(text[i + 1] ?? '')) {
      const start = i - punctuation[0].length;
      out.push({ start, end: i + 1, vars: { fix: `${punctuation[1]}” ` }, fix: { edits: [{ start, end: i + 1, text: `${punctuation[1]}” ` }] } });
      open = false;
    }
  }
}
