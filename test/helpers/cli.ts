// Runs the built CLI (dist/) the way users do, capturing output and exit code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'dist', 'bin', 'mtaudit.js');
export const CORPUS = join(ROOT, 'corpus');
export const GOLD = join(ROOT, 'test', 'fixtures', 'gold', 'kazakhstan-2022-01.artifacts.jsonl');
export const CLEAN = join(ROOT, 'test', 'fixtures', 'gold', 'kazakhstan-2022-01.clean.jsonl');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function mtaudit(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'mtaudit-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
