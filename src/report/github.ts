// GitHub Actions workflow commands: one annotation per finding, worst first, because GitHub shows only
// the first few annotations of each type per step.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import { severityRank, type Finding, type Severity } from '../engine/types.js';
import { summaryLine } from './stylish.js';
import { fileLocation, findingLines } from './location.js';
import type { ReporterFactory } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning'> = { critical: 'error', major: 'error', minor: 'warning' };

/** Escapes a command's message: %, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property's value: as a message, plus : and , (they separate properties). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(finding: Finding, file: string, lines: ReturnType<typeof findingLines>): string {
  const properties: [string, string | number | undefined][] = [
    ['file', file],
    ['line', lines.line],
    ['endLine', lines.endLine],
    // GitHub ignores columns on annotations that span lines.
    ['col', lines.line === lines.endLine ? lines.column : undefined],
    ['endColumn', lines.line === lines.endLine ? lines.endColumn : undefined],
    ['title', `${finding.ruleId} (${finding.severity} ${finding.category})`],
  ];
  const props = properties
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${COMMAND[finding.severity]} ${props}::${escapeData(finding.message)}`;
}

export const github: ReporterFactory = ({ write, cwd }) => {
  const pending: { finding: Finding; line: string; order: number }[] = [];
  return {
    document(result, source) {
      const location = fileLocation(result.path, source, cwd);
      for (const finding of result.findings) {
        pending.push({ finding, order: pending.length, line: annotation(finding, location.file, findingLines(finding, location)) });
      }
    },
    finish(summary) {
      pending.sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity) || a.order - b.order);
      write(pending.map((p) => `${p.line}\n`).join(''));
      // Plain lines are ordinary log output.
      write(`${summaryLine(summary)}\n`);
    },
  };
};
