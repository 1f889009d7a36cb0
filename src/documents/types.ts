import { relative, resolve } from 'node:path';

export type TextEncodingName = 'utf8' | 'utf16le' | 'utf16be';

/** Where a document came from, so fixes can be written back to the same place in the same form. */
export type DocumentOrigin =
  | { kind: 'file'; file: string; encoding: TextEncodingName; bom: boolean }
  | { kind: 'record'; file: string; line: number; id: string }
  | { kind: 'stdin' };

export type DocumentFormat = 'text' | 'markdown';

export interface SourceDocument {
  /** Shown in reports: the path as the user gave it (relative paths stay relative). */
  path: string;
  /** Decoded text without BOM; line endings as in the source. */
  text: string;
  format: DocumentFormat;
  origin: DocumentOrigin;
}

/** A user-facing input problem: reported on one line, the run goes on, exit code 2 at the end. */
export interface InputProblem {
  path: string;
  line?: number;
  message: string;
}

export type InputItem = { document: SourceDocument } | { problem: InputProblem };

/**
 * A document's name relative to a folder, with forward slashes (`feed.jsonl#id` for an article in a JSONL file),
 * for files that record documents (review decisions, baselines) and move with the texts.
 */
export function documentKey(document: SourceDocument, dir: string): string {
  const origin = document.origin;
  if (origin.kind === 'stdin') return '<stdin>';
  const file = relative(dir, resolve(origin.file)).split('\\').join('/');
  return origin.kind === 'record' ? `${file}#${origin.id}` : file;
}

export function formatProblem(problem: InputProblem): string {
  const where = problem.line === undefined ? problem.path : `${problem.path}:${problem.line}`;
  return `${where}: ${problem.message}`;
}
