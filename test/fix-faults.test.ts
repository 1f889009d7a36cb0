// Faults while fixing: a run killed in the middle of --fix, two --fix runs on the same files at once, and the
// edges of writing a file back (links, owners, locks, a change in the last moment). Every file must end up as
// the old version or the new one, complete.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chownSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, mtaudit, tempDir } from './helpers/cli.js';
import { replaceFile, writeDocument } from '../src/fix/write.js';
import type { SourceDocument } from '../src/documents/types.js';

/** An article with fixes no other document decides (a registry name, a weekday), numbered so files differ. */
const article = (n: number) =>
  `Article ${n}.\n\nKassim-Jomart Tokayev spoke on tuesday about the protests, officials said.\n\n` +
  `Police said ${n} people were detained on wednesday and that calm had returned to the city.\n`;

function writeCorpus(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const names = Array.from({ length: count }, (_, n) => `${String(n).padStart(5, '0')}.txt`);
  names.forEach((name, n) => writeFileSync(join(dir, name), article(n)));
  return names;
}

/** The version of each file a complete --fix run writes (runs are deterministic). */
function fixedVersions(dir: string, config: string[] = ['--no-config']): Map<string, Buffer> {
  const copy = join(tempDir('mtaudit-fixed-'), 'c');
  cpSync(dir, copy, { recursive: true });
  const result = mtaudit(['lint', ...config, '--fix', '--exit-zero', '--quiet', '--format', 'json', copy]);
  expect(result.code).toBe(0);
  return new Map(readdirSync(copy).map((name) => [name, readFileSync(join(copy, name))]));
}

function runFix(dir: string, config: string[] = ['--no-config']) {
  return spawn(process.execPath, [CLI, 'lint', ...config, '--fix', '--quiet', '--format', 'json', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * A configuration without the corpus-wide names check: files are then fixed and written as they are read,
 * not all at the end of the batch, so a kill lands in the middle of the writing however busy the machine is.
 */
function streamingConfig(): string[] {
  const file = join(tempDir('mtaudit-config-'), 'mtaudit.config.yaml');
  writeFileSync(file, 'rules:\n  names.consistency: off\n');
  return ['--config', file];
}

const visible = (dir: string) => readdirSync(dir).filter((name) => !name.startsWith('.'));

describe('a --fix run killed in the middle', () => {
  it('leaves every file as the old version or the new one, never cut short or mixed; the next run finishes the job', async () => {
    const dir = join(tempDir('mtaudit-kill-'), 'corpus');
    const names = writeCorpus(dir, 600);
    const original = new Map(names.map((name) => [name, readFileSync(join(dir, name))]));
    const config = streamingConfig();
    const fixed = fixedVersions(dir, config);
    expect(fixed.get(names[0]!)!.equals(original.get(names[0]!)!)).toBe(false);

    // Kill it (SIGKILL: no clean-up) as soon as the tenth file has been replaced.
    const watched = names[9]!;
    const child = runFix(dir, config);
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (!readFileSync(join(dir, watched)).equals(original.get(watched)!)) {
          child.kill('SIGKILL');
          clearInterval(poll);
          resolve();
        }
      }, 2);
    });
    await exited;

    let old = 0;
    let fresh = 0;
    for (const name of names) {
      const bytes = readFileSync(join(dir, name));
      if (bytes.equals(original.get(name)!)) old++;
      else if (bytes.equals(fixed.get(name)!)) fresh++;
      else throw new Error(`${name} is neither the old nor the new version: ${JSON.stringify(bytes.toString())}`);
    }
    expect(fresh).toBeGreaterThanOrEqual(10);
    expect(old).toBeGreaterThan(0); // it was killed in the middle, not after the end
    expect(visible(dir)).toEqual(names);

    // Locks the killed run left behind are taken over; the next run fixes the rest.
    const again = mtaudit(['lint', ...config, '--fix', '--exit-zero', '--quiet', '--format', 'json', dir]);
    expect(again.stderr).toBe('');
    for (const name of names) expect(readFileSync(join(dir, name)).equals(fixed.get(name)!), name).toBe(true);
  }, 60_000);
});

describe('two --fix runs at once on the same files', () => {
  it('leave each file valid: the new version, written once; a file the other run changed is refused, not overwritten', async () => {
    const dir = join(tempDir('mtaudit-race-'), 'corpus');
    const names = writeCorpus(dir, 400);
    const fixed = fixedVersions(dir);
    const runs = [runFix(dir), runFix(dir)];
    const results = await Promise.all(
      runs.map(
        (child) =>
          new Promise<{ code: number | null; stderr: string }>((resolve) => {
            let stderr = '';
            child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
            child.on('exit', (code) => resolve({ code, stderr }));
          }),
      ),
    );
    for (const name of names) expect(readFileSync(join(dir, name)).equals(fixed.get(name)!), name).toBe(true);
    // What a run could not write, it says: one line per file, nothing else, and exit 2 then.
    for (const { code, stderr } of results) {
      const lines = stderr.split('\n').filter(Boolean);
      for (const line of lines) expect(line).toMatch(/^mtaudit: .*\.txt: not fixed: (file changed on disk since it was read|another mtaudit run is writing this file); not written \(run again\)$/);
      if (lines.length) expect(code).toBe(2);
      else expect([0, 1]).toContain(code);
    }
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]); // no lock or temporary file left
  }, 60_000);
});

describe('writing a file back', () => {
  const documentOf = (file: string): SourceDocument => ({ path: file, text: readFileSync(file, 'utf8'), format: 'text', origin: { kind: 'file', file, encoding: 'utf8', bom: false } });

  it('through a symbolic link replaces the file it points to and keeps the link', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.txt'), 'old text\n');
    symlinkSync(join(dir, 'real.txt'), join(dir, 'link.txt'));
    expect(await writeDocument(documentOf(join(dir, 'link.txt')), 'new text\n')).toEqual({ written: true });
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('new text\n');
  });

  it('refuses a file with hard links, which replacing it would split', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'old text\n');
    linkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
    expect(await writeDocument(documentOf(join(dir, 'a.txt')), 'new text\n')).toEqual({ written: false, reason: expect.stringMatching(/2 hard links/) });
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('old text\n');
  });

  it('keeps the owner and permissions', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'old text\n', { mode: 0o640 });
    const root = process.getuid?.() === 0;
    if (root) chownSync(file, 65534, 65534);
    expect(await writeDocument(documentOf(file), 'new text\n')).toEqual({ written: true });
    const info = statSync(file);
    expect(info.mode & 0o777).toBe(0o640);
    if (root) expect([info.uid, info.gid]).toEqual([65534, 65534]);
  });

  it('waits for, then refuses, a file another live run is writing; takes over a lock its dead owner left', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'old text\n');
    const lock = join(dir, '.a.txt.mtaudit-lock');
    writeFileSync(lock, String(process.pid)); // this process is alive
    expect(await writeDocument(documentOf(file), 'new text\n')).toEqual({ written: false, reason: 'another mtaudit run is writing this file; not written (run again)' });
    expect(readFileSync(file, 'utf8')).toBe('old text\n');
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(lock, String(dead.pid));
    expect(await writeDocument(documentOf(file), 'new text\n')).toEqual({ written: true });
    expect(existsSync(lock)).toBe(false);
  });

  it('leaves the file alone when it changes after the new text is written and before the rename', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'old text\n');
    const renamed = await replaceFile(file, Buffer.from('new text\n'), statSync(file), async () => {
      writeFileSync(file, 'an editor saved this\n');
      return false;
    });
    expect(renamed).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('an editor saved this\n');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
});
