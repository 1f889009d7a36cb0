// Keys that make transliteration variants of a name equal: accents and special letters folded, spelling
// rules applied in order (q/k, zh/j, kh/h, -iy/-y endings, ...), doubled letters collapsed. The tables come
// from the name-consistency rule file; nothing here knows a language. A phonetic key (Double Metaphone of
// the spelling key) and a Jaro-Winkler score find the variants that no spelling rule covers.
import { doubleMetaphone } from 'double-metaphone';
import { escapeRegex } from '../text/regex.js';
import { isAscii } from '../text/case.js';

export interface SpellingRule {
  from: string;
  to: string;
  /** start: only at the start of a word; end: only at its end; vowels: only between two vowels. */
  where?: 'anywhere' | 'start' | 'end' | 'vowels';
}

export interface KeyTables {
  /** Letters replaced before accents are stripped (ł → l, ß → ss, ž → zh); keys are lower-case. */
  letters: Record<string, string>;
  /** Applied in order to the lower-case, accent-folded word. */
  spellings: SpellingRule[];
  vowels: string;
  collapseDoubles: boolean;
}


export class NameKeys {
  private readonly letters: Map<string, string>;
  private readonly rules: { from: string; pattern: RegExp; to: string }[];
  private readonly cache = new Map<string, string>();
  /** No letter replacement applies to ASCII text: folding an ASCII word is lower-casing it. */
  private readonly asciiFoldsPlain: boolean;

  constructor(private readonly tables: KeyTables) {
    this.letters = new Map(Object.entries(tables.letters).map(([from, to]) => [from.toLowerCase(), to]));
    this.asciiFoldsPlain = [...this.letters.keys()].every((from) => !isAscii(from));
    const vowels = `[${escapeRegex(tables.vowels)}]`;
    this.rules = tables.spellings.map(({ from, to, where = 'anywhere' }) => {
      const core = escapeRegex(from.toLowerCase());
      const source = where === 'start' ? `^${core}` : where === 'end' ? `${core}$` : where === 'vowels' ? `(?<=${vowels})${core}(?=${vowels})` : core;
      return { from: from.toLowerCase(), pattern: new RegExp(source, 'gu'), to: to.toLowerCase() };
    });
  }

  /** Lower case, special letters replaced, accents and other marks removed: Orbán → orban, Łukasz → lukasz. */
  fold(word: string): string {
    // ASCII has no marks to strip and (unless the table says otherwise) no letters to replace.
    if (this.asciiFoldsPlain && isAscii(word)) return word.toLowerCase();
    let out = '';
    for (const ch of word.toLowerCase()) out += this.letters.get(ch) ?? ch;
    return out.normalize('NFD').replace(/\p{M}+/gu, '');
  }

  /** The spelling key of one name part: Qassim, Kassym and Kassim all give "kasim". */
  key(part: string): string {
    let key = this.cache.get(part);
    if (key !== undefined) return key;
    const folded = this.fold(part);
    key = isAscii(folded) ? folded.replace(/[^A-Za-z0-9]+/g, '') : folded.replace(/[^\p{L}\p{N}]+/gu, '');
    // Most rules do not apply to a given word; a substring test is far cheaper than a replace.
    for (const rule of this.rules) if (key.includes(rule.from)) key = key.replace(rule.pattern, rule.to);
    if (this.tables.collapseDoubles) key = key.replace(/(.)\1+/gu, '$1');
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(part, key);
    return key;
  }
}

/** Primary Double Metaphone code of a spelling key: a coarse sound-alike key used to find candidates. */
export function phoneticKey(key: string): string {
  return /^[a-z]+$/.test(key) ? doubleMetaphone(key)[0] : key;
}

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to four letters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
