// Progress on standard error: its wording, its pacing, and that it shows only on a terminal and never with --quiet.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDuration, formatProgress, Progress } from '../src/cli/progress.js';
import { run } from '../src/cli/program.js';
import { CORPUS, mtaudit } from './helpers/cli.js';

describe('formatProgress', () => {
  it('gives files done of total, the rate and the time left', () => {
    expect(formatProgress(120, 480, 4000)).toBe('120/480 files · 30 files/s · 12s left');
    expect(formatProgress(3, 10, 2000)).toBe('3/10 files · 1.5 files/s · 5s left');
    expect(formatProgress(0, 10, 0)).toBe('0/10 files');
    expect(formatProgress(5, undefined, 1000)).toBe('5 files · 5.0 files/s');
  });

  it('writes durations for people', () => {
    expect([formatDuration(0.4), formatDuration(59), formatDuration(61), formatDuration(3725), formatDuration(Infinity)]).toEqual(['0s', '59s', '1m01s', '1h02m', '?']);
  });
});

describe('Progress', () => {
  function fake() {
    let now = 0;
    const writes: string[] = [];
    const progress = new Progress({ write: (t: string) => writes.push(t), columns: 200 }, 4, () => now, 100);
    return { progress, writes, advance: (ms: number) => (now += ms) };
  }

  it('redraws one line in place at most every interval, and always at the end', () => {
    const { progress, writes, advance } = fake();
    advance(500);
    progress.tick();
    advance(10);
    progress.tick(); // too soon: skipped
    advance(10);
    progress.tick(); // too soon: skipped
    advance(10);
    progress.tick(); // the last file: always drawn
    expect(writes).toEqual(['\r\u001b[2Kmtaudit: 1/4 files · 2.0 files/s · 2s left', '\r\u001b[2Kmtaudit: 4/4 files · 7.5 files/s · 0s left']);
  });

  it('clears its line so other output starts clean, and only when something is shown', () => {
    const { progress, writes, advance } = fake();
    progress.clear();
    expect(writes).toEqual([]);
    advance(1000);
    progress.tick();
    progress.clear();
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });
});

describe('progress in mtaudit lint', () => {
  const isTTY = process.stderr.isTTY;
  afterEach(() => {
    process.stderr.isTTY = isTTY;
    vi.restoreAllMocks();
  });

  function runCapturing(args: string[], tty: boolean) {
    process.stderr.isTTY = tty;
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    return { stderr, done: run(args) };
  }

  it('shows files done of total on a terminal', async () => {
    const { stderr, done } = runCapturing(['lint', '--no-config', '--exit-zero', CORPUS], true);
    expect(await done).toBe(0);
    const text = stderr.join('');
    expect(text).toMatch(/\r\u001b\[2Kmtaudit: 5\/5 files · [\d.]+ files\/s · 0s left/);
    // The line is wiped before the run ends.
    expect(text.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('is silent with --quiet', async () => {
    const { stderr, done } = runCapturing(['lint', '--no-config', '--exit-zero', '--quiet', CORPUS], true);
    await done;
    expect(stderr.join('')).toBe('');
  });

  it('is silent when standard error is not a terminal', () => {
    const r = mtaudit(['lint', '--exit-zero', CORPUS]);
    expect(r.stderr).toBe('');
  });
});
