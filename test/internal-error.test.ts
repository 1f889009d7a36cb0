// Exit code 3: a bug inside mtaudit is reported as such, with the stack only on request.
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../src/engine/setup.js', () => ({
  setup: () => {
    throw new TypeError('cannot read properties of undefined (simulated bug)');
  },
}));

const { run } = await import('../src/cli/program.js');

describe('an internal error', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.MTAUDIT_DEBUG;
  });

  function capture() {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    return lines;
  }

  it('exits 3 with one line naming it a bug, and no stack trace', async () => {
    const stderr = capture();
    expect(await run(['lint', '--no-config'])).toBe(3);
    expect(stderr.join('')).toBe(
      'mtaudit: internal error: cannot read properties of undefined (simulated bug)\nmtaudit: this is a bug; rerun with MTAUDIT_DEBUG=1 for details and report it\n',
    );
  });

  it('prints the stack with MTAUDIT_DEBUG=1', async () => {
    process.env.MTAUDIT_DEBUG = '1';
    const stderr = capture();
    expect(await run(['lint', '--no-config'])).toBe(3);
    expect(stderr.join('')).toMatch(/TypeError: cannot read properties of undefined \(simulated bug\)\n\s+at /);
  });
});
