// Parallel mapping over worker threads (piscina). Small batches never pay for threads: documents are held
// until it is clear whether more than a handful are coming; a small batch is then mapped here, a large one
// goes to the pool from its first document (this thread never loads the language model for it). With the
// default job count, workers are used only for files holding text enough to pay for starting them. Documents
// travel in batches: one message per document costs a round trip through this thread, which on a busy machine
// leaves the workers waiting.
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../config/paths.js';
import type { SourceDocument } from '../documents/types.js';
import { inputSizeAtLeast, type ReadOptions } from '../documents/read.js';
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

/** With a job count the user chose, up to this many documents are still mapped here: a handful never pays for a worker. */
const IN_PROCESS_MAX = 16;
/**
 * Text (characters, or bytes of a file) that starting one more worker is worth, with the default job count.
 * Measured on a 2-core machine: two workers overtake one thread at about 1,000 news articles (2.3 MB); below
 * that, starting them (0.3 s each for the module, the rules and the language model) costs more than they save.
 */
const TEXT_WORTH_A_WORKER = 2_000_000;
/** Held documents are mapped here when no other document arrives for this long (a slow feed gains nothing from threads). */
const QUIET_MS = 50;
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

/**
 * With the default job count: whether `jobs` workers are worth starting for these inputs, i.e. whether the files
 * hold text enough to pay for them. Standard input, of unknown length, is linted here: on 2 cores a stream must
 * run to thousands of articles before workers started partway recover their cost (at 2,000 articles, mapping here
 * first and switching to workers took 3.1 s against 2.8 s in one thread); `--jobs` asks for them.
 */
export async function workersWorthStarting(inputs: string[], readOptions: ReadOptions, jobs: number): Promise<boolean> {
  if (jobs < 2 || inputs.includes('-')) return false;
  return inputSizeAtLeast(inputs, readOptions, TEXT_WORTH_A_WORKER / (jobs - 1));
}

/** A mapper over `jobs` worker threads, each with a linter built from the same setup options. */
export function workerMapper(linter: Linter, setupOptions: SetupOptions, jobs: number): WorkerMapper {
  // piscina loads with the pool: a run that never starts one (a small batch) does not pay for it.
  let pool: Promise<Piscina> | undefined;
  let seen = 0;
  /** Documents waiting for the decision: here or in the pool. */
  let held: Pending[] = [];
  let quiet: NodeJS.Timeout | undefined;
  let ended = false;
  let batch: Pending[] = [];
  let batchText = 0;
  let flushScheduled = false;

  const mapHere = (pending: Pending) => {
    try {
      pending.resolve(linter.map(pending.document));
    } catch (error) {
      pending.reject(error);
    }
  };
  const mapHeld = () => {
    clearTimeout(quiet);
    quiet = undefined;
    const waiting = held;
    held = [];
    for (const pending of waiting) mapHere(pending);
  };

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
  const toPool = (pending: Pending) => {
    batch.push(pending);
    batchText += pending.document.text.length;
    if (batch.length >= BATCH_DOCUMENTS || batchText >= BATCH_TEXT) send();
    else if (!flushScheduled) {
      // A partial batch leaves once the documents already read have been queued (the end of the input, or a
      // reader waiting on the disk), so nobody waits on a batch that will not fill.
      flushScheduled = true;
      setImmediate(() => {
        flushScheduled = false;
        send();
      });
    }
  };

  return {
    concurrency: jobs * BATCH_DOCUMENTS * BATCHES_PER_WORKER,
    map(document: SourceDocument): Promise<MappedDocument> {
      return new Promise((resolve, reject) => {
        const pending = { document, resolve, reject };
        seen++;
        if (seen > IN_PROCESS_MAX + 1) return toPool(pending);
        // A document prepared after the input ended (fixing is asynchronous) has nothing left to wait for.
        if (ended) return mapHere(pending);
        held.push(pending);
        if (seen > IN_PROCESS_MAX) {
          // More than a handful: this batch is worth the threads, the held documents included.
          clearTimeout(quiet);
          const waiting = held;
          held = [];
          for (const p of waiting) toPool(p);
          return;
        }
        clearTimeout(quiet);
        quiet = setTimeout(mapHeld, QUIET_MS);
      });
    },
    end() {
      ended = true;
      mapHeld();
    },
    async close() {
      clearTimeout(quiet);
      if (pool) await (await pool).destroy();
    },
  };
}
