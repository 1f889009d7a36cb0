// Cutting a long text into windows that can be processed one at a time, so memory follows the window, not
// the document. Cuts prefer the places where nothing a rule looks at runs across: a paragraph break, then a
// line break, then the end of a sentence, then a space, and never inside a character (a surrogate pair) or a
// grapheme cluster (a letter and its combining accents, an emoji sequence).

/** A half-open range [start, end) of the text. */
export type Window = [start: number, end: number];

// Made on first use: loading the segmenter's data costs some 10 ms of start-up, and only long texts are cut.
let graphemes: Intl.Segmenter | undefined;

/**
 * Windows of at most `size` UTF-16 code units (a single grapheme cluster longer than that is kept whole)
 * covering the text in order; a text no longer than `size` is one window. Each window is at least half as
 * long as `size` when a good cut exists in its second half; otherwise it is cut at the best place found there.
 */
export function* textWindows(text: string, size: number): Generator<Window> {
  let start = 0;
  while (text.length - start > size) {
    const cut = bestCut(text, start + Math.floor(size / 2), start + size);
    yield [start, cut];
    start = cut;
  }
  yield [start, text.length];
}

/** The best cut in (from, to]: the position after the last paragraph break, line break, sentence end or space. */
function bestCut(text: string, from: number, to: number): number {
  let line = -1;
  let sentence = -1;
  let space = -1;
  for (let i = to; i > from; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i) === 10) continue; // never between the CR and LF of one line break
      if (isParagraphBreak(text, i - 1)) return i;
      if (line === -1) line = i;
    } else if (line !== -1 || sentence !== -1) {
      continue;
    } else if (isSpace(c)) {
      if (endsSentence(text, i - 1)) sentence = i;
      else if (space === -1) space = i;
    } else if (isFullWidthSentenceEnd(c)) {
      sentence = i;
    }
  }
  if (line !== -1) return line;
  if (sentence !== -1) return sentence;
  if (space !== -1) return space;
  return graphemeBoundary(text, from, to);
}

/** The line break at `at` follows another one, with only spaces and tabs between: a blank line. */
function isParagraphBreak(text: string, at: number): boolean {
  let i = at - 1;
  if (text.charCodeAt(at) === 10 && text.charCodeAt(i) === 13) i--;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  const c = text.charCodeAt(i);
  return c === 10 || c === 13;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}

/** The space at `at` follows a full stop, question or exclamation mark, perhaps with a closing quote or bracket. */
function endsSentence(text: string, at: number): boolean {
  let c = text.charCodeAt(at - 1);
  if (c === 0x201d || c === 0x2019 || c === 34 || c === 39 || c === 41 || c === 0xbb) c = text.charCodeAt(at - 2);
  return c === 46 || c === 33 || c === 63;
}

function isFullWidthSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f; // 。！？ (Chinese and Japanese put no space after them)
}

/** The last grapheme-cluster boundary in (from, to]; never inside a surrogate pair. */
function graphemeBoundary(text: string, from: number, to: number): number {
  // Segmenting a whole document is slow (Intl.Segmenter grows faster than the text); a short stretch is enough.
  const lookBack = Math.max(from, to - 64);
  let boundary = -1;
  for (const { index } of (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text.slice(lookBack, to + 64))) {
    const at = lookBack + index;
    if (at > to) break;
    if (index > 0) boundary = at;
  }
  if (boundary > from) return boundary;
  // A cluster longer than the stretch looked at (a letter under dozens of accents): keep at least the characters whole.
  const c = text.charCodeAt(to);
  return c >= 0xdc00 && c <= 0xdfff ? to - 1 : to;
}
