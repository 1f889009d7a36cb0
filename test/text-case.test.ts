// Letter-case helpers: the fast paths agree with the plain Unicode definitions on any text.
import { describe, expect, it } from 'vitest';
import { startsUpper, wordCase, type WordCase } from '../src/text/case.js';

/** The definition, letter by letter with Unicode properties. */
function referenceCase(word: string): WordCase {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let seenLetter = false;
  for (const ch of word) {
    if (/\p{Lu}/u.test(ch)) {
      upper++;
      if (!seenLetter) firstUpper = true;
      seenLetter = true;
    } else if (/\p{Ll}/u.test(ch)) {
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

const PIECES = ['a', 'Z', 'é', 'É', 'ß', 'ǅ', 'σ', 'Σ', 'ж', 'Ж', '𝐀', '𝐚', '\ud835', '7', '-', "'", '’', ' ', 'ı', 'İ', '中'];

describe('wordCase and startsUpper', () => {
  it('classify words as the Unicode letter categories say', () => {
    for (const word of ['tokayev', 'Tokayev', 'NATO', 'iPhone', 'McDonald', 'A', 'a', 'Élysée', 'ÉLYSÉE', 'ß', '2022', '', 'Kassym-Jomart', 'ǅemal', '𝐀𝐛']) {
      expect(wordCase(word), word).toBe(referenceCase(word));
      expect(startsUpper(word), word).toBe(/^\p{Lu}/u.test(word));
    }
    expect(wordCase('Tokayev')).toBe('title');
    expect(wordCase('nATO')).toBe('mixed');
  });

  it('agree with the definition on random mixes of scripts, astral letters and lone surrogates', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 5000; n++) {
      let word = '';
      const length = 1 + Math.floor(random() * 6);
      for (let k = 0; k < length; k++) word += PIECES[Math.floor(random() * PIECES.length)];
      expect(wordCase(word), JSON.stringify(word)).toBe(referenceCase(word));
      expect(startsUpper(word), JSON.stringify(word)).toBe(/^\p{Lu}/u.test(word));
    }
  });
});
