// The JSON contract of DESIGN.md §2: { version, files: [{ path, words, findings, score }], summary }.
// Written as the documents come, byte for byte what JSON.stringify(report, null, 2) gives, so a large batch
// is never held in memory for its report.
import type { ReporterFactory } from './types.js';

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/**
 * A document's entry as it sits in the files array, indented by JSON.stringify itself (a pass over the text to
 * indent it cost more than writing it): the array wrapped around it is cut off again.
 */
function fileEntry(result: unknown): string {
  const nested = JSON.stringify({ files: [result] }, null, 2);
  return nested.slice(ENTRY_START.length, nested.length - ENTRY_END.length);
}
const ENTRY_START = '{\n  "files": [\n';
const ENTRY_END = '\n  ]\n}';

export const json: ReporterFactory = ({ write }) => {
  let files = 0;
  return {
    document: (result) => {
      write(`${files++ === 0 ? '{\n  "version": 1,\n  "files": [\n' : ',\n'}${fileEntry(result)}`);
    },
    finish: (summary) => {
      const head = files === 0 ? '{\n  "version": 1,\n  "files": [],\n' : '\n  ],\n';
      write(`${head}  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`);
    },
  };
};
