// The CI gate: its rules in isolation, then every exit code of `mtaudit lint` and where the settings come from.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_GATE, Gate, gatePenalty, MIN_GATE_WORDS } from '../src/gate/gate.js';
import type { DocumentResult } from '../src/engine/linter.js';
import type { RunSummary } from '../src/engine/summary.js';
import { SummaryBuilder } from '../src/engine/summary.js';
import type { Finding, Severity } from '../src/engine/types.js';
import { scoreFindings } from '../src/score/penalty.js';
import { CORPUS, mtaudit, tempDir } from './helpers/cli.js';

function finding(severity: Severity, category: Finding['category'] = 'grammar'): Finding {
  return { ruleId: 'x.y', category, severity, message: 'm', range: { start: 0, end: 1 }, line: 1, column: 1, endLine: 1, endColumn: 2, fix: null };
}

function result(path: string, words: number, findings: Finding[]): DocumentResult {
  return { path, words, findings, score: scoreFindings(findings, words) };
}

function judge(options: Partial<typeof DEFAULT_GATE>, results: DocumentResult[]) {
  const gate = new Gate({ ...DEFAULT_GATE, ...options });
  const summary = new SummaryBuilder();
  for (const r of results) {
    gate.add(r);
    summary.add(r);
  }
  return gate.evaluate(summary.build() as RunSummary);
}

describe('Gate', () => {
  it('fails on a finding at or above --fail-on, and says how many', () => {
    const docs = [result('a.txt', 1000, [finding('minor'), finding('major'), finding('critical')])];
    expect(judge({ failOn: 'major', maxPenalty: null }, docs)).toEqual({ passed: false, reason: '2 findings at or above major (--fail-on major)' });
    expect(judge({ failOn: 'critical', maxPenalty: null }, docs).reason).toBe('1 finding at or above critical (--fail-on critical)');
    expect(judge({ failOn: 'minor', maxPenalty: null }, docs).reason).toMatch(/^3 findings at or above minor/);
    expect(judge({ failOn: 'none', maxPenalty: null }, docs)).toEqual({ passed: true });
  });

  it('fails when the run has more findings than --max-findings', () => {
    const docs = [result('a.txt', 1000, [finding('minor'), finding('minor')])];
    expect(judge({ failOn: 'none', maxFindings: 2, maxPenalty: null }, docs).passed).toBe(true);
    expect(judge({ failOn: 'none', maxFindings: 1, maxPenalty: null }, docs).reason).toBe('2 findings, more than --max-findings 1');
  });

  it('checks --max-penalty per document and names the worst one', () => {
    const clean = Array.from({ length: 50 }, (_, i) => result(`clean-${i}.txt`, 1000, []));
    const bad = result('bad.txt', 1000, Array.from({ length: 6 }, () => finding('minor')));
    const worse = result('worse.txt', 1000, Array.from({ length: 9 }, () => finding('minor')));
    // The run average (15 penalty in 52,000 words) is tiny; the documents are not.
    const verdict = judge({ failOn: 'none', maxPenalty: 5 }, [...clean, bad, worse]);
    expect(verdict).toEqual({ passed: false, reason: 'MQM penalty 9 per 1000 words in worse.txt and 1 other document, above --max-penalty 5' });
    expect(judge({ failOn: 'none', maxPenalty: 9 }, [bad, worse]).passed).toBe(true);
    expect(judge({ failOn: 'none', maxPenalty: null }, [bad, worse]).passed).toBe(true);
  });

  it(`measures documents under ${MIN_GATE_WORDS} words as if they had ${MIN_GATE_WORDS}`, () => {
    const short = result('headline.txt', 8, [finding('minor')]);
    expect(short.score.per1000Words).toBe(125);
    expect(gatePenalty(short)).toBe(4);
    expect(judge({ failOn: 'none' }, [short]).passed).toBe(true);
    const long = result('long.txt', 2000, [finding('major'), finding('minor')]);
    expect(gatePenalty(long)).toBe(long.score.per1000Words);
  });

  it('gives every failed threshold in one line', () => {
    const docs = [result('a.txt', 300, [finding('major'), finding('major')])];
    const verdict = judge({ failOn: 'major', maxFindings: 1, maxPenalty: 10 }, docs);
    expect(verdict.reason).toBe('2 findings at or above major (--fail-on major); 2 findings, more than --max-findings 1; MQM penalty 33.3 per 1000 words in a.txt, above --max-penalty 10');
    expect(verdict.reason).not.toContain('\n');
  });
});

const CLEAN = 'The government resigned on Wednesday after days of protests.\n';
const MAJOR = 'Global regulator NetBlocks said the country was offline.\n';
const MINOR = 'On tuesday night, the curfew began.\n';
const FILLER = 'Officials met with community leaders in the capital and discussed the timetable for new elections in detail. ';

function file(name: string, text: string, dir = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A document of about 300 words with many minor findings and no major one. */
function denseMinor(): string {
  return `${FILLER.repeat(15)}\n\n${MINOR.repeat(12)}`;
}

describe('exit codes of mtaudit lint', () => {
  it('0: no finding at or above --fail-on and every threshold met', () => {
    expect(mtaudit(['lint', file('clean.txt', CLEAN)]).code).toBe(0);
    expect(mtaudit(['lint', file('minor.txt', MINOR)]).code).toBe(0);
  });

  it('1: a finding at or above --fail-on, with the reason on one line', () => {
    const r = mtaudit(['lint', file('major.txt', MAJOR)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('mtaudit: gate failed: 1 finding at or above major (--fail-on major)\n');
  });

  it('1: --max-findings exceeded', () => {
    const r = mtaudit(['lint', '--fail-on', 'none', '--max-findings', '0', file('minor.txt', MINOR)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('mtaudit: gate failed: 1 finding, more than --max-findings 0\n');
  });

  it(`1: a document above the default --max-penalty (${DEFAULT_GATE.maxPenalty}) with only minor findings`, () => {
    const path = file('dense.txt', denseMinor());
    const report = JSON.parse(mtaudit(['lint', '--format', 'json', path]).stdout);
    const doc = report.files[0];
    expect(doc.words).toBeGreaterThanOrEqual(MIN_GATE_WORDS);
    expect(doc.findings.every((f: Finding) => f.severity === 'minor')).toBe(true);
    expect(doc.score.per1000Words).toBeGreaterThan(DEFAULT_GATE.maxPenalty!);
    const r = mtaudit(['lint', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`mtaudit: gate failed: MQM penalty ${doc.score.per1000Words} per 1000 words in ${path}, above --max-penalty ${DEFAULT_GATE.maxPenalty}\n`);
    expect(mtaudit(['lint', '--max-penalty', 'off', path]).code).toBe(0);
    expect(mtaudit(['lint', '--max-penalty', String(Math.ceil(doc.score.per1000Words)), path]).code).toBe(0);
  });

  it('0 with --exit-zero even when the gate fails; 2 for input errors regardless', () => {
    expect(mtaudit(['lint', '--exit-zero', file('major.txt', MAJOR)]).code).toBe(0);
    expect(mtaudit(['lint', '--exit-zero', '/no/such/file.txt']).code).toBe(2);
  });

  it('2: bad threshold values, one line each, no stack trace', () => {
    for (const args of [
      ['--max-penalty', 'lots'],
      ['--max-penalty', '-1'],
      ['--max-findings', '1.5'],
      ['--max-findings', ''],
      ['--fail-on', 'severe'],
      ['--format', 'xml'],
    ]) {
      const r = mtaudit(['lint', ...args, CORPUS]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('2: an input problem outranks a failed gate', () => {
    const r = mtaudit(['lint', file('major.txt', MAJOR), '/no/such/file.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/gate failed/);
  });

  it('2: --update-baseline with no baseline file named', () => {
    const r = mtaudit(['lint', '--no-config', '--update-baseline', file('a.txt', CLEAN)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('mtaudit: --update-baseline needs a file: --baseline FILE, or baseline in mtaudit.config.yaml\n');
  });
});

describe('gate settings in mtaudit.config.yaml', () => {
  function project(config: string, name: string, text: string): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'mtaudit.config.yaml'), config);
    file(name, text, dir);
    return dir;
  }

  it('takes failOn, maxFindings and maxPenalty from the file', () => {
    expect(mtaudit(['lint', 'major.txt'], { cwd: project('failOn: critical\n', 'major.txt', MAJOR) }).code).toBe(0);
    expect(mtaudit(['lint', 'minor.txt'], { cwd: project('failOn: minor\n', 'minor.txt', MINOR) }).code).toBe(1);
    const findings = mtaudit(['lint', 'minor.txt'], { cwd: project('maxFindings: 0\n', 'minor.txt', MINOR) });
    expect([findings.code, findings.stderr]).toEqual([1, 'mtaudit: gate failed: 1 finding, more than --max-findings 0\n']);
    expect(mtaudit(['lint', 'dense.txt'], { cwd: project('maxPenalty: null\n', 'dense.txt', denseMinor()) }).code).toBe(0);
    expect(mtaudit(['lint', 'minor.txt'], { cwd: project('maxPenalty: 0\n', 'minor.txt', MINOR) }).code).toBe(1);
  });

  it('lets flags override the file', () => {
    expect(mtaudit(['lint', '--fail-on', 'major', 'major.txt'], { cwd: project('failOn: critical\n', 'major.txt', MAJOR) }).code).toBe(1);
    expect(mtaudit(['lint', '--max-findings', 'off', 'minor.txt'], { cwd: project('maxFindings: 0\n', 'minor.txt', MINOR) }).code).toBe(0);
    expect(mtaudit(['lint', '--max-penalty', 'off', 'minor.txt'], { cwd: project('maxPenalty: 0\n', 'minor.txt', MINOR) }).code).toBe(0);
    expect(mtaudit(['lint', '--max-penalty', '0', 'dense.txt'], { cwd: project('maxPenalty: null\n', 'dense.txt', denseMinor()) }).code).toBe(1);
  });

  it('rejects a bad threshold with the file, line and column', () => {
    const dir = project('rules: {}\nmaxPenalty: lots\n', 'a.txt', CLEAN);
    const r = mtaudit(['lint', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^mtaudit: ${join(dir, 'mtaudit.config.yaml').replace(/[.]/g, '\\.')}:2:13: `));
  });
});
