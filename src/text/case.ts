// Letter-case helpers used by checks and fixes.

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

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
  for (const ch of word) {
    if (UPPER.test(ch)) {
      upper++;
      if (!seenLetter) firstUpper = true;
      seenLetter = true;
    } else if (LOWER.test(ch)) {
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
