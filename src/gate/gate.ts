// The CI gate: whether a run passes, and if not, why (one line).
import { SEVERITIES, severityRank, type Severity } from '../engine/types.js';
import type { RunSummary } from '../engine/summary.js';
import type { FailOn } from '../config/load.js';

export interface GateOptions {
  failOn: FailOn;
  /** MQM penalty per 1000 words for the whole run. */
  maxPenalty?: number | null;
  maxFindings?: number | null;
}

export interface GateResult {
  passed: boolean;
  reason?: string;
}

export function evaluateGate(summary: RunSummary, options: GateOptions): GateResult {
  if (options.failOn !== 'none') {
    const failing = SEVERITIES.filter((s) => severityRank(s) >= severityRank(options.failOn as Severity));
    const count = failing.reduce((n, s) => n + (summary.bySeverity[s] ?? 0), 0);
    if (count > 0) return { passed: false, reason: `${count} finding${count === 1 ? '' : 's'} at or above ${options.failOn} (--fail-on ${options.failOn})` };
  }
  if (options.maxFindings != null && summary.findings > options.maxFindings) {
    return { passed: false, reason: `${summary.findings} findings, more than --max-findings ${options.maxFindings}` };
  }
  if (options.maxPenalty != null && summary.score.per1000Words > options.maxPenalty) {
    return { passed: false, reason: `MQM penalty ${summary.score.per1000Words} per 1000 words, above --max-penalty ${options.maxPenalty}` };
  }
  return { passed: true };
}
