// The JSON contract of DESIGN.md §2: { version, files: [{ path, words, findings, score }], summary }.
import type { DocumentResult } from '../engine/linter.js';
import type { ReporterFactory } from './types.js';

export const json: ReporterFactory = ({ write }) => {
  const files: DocumentResult[] = [];
  return {
    document: (result) => files.push(result),
    finish: (summary) => write(`${JSON.stringify({ version: 1, files, summary }, null, 2)}\n`),
  };
};
