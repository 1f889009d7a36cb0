// The batch pipeline shared by the commands: documents in, per-document results out, in input order.
// Finding filters (review decisions, baselines) apply to every finding. When a corpus check is loaded
// (names across documents), each document is mapped and its result held, without its text, until every
// document has been read; then the reduce step runs and the held results come out with the corpus findings
// merged in. Without a corpus check, results stream out as each document is linted.
import type { InputItem, InputProblem, SourceDocument } from '../documents/types.js';
import type { DocumentResult, Linter, LocatedCorpusFinding, MappedDocument } from './linter.js';
import type { Finding } from './types.js';
import { scoreFindings } from '../score/penalty.js';

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
}

export function lintStream(items: AsyncIterable<InputItem>, linter: Linter, options: RunOptions & { keepTexts: true }): AsyncGenerator<LintEvent<SourceDocument>>;
export function lintStream(items: AsyncIterable<InputItem>, linter: Linter, options?: RunOptions): AsyncGenerator<LintEvent>;
export async function* lintStream(items: AsyncIterable<InputItem>, linter: Linter, options: RunOptions = {}): AsyncGenerator<LintEvent> {
  const prepare = async (document: SourceDocument): Promise<Prepared> => (options.prepare ? options.prepare(document) : { document });
  if (!linter.hasCorpusChecks) {
    for await (const item of items) {
      if ('problem' in item) {
        yield { type: 'problem', problem: item.problem };
        continue;
      }
      const { document, findings } = await prepare(item.document);
      yield { type: 'document', document, result: applyFilters(linter.lint(document, findings), document, options.filters) };
    }
    return;
  }

  type Held = { problem: InputProblem } | { document: DocumentInfo; mapped: MappedDocument; filtered: DocumentResult };
  const held: Held[] = [];
  for await (const item of items) {
    if ('problem' in item) {
      held.push({ problem: item.problem });
      continue;
    }
    // Findings the fixer already has are document-level only; the map step needs the checks' context anyway.
    const { document: prepared } = await prepare(item.document);
    const mapped = linter.map(prepared);
    const { text: _text, ...info } = prepared;
    const document: DocumentInfo = options.keepTexts ? prepared : info;
    held.push({ document, mapped, filtered: applyFilters(mapped.result, prepared, options.filters) });
  }
  const documents = held.filter((h): h is Extract<Held, { mapped: MappedDocument }> => 'mapped' in h);
  const states = linter.reduce(
    documents.map((d) => d.mapped),
    documents.map((d) => d.document.path),
  );
  for (const entry of held) {
    if ('problem' in entry) {
      yield { type: 'problem', problem: entry.problem };
      continue;
    }
    const withCorpus = (document: DocumentInfo, mapped: MappedDocument, filtered: DocumentResult) => {
      const extra = linter
        .corpusFindings(states, mapped, document.path)
        .filter((located) => (options.filters ?? []).every((keep) => keep(located.finding, documentFor(document, located))))
        .map((c) => c.finding);
      return linter.merge(filtered, extra);
    };
    const result = withCorpus(entry.document, entry.mapped, entry.filtered);
    if (options.settle && entry.document.text !== undefined) {
      const relint = (document: SourceDocument) => {
        const mapped = linter.map(document);
        return withCorpus(document, mapped, applyFilters(mapped.result, document, options.filters));
      };
      const settled = await options.settle(entry.document as SourceDocument, result, relint);
      yield { type: 'document', document: settled.document, result: settled.result };
      continue;
    }
    yield { type: 'document', document: entry.document, result };
  }
}

export function applyFilters(result: DocumentResult, document: SourceDocument, filters: FindingFilter[] = []): DocumentResult {
  if (filters.length === 0) return result;
  const findings = result.findings.filter((f) => filters.every((keep) => keep(f, document)));
  if (findings.length === result.findings.length) return result;
  return { ...result, findings, score: scoreFindings(findings, result.words) };
}

/**
 * The document a filter sees for a corpus finding. Without the held text, its text is built on demand: the
 * finding's own span and context at their real offsets, spaces elsewhere, which is all a fingerprint reads.
 */
function documentFor(document: DocumentInfo, { finding, text: flagged, before, after }: LocatedCorpusFinding): SourceDocument {
  if (document.text !== undefined) return document as SourceDocument;
  const { start } = finding.range;
  let text: string | undefined;
  return {
    ...document,
    get text() {
      text ??= ' '.repeat(Math.max(0, start - before.length)) + before + flagged + after;
      return text;
    },
  };
}
