// One line per document, written as each is done: { id, path, words, findings, score }. The output of
// `lint --stdin-ndjson`, so mtaudit can run as a streaming mapper (Hadoop Streaming, Spark's RDD.pipe).
import type { ReporterFactory } from './types.js';

export const documents: ReporterFactory = ({ write }) => ({
  document(result, source) {
    const id = source?.origin.kind === 'record' ? source.origin.id : result.path;
    write(`${JSON.stringify({ id, ...result })}\n`);
  },
  finish() {},
});
