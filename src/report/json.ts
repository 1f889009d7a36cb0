// The JSON contract of DESIGN.md §2: { version, files: [{ path, words, findings, score }], summary }.
// Written as the documents come, byte for byte what JSON.stringify(report, null, 2) gives, so a large batch
// is never held in memory for its report.
import type { ReporterFactory } from './types.js';

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

export const json: ReporterFactory = ({ write }) => {
  let files = 0;
  return {
    document: (result) => {
      write(`${files++ === 0 ? '{\n  "version": 1,\n  "files": [\n' : ',\n'}    ${indent(JSON.stringify(result, null, 2), '    ')}`);
    },
    finish: (summary) => {
      const head = files === 0 ? '{\n  "version": 1,\n  "files": [],\n' : '\n  ],\n';
      write(`${head}  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`);
    },
  };
};
