// Offset <-> line/column conversion and the line/paragraph layout of a text.

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
}

export interface TextLine {
  start: number;
  /** End of the line's content, before its terminator. */
  end: number;
  /** End including the terminator (\n, \r\n or \r). */
  next: number;
  blank: boolean;
}

export interface Paragraph {
  start: number;
  end: number;
  firstLine: number; // index into lines
  lastLine: number;
}

export class LineIndex {
  readonly lines: TextLine[];
  private paragraphsCache: Paragraph[] | undefined;

  /**
   * `origin` is where the text starts in a longer document it is a window of: positions are then reported in
   * the document's lines and columns, while `lines` and `paragraphs` keep offsets into this text.
   */
  constructor(
    readonly text: string,
    private readonly origin: Position = { line: 1, column: 1 },
  ) {
    this.lines = splitLines(text);
  }

  position(offset: number): Position {
    const lines = this.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = offset - lines[lo]!.start + 1;
    return lo === 0 ? { line: this.origin.line, column: column + this.origin.column - 1 } : { line: lo + this.origin.line, column };
  }

  /** Maximal runs of non-blank lines. */
  get paragraphs(): Paragraph[] {
    if (this.paragraphsCache) return this.paragraphsCache;
    const out: Paragraph[] = [];
    let first = -1;
    this.lines.forEach((line, i) => {
      if (!line.blank && first === -1) first = i;
      if (first !== -1 && (line.blank || i === this.lines.length - 1)) {
        const last = line.blank ? i - 1 : i;
        out.push({ start: this.lines[first]!.start, end: this.lines[last]!.end, firstLine: first, lastLine: last });
        first = -1;
      }
    });
    this.paragraphsCache = out;
    return out;
  }
}

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  const blankRe = /^[ \t\u00a0]*$/;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ start, end: i, next, blank: blankRe.test(text.slice(start, i)) });
      start = next;
      i = next - 1;
    }
  }
  lines.push({ start, end: text.length, next: text.length, blank: blankRe.test(text.slice(start)) });
  return lines;
}
