// Parallel mapping over worker threads (piscina). Small batches never pay for threads: the first documents
// are mapped here, and the pool starts only when more keep coming.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../rules/load.js';
import type { SourceDocument } from '../documents/types.js';
import type { Linter, MappedDocument } from './linter.js';
import type { DocumentMapper } from './run.js';
import type { SetupOptions } from './setup.js';

/** The compiled worker module (when running from sources, as the tests do, the build's copy). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? join(PACKAGE_ROOT, 'dist', 'engine', 'worker.js') : join(dirname(here), 'worker.js');
}

export function defaultJobs(): number {
  return availableParallelism();
}

/** Documents mapped in this thread before the pool starts: starting a worker (its rules, its language model) costs about as much as a dozen articles. */
const IN_PROCESS_FIRST = 16;
/** Documents in flight per worker: enough to keep each busy while results are taken in order. */
const IN_FLIGHT_PER_WORKER = 8;

export interface WorkerMapper extends DocumentMapper {
  close(): Promise<void>;
}

/** A mapper over `jobs` worker threads, each with a linter built from the same setup options. */
export function workerMapper(linter: Linter, setupOptions: SetupOptions, jobs: number): WorkerMapper {
  let pool: Piscina | undefined;
  let seen = 0;
  return {
    concurrency: jobs * IN_FLIGHT_PER_WORKER,
    async map(document: SourceDocument): Promise<MappedDocument> {
      if (seen++ < IN_PROCESS_FIRST) return linter.map(document);
      pool ??= new Piscina({
        filename: workerFile(),
        minThreads: jobs,
        maxThreads: jobs,
        idleTimeout: 60_000,
        workerData: { setup: setupOptions },
      });
      return JSON.parse((await pool.run(document)) as string) as MappedDocument;
    },
    async close() {
      await pool?.destroy();
    },
  };
}
