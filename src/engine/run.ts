// The batch pipeline shared by the commands: documents in, per-document results out, in input order.
// Finding filters (review decisions, baselines) apply to every finding. When a corpus check is loaded
// (names across documents), each document is mapped and its result held, without its text, until every
// document has been read; then the reduce step runs and the held results come out with the corpus findings
// merged in. Without a corpus check, results stream out as each document is linted.
import type { InputItem, InputProblem, SourceDocument } from '../documents/types.js';
import type { CorpusStates, DocumentResult, Linter, LocatedCorpusFinding, MappedDocument } from './linter.js';
import type { Finding } from './types.js';
import { scoreFindings } from '../score/penalty.js';
import { SpillingQueue } from './spill.js';

/** Decides whether a finding is reported; false drops it (a rejected review decision, for example). */
export type FindingFilter = (finding: Finding, document: SourceDocument) => boolean;

/** A document as the pipeline reports it; `text` is there when streaming or when asked for (keepTexts). */
export type DocumentInfo = Omit<SourceDocument, 'text'> & { text?: string };

export type LintEvent<Document extends DocumentInfo = DocumentInfo> =
  | { type: 'document'; document: Document; result: DocumentResult }
  | { type: 'problem'; problem: InputProblem };

/** Runs on each document before it is linted, e.g. applying fixes; may hand over the findings of the text it returns. */
export type PrepareDocument = (document: SourceDocument) => Promise<Prepared> | Prepared;
export interface Prepared {
  document: SourceDocument;
  findings?: Finding[];
}

export type SettleDocument = (
  document: SourceDocument,
  result: DocumentResult,
  relint: (document: SourceDocument) => DocumentResult,
) => Promise<{ document: SourceDocument; result: DocumentResult }>;

/**
 * Maps documents (document checks plus corpus summaries), possibly elsewhere: in worker threads, in order of
 * submission. `concurrency` is how many documents may be in flight at once.
 */
export interface DocumentMapper {
  readonly concurrency: number;
  map(document: SourceDocument): Promise<MappedDocument>;
  /** The input has ended: map whatever is held back (a mapper may hold documents to decide where to map them). */
  end?(): void;
}

export interface RunOptions {
  filters?: FindingFilter[];
  prepare?: PrepareDocument;
  /** Hold each document's text until the corpus step, for consumers that show or fix text (off by default). */
  keepTexts?: boolean;
  /**
   * Runs on each document once its corpus findings are known (corpus runs with keepTexts only), e.g. to apply
   * the fixes of corpus findings; `relint` lints a changed text against the same corpus state.
   */
  settle?: SettleDocument;
  /** Where documents are mapped (default: here, one at a time). */
  mapper?: DocumentMapper;
  /**
   * A corpus state reduced elsewhere (`lint --names FILE`): corpus findings come from it, so results stream
   * without waiting for the batch.
   */
  corpusStates?: CorpusStates;
  /** Told the corpus state once it is known (to lint changed documents against it later, as the review does). */
  onCorpusStates?: (states: CorpusStates) => void;
  /** Characters of document text whose results may wait in memory for the corpus step (default: 4 million). */
  heldBudget?: number;
}

/** About 4 million characters of articles: their held results take some 60 MB; more wait on disk. */
const HELD_TEXT_BUDGET = 4_000_000;

type Mapped = { problem: InputProblem } | { document: SourceDocument; mapped: MappedDocument };

/** Prepares and maps documents with up to `concurrency` in flight, yielding them in input order. */
async function* mapInOrder(items: AsyncIterable<InputItem>, linter: Linter, options: RunOptions): AsyncGenerator<Mapped> {
  const mapper: DocumentMapper = options.mapper ?? { concurrency: 1, map: async (document) => linter.map(document) };
  const one = async (item: InputItem): Promise<Mapped> => {
    if ('problem' in item) return item;
    const { document, findings } = options.prepare ? await options.prepare(item.document) : { document: item.document, findings: undefined };
    // The fixer already has the findings of a document it fixed; without corpus checks they are all there is.
    if (findings && !linter.hasCorpusChecks) return { document, mapped: { result: linter.lint(document, findings), trusted: false, summaries: [] } };
    return { document, mapped: await mapper.map(document) };
  };
  // Up to `concurrency` documents in flight; a finished head is handed on at once, even while the input is still
  // waiting for its next document (a slow feed gets each result as soon as it is there).
  const queue: { promise: Promise<Mapped>; done: boolean }[] = [];
  const iterator = items[Symbol.asyncIterator]();
  let next: Promise<IteratorResult<InputItem>> | undefined;
  let ended = false;
  try {
    for (;;) {
      // The next document is asked for only when there is room for it: one in flight reads nothing ahead.
      if (!next && !ended && queue.length < mapper.concurrency) next = iterator.next();
      const head = queue[0];
      if (!head && !next) return;
      if (head && (head.done || !next)) {
        queue.shift();
        yield await head.promise;
        continue;
      }
      const step = await (head ? Promise.race([next!, head.promise.then(() => undefined)]) : next!);
      if (step === undefined) continue; // the head finished first
      next = undefined;
      if (step.done) {
        ended = true;
        mapper.end?.();
        continue;
      }
      const entry = { promise: one(step.value), done: false };
      // Marked as handled now; the error surfaces when the entry reaches the head.
      entry.promise.then(
        () => (entry.done = true),
        () => (entry.done = true),
      );
      queue.push(entry);
    }
  } finally {
    // Stopped early (a reader went away): let the input close its files. Not awaited: a read may be pending.
    if (next) void iterator.return?.();
  }
}

export function lintStream(items: AsyncIterable<InputItem>, linter: Linter, options: RunOptions & { keepTexts: true }): AsyncGenerator<LintEvent<SourceDocument>>;
export function lintStream(items: AsyncIterable<InputItem>, linter: Linter, options?: RunOptions): AsyncGenerator<LintEvent>;
export async function* lintStream(items: AsyncIterable<InputItem>, linter: Linter, options: RunOptions = {}): AsyncGenerator<LintEvent> {
  const mapped = mapInOrder(items, linter, options);
  if (!linter.hasCorpusChecks) {
    for await (const entry of mapped) {
      if ('problem' in entry) yield { type: 'problem', problem: entry.problem };
      else yield { type: 'document', document: entry.document, result: applyFilters(entry.mapped.result, entry.document, options.filters) };
    }
    return;
  }

  const emit = (states: CorpusStates, document: SourceDocument | DocumentInfo, entry: MappedDocument, filtered: DocumentResult) =>
    corpusResult(linter, states, options, document, entry, filtered);
  if (options.corpusStates) {
    options.onCorpusStates?.(options.corpusStates);
    // The corpus state is known: each document can be finished as soon as it is mapped.
    for await (const entry of mapped) {
      if ('problem' in entry) {
        yield { type: 'problem', problem: entry.problem };
        continue;
      }
      yield await emit(options.corpusStates, entry.document, entry.mapped, applyFilters(entry.mapped.result, entry.document, options.filters));
    }
    return;
  }

  // The reduce step takes each document's summaries as it is mapped; the results wait (in memory up to a
  // budget, then on disk) for the corpus state.
  type Held = { problem: InputProblem } | { document: DocumentInfo; mapped: MappedDocument; filtered: DocumentResult };
  const held = new SpillingQueue<Held>(options.heldBudget ?? HELD_TEXT_BUDGET);
  try {
    const reducer = linter.corpusReducer();
    for await (const entry of mapped) {
      if ('problem' in entry) {
        held.push(entry, 0);
        continue;
      }
      const { text, ...info } = entry.document;
      const document: DocumentInfo = options.keepTexts ? entry.document : info;
      reducer.add({ path: document.path, trusted: entry.mapped.trusted, summaries: entry.mapped.summaries });
      // A held result takes memory roughly in proportion to its document's text (findings, name mentions).
      held.push({ document, mapped: entry.mapped, filtered: applyFilters(entry.mapped.result, entry.document, options.filters) }, text.length);
    }
    const states = reducer.finish();
    options.onCorpusStates?.(states);
    for await (const entry of held.drain()) {
      if ('problem' in entry) yield { type: 'problem', problem: entry.problem };
      else yield await emit(states, entry.document, entry.mapped, entry.filtered);
    }
  } finally {
    held.dispose();
  }
}

/** A mapped document's final result: its findings with the corpus findings merged in, then settled (fixed). */
async function corpusResult(
  linter: Linter,
  states: CorpusStates,
  options: RunOptions,
  document: DocumentInfo,
  mapped: MappedDocument,
  filtered: DocumentResult,
): Promise<LintEvent> {
  const result = withCorpusFindings(linter, states, document, mapped, filtered, options.filters);
  if (options.settle && document.text !== undefined) {
    const relint = (doc: SourceDocument) => lintAgainst(linter, states, doc, options.filters);
    const settled = await options.settle(document as SourceDocument, result, relint);
    return { type: 'document', document: settled.document, result: settled.result };
  }
  return { type: 'document', document, result };
}

/**
 * One document linted against a corpus state reduced earlier (a document changed after the batch was read:
 * fixed, or written from the review): its own findings and the corpus findings the batch's state gives it.
 */
export function lintAgainst(linter: Linter, states: CorpusStates, document: SourceDocument, filters: FindingFilter[] = []): DocumentResult {
  const mapped = linter.map(document);
  return withCorpusFindings(linter, states, document, mapped, applyFilters(mapped.result, document, filters), filters);
}

/** A mapped document's (filtered) result with the corpus findings merged in, filtered the same way. */
function withCorpusFindings(
  linter: Linter,
  states: CorpusStates,
  document: DocumentInfo,
  mapped: MappedDocument,
  filtered: DocumentResult,
  filters: FindingFilter[] = [],
): DocumentResult {
  const extra = linter
    .corpusFindings(states, mapped, document.path)
    .filter((located) => {
      if (filters.length === 0) return true;
      const seen = filterView(document, located);
      return filters.every((keep) => keep(seen.finding, seen.document));
    })
    .map((c) => c.finding);
  return linter.merge(filtered, extra);
}

export function applyFilters(result: DocumentResult, document: SourceDocument, filters: FindingFilter[] = []): DocumentResult {
  if (filters.length === 0) return result;
  const findings = result.findings.filter((f) => filters.every((keep) => keep(f, document)));
  if (findings.length === result.findings.length) return result;
  return { ...result, findings, score: scoreFindings(findings, result.words) };
}

/**
 * What a filter sees of a corpus finding. Without the held text, the document is the finding's span and its
 * context alone, and the finding is moved to match: all a fingerprint reads, at a cost that does not grow with
 * the document (a giant file with many name findings would otherwise build its length in text per finding).
 */
function filterView(document: DocumentInfo, { finding, text: flagged, before, after }: LocatedCorpusFinding): { finding: Finding; document: SourceDocument } {
  if (document.text !== undefined) return { finding, document: document as SourceDocument };
  const by = before.length - finding.range.start;
  return {
    finding: { ...finding, range: { start: before.length, end: finding.range.end + by } },
    document: { ...document, text: before + flagged + after },
  };
}
