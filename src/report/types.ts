import type { DocumentResult } from '../engine/linter.js';
import type { RunSummary } from '../engine/summary.js';
import type { CompiledRule } from '../rules/types.js';

export interface ReportContext {
  /** Writes report text to its destination (stdout or --output FILE). */
  write(text: string): void;
  color: boolean;
  /** The rules of the run, for formats that describe them (SARIF). */
  rules: CompiledRule[];
}

/** A report format. Documents arrive one at a time, in input order; finish writes what remains. */
export interface Reporter {
  document(result: DocumentResult): void;
  finish(summary: RunSummary): void;
}

export type ReporterFactory = (context: ReportContext) => Reporter;
