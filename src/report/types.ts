import type { DocumentResult } from '../engine/linter.js';
import type { RunSummary } from '../engine/summary.js';
import type { DocumentInfo } from '../engine/run.js';
import type { CompiledRule } from '../rules/types.js';

export interface ReportContext {
  /** Writes report text to its destination (stdout or --output FILE). */
  write(text: string): void;
  color: boolean;
  /** The rules of the run, for formats that describe them (SARIF). */
  rules: CompiledRule[];
  /** Folder that relative report paths are resolved against (the working directory). */
  cwd?: string;
  /** mtaudit's version, for formats that name the tool. */
  version?: string;
}

/** A report format. Documents arrive one at a time, in input order; finish writes what remains. */
export interface Reporter {
  /**
   * `source` is the document as linted: where it came from, and its text unless the run let texts go (a corpus
   * run keeps them only for the formats that ask, see `needsText`).
   */
  document(result: DocumentResult, source?: DocumentInfo): void;
  finish(summary: RunSummary): void;
}

export type ReporterFactory = ((context: ReportContext) => Reporter) & {
  /** The format reads document texts (fingerprints, byte columns): a corpus run must hold them for it. */
  needsText?: boolean;
};
