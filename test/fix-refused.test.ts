// When --fix cannot write a file back (it changed on disk meanwhile), the run says so and exits 2,
// and reports the file as it is on disk.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers/cli.js';

vi.mock('../src/fix/write.js', async (original) => ({
  ...(await original<typeof import('../src/fix/write.js')>()),
  writeDocument: async () => ({ written: false, reason: 'file changed on disk since it was read; not written (run again)' }),
}));

const { run } = await import('../src/cli/program.js');

describe('a file --fix may not write', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is one line naming it, the unfixed findings are reported, and the exit code is 2', async () => {
    const file = join(tempDir(), 'a.txt');
    writeFileSync(file, 'Kassim-Jomart Tokayev spoke on tuesday.\n');
    const stderr: string[] = [];
    const stdout: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
    expect(await run(['lint', '--no-config', '--fix', '--format', 'json', file])).toBe(2);
    expect(stderr[0]).toBe(`mtaudit: ${file}: not fixed: file changed on disk since it was read; not written (run again)\n`);
    expect(stderr.join('')).toContain('mtaudit: fixed 0 findings in 0 documents\n');
    const report = JSON.parse(stdout.join(''));
    expect(report.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('names.heads-of-state-and-government');
    expect(readFileSync(file, 'utf8')).toBe('Kassim-Jomart Tokayev spoke on tuesday.\n');
  });
});
