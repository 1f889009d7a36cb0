// The acceptance figures of the core issue, measured with `mtaudit eval` on the bundled corpus and the
// gold annotations copied into test/fixtures. Thresholds, not exact numbers: the rules may improve.
import { describe, expect, it } from 'vitest';
import { CLEAN, CORPUS, GOLD, mtaudit } from './helpers/cli.js';

describe('seed corpus (mtaudit eval)', () => {
  const result = mtaudit(['eval', '--json', '--gold', GOLD, '--clean', CLEAN, CORPUS]);
  const report = JSON.parse(result.stdout);

  it('runs cleanly', () => {
    expect(result.code).toBe(0);
    expect(report.documents).toBe(5);
  });

  it('finds at least 90% of the required artifacts', () => {
    expect(report.recallRequired.found / report.recallRequired.total).toBeGreaterThanOrEqual(0.9);
  });

  it('has precision of at least 85%', () => {
    expect(report.precision.matched / report.precision.total).toBeGreaterThanOrEqual(0.85);
  });

  it('flags no clean span', () => {
    expect(report.cleanHits).toEqual([]);
  });

  it('gives the exact fix for at least 80% of the required artifacts that have one', () => {
    expect(report.fixes.exact / report.fixes.total).toBeGreaterThanOrEqual(0.8);
  });

  it('prints a readable report with misses and per-category figures', () => {
    const text = mtaudit(['eval', '--gold', GOLD, '--clean', CLEAN, CORPUS]).stdout;
    expect(text).toMatch(/recall \(required\): +\d+\/\d+ = [\d.]+%/);
    expect(text).toMatch(/precision by category:\n/);
  });
});
