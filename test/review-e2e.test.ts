// The built CLI's review in a real terminal: tmux runs it in a detached session of a fixed size, keys go in
// with send-keys, and the screen comes back with capture-pane. Then the file and `lint` show the outcome.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, CORPUS, mtaudit, tempDir } from './helpers/cli.js';
import { applyEdits } from '../src/fix/apply.js';
import type { Finding } from '../src/engine/types.js';

const dir = tempDir('mtaudit-review-e2e-');
const socket = join(dir, 'tmux.sock');
let started = false;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8', env: { ...process.env, TERM: 'xterm-256color' } });
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', 'review');
}

/** Polls the screen until it shows `expected` (the review draws asynchronously). */
async function waitForScreen(expected: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = screen();
    if (expected.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the screen never showed ${expected}; it shows:\n${last}`);
}

function sendKey(key: string): void {
  tmux('send-keys', '-t', 'review', key);
}

function lintFindings(file: string): Finding[] {
  const result = mtaudit(['lint', '--format', 'json', '--exit-zero', file], { cwd: dir });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).files[0].findings as Finding[];
}

/** A finding as a reader sees it: which rule flagged which words. */
const described = (text: string) => (f: Finding) => `${f.ruleId}: ${text.slice(f.range.start, f.range.end)}`;

afterAll(() => {
  if (started) spawnSync('tmux', ['-S', socket, 'kill-server']);
});

describe('mtaudit review in a terminal', () => {
  it('is a real terminal program: tmux is installed (.ci/run installs it)', () => {
    expect(spawnSync('tmux', ['-V']).status, 'tmux is missing: apt-get install tmux').toBe(0);
  });

  it('accept the first, reject the second, write, quit: the file holds exactly the first fix, lint reports neither', async () => {
    // A corpus article whose first two findings both have fixes, among several.
    const folder = join(CORPUS, readdirSync(CORPUS)[0]!);
    const source = readdirSync(folder)
      .map((name) => join(folder, name))
      .find((path) => {
        const findings = JSON.parse(mtaudit(['lint', '--format', 'json', '--exit-zero', path]).stdout).files[0].findings as Finding[];
        return findings.length >= 4 && findings[0]!.fix !== null && findings[1]!.fix !== null;
      });
    expect(source, 'no corpus article with two fixable findings first').toBeDefined();
    copyFileSync(source!, join(dir, 'article.txt'));
    const original = readFileSync(join(dir, 'article.txt'), 'utf8');
    const before = lintFindings('article.txt');
    const [first, second] = before as [Finding, Finding];

    tmux('new-session', '-d', '-s', 'review', '-x', '100', '-y', '30', '-c', dir, `'${process.execPath}' '${CLI}' review article.txt; echo "mtaudit-exit=$?"; sleep 600`);
    started = true;
    const firstScreen = await waitForScreen(new RegExp(`finding 1 of ${before.length}`));
    expect(firstScreen).toContain('article.txt');
    expect(firstScreen).toMatch(/a accept\s+x reject/);

    sendKey('a');
    await waitForScreen(new RegExp(`finding 2 of ${before.length}[\\s\\S]*accepted 1 · rejected 0`));
    sendKey('x');
    await waitForScreen(/accepted 1 · rejected 1/);
    sendKey('w');
    await waitForScreen(/wrote 1 fix to 1 file, checked again/);
    sendKey('q');
    await waitForScreen(/mtaudit-exit=0/);

    // The file holds exactly the first fix.
    const fixed = applyEdits(original, first.fix!.edits);
    expect(readFileSync(join(dir, 'article.txt'), 'utf8')).toBe(fixed);

    // lint reports neither the fixed nor the rejected finding; the others remain.
    const after = lintFindings('article.txt').map(described(fixed));
    const expected = before.filter((f) => f !== first && f !== second).map(described(original));
    expect(after.sort()).toEqual(expected.sort());
    expect(after).not.toContain(described(original)(second));
  });
});

describe('mtaudit review without a terminal', () => {
  it('exits 2 with one line pointing to lint', () => {
    const result = mtaudit(['review', join(CORPUS)], { input: '' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mtaudit: review needs an interactive terminal; .*mtaudit lint/);
  });
});
