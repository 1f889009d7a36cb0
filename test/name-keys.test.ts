// Name keys take shortcuts on ASCII (no Unicode classes, no normalisation, spelling rules only where their
// letters occur); every key must equal the plain definition's, on any word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { NameKeys } from '../src/names/keys.js';
import { NameComparer } from '../src/names/compare.js';
import type { NameOptions } from '../src/names/types.js';

const { rules } = await loadRules();
const options = rules.find((r) => r.id === 'names.consistency')!.definition.options as NameOptions;

/** The definition: lower case, letters replaced, marks removed, non-letters dropped, spelling rules in order, doubles collapsed. */
function referenceKey(word: string): string {
  const letters = new Map(Object.entries(options.letters).map(([from, to]) => [from.toLowerCase(), to]));
  let folded = '';
  for (const ch of word.toLowerCase()) folded += letters.get(ch) ?? ch;
  let key = folded.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}]+/gu, '');
  const vowels = `[${options.vowels.replace(/[\\\]^-]/g, '\\$&')}]`;
  for (const { from, to, where = 'anywhere' } of options.spellings) {
    const core = from.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const source = where === 'start' ? `^${core}` : where === 'end' ? `${core}$` : where === 'vowels' ? `(?<=${vowels})${core}(?=${vowels})` : core;
    key = key.replace(new RegExp(source, 'gu'), to.toLowerCase());
  }
  return options.collapseDoubles ? key.replace(/(.)\1+/gu, '$1') : key;
}

const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9'’._-]{1,14}$/),
  fc.stringMatching(/^[A-Za-zÀ-žŁłßøæœıəđðþħ'-]{1,14}$/),
  fc.constantFrom('Qassym-Jomart', 'Tokayev', 'Łukasz', 'Schmyhal', 'Djokovic', 'Orbán', 'Zhanaozen', 'NATO', 'O’Brien', 'Tokaiev'),
);

describe('name keys', () => {
  it('equal the plain definition on any word, ASCII or not', () => {
    const keys = new NameKeys(options);
    fc.assert(
      fc.property(word, (w) => {
        expect(keys.key(w)).toBe(referenceKey(w));
      }),
      { numRuns: 2000 },
    );
  });

  it('mark acronyms by their capitals, with the same answer on ASCII and on other scripts', () => {
    const comparer = new NameComparer(options);
    const acronyms = (form: string) => comparer.describe(form).acronym;
    expect(acronyms('NATO')).toEqual([true]);
    expect(acronyms('U.N. Security Council')).toEqual([true, false, false]);
    expect(acronyms('ОДКБ')).toEqual([true]);
    expect(acronyms('Nato')).toEqual([false]);
    expect(acronyms('A')).toEqual([false]);
    fc.assert(
      fc.property(word, (w) => {
        const parts = comparer.describe(w).parts;
        expect(acronyms(w)).toEqual(parts.map((p) => /^\p{Lu}{2,}$/u.test(p.replace(/[^\p{L}]/gu, ''))));
      }),
      { numRuns: 1000 },
    );
  });
});
