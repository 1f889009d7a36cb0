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
  let inToken = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) {
      inToken = false;
      continue;
    }
    if (!inToken) {
      inToken = true;
      counted = false;
    }
    if (counted) continue;
    // ASCII letters and digits directly; anything else beyond ASCII through the Unicode classes.
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && ALNUM.test(text[i]!))) {
      count++;
      counted = true;
    }
  }
  return count;
}

const ALNUM = /[\p{L}\p{N}]/u;

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
