// Whatever a newsroom throws at mtaudit: each bad input is one line naming the file (and line) and the reason,
// the rest of the batch is checked, the exit code is 2 at the end, and there is no stack trace.
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI, mtaudit, ROOT, tempDir } from './helpers/cli.js';
import { encodeText } from '../src/documents/decode.js';

const FLAGGED = 'Kassim-Jomart Tokayev spoke on Tuesday.\n';

interface Report {
  files: { path: string; findings: { ruleId: string; line: number; column: number }[] }[];
}

describe('bad input in a batch', () => {
  const dir = tempDir('mtaudit-input-');
  const at = (name: string) => join(dir, name);
  mkdirSync(at('empty-folder'));
  mkdirSync(at('loops'));
  writeFileSync(at('loops/ok.txt'), FLAGGED);
  symlinkSync(at('loops'), at('loops/again')); // a folder that contains itself
  symlinkSync('self.txt', at('loops/self.txt')); // a link to itself
  writeFileSync(at('binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  writeFileSync(at('latin1.txt'), Buffer.concat([Buffer.from('First line\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]));
  writeFileSync(at('utf16-bom.txt'), encodeText(FLAGGED, 'utf16le', true));
  writeFileSync(at('utf16-no-bom.txt'), Buffer.from(FLAGGED, 'utf16le'));
  writeFileSync(at('utf16-broken.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('c', 'utf16le')]));
  writeFileSync(at('empty.txt'), '');
  writeFileSync(at('huge.txt'), `${'word '.repeat(1000)}\n`);
  const feed = [
    JSON.stringify({ id: 'a', text: FLAGGED }),
    '{"id": "b", "text": ',
    JSON.stringify({ id: 'c', headline: 'no text' }),
    '',
    Buffer.concat([Buffer.from('{"id":"d","text":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]).toString('latin1'),
    JSON.stringify({ id: 'e', title: 'Title', body: FLAGGED }),
  ].join('\n');
  writeFileSync(at('feed.jsonl'), Buffer.from(feed, 'latin1'));
  writeFileSync(at('good.txt'), FLAGGED);

  const inputs = ['missing.txt', 'empty-folder', 'loops', 'binary.txt', 'latin1.txt', 'utf16-bom.txt', 'utf16-no-bom.txt', 'utf16-broken.txt', 'empty.txt', 'huge.txt', 'feed.jsonl', '/dev/zero', 'good.txt'];
  const result = mtaudit(['lint', '--no-config', '--format', 'json', '--max-file-size', '4KB', ...inputs.map((p) => (p.startsWith('/') ? p : at(p)))]);

  it('reports each one on one line, in input order, with the file (and line) and the reason', () => {
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `mtaudit: ${at('missing.txt')}: no such file or folder`,
      `mtaudit: ${at('empty-folder')}: no articles found (looked for .txt, .md, .markdown, .jsonl, .ndjson files)`,
      `mtaudit: ${at('loops/again')}: symbolic link loop; folder already visited, skipped`,
      `mtaudit: ${at('loops/self.txt')}: symbolic link loop`,
      `mtaudit: ${at('binary.txt')}: binary file (NUL byte at offset 8); mtaudit reads UTF-8 text`,
      `mtaudit: ${at('latin1.txt')}: not valid UTF-8 (byte 0xe9 at offset 14, line 2); convert the file to UTF-8`,
      `mtaudit: ${at('utf16-no-bom.txt')}: looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)`,
      `mtaudit: ${at('utf16-broken.txt')}: not valid UTF-16 (unpaired surrogate at byte offset 6); convert the file to UTF-8`,
      `mtaudit: ${at('empty.txt')}: empty file, nothing to check`,
      `mtaudit: ${at('huge.txt')}: file is 4.9 KB, over the 4.0 KB limit (raise it with --max-file-size)`,
      `mtaudit: ${at('feed.jsonl')}:2: not valid JSON (Unexpected end of JSON input); line skipped`,
      `mtaudit: ${at('feed.jsonl')}:3: no "text" (or "body") string in this record; line skipped`,
      `mtaudit: ${at('feed.jsonl')}:5: not valid UTF-8 (byte 0xe9 at offset ${feed.indexOf('caf') + 3}); line skipped`,
      'mtaudit: /dev/zero: file is over the 4.0 KB limit (raise it with --max-file-size)',
    ]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('checks the rest of the batch, UTF-16 with a BOM included, and exits 2', () => {
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.map((f) => f.path)).toEqual([at('loops/ok.txt'), at('utf16-bom.txt'), `${at('feed.jsonl')}#a`, `${at('feed.jsonl')}#e`, at('good.txt')]);
    for (const file of report.files) expect(file.findings.map((f) => f.ruleId)).toContain('names.heads-of-state-and-government');
    expect(result.code).toBe(2);
  });

  it('takes the size limit from the configuration too', () => {
    writeFileSync(at('mtaudit.config.yaml'), 'maxFileSize: 1KB\n');
    const configured = mtaudit(['lint', '--format', 'json', at('huge.txt'), at('good.txt')], { cwd: dir });
    expect(configured.stderr).toBe(`mtaudit: ${at('huge.txt')}: file is 4.9 KB, over the 1.0 KB limit (raise it with --max-file-size)\n`);
    expect(configured.code).toBe(2);
  });
});

describe('a file that cannot be read', () => {
  it('is one line saying so, and the rest is checked', () => {
    const dir = tempDir('mtaudit-unreadable-');
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'secret.txt'), FLAGGED);
    chmodSync(join(dir, 'secret.txt'), 0o000);
    writeFileSync(join(dir, 'open.txt'), FLAGGED, { mode: 0o644 });
    // Root reads anything, so as root the run is made as an unprivileged user.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = spawnSync(process.execPath, [CLI, 'lint', '--no-config', '--format', 'json', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', MTAUDIT_CACHE: '0' },
      ...asUser,
    });
    expect(result.stderr).toBe(`mtaudit: ${join(dir, 'secret.txt')}: permission denied\n`);
    expect((JSON.parse(result.stdout) as Report).files.map((f) => f.path)).toEqual([join(dir, 'open.txt')]);
    expect(result.status).toBe(2);
  });
});

describe('a named pipe (as from <(command))', () => {
  it('is read to its end like standard input', () => {
    const fifo = join(tempDir('mtaudit-fifo-'), 'pipe.txt');
    spawnSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf '%s' "$0" > "$1"`, FLAGGED, fifo]);
    const result = mtaudit(['lint', '--no-config', '--exit-zero', '--format', 'json', fifo]);
    writer.kill();
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as Report).files[0]!.findings.map((f) => f.ruleId)).toContain('names.heads-of-state-and-government');
  });
});

describe('JSONL feeds', () => {
  it('are read a record at a time: a record over the size limit is skipped by line number, the others are read', () => {
    const dir = tempDir('mtaudit-feed-');
    const lines = [JSON.stringify({ id: 'small', text: FLAGGED }), JSON.stringify({ id: 'big', text: 'word '.repeat(2000) }), JSON.stringify({ id: 'after', text: FLAGGED })];
    writeFileSync(join(dir, 'feed.ndjson'), `\uFEFF${lines.join('\r\n')}\r\n`);
    // The file is bigger than the limit; each record but one is not.
    const result = mtaudit(['lint', '--no-config', '--format', 'json', '--max-file-size', '4KB', join(dir, 'feed.ndjson')]);
    expect(result.stderr).toBe(`mtaudit: ${join(dir, 'feed.ndjson')}:2: record is over the 4.0 KB limit (raise it with --max-file-size); line skipped\n`);
    expect((JSON.parse(result.stdout) as Report).files.map((f) => f.path)).toEqual([`${join(dir, 'feed.ndjson')}#small`, `${join(dir, 'feed.ndjson')}#after`]);
    expect(result.code).toBe(2);
  });

  it('a feed with no records says so', () => {
    const dir = tempDir('mtaudit-feed-');
    writeFileSync(join(dir, 'blank.jsonl'), '\n\n  \n');
    const result = mtaudit(['lint', '--no-config', join(dir, 'blank.jsonl')]);
    expect(result.stderr).toBe(`mtaudit: ${join(dir, 'blank.jsonl')}: no records (a JSONL file holds one JSON object a line)\n`);
    expect(result.code).toBe(2);
  });

  it('standard input over the size limit is refused, not read to the end', () => {
    const result = mtaudit(['lint', '--no-config', '--max-file-size', '1KB', '-'], { input: 'word '.repeat(1000) });
    expect(result.stderr).toBe('mtaudit: <stdin>: standard input is over the 1.0 KB limit (raise it with --max-file-size)\n');
    expect(result.code).toBe(2);
  });
});
