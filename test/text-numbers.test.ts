// Hand-written digit grouping must read as en-US does for every integer we print.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOf, groupDigits } from '../src/text/numbers.js';

describe('groupDigits', () => {
  it('puts a comma between groups of three digits', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1000)).toBe('1,000');
    expect(groupDigits(1234567)).toBe('1,234,567');
    expect(groupDigits(-12345)).toBe('-12,345');
    expect(groupDigits(1234.6)).toBe('1,235');
  });

  it('agrees with toLocaleString("en-US") on any safe integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
      }),
    );
  });
});

describe('countOf', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(countOf(1, 'file')).toBe('1 file');
    expect(countOf(0, 'file')).toBe('0 files');
    expect(countOf(2500, 'baseline entry', 'baseline entries')).toBe('2,500 baseline entries');
  });
});
