// Applying fixes to text: sort by position, skip a fix that overlaps an earlier one, repeat up to
// ten passes (re-linting between passes), stop when a pass changes nothing or the text repeats.
import type { Applicability, Edit, Finding } from '../engine/types.js';

export interface FixSelection {
  /** Also apply `unsafe` fixes (--unsafe-fixes). `suggestion` fixes are never applied automatically. */
  unsafe?: boolean;
  /** Apply only fixes of these findings (the review UI's accepted set). */
  only?: (finding: Finding) => boolean;
}

export function isApplicable(applicability: Applicability, selection: FixSelection): boolean {
  return applicability === 'safe' || (applicability === 'unsafe' && selection.unsafe === true);
}

/** Applies non-overlapping edits. Throws on overlap: callers must have resolved it. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at ${edit.start}`);
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

export interface PassResult {
  text: string;
  applied: Finding[];
  skipped: Finding[];
}

/** One pass: every selected fix that does not touch a fix already taken. */
export function applyFixesOnce(text: string, findings: readonly Finding[], selection: FixSelection = {}): PassResult {
  const candidates = findings
    .filter((f) => f.fix && f.fix.edits.length && isApplicable(f.fix.applicability, selection) && (selection.only?.(f) ?? true))
    .sort((a, b) => firstEditStart(a) - firstEditStart(b));
  const taken: Edit[] = [];
  const applied: Finding[] = [];
  const skipped: Finding[] = [];
  for (const finding of candidates) {
    const edits = finding.fix!.edits;
    // A fix that reaches outside the text, or whose own edits collide, is never applied.
    if (!editsFit(edits, text.length) || edits.some((e) => taken.some((t) => overlaps(e, t)))) {
      skipped.push(finding);
      continue;
    }
    taken.push(...edits);
    applied.push(finding);
  }
  return { text: taken.length ? applyEdits(text, taken) : text, applied, skipped };
}

function firstEditStart(finding: Finding): number {
  return Math.min(...finding.fix!.edits.map((e) => e.start));
}

function editsFit(edits: readonly Edit[], length: number): boolean {
  if (!edits.every((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= length)) return false;
  return edits.every((e, i) => edits.every((o, j) => i === j || !overlaps(e, o)));
}

/** Two edits conflict when their ranges intersect, or both insert at the same point. */
function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

export const MAX_FIX_PASSES = 10;

export interface FixResult {
  text: string;
  passes: number;
  /** How many fixes were applied over all passes. */
  applied: number;
  /** True when the passes ran out or the text started to cycle: the fixes of some rules undo each other. */
  unstable: boolean;
  /** The findings of the returned text, when the last lint was of that text (saves a re-lint). */
  findings?: Finding[];
}

/** Called after each pass that changed the text (to carry state such as review decisions across passes). */
export type OnPass = (before: string, after: string, pass: PassResult) => void;

/** Fixes a text to a fixed point: lint, apply, re-lint, up to MAX_FIX_PASSES times. */
export function fixText(text: string, lint: (text: string) => Finding[], selection: FixSelection = {}, onPass?: OnPass): FixResult {
  const seen = new Set([text]);
  let current = text;
  let applied = 0;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const findings = lint(current);
    const result = applyFixesOnce(current, findings, selection);
    if (result.applied.length === 0) return { text: current, passes: pass - 1, applied, unstable: false, findings };
    applied += result.applied.length;
    if (seen.has(result.text)) return { text: current, passes: pass, applied, unstable: true };
    seen.add(result.text);
    onPass?.(current, result.text, result);
    current = result.text;
  }
  return { text: current, passes: MAX_FIX_PASSES, applied, unstable: true };
}
