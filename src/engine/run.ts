// The batch pipeline shared by the commands: documents in, per-document results out, in input order.
// Later stages hook in here: finding filters (review decisions, baselines) and corpus-level checks.
import type { InputItem, InputProblem, SourceDocument } from '../documents/types.js';
import type { DocumentResult, Linter } from './linter.js';
import type { Finding } from './types.js';
import { scoreFindings } from '../score/penalty.js';

/** Decides whether a finding is reported; false drops it (a rejected review decision, for example). */
export type FindingFilter = (finding: Finding, document: SourceDocument) => boolean;

export type LintEvent = { type: 'document'; document: SourceDocument; result: DocumentResult } | { type: 'problem'; problem: InputProblem };

/** Runs on each document before it is linted, e.g. applying fixes; may hand over the findings of the text it returns. */
export type PrepareDocument = (document: SourceDocument) => Promise<Prepared> | Prepared;
export interface Prepared {
  document: SourceDocument;
  findings?: Finding[];
}

export interface RunOptions {
  filters?: FindingFilter[];
  prepare?: PrepareDocument;
}

export async function* lintStream(items: AsyncIterable<InputItem>, linter: Linter, options: RunOptions = {}): AsyncGenerator<LintEvent> {
  for await (const item of items) {
    if ('problem' in item) {
      yield { type: 'problem', problem: item.problem };
      continue;
    }
    const { document, findings } = options.prepare ? await options.prepare(item.document) : { document: item.document, findings: undefined };
    yield { type: 'document', document, result: applyFilters(linter.lint(document, findings), document, options.filters) };
  }
}

export function applyFilters(result: DocumentResult, document: SourceDocument, filters: FindingFilter[] = []): DocumentResult {
  if (filters.length === 0) return result;
  const findings = result.findings.filter((f) => filters.every((keep) => keep(f, document)));
  if (findings.length === result.findings.length) return result;
  return { ...result, findings, score: scoreFindings(findings, result.words) };
}
