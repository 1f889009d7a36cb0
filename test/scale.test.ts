// Speed and scale features: worker threads give the same results in the same order; standard-input NDJSON
// streams a result line per article; the name check splits into map, merge and lint steps that give exactly
// what a single run gives.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, CORPUS, mtaudit, tempDir } from './helpers/cli.js';

const seed = join(CORPUS, 'kazakhstan-2022-01');
const articles = readdirSync(seed)
  .sort()
  .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(seed, f), 'utf8') }));
const ndjson = (items: { id: string; text: string }[]) => items.map((a) => JSON.stringify(a)).join('\n') + '\n';

/** A folder of many articles (the seed articles with their paragraphs rotated), enough to start the pool. */
function manyArticles(count: number): string {
  const dir = tempDir();
  for (let i = 0; i < count; i++) {
    const { text } = articles[i % articles.length]!;
    const paragraphs = text.split('\n\n');
    const k = i % paragraphs.length;
    const shard = join(dir, String(i % 3));
    mkdirSync(shard, { recursive: true });
    writeFileSync(join(shard, `a${String(i).padStart(3, '0')}.txt`), [...paragraphs.slice(k), ...paragraphs.slice(0, k)].join('\n\n'));
  }
  return dir;
}

describe('worker threads (--jobs)', () => {
  it('give the same report, in the same order, as one thread', () => {
    const dir = manyArticles(30);
    const one = mtaudit(['lint', '--format', 'json', '--jobs', '1', dir]);
    const two = mtaudit(['lint', '--format', 'json', '--jobs', '2', dir]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(one.code);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    expect(JSON.parse(one.stdout).files).toHaveLength(30);
  });

  it('with the default job count, start workers only for files with text enough to pay for them', async () => {
    const { workersWorthStarting } = await import('../src/engine/workers.js');
    // About 300 KB of articles: worth 8 workers (2 MB / 7 each), not 2 (2 MB for the one extra).
    const dir = tempDir();
    const text = articles.map((a) => a.text).join('\n\n');
    for (let i = 0; i * text.length < 300_000; i++) writeFileSync(join(dir, `a${i}.txt`), text);
    expect(await workersWorthStarting([dir], {}, 8)).toBe(true);
    expect(await workersWorthStarting([dir], {}, 2)).toBe(false);
    expect(await workersWorthStarting([dir], {}, 1)).toBe(false);
    expect(await workersWorthStarting([seed], {}, 2)).toBe(false);
    // Standard input, of unknown length, stays in this thread unless --jobs asks otherwise.
    expect(await workersWorthStarting(['-'], {}, 8)).toBe(false);
  });

  it('size a batch of files before deciding, counting only what would be read', async () => {
    const { inputSizeAtLeast } = await import('../src/documents/read.js');
    const bytes = readdirSync(seed).reduce((n, f) => n + readFileSync(join(seed, f)).length, 0);
    expect(await inputSizeAtLeast([CORPUS], {}, bytes)).toBe(true);
    expect(await inputSizeAtLeast([CORPUS], {}, bytes + 1)).toBe(false);
    // Ignored files do not count.
    expect(await inputSizeAtLeast([CORPUS], { ignore: (path) => path.includes('02-newser') }, bytes)).toBe(false);
  });

  it('refuse a job count that is not a positive whole number', () => {
    const r = mtaudit(['lint', '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jobs/);
  });
});

describe('lint --stdin-ndjson', () => {
  it('writes one result line per article, with its id', () => {
    const r = mtaudit(['lint', '--stdin-ndjson', '--exit-zero'], { input: ndjson(articles) });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(articles.map((a) => a.id));
    expect(lines[0]).toMatchObject({ path: `<stdin>#${articles[0]!.id}`, words: expect.any(Number), findings: expect.any(Array), score: expect.any(Object) });
  });

  it('takes an empty input (an empty input split) as nothing to check', () => {
    const r = mtaudit(['lint', '--stdin-ndjson'], { input: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('reports a bad line by number and goes on', () => {
    const r = mtaudit(['lint', '--stdin-ndjson', '--exit-zero'], { input: `{"id":"a","text":"On tuesday it rained."}\nnot json\n{"id":"c","text":"Fine."}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>:2: not valid JSON');
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });

  // With two jobs the first documents are held while the mapper decides between threads and this one; a feed
  // that pauses must still get its result.
  it.each(['1', '2'])('streams: with a name table, the first result comes before the input ends (--jobs %s)', async (jobs) => {
    const dir = tempDir();
    const table = join(dir, 'table.json');
    writeFileSync(table, mtaudit(['names', '--merge', '-'], { input: mtaudit(['names', '--emit-mentions', '--stdin-ndjson'], { input: ndjson(articles) }).stdout }).stdout);
    const child = spawn(process.execPath, [CLI, 'lint', '--stdin-ndjson', '--names', table, '--exit-zero', '--jobs', jobs], { env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.setEncoding('utf8');
    const firstLine = new Promise<string>((resolve) =>
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('\n')) resolve(output.split('\n')[0]!);
      }),
    );
    child.stdin.write(`${JSON.stringify(articles[0])}\n`);
    const line = await firstLine;
    expect(JSON.parse(line).id).toBe(articles[0]!.id);
    child.stdin.end(`${JSON.stringify(articles[1])}\n`);
    await new Promise((resolve) => child.on('close', resolve));
    expect(output.trim().split('\n')).toHaveLength(2);
  }, 30_000);
});

describe('names across machines: --emit-mentions, --merge, lint --names', () => {
  it('gives exactly the single-machine result when run on shards', () => {
    const dir = tempDir();
    const shards = [articles.slice(0, 2), articles.slice(2, 4), articles.slice(4)];
    const mentionFiles = shards.map((shard, i) => {
      const file = join(dir, `mentions-${i}.ndjson`);
      const r = mtaudit(['names', '--emit-mentions', '--stdin-ndjson'], { input: ndjson(shard) });
      expect(r.code).toBe(0);
      writeFileSync(file, r.stdout);
      return file;
    });
    // The merge reads the shards in any order.
    const merged = mtaudit(['names', '--merge', ...mentionFiles.reverse()]);
    expect(merged.code).toBe(0);
    const table = join(dir, 'table.json');
    writeFileSync(table, merged.stdout);
    const distributed = shards.map((shard) => mtaudit(['lint', '--stdin-ndjson', '--names', table, '--exit-zero'], { input: ndjson(shard) }).stdout).join('');
    const single = mtaudit(['lint', '--stdin-ndjson', '--exit-zero'], { input: ndjson(articles) }).stdout;
    expect(distributed).toBe(single);
    // The name check did contribute: the president's variants are flagged.
    expect(single).toContain('Kassym-Jomart Tokayev');
  });

  it('rejects a merge input that is not mention lines, naming file and line', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.ndjson');
    writeFileSync(file, '{"id":"x","text":"an article, not mentions"}\n');
    const r = mtaudit(['names', '--merge', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`mtaudit: ${file}:1: not a line written by mtaudit names --emit-mentions`);
  });

  it('rejects a missing name table', () => {
    const r = mtaudit(['lint', '--names', '/no/such/table.json', CORPUS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/no\/such\/table\.json: no such file; make it with mtaudit names --merge/);
  });
});
