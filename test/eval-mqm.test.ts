// `mtaudit eval --mqm`: precision against expert spans, false alarms on expert-clean segments.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mtaudit, ROOT } from './helpers/cli.js';
import { mqmDocuments, readMqmTsv } from '../src/eval/mqm.js';

const SAMPLE = join(ROOT, 'test', 'fixtures', 'mqm-sample.tsv');

describe('eval --mqm', () => {
  it('groups segments into one document per system and doc, one segment per line', async () => {
    const docs = mqmDocuments(await readMqmTsv(SAMPLE));
    expect(docs.map((d) => [d.document.path, d.human, d.segments.length])).toEqual([
      ['s1/ref/d1', true, 1],
      ['s1/sysA/d1', false, 2],
      ['s1/sysB/d1', false, 1],
    ]);
    const sysA = docs[1]!;
    expect(sysA.document.text.slice(sysA.segments[1]!.start, sysA.segments[1]!.end)).toBe('Prices rose over the increase. fuel costs.');
  });

  it('counts a finding on an expert span as precise and one on a clean segment as a false alarm', () => {
    const r = mtaudit(['eval', '--json', '--mqm', SAMPLE]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.segments).toBe(4);
    expect(report.precision).toMatchObject({ findings: 2, onExpertSpan: 1 });
    expect(report.precision.byRule['punctuation.stray-full-stop']).toEqual({ findings: 1, onExpertSpan: 1 });
    expect(report.falseAlarms.human).toMatchObject({ findings: 0, words: 9 });
    // sysB's segment has a source-side error only, so it is not expert-clean.
    expect(report.falseAlarms.mt).toMatchObject({ findings: 1, words: 9, per1000Words: 111.11 });
    expect(report.falseAlarms.byRule).toEqual({ 'capitalization.lowercase-dates': 1 });
  });

  it('needs --gold or --mqm', () => {
    const r = mtaudit(['eval']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/eval needs --gold FILE/);
  });
});
