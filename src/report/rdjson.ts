// Reviewdog Diagnostic Format (rdjson), with fixes as suggestions. Columns count UTF-8 bytes, as reviewdog
// expects; end positions are exclusive. https://github.com/reviewdog/reviewdog/tree/master/proto/rdf
import { LineIndex } from '../documents/lines.js';
import type { Finding, Severity } from '../engine/types.js';
import { fileLocation } from './location.js';
import type { ReporterFactory } from './types.js';

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING'> = { critical: 'ERROR', major: 'ERROR', minor: 'WARNING' };

interface RdPosition {
  line: number;
  column?: number;
}
interface RdRange {
  start: RdPosition;
  end?: RdPosition;
}

/** A UTF-16 offset as reviewdog's line and UTF-8 byte column. */
export function rdPosition(lines: LineIndex, offset: number): RdPosition {
  const { line } = lines.position(offset);
  const lineStart = lines.lines[line - 1]!.start;
  return { line, column: Buffer.byteLength(lines.text.slice(lineStart, offset), 'utf8') + 1 };
}

export const rdjson: ReporterFactory = ({ write, cwd }) => {
  const diagnostics: object[] = [];
  return {
    document(result, source) {
      if (result.findings.length === 0) return;
      const location = fileLocation(result.path, source, cwd);
      const lines = location.exact && source?.text !== undefined ? new LineIndex(source.text) : undefined;
      const range = (start: number, end: number, finding: Finding): RdRange =>
        lines
          ? { start: rdPosition(lines, start), end: rdPosition(lines, end) }
          : location.exact
            ? { start: { line: finding.line, column: finding.column }, end: { line: finding.endLine, column: finding.endColumn } }
            : { start: { line: location.recordLine ?? 1 } };
      for (const f of result.findings) {
        diagnostics.push({
          message: f.message,
          location: { path: location.file, range: range(f.range.start, f.range.end, f) },
          severity: SEVERITY[f.severity],
          code: { value: f.ruleId },
          // An article inside a JSONL file can't take a text edit addressed to the file.
          ...(f.fix && lines ? { suggestions: f.fix.edits.map((e) => ({ range: range(e.start, e.end, f), text: e.text })) } : {}),
        });
      }
    },
    finish() {
      write(`${JSON.stringify({ source: { name: 'mtaudit' }, diagnostics }, null, 2)}\n`);
    },
  };
};

// Partial fingerprints and byte columns are computed from the text.
rdjson.needsText = true;
