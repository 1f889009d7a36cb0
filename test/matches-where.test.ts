// matchesWhere: trying an exact regex only where a cheap candidate matches gives the matches of the exact
// regex alone, for the shapes the built-in checks use (a leading Unicode class, a leading lookbehind).
import { describe, expect, it } from 'vitest';
import { matches, matchesWhere } from '../src/rules/builtins/types.js';

const PIECES = ['a', 'b', 'Z', 'Q', 'é', 'É', 'ж', 'Ж', '中', '𝐚', '𝐀', '\ud835', ' ', '  ', '\u00a0', '\n', '.', '-', '7', 'may', 'tuesday', 'Protests', 'xyz'];

function randomTexts(count: number): string[] {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = Math.floor(random() * 24);
    for (let k = 0; k < length; k++) text += PIECES[Math.floor(random() * PIECES.length)];
    out.push(text);
  }
  return out;
}

const cases: { name: string; candidate: RegExp; exact: string; flags: string }[] = [
  { name: 'glued words', candidate: /[a-z\u0080-\uffff][A-Z\u0080-\uffff]/g, exact: '\\p{Ll}(\\p{Lu}\\p{Ll}{2,})(?![\\p{L}\\p{N}_/.-])', flags: 'u' },
  { name: 'a word after a lookbehind', candidate: /tuesday|may/g, exact: '(?<![\\p{L}\\p{N}/@#._-])(tuesday|may)(s?)(?![\\p{L}\\p{N}_/@-])', flags: 'u' },
  { name: 'spaces between words', candidate: /[ \u00a0]{2}/g, exact: '(?<=[^\\s])[ \\u00a0]{2,}(?=[^\\s])', flags: 'u' },
  { name: 'runs of a non-Latin script', candidate: /[\u0080-\uffff]/g, exact: '[\\p{Script=Cyrillic}\\p{Script=Han}]+(?:[ -]+[\\p{Script=Cyrillic}\\p{Script=Han}]+)*', flags: 'u' },
];

describe('matchesWhere', () => {
  it.each(cases)('finds what the exact regex finds alone: $name', ({ candidate, exact, flags }) => {
    const alone = new RegExp(exact, `${flags}g`);
    const sticky = new RegExp(exact, `${flags}y`);
    for (const text of randomTexts(4000)) {
      const expected = matches(alone, text).map((m) => [m.index, m[0]]);
      expect(matchesWhere(candidate, sticky, text).map((m) => [m.index, m[0]]), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('refuses regexes of the wrong kind', () => {
    expect(() => matchesWhere(/a/, /a/y, 'a')).toThrow(/global candidate/);
    expect(() => matchesWhere(/a/g, /a/g, 'a')).toThrow(/sticky/);
  });
});
