// The command line as users and CI see it: JSON contract, exit codes, one-line errors.
import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, mtaudit, tempDir } from './helpers/cli.js';
import { CATEGORIES, SEVERITIES, APPLICABILITIES } from '../src/engine/types.js';

const CLEAN_TEXT = 'The government resigned on Wednesday after days of protests.\n';
const MAJOR_TEXT = 'Global regulator NetBlocks said the country was offline.\n';
const MINOR_TEXT = 'On tuesday night, the curfew began.\n';

function tempFile(name: string, text: string): string {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('lint --format json', () => {
  const result = mtaudit(['lint', '--format', 'json', CORPUS]);
  const report = JSON.parse(result.stdout);

  it('follows the contract of DESIGN.md §2', () => {
    expect(report.version).toBe(1);
    expect(report.files).toHaveLength(5);
    for (const file of report.files) {
      expect(typeof file.path).toBe('string');
      expect(Number.isInteger(file.words)).toBe(true);
      expect(file.score).toEqual({ penalty: expect.any(Number), per1000Words: expect.any(Number) });
      for (const f of file.findings) {
        expect(f).toMatchObject({
          ruleId: expect.stringMatching(/^[a-z0-9.-]+$/),
          message: expect.any(String),
          range: { start: expect.any(Number), end: expect.any(Number) },
          line: expect.any(Number),
          column: expect.any(Number),
          endLine: expect.any(Number),
          endColumn: expect.any(Number),
        });
        expect(CATEGORIES).toContain(f.category);
        expect(SEVERITIES).toContain(f.severity);
        expect(f.range.start).toBeLessThanOrEqual(f.range.end);
        if (f.fix !== null) {
          expect(APPLICABILITIES).toContain(f.fix.applicability);
          expect(f.fix.edits.length).toBeGreaterThan(0);
          for (const e of f.fix.edits) expect(e).toEqual({ start: expect.any(Number), end: expect.any(Number), text: expect.any(String) });
        }
      }
    }
    expect(report.summary).toMatchObject({ files: 5, words: expect.any(Number), findings: expect.any(Number), bySeverity: expect.any(Object), byCategory: expect.any(Object) });
    expect(report.summary.findings).toBe(report.files.reduce((n: number, f: { findings: unknown[] }) => n + f.findings.length, 0));
  });

  it('gives offsets in UTF-16 units with matching 1-based line and column', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of report.files) {
      const text = readFileSync(file.path, 'utf8').replace(/^\uFEFF/, '');
      for (const f of file.findings) {
        const before = text.slice(0, f.range.start).split('\n');
        expect(f.line).toBe(before.length);
        expect(f.column).toBe(before[before.length - 1]!.length + 1);
      }
    }
  });

  it('exits 1 because the corpus has major findings', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/gate failed: \d+ findings at or above major/);
  });
});

describe('exit codes', () => {
  it('0 for a clean file', () => {
    const r = mtaudit(['lint', tempFile('clean.txt', CLEAN_TEXT)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no findings/);
  });

  it('1 for a major finding, 0 when only minor findings are below --fail-on', () => {
    expect(mtaudit(['lint', tempFile('major.txt', MAJOR_TEXT)]).code).toBe(1);
    expect(mtaudit(['lint', tempFile('minor.txt', MINOR_TEXT)]).code).toBe(0);
    expect(mtaudit(['lint', '--fail-on', 'minor', tempFile('minor.txt', MINOR_TEXT)]).code).toBe(1);
    expect(mtaudit(['lint', '--fail-on', 'critical', tempFile('major.txt', MAJOR_TEXT)]).code).toBe(0);
  });

  it('0 with --exit-zero despite findings (npm start relies on it)', () => {
    expect(mtaudit(['lint', '--exit-zero', tempFile('major.txt', MAJOR_TEXT)]).code).toBe(0);
  });

  it('2 for a path that does not exist, with one line naming it, and the other files still linted', () => {
    const good = tempFile('major.txt', MAJOR_TEXT);
    const r = mtaudit(['lint', '--format', 'json', '/no/such/file.txt', good]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['mtaudit: /no/such/file.txt: no such file or folder']);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([good]);
  });

  it('2 for a file that is not UTF-8 text, naming the place', () => {
    const file = tempFile('latin1.txt', '');
    writeFileSync(file, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const r = mtaudit(['lint', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: not valid UTF-8 (byte 0xe9 at offset 3, line 1)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('2 for an unknown flag, without a stack trace', () => {
    const r = mtaudit(['lint', '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown option '--no-such-flag'/);
  });

  it('2 for a bad --format value', () => {
    const r = mtaudit(['lint', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/xml/);
  });
});

describe('bad rule files', () => {
  it('a malformed rule file is one line naming file, line and column; exit 2', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, ['id: demo.bad', 'kind: phrase', 'category: mistranslation', 'severity: major', 'mesage: "typo"', ''].join('\n'));
    const r = mtaudit(['lint', '--rules', dir, tempFile('a.txt', CLEAN_TEXT)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`mtaudit: ${file}:5:1: unknown field "mesage"`]);
    expect(r.stdout).toBe('');
  });

  it('a YAML syntax error names its line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.yaml'), 'id: demo.broken\nkind: [phrase\n');
    const r = mtaudit(['rules', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('a missing --rules path is a user error', () => {
    const r = mtaudit(['lint', '--rules', '/no/such/rules', tempFile('a.txt', CLEAN_TEXT)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/no\/such\/rules: no such rule file or folder/);
  });
});

describe('inputs', () => {
  it('reads standard input with -', () => {
    const r = mtaudit(['lint', '--format', 'json', '-'], { input: MAJOR_TEXT });
    const report = JSON.parse(r.stdout);
    expect(report.files[0].path).toBe('<stdin>');
    expect(report.files[0].findings[0].ruleId).toBe('mistranslation.watchdog-as-regulator');
  });

  it('reads folders recursively, in a stable order, and .jsonl articles', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'z.txt'), MINOR_TEXT);
    writeFileSync(join(dir, 'a.md'), MAJOR_TEXT);
    writeFileSync(join(dir, 'ignored.csv'), MAJOR_TEXT);
    writeFileSync(
      join(dir, 'feed.jsonl'),
      `${JSON.stringify({ id: 'x1', text: MAJOR_TEXT })}\n${JSON.stringify({ id: 'x2', title: 'Title', body: MINOR_TEXT })}\n`,
    );
    const report = JSON.parse(mtaudit(['lint', '--format', 'json', dir]).stdout);
    expect(report.files.map((f: { path: string }) => f.path.slice(dir.length + 1))).toEqual(['a.md', 'b/z.txt', 'feed.jsonl#x1', 'feed.jsonl#x2']);
  });

  it('reports a bad JSONL line by number and keeps the others', () => {
    const file = tempFile('feed.jsonl', `${JSON.stringify({ id: 1, text: MAJOR_TEXT })}\n{not json}\n${JSON.stringify({ id: 3 })}\n`);
    const r = mtaudit(['lint', '--format', 'json', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:2: not valid JSON`);
    expect(r.stderr).toContain(`${file}:3: no "text"`);
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
  });

  it('keeps offsets right with a BOM and CRLF line endings', () => {
    const file = tempFile('crlf.txt', `\uFEFFFirst line.\r\nOn tuesday night, it began.\r\n`);
    const f = JSON.parse(mtaudit(['lint', '--format', 'json', file]).stdout).files[0].findings[0];
    expect(f.range).toEqual({ start: 16, end: 23 });
    expect([f.line, f.column]).toEqual([2, 4]);
  });

  it('lints the bundled corpus when no path is given', () => {
    const report = JSON.parse(mtaudit(['lint', '--format', 'json']).stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      'corpus/kazakhstan-2022-01/01-csto-appeal.txt',
      'corpus/kazakhstan-2022-01/02-newser-wire.txt',
      'corpus/kazakhstan-2022-01/03-police-crackdown.txt',
      'corpus/kazakhstan-2022-01/04-peacekeepers-afp.txt',
      'corpus/kazakhstan-2022-01/05-dozens-killed-cnn.txt',
    ]);
  });
});

describe('stylish report', () => {
  it('groups by file with line:col severity message ruleId and a summary', () => {
    const file = tempFile('major.txt', MAJOR_TEXT);
    const r = mtaudit(['lint', file]);
    expect(r.stdout).toContain(file);
    expect(r.stdout).toMatch(/ {2}1:1 {2}major {2}“Global regulator”[^\n]*“Global watchdog” {2}mistranslation\.watchdog-as-regulator\n/);
    expect(r.stdout).toMatch(/✖ 1 finding \(0 critical, 1 major, 0 minor\) in 1 file/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('lint --timing', () => {
  it('prints the time of each rule and stage on standard error, and leaves the report and exit code as they were', () => {
    const plain = mtaudit(['lint', '--format', 'json', CORPUS]);
    const timed = mtaudit(['lint', '--format', 'json', '--timing', '--jobs', '2', CORPUS]);
    expect(timed.code).toBe(plain.code);
    expect(timed.stdout).toBe(plain.stdout);
    const lines = timed.stderr.split('\n');
    const head = lines.findIndex((l) => l.startsWith('mtaudit: time by rule and stage'));
    expect(lines[head]).toMatch(/^mtaudit: time by rule and stage, in this thread \(\d+ slowest of \d+; [\d,]+ ms in all\):$/);
    const table = lines.slice(head + 2);
    const rows = table.slice(0, table.findIndex((l) => !l.startsWith('  '))).map((l) => /^ {2}(\S.*?)\s+([\d,]+)\s+([\d.]+)%$/.exec(l));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r !== null)).toBe(true);
    const labels = rows.map((r) => r![1]);
    expect(labels).toContain('(analysis: wink-nlp)');
    expect(labels).toContain('names.consistency (map)');
    // Slowest first.
    const times = rows.map((r) => Number(r![2]!.replace(/,/g, '')));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe('rules command', () => {
  it('lists rules with id, kind, category and severity', () => {
    const r = mtaudit(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mistranslation\.watchdog-as-regulator\s+phrase\s+mistranslation\s+major/);
  });

  it('prints one rule with its documentation and examples', () => {
    const r = mtaudit(['rules', 'punctuation.doubled-punctuation']);
    expect(r.stdout).toMatch(/Why\n/);
    expect(r.stdout).toMatch(/Instead\n/);
    expect(r.stdout).toMatch(/✖ Access was restored on Thursday\. \./);
  });

  it('an unknown rule id is a user error', () => {
    const r = mtaudit(['rules', 'no.such-rule']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no rule "no\.such-rule"/);
  });
});

describe('configuration', () => {
  it('turns rules off and changes severities, and rejects unknown rule ids with file and line', () => {
    const dir = tempDir();
    copyFileSync(tempFile('major.txt', MAJOR_TEXT), join(dir, 'major.txt'));
    writeFileSync(join(dir, 'mtaudit.config.yaml'), 'rules:\n  mistranslation.watchdog-as-regulator: minor\n');
    const lowered = JSON.parse(mtaudit(['lint', '--format', 'json', 'major.txt'], { cwd: dir }).stdout);
    expect(lowered.files[0].findings[0].severity).toBe('minor');
    writeFileSync(join(dir, 'mtaudit.config.yaml'), 'rules:\n  mistranslation: off\n');
    expect(JSON.parse(mtaudit(['lint', '--format', 'json', 'major.txt'], { cwd: dir }).stdout).files[0].findings).toEqual([]);
    writeFileSync(join(dir, 'mtaudit.config.yaml'), 'rules:\n  no.such-rule: off\n');
    const r = mtaudit(['lint', 'major.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`mtaudit: ${join(dir, 'mtaudit.config.yaml')}:2:3: unknown rule id "no.such-rule" (see \`mtaudit rules\`)`);
  });
});
