// One finding a line, written as each document is done: { path, ...finding } (the finding as in the JSON report).
import type { ReporterFactory } from './types.js';

export const ndjson: ReporterFactory = ({ write }) => ({
  document(result) {
    if (result.findings.length === 0) return;
    write(result.findings.map((finding) => `${JSON.stringify({ path: result.path, ...finding })}\n`).join(''));
  },
  finish() {},
});
