// The fix round trip through the command line, on temporary copies of the seed corpus.
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { CORPUS, mtaudit, tempDir } from './helpers/cli.js';

interface ReportFinding {
  ruleId: string;
  fix: { applicability: string } | null;
}
interface Report {
  files: { path: string; findings: ReportFinding[] }[];
}

function copyCorpus(): string {
  const dir = tempDir('mtaudit-fix-');
  cpSync(CORPUS, join(dir, 'corpus'), { recursive: true });
  return dir;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(files(dir).map((f) => [relative(dir, f), readFileSync(f)]));
}

function lintJson(cwd: string, extra: string[] = []): Report {
  return JSON.parse(mtaudit(['lint', '--format', 'json', ...extra, 'corpus'], { cwd }).stdout) as Report;
}

const withFix = (report: Report, applicabilities: string[]) =>
  report.files.flatMap((f) => f.findings.filter((x) => x.fix && applicabilities.includes(x.fix.applicability)).map((x) => `${f.path} ${x.ruleId}`));

describe('lint --fix on a copy of the corpus', () => {
  const dir = copyCorpus();
  const original = snapshot(dir);
  const before = lintJson(dir);

  const dryRun = mtaudit(['lint', '--fix', '--dry-run', 'corpus'], { cwd: dir });
  const afterDryRun = snapshot(dir);
  const first = mtaudit(['lint', '--fix', 'corpus'], { cwd: dir });
  const afterFirst = snapshot(dir);
  const second = mtaudit(['lint', '--fix', 'corpus'], { cwd: dir });
  const afterSecond = snapshot(dir);

  it('has safe fixes to apply in the first place', () => {
    expect(withFix(before, ['safe']).length).toBeGreaterThan(10);
  });

  it('--dry-run writes nothing and prints a unified diff of exactly what --fix writes', () => {
    expect(afterDryRun).toEqual(original);
    expect(dryRun.stdout).toMatch(/^--- a\/corpus\/kazakhstan-2022-01\/01-csto-appeal\.txt\n\+\+\+ b\//m);
    expect(dryRun.stderr).toMatch(/would fix \d+ findings in \d+ documents/);
    const patches = parsePatch(dryRun.stdout);
    expect(patches.length).toBeGreaterThan(0);
    for (const patch of patches) {
      const name = patch.oldFileName!.replace(/^a\//, '');
      const patched = applyPatch(original.get(name)!.toString('utf8'), patch);
      expect(patched, name).toBe(afterFirst.get(name)!.toString('utf8'));
    }
    // Files the diff does not mention are the ones --fix left alone.
    const touched = new Set(patches.map((p) => p.oldFileName!.replace(/^a\//, '')));
    for (const [name, bytes] of afterFirst) if (!touched.has(name)) expect(bytes.equals(original.get(name)!), name).toBe(true);
  });

  it('--fix removes every safe-fixable finding and says how many it fixed', () => {
    expect(first.stderr).toMatch(/fixed \d+ findings in \d+ documents/);
    const fixedCount = Number(/fixed (\d+) findings/.exec(first.stderr)![1]);
    expect(fixedCount).toBeGreaterThanOrEqual(withFix(before, ['safe']).length);
    expect(withFix(lintJson(dir), ['safe'])).toEqual([]);
    // Unsafe fixes were not applied.
    expect(withFix(lintJson(dir), ['unsafe']).length).toBe(withFix(before, ['unsafe']).length);
  });

  it('reports what is left after fixing, and gates on that', () => {
    expect(first.code).toBe(1);
    const left = lintJson(dir).files.reduce((n, f) => n + f.findings.length, 0);
    expect(left).toBeLessThan(before.files.reduce((n, f) => n + f.findings.length, 0));
    expect(first.stdout).toMatch(new RegExp(`✖ ${left} findings`));
  });

  it('a second --fix changes nothing', () => {
    expect(afterSecond).toEqual(afterFirst);
    expect(second.stderr).toMatch(/nothing to fix/);
  });

  it('--fix --unsafe-fixes applies the unsafe fixes as well', () => {
    const copy = copyCorpus();
    mtaudit(['lint', '--fix', '--unsafe-fixes', 'corpus'], { cwd: copy });
    expect(withFix(lintJson(copy), ['safe', 'unsafe'])).toEqual([]);
  });
});

describe('lint --fix keeps how a file is written', () => {
  it('a CRLF copy with a BOM keeps both, and is fixed exactly like the LF copy', () => {
    const lf = copyCorpus();
    const crlf = copyCorpus();
    for (const file of files(join(crlf, 'corpus'))) {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    }
    mtaudit(['lint', '--fix', 'corpus'], { cwd: lf });
    mtaudit(['lint', '--fix', 'corpus'], { cwd: crlf });
    for (const file of files(join(crlf, 'corpus'))) {
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text, `${file} has a bare line feed`).not.toMatch(/(^|[^\r])\n/);
      const twin = readFileSync(join(lf, relative(crlf, file)), 'utf8');
      expect(text.replace(/\r\n/g, '\n')).toBe(twin);
    }
    expect(withFix(lintJson(crlf), ['safe'])).toEqual([]);
  });

  it('does not rewrite JSONL articles or standard input, and says so', () => {
    const dir = tempDir();
    const feed = join(dir, 'feed.jsonl');
    const content = `${JSON.stringify({ id: 'a', text: 'Kassim-Jomart Tokayev spoke.' })}\n`;
    writeFileSync(feed, content);
    const r = mtaudit(['lint', '--fix', feed]);
    expect(readFileSync(feed, 'utf8')).toBe(content);
    expect(r.stderr).toMatch(/1 document not fixed: articles inside \.jsonl files are not rewritten/);
    const stdin = mtaudit(['lint', '--fix', '-'], { input: 'Kassim-Jomart Tokayev spoke.\n' });
    expect(stdin.stderr).toMatch(/standard input cannot be written back/);
    // A dry run shows the diff for standard input too.
    const diff = mtaudit(['lint', '--fix', '--dry-run', '-'], { input: 'Kassim-Jomart Tokayev spoke.\n' });
    expect(diff.stdout).toContain('+Kassym-Jomart Tokayev spoke.');
  });

  it('--unsafe-fixes and --dry-run need --fix', () => {
    for (const flag of ['--unsafe-fixes', '--dry-run']) {
      const r = mtaudit(['lint', flag, 'corpus']);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`mtaudit: ${flag} goes with --fix (mtaudit lint --fix ${flag})`);
    }
  });
});

describe('lint --fix and review decisions', () => {
  it('does not apply the fix of a finding rejected in review, and fixes the rest', async () => {
    const { DecisionStore, decisionsPath } = await import('../src/review/decisions.js');
    const { setup } = await import('../src/engine/setup.js');
    const dir = tempDir();
    const file = join(dir, 'a.txt');
    const text = 'On tuesday night, the curfew began. On tuesday morning, it ended.\n';
    writeFileSync(file, text);
    const { linter } = await setup({ configFile: false });
    const document = { path: file, text, format: 'text' as const, origin: { kind: 'file' as const, file, encoding: 'utf8' as const, bom: false } };
    const findings = linter.lint(document).findings.filter((f) => f.fix?.applicability === 'safe');
    expect(findings.length).toBe(2);
    const store = DecisionStore.load(decisionsPath({}, dir));
    store.reject(findings[0]!, document);
    store.save();
    const decisionsFile = join(dir, 'mtaudit.decisions.json');
    const decided = readFileSync(decisionsFile, 'utf8');
    mtaudit(['lint', '--fix', '--dry-run', 'a.txt'], { cwd: dir });
    expect(readFileSync(decisionsFile, 'utf8')).toBe(decided);
    const r = mtaudit(['lint', '--fix', 'a.txt'], { cwd: dir });
    expect(r.stderr).toMatch(/fixed 1 finding in 1 document/);
    expect(readFileSync(file, 'utf8')).toBe('On tuesday night, the curfew began. On Tuesday morning, it ended.\n');
    // The fix beside it changed the words the rejection was keyed on; it still holds afterwards.
    const after = JSON.parse(mtaudit(['lint', '--format', 'json', 'a.txt'], { cwd: dir }).stdout);
    expect(after.summary.findings).toBe(0);
  });
});
