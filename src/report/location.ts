// Where a finding lives in the file system, for formats read by other tools (SARIF, GitHub, reviewdog, JUnit).
import { isAbsolute, relative, resolve } from 'node:path';
import type { DocumentInfo } from '../engine/run.js';
import type { Finding } from '../engine/types.js';

export interface FileLocation {
  /** Relative to the working directory with forward slashes when below it, else absolute. */
  file: string;
  /**
   * True when the finding's line and column address the file itself. An article inside a JSONL file has
   * offsets into its decoded text, not the file: only the line of its record is known.
   */
  exact: boolean;
  /** The record's line in its JSONL file. */
  recordLine?: number;
}

export function fileLocation(path: string, source: DocumentInfo | undefined, cwd = process.cwd()): FileLocation {
  const origin = source?.origin;
  if (origin?.kind === 'record') return { file: reportPath(origin.file, cwd), exact: false, recordLine: origin.line };
  return { file: origin?.kind === 'stdin' ? path : reportPath(path, cwd), exact: true };
}

export function reportPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
  return shown.split('\\').join('/');
}

/** Line and column span of a finding in its file: exact, or the record's line for JSONL articles. */
export function findingLines(finding: Finding, location: FileLocation): { line: number; column?: number; endLine: number; endColumn?: number } {
  if (location.exact) return { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn };
  const line = location.recordLine ?? 1;
  return { line, endLine: line };
}

