// Human-readable report, grouped by file: "line:col  severity  message  ruleId", then a summary.
import pc from 'picocolors';
import type { Severity } from '../engine/types.js';
import type { RunSummary } from '../engine/summary.js';
import type { ReporterFactory } from './types.js';
import { countOf } from '../text/numbers.js';

export const stylish: ReporterFactory = ({ write, color }) => {
  const c = pc.createColors(color);
  const paint: Record<Severity, (s: string) => string> = { critical: (s) => c.bold(c.red(s)), major: c.red, minor: c.yellow };
  return {
    document(result) {
      if (result.findings.length === 0) return;
      const rows = result.findings.map((f) => [`${f.line}:${f.column}`, f.severity, oneLine(f.message), f.ruleId] as const);
      const posWidth = Math.max(...rows.map((r) => r[0].length));
      const severityWidth = Math.max(...rows.map((r) => r[1].length));
      const lines = rows.map(
        ([pos, severity, message, id]) => `  ${c.dim(pos.padStart(posWidth))}  ${paint[severity](severity.padEnd(severityWidth))}  ${message}  ${c.dim(id)}`,
      );
      const score = c.dim(`  MQM penalty ${result.score.penalty} (${result.score.per1000Words} per 1000 words)`);
      write(`\n${c.underline(result.path)}${score}\n${lines.join('\n')}\n`);
    },
    finish(summary) {
      write(`\n${summaryLine(summary, c)}\n`);
    },
  };
};

export function summaryLine(summary: RunSummary, c = pc.createColors(false)): string {
  const n = (k: Severity) => summary.bySeverity[k] ?? 0;
  const head =
    summary.findings === 0
      ? c.green(`✔ no findings in ${countOf(summary.files, 'file')}`)
      : `${c.red('✖')} ${countOf(summary.findings, 'finding')} (${n('critical')} critical, ${n('major')} major, ${n('minor')} minor) in ${countOf(summary.files, 'file')}`;
  const parts = [
    `${head}, ${countOf(summary.words, 'word')}`,
    `  MQM penalty ${summary.score.penalty} (${summary.score.per1000Words} per 1000 words)`,
  ];
  const categories = Object.entries(summary.byCategory).sort((a, b) => b[1] - a[1]);
  if (categories.length) parts.push(`  by category: ${categories.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (summary.fixable) parts.push(`  ${countOf(summary.fixable, 'finding')} with a fix`);
  if (summary.problems) parts.push(c.red(`  ${countOf(summary.problems, 'input problem')} (see above)`));
  return parts.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
