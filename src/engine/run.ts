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

export interface RunOptions {
  filters?: FindingFilter[];
  /** Hold each document's text until the corpus step, for consumers that show or fix text (off by default). */
  keepTexts?: boolean;
}

export function lintStream(items: AsyncIterable<InputItem>, linter: Linter, options: RunOptions & { keepTexts: true }): AsyncGenerator<LintEvent<SourceDocument>>;
export function lintStream(items: AsyncIterable<InputItem>, linter: Linter, options?: RunOptions): AsyncGenerator<LintEvent>;
export async function* lintStream(items: AsyncIterable<InputItem>, linter: Linter, options: RunOptions = {}): AsyncGenerator<LintEvent> {
  if (!linter.hasCorpusChecks) {
    for await (const item of items) {
      if ('problem' in item) yield { type: 'problem', problem: item.problem };
      else yield { type: 'document', document: item.document, result: applyFilters(linter.lint(item.document), item.document, options.filters) };
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
    const mapped = linter.map(item.document);
    const { text: _text, ...info } = item.document;
    const document: DocumentInfo = options.keepTexts ? item.document : info;
    held.push({ document, mapped, filtered: applyFilters(mapped.result, item.document, options.filters) });
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
    const extra = linter
      .corpusFindings(states, entry.mapped, entry.document.path)
      .filter((located) => (options.filters ?? []).every((keep) => keep(located.finding, documentFor(entry.document, located))))
      .map((c) => c.finding);
    yield { type: 'document', document: entry.document, result: linter.merge(entry.filtered, extra) };
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
