// When two written forms are one name. Forms are split into parts (words, and the pieces of hyphenated
// words) and compared part by part, so given names and surnames are compared separately: each part must be
// the same after folding accents, have the same spelling key, or (one part at most) sound alike and be
// similar enough. Guards keep apart what looks alike but is not the same: masculine and feminine surnames,
// a name and the name plus an ending, listed sets of similar names, acronyms, short parts, common words.
import { NameKeys, jaroWinkler, phoneticKey } from './keys.js';
import type { NameOptions } from './types.js';
import { isAscii } from '../text/case.js';

export interface FormInfo {
  form: string;
  /** Number of space-separated words. */
  words: number;
  parts: string[];
  folds: string[];
  keys: string[];
  acronym: boolean[];
  fullKey: string;
  joinedKey: string;
  /** Phonetic keys of the parts, space-separated: candidates for a fuzzy match share it. */
  phonetic: string;
  /** Key of the last word (a surname): links a surname used alone to the full name. */
  lastWordKey: string;
}

/** The parts of the words before the last (given names); none for a one-word name. */
function givenParts(info: FormInfo): number {
  return info.words > 1 ? info.parts.length - info.form.slice(info.form.lastIndexOf(' ') + 1).split(/[-‐‑]/u).filter(Boolean).length : 0;
}

/** Two or more letters, all capitals (NATO, OSCE, U.N.). */
function isAcronym(part: string): boolean {
  // ASCII without Unicode classes: the registry and most corpus forms are ASCII.
  if (isAscii(part)) return /^[A-Z]{2,}$/.test(part.replace(/[^A-Za-z]/g, ''));
  return /^\p{Lu}{2,}$/u.test(part.replace(/[^\p{L}]/gu, ''));
}

/** How strongly two forms are one name; 0 when they are not. */
export const MATCH = { folded: 4, key: 3, joined: 2, fuzzy: 1 } as const;

export class NameComparer {
  readonly keys: NameKeys;
  private readonly info = new Map<string, FormInfo>();
  private readonly common: Set<string>;
  private readonly distinctSet = new Map<string, number>();
  private readonly genderEndings: [string, string][];
  private readonly distinctEndings: string[];

  constructor(private readonly options: NameOptions) {
    this.keys = new NameKeys(options);
    this.common = new Set(options.commonWords.map((w) => this.keys.fold(w)));
    options.distinct.forEach((set, i) => {
      for (const name of set) this.distinctSet.set(this.keys.fold(name), i);
    });
    this.genderEndings = options.genderEndings.map(([m, f]) => [this.keys.fold(m), this.keys.fold(f)]);
    this.distinctEndings = options.distinctEndings.map((e) => this.keys.fold(e));
  }

  describe(form: string): FormInfo {
    let info = this.info.get(form);
    if (info) return info;
    const words = form.split(' ');
    const parts = words.flatMap((w) => w.split(/[-‐‑]/u)).filter(Boolean);
    const keys = parts.map((p) => this.keys.key(p));
    const lastWord = words[words.length - 1]!;
    info = {
      form,
      words: words.length,
      parts,
      folds: parts.map((p) => this.keys.fold(p)),
      keys,
      acronym: parts.map(isAcronym),
      fullKey: keys.join(' '),
      joinedKey: keys.join(''),
      phonetic: keys.map(phoneticKey).join(' '),
      lastWordKey: lastWord
        .split(/[-‐‑]/u)
        .map((p) => this.keys.key(p))
        .join(''),
    };
    if (this.info.size > 200_000) this.info.clear();
    this.info.set(form, info);
    return info;
  }

  /** A generic word of names (Police, Square), per the commonWords option. */
  isCommon(word: string): boolean {
    return this.common.has(this.keys.fold(word));
  }

  /** MATCH strength of two forms (0: different names). */
  compare(a: FormInfo, b: FormInfo): number {
    if (a.form === b.form) return MATCH.folded;
    if (a.parts.length === b.parts.length) {
      let strength: number = MATCH.folded;
      let fuzzy = 0;
      const given = givenParts(a);
      for (let i = 0; i < a.parts.length; i++) {
        const s = this.compareParts(a, b, i, i, i < given && i < givenParts(b));
        if (s === 0) return 0;
        if (s < MATCH.key && ++fuzzy > 1 && a.parts.length > 1) return 0;
        strength = Math.min(strength, s);
      }
      return strength;
    }
    // Nur-Sultan / Nursultan: the same letters with a hyphen or space dropped.
    if (a.joinedKey !== b.joinedKey || a.joinedKey.length <= this.options.shortKey) return 0;
    if ([...a.acronym, ...b.acronym].some(Boolean) || [...a.folds, ...b.folds].some((f) => this.common.has(f))) return 0;
    const setA = this.distinctSet.get(a.folds.join(''));
    const setB = this.distinctSet.get(b.folds.join(''));
    if (setA !== undefined && setA === setB && a.folds.join('') !== b.folds.join('')) return 0;
    return MATCH.joined;
  }

  /** Strength of one part pair: folded, key, fuzzy (1 + similarity; given names only), or 0. */
  private compareParts(a: FormInfo, b: FormInfo, i: number, j: number, given: boolean): number {
    const foldA = a.folds[i]!;
    const foldB = b.folds[j]!;
    if (a.acronym[i] !== b.acronym[j]) return 0;
    if (foldA === foldB) return MATCH.folded;
    if (a.acronym[i] || this.common.has(foldA) || this.common.has(foldB)) return 0;
    const setA = this.distinctSet.get(foldA);
    if (setA !== undefined && setA === this.distinctSet.get(foldB)) return 0;
    if (this.genderPair(foldA, foldB) || this.genderPair(foldB, foldA)) return 0;
    const keyA = a.keys[i]!;
    const keyB = b.keys[j]!;
    if (this.distinctEndings.some((e) => keyA + e === keyB || keyB + e === keyA || foldA + e === foldB || foldB + e === foldA)) return 0;
    if (keyA === keyB) return keyA.length > this.options.shortKey ? MATCH.key : 0;
    // Sound and similarity only for given names (Saltanat / Saltanet): surnames and one-word names that
    // differ by a letter are too often other names (Bolgarov / Bolgarev, Tokayev / Tokarev).
    if (!given || Math.min(keyA.length, keyB.length) < this.options.fuzzyMinLength) return 0;
    if (keyA[0] !== keyB[0] || keyA[keyA.length - 1] !== keyB[keyB.length - 1]) return 0;
    if (phoneticKey(keyA) !== phoneticKey(keyB)) return 0;
    const similarity = jaroWinkler(keyA, keyB);
    return similarity >= this.options.similarity ? MATCH.fuzzy + similarity * 0.99 : 0;
  }

  /** Navalny / Navalnaya: a masculine ending on one and the matching feminine ending on the other. */
  private genderPair(masculine: string, feminine: string): boolean {
    return this.genderEndings.some(
      ([m, f]) => masculine.endsWith(m) && feminine.endsWith(f) && !masculine.endsWith(f) && masculine.length - m.length > 1 && feminine.length - f.length > 1,
    );
  }
}
