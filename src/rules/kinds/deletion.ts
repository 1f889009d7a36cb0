// Edits that delete page furniture without leaving holes: whole lines, whole paragraphs, or text inside a line.
import type { LineIndex } from '../../documents/lines.js';
import type { Edit } from '../../engine/types.js';

/** Deletes lines first..last (indexes into lines.lines). A whole paragraph takes one blank separator with it. */
export function deleteLines(index: LineIndex, first: number, last: number): Edit {
  const lines = index.lines;
  const firstLine = lines[first]!;
  const lastLine = lines[last]!;
  const wholeParagraph = (first === 0 || lines[first - 1]!.blank) && (last === lines.length - 1 || lines[last + 1]!.blank);
  if (!wholeParagraph) {
    // The text's last line has no line break of its own: take the one before it instead.
    if (lastLine.next === lastLine.end && first > 0) return { start: lines[first - 1]!.end, end: lastLine.end, text: '' };
    return { start: firstLine.start, end: lastLine.next, text: '' };
  }
  // Next paragraph: delete up to its first line, so one separator remains between neighbours.
  let next = last + 1;
  while (next < lines.length && lines[next]!.blank) next++;
  if (next < lines.length) return { start: firstLine.start, end: lines[next]!.start, text: '' };
  // Last paragraph: delete from the end of the previous paragraph, keeping the file's final line break.
  let previous = first - 1;
  while (previous >= 0 && lines[previous]!.blank) previous--;
  if (previous >= 0) return { start: lines[previous]!.end, end: lastLine.end, text: '' };
  return { start: firstLine.start, end: lastLine.end, text: '' };
}

/** Deletes text inside a line together with the spaces that separated it from its neighbours. */
export function deleteInline(text: string, start: number, end: number): Edit {
  let s = start;
  let e = end;
  const atLineEnd = /^[ \t\u00a0]*(?:\r?\n|\r|$)/.test(text.slice(e, e + 200));
  if (atLineEnd) while (s > 0 && isBlank(text[s - 1])) s--;
  while (e < text.length && isBlank(text[e])) e++;
  return { start: s, end: e, text: '' };
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0';
}
