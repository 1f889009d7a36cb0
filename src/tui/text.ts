// Pure text layout for the screens: styled runs wrapped into lines of a given width, so every screen knows
// its exact height before ink draws it (a fixed frame does not jump or flicker).

export type Style =
  | 'plain'
  | 'bold'
  | 'dim'
  | 'key'
  | 'current'
  | 'other'
  | 'removed'
  | 'added'
  | 'caret'
  | 'selected'
  | 'info'
  | 'warn'
  | 'error'
  | 'critical'
  | 'major'
  | 'minor'
  | 'accepted'
  | 'rejected';

/** Styles that mark a span of text as such: their spaces matter. */
const MARKS = new Set<Style>(['current', 'removed', 'added', 'caret']);

export interface Run {
  text: string;
  style: Style;
}

export type Line = Run[];

/** Display width of a string: one column per code point, except combining marks and wide East Asian characters. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Shortens text to a width with an ellipsis at the end. */
export function truncateEnd(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Shortens text to a width with an ellipsis at the start (paths keep their file name). */
export function truncateStart(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  const chars = [...text];
  let out = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = charWidth(chars[i]!.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out = chars[i] + out;
    w += cw;
  }
  return `…${out}`;
}

/** Pads or cuts text to exactly a width. */
export function fit(text: string, width: number): string {
  const cut = truncateEnd(text, width);
  return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/**
 * Wraps styled runs into lines no wider than `width`, breaking at spaces where it can and inside a word
 * only when the word alone is wider than a line. Line breaks in the text start a new line.
 */
export function wrapRuns(runs: readonly Run[], width: number): Line[] {
  const w = Math.max(1, width);
  const lines: Line[] = [];
  let line: Line = [];
  let used = 0;
  const push = (text: string, style: Style) => {
    if (!text) return;
    const last = line[line.length - 1];
    if (last && last.style === style) last.text += text;
    else line.push({ text, style });
    used += textWidth(text);
  };
  const newLine = () => {
    lines.push(trimEnd(line));
    line = [];
    used = 0;
  };
  // Tokens: words (with the style of each character kept) and the spaces between them.
  for (const token of tokenize(runs)) {
    if (token.kind === 'break') {
      newLine();
      continue;
    }
    const width = token.parts.reduce((n, p) => n + textWidth(p.text), 0);
    if (token.kind === 'space') {
      // Spaces vanish at a line break, except marked ones (a flagged double space, a deleted space).
      const plain = !token.parts.some((p) => MARKS.has(p.style));
      if (used + width > w) {
        newLine();
        if (plain) continue;
      }
      if (used === 0 && plain && lines.length > 0) continue;
      for (const p of token.parts) push(p.text, p.style);
      continue;
    }
    if (used + width > w && used > 0) newLine();
    if (width <= w) {
      for (const p of token.parts) push(p.text, p.style);
      continue;
    }
    // A word longer than a line: cut it into pieces.
    for (const p of token.parts) {
      for (const ch of p.text) {
        const cw = textWidth(ch);
        if (used + cw > w && used > 0) newLine();
        push(ch, p.style);
      }
    }
  }
  lines.push(trimEnd(line));
  return lines;
}

type Token = { kind: 'word' | 'space'; parts: Run[] } | { kind: 'break' };

function tokenize(runs: readonly Run[]): Token[] {
  const tokens: Token[] = [];
  let current: { kind: 'word' | 'space'; parts: Run[] } | null = null;
  for (const run of runs) {
    for (const piece of run.text.split(/(\r\n|\r|\n|[ \t]+)/)) {
      if (!piece) continue;
      if (/^(\r\n|\r|\n)$/.test(piece)) {
        current = null;
        tokens.push({ kind: 'break' });
        continue;
      }
      const kind = /^[ \t]+$/.test(piece) ? 'space' : 'word';
      const text = kind === 'space' ? piece.replace(/\t/g, ' ') : piece;
      if (current && current.kind === kind) {
        const last = current.parts[current.parts.length - 1]!;
        if (last.style === run.style) last.text += text;
        else current.parts.push({ text, style: run.style });
      } else {
        current = { kind, parts: [{ text, style: run.style }] };
        tokens.push(current);
      }
    }
  }
  return tokens;
}

/** Drops trailing plain spaces; styled spaces (a highlighted deletion) stay visible. */
function trimEnd(line: Line): Line {
  const out = line.map((r) => ({ ...r }));
  while (out.length) {
    const last = out[out.length - 1]!;
    if (last.style !== 'plain') break;
    last.text = last.text.replace(/[ \t]+$/, '');
    if (last.text) break;
    out.pop();
  }
  return out;
}

/** The window of `height` lines that shows line `focus`, a third of the way down when it can. */
export function windowAround(total: number, focus: number, height: number): { start: number; end: number } {
  if (total <= height) return { start: 0, end: total };
  const start = Math.max(0, Math.min(total - height, focus - Math.floor(height / 3)));
  return { start, end: start + height };
}

/** Makes control characters and line breaks visible in a one-line field. */
export function visible(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '⏎').replace(/\t/g, '→');
}
