// Parallel mapping over worker threads (piscina). Small batches never pay for threads: the first documents
// are mapped here, and the pool starts only when more keep coming. Documents travel in batches: one message
// per document costs a round trip through this thread, which on a busy machine leaves the workers waiting.
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
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
/** A batch goes to a worker once it holds this many documents... */
const BATCH_DOCUMENTS = 16;
/** ...or this much text (UTF-16 code units), so one giant document travels alone. */
const BATCH_TEXT = 256 * 1024;
/** Batches in flight per worker: one being mapped, more waiting, so a worker never waits for this thread. */
const BATCHES_PER_WORKER = 3;

export interface WorkerMapper extends DocumentMapper {
  close(): Promise<void>;
}

interface Pending {
  document: SourceDocument;
  resolve: (mapped: MappedDocument) => void;
  reject: (error: unknown) => void;
}

/** A mapper over `jobs` worker threads, each with a linter built from the same setup options. */
export function workerMapper(linter: Linter, setupOptions: SetupOptions, jobs: number): WorkerMapper {
  // piscina loads with the pool: a run that never starts one (a small batch) does not pay for it.
  let pool: Promise<Piscina> | undefined;
  let seen = 0;
  let batch: Pending[] = [];
  let batchText = 0;
  let flushScheduled = false;

  const send = () => {
    const sent = batch;
    batch = [];
    batchText = 0;
    if (sent.length === 0) return;
    pool ??= import('piscina').then(
      ({ Piscina }) =>
        new Piscina({
          filename: workerFile(),
          minThreads: jobs,
          maxThreads: jobs,
          idleTimeout: 60_000,
          workerData: { setup: setupOptions },
        }),
    );
    pool
      .then((p) => p.run(sent.map((s) => s.document)))
      .then(
        (json) => {
          const results = JSON.parse(json as string) as MappedDocument[];
          sent.forEach((p, i) => p.resolve(results[i]!));
        },
        (error: unknown) => {
          for (const p of sent) p.reject(error);
        },
      );
  };

  return {
    concurrency: jobs * BATCH_DOCUMENTS * BATCHES_PER_WORKER,
    map(document: SourceDocument): Promise<MappedDocument> {
      if (seen++ < IN_PROCESS_FIRST) return Promise.resolve(linter.map(document));
      return new Promise((resolve, reject) => {
        batch.push({ document, resolve, reject });
        batchText += document.text.length;
        if (batch.length >= BATCH_DOCUMENTS || batchText >= BATCH_TEXT) send();
        else if (!flushScheduled) {
          // A partial batch leaves once the documents already read have been queued (the end of the input,
          // or a reader waiting on the disk), so nobody waits on a batch that will not fill.
          flushScheduled = true;
          setImmediate(() => {
            flushScheduled = false;
            send();
          });
        }
      });
    },
    async close() {
      if (pool) await (await pool).destroy();
    },
  };
}
