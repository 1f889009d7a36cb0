import { describe, expect, it } from 'vitest';
import { LiteralMatcher } from '../src/engine/literal-matcher.js';

const hits = (matcher: LiteralMatcher, text: string) => [...matcher.scan(text)].map((h) => [h.text, h.data]);

describe('literal matcher', () => {
  it('matches whole words only, case-insensitively, across spaces and a line break', () => {
    const m = new LiteralMatcher([{ text: 'power outage', caseSensitive: false, data: 1 }]);
    expect(hits(m, 'A Power  Outage, and a power\noutage; not superpower outages.')).toEqual([
      ['Power  Outage', 1],
      ['power\noutage', 1],
    ]);
  });

  it('prefers the longest literal at a position', () => {
    const m = new LiteralMatcher([
      { text: 'internet power outage', caseSensitive: false, data: 'long' },
      { text: 'power outage', caseSensitive: false, data: 'short' },
    ]);
    expect(hits(m, 'an internet power outage and a power outage')).toEqual([
      ['internet power outage', 'long'],
      ['power outage', 'short'],
    ]);
  });

  it('checks case-sensitive literals exactly', () => {
    const m = new LiteralMatcher([{ text: 'Netblocks', caseSensitive: true, data: 1 }]);
    expect(hits(m, 'NetBlocks and Netblocks and netblocks')).toEqual([['Netblocks', 1]]);
  });

  it('handles literals with punctuation, accents and regex characters', () => {
    const m = new LiteralMatcher([
      { text: 'Nursultán', caseSensitive: true, data: 'accent' },
      { text: 'Kassym-Jomart', caseSensitive: true, data: 'hyphen' },
      { text: '(I)', caseSensitive: true, data: 'paren' },
      { text: 'a.m.', caseSensitive: false, data: 'dots' },
    ]);
    expect(hits(m, 'Nursultán met Kassym-Jomart at 9 a.m. (I)')).toEqual([
      ['Nursultán', 'accent'],
      ['Kassym-Jomart', 'hyphen'],
      ['a.m.', 'dots'],
      ['(I)', 'paren'],
    ]);
  });

  it('matches in a text whose lower case changes its length (İ), at the right offsets', () => {
    const m = new LiteralMatcher([
      { text: 'power outage', caseSensitive: false, data: 'outage' },
      { text: 'İzmir', caseSensitive: true, data: 'city' },
    ]);
    const text = 'İzmir had a Power Outage; İZMİR too.';
    expect([...m.scan(text)].map((h) => [h.start, h.end, h.data])).toEqual([
      [0, 5, 'city'],
      [12, 24, 'outage'],
    ]);
  });

  it('hands one literal to every rule that owns it', () => {
    const m = new LiteralMatcher([
      { text: 'tenges', caseSensitive: false, data: 'a' },
      { text: 'tenges', caseSensitive: false, data: 'b' },
    ]);
    expect(hits(m, '50 tenges')).toEqual([
      ['tenges', 'a'],
      ['tenges', 'b'],
    ]);
  });

  it('scales to thousands of literals in one expression', () => {
    const specs = Array.from({ length: 3000 }, (_, i) => ({ text: `phrase number ${i} here`, caseSensitive: false, data: i }));
    const m = new LiteralMatcher(specs);
    expect(hits(m, 'x phrase number 2999 here y phrase number 12 here')).toEqual([
      ['phrase number 2999 here', 2999],
      ['phrase number 12 here', 12],
    ]);
  });
});

describe('channels', () => {
  // Two owners' literals in one trie: each channel gets exactly the hits a matcher of its own would give,
  // including where their literals overlap, nest, or differ only in case.
  const rules = [
    { text: 'power outage', caseSensitive: false, data: 'r1' },
    { text: 'power', caseSensitive: false, data: 'r2' },
    { text: 'Global regulator', caseSensitive: false, data: 'r3' },
    { text: 'Nur Sultan', caseSensitive: true, data: 'r4' },
    { text: 'Jomart', caseSensitive: false, data: 'r5' },
    { text: 'outage in', caseSensitive: false, data: 'r6' },
  ];
  const names = [
    { text: 'Nur-Sultan', caseSensitive: true, data: 'n1' },
    { text: 'Nur Sultan', caseSensitive: true, data: 'n2' },
    { text: 'Kassym-Jomart Tokayev', caseSensitive: true, data: 'n3' },
    { text: 'power outage in Almaty', caseSensitive: true, data: 'n4' },
    { text: 'Almaty', caseSensitive: true, data: 'n5' },
  ];
  const words = ['power', 'Power', 'outage', 'in', 'Almaty', 'almaty', 'Nur', 'Sultan', 'nur', '-', 'Kassym', 'Jomart', 'Tokayev', 'Global', 'regulator', ',', '.'];
  const hitsOf = (iterable: Iterable<{ start: number; end: number; data: unknown }>) => [...iterable].map((h) => [h.start, h.end, h.data]);

  it('give each owner the hits of a matcher of its own, on random text', () => {
    const combined = new LiteralMatcher([...rules, ...names.map((n) => ({ ...n, channel: 1 }))]);
    const alone = [new LiteralMatcher(rules), new LiteralMatcher(names)];
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const fixed = ['Kassym-Jomart Tokayev met Jomart in Nur-Sultan.', 'A power outage in Almaty and a Power outage in almaty.', 'Nur Sultan, nur sultan, Nur-Sultan.'];
    for (let n = 0; n < 3000 + fixed.length; n++) {
      let text = fixed[n] ?? '';
      const length = n < fixed.length ? 0 : Math.floor(random() * 12);
      for (let k = 0; k < length; k++) text += (random() < 0.2 ? '' : ' ') + words[Math.floor(random() * words.length)];
      const all = [...combined.scan(text)];
      for (const channel of [0, 1]) {
        expect(hitsOf(all.filter((h) => (h.spec.channel ?? 0) === channel)), JSON.stringify(text)).toEqual(hitsOf(alone[channel]!.scan(text)));
      }
    }
  });
});
