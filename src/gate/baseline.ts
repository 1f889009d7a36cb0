// Baselines: accept the findings a project already has, and fail only on new ones. An entry matches a finding
// by file, rule and fingerprint (the flagged text and the words around it), so edits elsewhere in a file,
// which move offsets and line numbers, don't break the match.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fingerprint } from '../engine/fingerprint.js';
import type { FindingFilter } from '../engine/run.js';
import type { Finding } from '../engine/types.js';
import { documentKey, type SourceDocument } from '../documents/types.js';
import { replaceFile } from '../fix/write.js';
import { UserError } from '../errors.js';

export interface BaselineEntry {
  /** Relative to the baseline file's folder, with forward slashes; `feed.jsonl#id` for an article in a JSONL file. */
  file: string;
  ruleId: string;
  fingerprint: string;
  /** For people reading the file; not used for matching. */
  text?: string;
  line?: number;
}

export interface BaselineFile {
  version: 1;
  tool: 'mtaudit';
  findings: BaselineEntry[];
}

function key(file: string, ruleId: string, print: string): string {
  return `${file}\u0000${ruleId}\u0000${print}`;
}

/** The baseline's name for a document: relative to the baseline file's folder. */
export function baselinePath(document: SourceDocument, baselineFile: string): string {
  return documentKey(document, dirname(resolve(baselineFile)));
}

export function baselineEntry(finding: Finding, document: SourceDocument, baselineFile: string): BaselineEntry {
  return {
    file: baselinePath(document, baselineFile),
    ruleId: finding.ruleId,
    fingerprint: fingerprint(finding, document.text),
    text: document.text.slice(finding.range.start, finding.range.end),
    line: finding.line,
  };
}

export class Baseline {
  /** How many findings each key still accepts (the same text can be flagged twice in one file). */
  private readonly remaining = new Map<string, number>();
  matched = 0;

  constructor(
    readonly file: string,
    readonly entries: BaselineEntry[],
  ) {
    for (const e of entries) {
      const k = key(e.file, e.ruleId, e.fingerprint);
      this.remaining.set(k, (this.remaining.get(k) ?? 0) + 1);
    }
  }

  /** Drops findings the baseline accepts; each entry accepts one finding. */
  readonly filter: FindingFilter = (finding, document) => {
    const k = key(baselinePath(document, this.file), finding.ruleId, fingerprint(finding, document.text));
    const left = this.remaining.get(k) ?? 0;
    if (left === 0) return true;
    this.remaining.set(k, left - 1);
    this.matched++;
    return false;
  };

  /** Entries that matched nothing in this run (fixed since, or in files not checked). */
  get unmatched(): number {
    let n = 0;
    for (const left of this.remaining.values()) n += left;
    return n;
  }
}

export async function readBaseline(file: string): Promise<Baseline> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? `${file}: baseline not found (create it with --update-baseline)` : `${file}: cannot read the baseline (${code ?? 'error'})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new UserError(`${file}: the baseline is not valid JSON (${(error as Error).message}); recreate it with --update-baseline`);
  }
  const findings = (data as Partial<BaselineFile> | null)?.findings;
  const valid =
    (data as Partial<BaselineFile> | null)?.version === 1 &&
    Array.isArray(findings) &&
    findings.every((e) => e && typeof e.file === 'string' && typeof e.ruleId === 'string' && typeof e.fingerprint === 'string');
  if (!valid) throw new UserError(`${file}: not an mtaudit baseline (expected {"version": 1, "findings": [{file, ruleId, fingerprint}]}); recreate it with --update-baseline`);
  return new Baseline(file, findings);
}

/**
 * Writes the baseline: every finding of this run, plus the old entries of files this run did not check
 * (so updating from a partial run keeps the rest), minus entries of files that no longer exist.
 */
export async function writeBaseline(file: string, entries: BaselineEntry[], checkedFiles: Set<string>, previous?: BaselineEntry[]): Promise<number> {
  const base = dirname(resolve(file));
  const kept = (previous ?? []).filter((e) => !checkedFiles.has(e.file) && existsSync(resolve(base, e.file.replace(/#.*$/, ''))));
  const findings = [...kept, ...entries].sort(
    (a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint),
  );
  // One entry a line, so a baseline's history reads well in version control.
  const lines = findings.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  const body = `{\n  "version": 1,\n  "tool": "mtaudit",\n  "findings": [${lines ? `\n${lines}\n  ` : ''}]\n}\n`;
  try {
    await replaceFile(file, Buffer.from(body, 'utf8'));
  } catch (error) {
    throw new UserError(`${file}: cannot write the baseline (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return findings.length;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
