// Baselines: matching by file, rule and fingerprint; the file format; and the round trip through the CLI.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Baseline, baselineEntry, baselinePath, readBaseline, writeBaseline, type BaselineEntry } from '../src/gate/baseline.js';
import type { SourceDocument } from '../src/documents/types.js';
import type { Finding } from '../src/engine/types.js';
import { CORPUS, mtaudit, tempDir } from './helpers/cli.js';

function doc(path: string, text: string): SourceDocument {
  return { path, text, format: 'text', origin: { kind: 'file', file: path, encoding: 'utf8', bom: false } };
}

function findingAt(text: string, phrase: string, ruleId = 'demo.rule', from = 0): Finding {
  const start = text.indexOf(phrase, from);
  return { ruleId, category: 'other', severity: 'major', message: 'm', range: { start, end: start + phrase.length }, line: 1, column: start + 1, endLine: 1, endColumn: start + phrase.length + 1, fix: null };
}

describe('Baseline matching', () => {
  const dir = tempDir();
  const file = join(dir, 'baseline.json');
  const text = 'The lead sentence stays the same. Global regulator NetBlocks said so. Later, Global regulator NetBlocks said so.';
  const document = doc(join(dir, 'news', 'a.txt'), text);

  it('names documents relative to the baseline file, keeping a JSONL article’s id', () => {
    expect(baselinePath(doc(join(dir, 'news', 'a.txt'), ''), file)).toBe('news/a.txt');
    const feed = join(dir, 'feeds', 'x.jsonl');
    expect(baselinePath({ path: `${feed}#42`, text: '', format: 'text', origin: { kind: 'record', file: feed, line: 3, id: '42' } }, file)).toBe('feeds/x.jsonl#42');
    expect(baselinePath({ path: '<stdin>', text: '', format: 'text', origin: { kind: 'stdin' } }, file)).toBe('<stdin>');
  });

  it('accepts one finding per entry, so a second occurrence is new', () => {
    const first = findingAt(text, 'Global regulator');
    const second = findingAt(text, 'Global regulator', 'demo.rule', 40);
    const baseline = new Baseline(file, [baselineEntry(first, document, file)]);
    expect(baseline.filter(first, document)).toBe(false);
    expect(baseline.filter(second, document)).toBe(true);
    expect(baseline.matched).toBe(1);
    expect(baseline.unmatched).toBe(0);
  });

  it('does not match another rule, another file, or other surrounding words', () => {
    const finding = findingAt(text, 'Global regulator');
    const baseline = () => new Baseline(file, [baselineEntry(finding, document, file)]);
    expect(baseline().filter({ ...finding, ruleId: 'other.rule' }, document)).toBe(true);
    expect(baseline().filter(finding, doc(join(dir, 'news', 'b.txt'), text))).toBe(true);
    const edited = text.replace('same. Global', 'same: Global');
    expect(baseline().filter(findingAt(edited, 'Global regulator'), doc(document.path, edited))).toBe(true);
  });

  it('still matches when text far from the finding changes and offsets move', () => {
    const finding = findingAt(text, 'Global regulator');
    const baseline = new Baseline(file, [baselineEntry(finding, document, file)]);
    const moved = `${'A new paragraph about something else entirely. '.repeat(3)}\n\n${text}`;
    expect(baseline.filter(findingAt(moved, 'Global regulator'), doc(document.path, moved))).toBe(false);
  });
});

describe('baseline files', () => {
  it('round-trips, one entry a line, sorted by file and line', async () => {
    const dir = tempDir();
    const file = join(dir, 'b.json');
    const entries: BaselineEntry[] = [
      { file: 'z.txt', ruleId: 'r.a', fingerprint: 'f1', text: 'x', line: 2 },
      { file: 'a.txt', ruleId: 'r.b', fingerprint: 'f2', text: 'y', line: 9 },
      { file: 'a.txt', ruleId: 'r.a', fingerprint: 'f3', text: 'z', line: 1 },
    ];
    expect(await writeBaseline(file, entries, new Set(['a.txt', 'z.txt']))).toBe(3);
    const written = readFileSync(file, 'utf8');
    expect(written.split('\n').filter((l) => l.includes('"ruleId"'))).toHaveLength(3);
    const read = await readBaseline(file);
    expect(read.entries.map((e) => `${e.file}:${e.line}`)).toEqual(['a.txt:1', 'a.txt:9', 'z.txt:2']);
    await writeBaseline(file, [], new Set());
    expect((await readBaseline(file)).entries).toEqual([]);
  });

  it('keeps the entries of files this run did not check, unless the file is gone', async () => {
    const dir = tempDir();
    const file = join(dir, 'b.json');
    writeFileSync(join(dir, 'kept.txt'), 'x');
    writeFileSync(join(dir, 'feed.jsonl'), 'x');
    const previous: BaselineEntry[] = [
      { file: 'kept.txt', ruleId: 'r', fingerprint: '1' },
      { file: 'feed.jsonl#7', ruleId: 'r', fingerprint: '2' },
      { file: 'gone.txt', ruleId: 'r', fingerprint: '3' },
      { file: 'checked.txt', ruleId: 'r', fingerprint: 'old' },
    ];
    await writeBaseline(file, [{ file: 'checked.txt', ruleId: 'r', fingerprint: 'new' }], new Set(['checked.txt']), previous);
    expect((await readBaseline(file)).entries.map((e) => `${e.file} ${e.fingerprint}`)).toEqual(['checked.txt new', 'feed.jsonl#7 2', 'kept.txt 1']);
  });

  it('explains a missing, broken or foreign baseline in one line', async () => {
    const dir = tempDir();
    await expect(readBaseline(join(dir, 'none.json'))).rejects.toThrow(`${join(dir, 'none.json')}: baseline not found (create it with --update-baseline)`);
    writeFileSync(join(dir, 'bad.json'), '{"version": 1, "findings": [');
    await expect(readBaseline(join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: the baseline is not valid JSON .*; recreate it with --update-baseline$/);
    writeFileSync(join(dir, 'other.json'), '{"version": 1, "findings": [{"file": "a"}]}');
    await expect(readBaseline(join(dir, 'other.json'))).rejects.toThrow(/other\.json: not an mtaudit baseline/);
  });
});

describe('baseline round trip through mtaudit lint', () => {
  function project(): string {
    const dir = tempDir('mtaudit-baseline-');
    cpSync(CORPUS, join(dir, 'corpus'), { recursive: true });
    return dir;
  }
  const article = (dir: string) => join(dir, 'corpus', 'kazakhstan-2022-01', '02-newser-wire.txt');

  it('--update-baseline writes every finding and passes; then only new findings are reported and fail', () => {
    const dir = project();
    const all = JSON.parse(mtaudit(['lint', '--format', 'json', 'corpus'], { cwd: dir }).stdout);
    const update = mtaudit(['lint', '--baseline', 'baseline.json', '--update-baseline', 'corpus'], { cwd: dir });
    expect(update.code).toBe(0);
    expect(update.stderr).toBe(`mtaudit: wrote ${all.summary.findings} findings to the baseline baseline.json\n`);
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings).toHaveLength(all.summary.findings);

    const same = mtaudit(['lint', '--format', 'json', '--baseline', 'baseline.json', 'corpus'], { cwd: dir });
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).summary.findings).toBe(0);
    expect(same.stderr).toBe(`mtaudit: ${all.summary.findings} findings in the baseline not reported\n`);

    // An unrelated paragraph high up the file moves every offset below it; a new artifact goes in lower down.
    // Both go between paragraphs well away from any finding, since a finding's fingerprint holds its neighbours.
    const path = article(dir);
    const text = readFileSync(path, 'utf8');
    const ranges = all.files.find((f: { path: string }) => path.endsWith(f.path)).findings.map((f: { range: { start: number; end: number } }) => f.range);
    const quiet = [...text.matchAll(/\n\n/g)].map((m) => m.index).filter((at) => ranges.every((r: { start: number; end: number }) => r.end < at - 40 || r.start > at + 40));
    expect(quiet.length).toBeGreaterThanOrEqual(2);
    const [early, late] = [quiet[0]!, quiet.at(-1)!];
    writeFileSync(
      path,
      text.slice(0, early) +
        '\n\nAn editor added this paragraph, which has nothing wrong with it.' +
        text.slice(early, late) +
        '\n\nGlobal regulator NetBlocks said the country was offline.' +
        text.slice(late),
    );
    const changed = mtaudit(['lint', '--format', 'json', '--baseline', 'baseline.json', 'corpus'], { cwd: dir });
    const report = JSON.parse(changed.stdout);
    expect(report.files.flatMap((f: { findings: { ruleId: string }[] }) => f.findings.map((x) => x.ruleId))).toEqual(['mistranslation.watchdog-as-regulator']);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/gate failed: 1 finding at or above major/);
  });

  it('matches from another working folder, and takes the baseline from the configuration', () => {
    const dir = project();
    mkdirSync(join(dir, 'ci'), { recursive: true });
    expect(mtaudit(['lint', '--baseline', 'ci/baseline.json', '--update-baseline', 'corpus'], { cwd: dir }).code).toBe(0);
    const fromCorpus = mtaudit(['lint', '--baseline', '../ci/baseline.json', '.'], { cwd: join(dir, 'corpus') });
    expect(fromCorpus.code).toBe(0);
    writeFileSync(join(dir, 'mtaudit.config.yaml'), 'baseline: ci/baseline.json\n');
    const configured = mtaudit(['lint', 'kazakhstan-2022-01'], { cwd: join(dir, 'corpus') });
    expect(configured.code).toBe(0);
    expect(configured.stdout).toMatch(/no findings in 5 files/);
  });

  it('a copy of a file under another name is new: entries are per file', () => {
    const dir = project();
    mtaudit(['lint', '--baseline', 'baseline.json', '--update-baseline', 'corpus'], { cwd: dir });
    cpSync(article(dir), join(dir, 'corpus', 'copy.txt'));
    const r = JSON.parse(mtaudit(['lint', '--format', 'json', '--baseline', 'baseline.json', 'corpus'], { cwd: dir }).stdout);
    const copy = r.files.find((f: { path: string }) => f.path.endsWith('copy.txt'));
    expect(copy.findings.length).toBeGreaterThan(0);
    expect(r.summary.findings).toBe(copy.findings.length);
  });

  it('counts stale entries, and --update-baseline drops them', () => {
    const dir = project();
    mtaudit(['lint', '--baseline', 'baseline.json', '--update-baseline', 'corpus'], { cwd: dir });
    const before = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings.length;
    mtaudit(['lint', '--fix', 'corpus'], { cwd: dir });
    const r = mtaudit(['lint', '--baseline', 'baseline.json', 'corpus'], { cwd: dir });
    const stale = Number(/; (\d+) baseline entries no longer found/.exec(r.stderr)?.[1]);
    expect(stale).toBeGreaterThan(0);
    expect(stale).toBeLessThan(before);
    mtaudit(['lint', '--baseline', 'baseline.json', '--update-baseline', 'corpus'], { cwd: dir });
    const now = JSON.parse(mtaudit(['lint', '--format', 'json', 'corpus'], { cwd: dir }).stdout).summary.findings;
    expect(now).toBeLessThan(before);
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings.length).toBe(now);
    rmSync(join(dir, 'baseline.json'));
    const missing = mtaudit(['lint', '--baseline', 'baseline.json', 'corpus'], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([2, 'mtaudit: baseline.json: baseline not found (create it with --update-baseline)\n']);
  });
});
