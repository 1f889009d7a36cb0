// Letter-case helpers used by checks and fixes.

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const NON_ASCII = /[^\x00-\x7f]/;

/** True when every character is ASCII: the cue for the faster paths that skip Unicode classes. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

export function isUpperLetter(ch: string | undefined): boolean {
  return ch !== undefined && UPPER.test(ch);
}

export function isLowerLetter(ch: string | undefined): boolean {
  return ch !== undefined && LOWER.test(ch);
}

export function firstLetter(text: string): string | undefined {
  for (const ch of text) if (LETTER.test(ch)) return ch;
  return undefined;
}

export type WordCase = 'lower' | 'upper' | 'title' | 'mixed' | 'none';

export function wordCase(word: string): WordCase {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let seenLetter = false;
  for (let i = 0; i < word.length; i++) {
    // ASCII without a regular expression: this runs on every token of every document.
    const code = word.charCodeAt(i);
    let isUpper: boolean;
    let isLower: boolean;
    if (code < 128) {
      isUpper = code >= 65 && code <= 90;
      isLower = code >= 97 && code <= 122;
    } else {
      const point = word.codePointAt(i)!;
      if (point > 0xffff) i++;
      const ch = String.fromCodePoint(point);
      isUpper = UPPER.test(ch);
      isLower = !isUpper && LOWER.test(ch);
    }
    if (isUpper) {
      upper++;
      if (!seenLetter) firstUpper = true;
      seenLetter = true;
    } else if (isLower) {
      lower++;
      seenLetter = true;
    }
  }
  if (upper === 0 && lower === 0) return 'none';
  if (upper === 0) return 'lower';
  if (lower === 0) return upper === 1 && word.length > 1 && !firstUpper ? 'mixed' : 'upper';
  if (firstUpper && upper === 1) return 'title';
  return 'mixed';
}

/** True when the text starts with an upper-case letter (ASCII without a regular expression). */
export function startsUpper(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER_START.test(text);
}

const UPPER_START = /^\p{Lu}/u;

export function capitalize(text: string): string {
  return text.replace(/\p{L}/u, (ch) => ch.toUpperCase());
}

export function decapitalize(text: string): string {
  return text.replace(/\p{L}/u, (ch) => ch.toLowerCase());
}

/** Gives a replacement the sentence-initial capital of the text it replaces. */
export function matchInitialCase(original: string, replacement: string): string {
  const o = firstLetter(original);
  const r = firstLetter(replacement);
  if (o && r && isUpperLetter(o) && isLowerLetter(r)) return capitalize(replacement);
  return replacement;
}
