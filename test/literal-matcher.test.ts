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
