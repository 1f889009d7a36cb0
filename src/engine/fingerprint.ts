// A finding's identity that survives edits elsewhere in the file: the rule, the flagged text and the words
// around it (not offsets or line numbers). Used by review decisions and baselines.
import { createHash } from 'node:crypto';
import type { Finding } from './types.js';
import { CONTEXT_CHARS as CONTEXT } from './corpus.js';
import { squash } from '../text/spaces.js';

export interface FingerprintParts {
  ruleId: string;
  text: string;
  before: string;
  after: string;
}

export function fingerprintParts(finding: Pick<Finding, 'ruleId' | 'range'>, text: string): FingerprintParts {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    text: squash(text.slice(start, end)),
    before: squash(text.slice(Math.max(0, start - CONTEXT), start)),
    after: squash(text.slice(end, end + CONTEXT)),
  };
}

/** A short stable hash of the rule, the flagged text and its surroundings. */
export function fingerprint(finding: Pick<Finding, 'ruleId' | 'range'>, text: string): string {
  const p = fingerprintParts(finding, text);
  return createHash('sha256').update(`${p.ruleId}\u0000${p.before}\u0000${p.text}\u0000${p.after}`).digest('hex').slice(0, 20);
}
