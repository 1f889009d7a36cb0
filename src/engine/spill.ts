// Results held until the corpus step, within a memory budget: past it, held entries go to a temporary file
// (one JSON line each) and are read back in order. So a corpus run over an archive holds a bounded amount
// of results in memory, whatever its size; the temporary file is removed however the run ends.
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { UserError } from '../errors.js';

export class SpillingQueue<Entry> {
  private memory: (Entry | undefined)[] = [];
  private held = 0;
  private dir: string | undefined;
  private file: string | undefined;
  private fd: number | undefined;

  /** `budget`: how much (in the caller's units, e.g. characters of text) may be held in memory. */
  constructor(private readonly budget: number) {}

  push(entry: Entry, size: number): void {
    if (this.fd === undefined && this.held + size <= this.budget) {
      this.memory.push(entry);
      this.held += size;
      return;
    }
    try {
      if (this.fd === undefined) {
        this.dir = mkdtempSync(join(tmpdir(), 'mtaudit-held-'));
        this.file = join(this.dir, 'held.ndjson');
        this.fd = openSync(this.file, 'w');
      }
      writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    } catch (error) {
      // A full or read-only temporary folder is the machine's, not a bug: say where, and what to do.
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new UserError(`cannot keep results in the temporary folder ${tmpdir()} (${code}) while the batch is read; free some space there or point TMPDIR elsewhere`);
    }
  }

  /** Every entry in the order pushed; memory is let go as it is read. */
  async *drain(): AsyncGenerator<Entry> {
    for (let i = 0; i < this.memory.length; i++) {
      const entry = this.memory[i]!;
      this.memory[i] = undefined;
      yield entry;
    }
    this.memory = [];
    if (this.fd === undefined || this.file === undefined) return;
    closeSync(this.fd);
    this.fd = -1;
    const lines = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    try {
      for await (const line of lines) if (line) yield JSON.parse(line) as Entry;
    } finally {
      lines.close();
    }
  }

  dispose(): void {
    if (this.fd !== undefined && this.fd >= 0) closeSync(this.fd);
    this.fd = undefined;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
