// Fixing one document in memory: fixes to a fixed point, line endings kept as the file had them.
// Writing (writeDocument) and showing a diff (unifiedDiff) are the caller's choice.
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import type { SourceDocument } from '../documents/types.js';
import type { Finding } from '../engine/types.js';
import { fixText, type FixResult, type FixSelection, type OnPass } from './apply.js';
import { keepLineEndings } from './write.js';

// The diff library loads only when a diff is asked for (--diff): some 20 ms of start-up otherwise.
const require = createRequire(import.meta.url);
let diffLibrary: typeof import('diff') | undefined;

export interface DocumentFix extends FixResult {
  /** The document with the fixed text (the same object when nothing changed). */
  document: SourceDocument;
  changed: boolean;
}

export type TextLinter = (text: string, document: SourceDocument) => Finding[];

export function fixDocument(document: SourceDocument, lint: TextLinter, selection: FixSelection = {}, onPass?: OnPass): DocumentFix {
  const result = fixText(document.text, (text) => lint(text, document), selection, onPass);
  const text = keepLineEndings(document.text, result.text);
  const changed = text !== document.text;
  return {
    ...result,
    text,
    // Restoring CRLF moved offsets, so those findings no longer describe the text.
    findings: text === result.text ? result.findings : undefined,
    document: changed ? { ...document, text } : document,
    changed,
  };
}

/** A unified diff of what a fix changes (git's a/ b/ names for a relative path); empty when nothing does. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const [from, to] = isAbsolute(path) ? [path, path] : [`a/${path}`, `b/${path}`];
  diffLibrary ??= require('diff') as typeof import('diff');
  return diffLibrary.createTwoFilesPatch(from, to, before, after, undefined, undefined, { context: 3 }).replace(/^(Index: .*\n)?=+\n/, '');
}
