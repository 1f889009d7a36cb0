// MQM-style penalty as in the WMT expert studies (Freitag et al. 2021): minor 1, major 5, critical 25,
// minor punctuation 0.1; reported raw and per 1000 words.
import type { Finding, Severity } from '../engine/types.js';

export interface Score {
  penalty: number;
  per1000Words: number;
}

const WEIGHTS: Record<Severity, number> = { minor: 1, major: 5, critical: 25 };
const MINOR_PUNCTUATION = 0.1;

export function findingPenalty(finding: Pick<Finding, 'severity' | 'category'>): number {
  if (finding.severity === 'minor' && finding.category === 'punctuation') return MINOR_PUNCTUATION;
  return WEIGHTS[finding.severity];
}

export function scoreFindings(findings: Pick<Finding, 'severity' | 'category'>[], words: number): Score {
  const penalty = round(findings.reduce((sum, f) => sum + findingPenalty(f), 0));
  return { penalty, per1000Words: words > 0 ? round((penalty * 1000) / words) : 0 };
}

/** Words as the WMT studies count them: whitespace-separated tokens holding a letter or digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/[^\s]*[\p{L}\p{N}][^\s]*/gu)) count++;
  return count;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
