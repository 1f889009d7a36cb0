// Review decisions that outlive a session: rejected findings ("not an artifact"), which `lint` and `review`
// never report again, and the progress of an unfinished review (position, accepted but unwritten fixes).
// Kept in mtaudit.decisions.json beside mtaudit.config.yaml, or in the working directory without one.
import { readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LocatedError } from '../errors.js';
import { parseLocatedYaml } from '../yaml/located.js';
import { fingerprint, fingerprintParts } from '../engine/fingerprint.js';
import type { FindingFilter } from '../engine/run.js';
import type { Edit, Finding } from '../engine/types.js';
import { documentKey, type SourceDocument } from '../documents/types.js';

export const DECISIONS_FILE = 'mtaudit.decisions.json';
const VERSION = 1;
/** A match on one side of the context alone must rest on at least this much text. */
const MIN_ONE_SIDED_CONTEXT = 16;

export interface RejectedEntry {
  fingerprint: string;
  ruleId: string;
  /** The flagged text and the words around it (whitespace squashed), so the file reads well and matches survive edits on one side. */
  text: string;
  before: string;
  after: string;
  /** The document, relative to the decisions file. */
  path: string;
  date: string;
}

export interface ReviewPosition {
  path: string;
  fingerprint: string;
  offset: number;
}

export interface AcceptedEntry {
  path: string;
  fingerprint: string;
  /** The editor's own replacement for the fix region; absent when the rule's fix was accepted as proposed. */
  replacement?: string;
}

export interface ReviewProgress {
  position?: ReviewPosition;
  accepted: AcceptedEntry[];
}

interface DecisionsData {
  version: number;
  rejected: RejectedEntry[];
  progress?: ReviewProgress;
}

/** Where the decisions live: beside the configuration file, else in the working directory. */
export function decisionsPath(config: { file?: string }, cwd = process.cwd()): string {
  return join(config.file ? dirname(resolve(config.file)) : resolve(cwd), DECISIONS_FILE);
}

export class DecisionStore {
  private rejected = new Map<string, RejectedEntry>();
  /** Rejected entries by rule and flagged text, for matches that survive a nearby edit. */
  private byText = new Map<string, RejectedEntry[]>();
  private progressData: ReviewProgress = { accepted: [] };
  private savedJson: string;

  private constructor(
    readonly file: string,
    data: DecisionsData | undefined,
    private readonly now: () => Date,
  ) {
    for (const entry of data?.rejected ?? []) this.add(entry);
    if (data?.progress) this.progressData = data.progress;
    // A missing file stays missing until there is something to keep.
    this.savedJson = this.serialize();
  }

  /** Loads the decisions file; a missing file is an empty store. A damaged one is a user error naming it. */
  static load(file: string, options: { now?: () => Date } = {}): DecisionStore {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return new DecisionStore(file, undefined, options.now ?? (() => new Date()));
      throw new LocatedError(file, 0, 0, `cannot read the review decisions (${code ?? 'error'})`);
    }
    return new DecisionStore(file, parseDecisions(file, source), options.now ?? (() => new Date()));
  }

  /** The directory document paths are recorded relative to. */
  get dir(): string {
    return dirname(this.file);
  }

  get rejectedCount(): number {
    return this.rejected.size;
  }

  /** How a document is named in the file: relative to it, so the file can be committed and moved with the texts. */
  documentKey(document: SourceDocument): string {
    return documentKey(document, this.dir);
  }

  isRejected(finding: Pick<Finding, 'ruleId' | 'range'>, document: SourceDocument): boolean {
    return this.match(finding, document) !== undefined;
  }

  private match(finding: Pick<Finding, 'ruleId' | 'range'>, document: SourceDocument): RejectedEntry | undefined {
    // Nothing rejected (the usual batch run): no fingerprint, no need to read the text (a corpus finding's is built on demand).
    if (this.rejected.size === 0) return undefined;
    const exact = this.rejected.get(fingerprint(finding, document.text));
    if (exact) return exact;
    const parts = fingerprintParts(finding, document.text);
    const candidates = this.byText.get(textKey(parts.ruleId, parts.text));
    if (!candidates) return undefined;
    const path = this.documentKey(document);
    // Same rule, same flagged text, same document and the same words on one side: the same occurrence after an edit on the other side.
    return candidates.find(
      (e) => e.path === path && ((e.before === parts.before && e.before.length >= MIN_ONE_SIDED_CONTEXT) || (e.after === parts.after && e.after.length >= MIN_ONE_SIDED_CONTEXT)),
    );
  }

  /** The filter for lintStream: rejected findings are not reported. */
  filter(): FindingFilter {
    return (finding, document) => !this.isRejected(finding, document);
  }

  reject(finding: Pick<Finding, 'ruleId' | 'range'>, document: SourceDocument): void {
    const parts = fingerprintParts(finding, document.text);
    const id = fingerprint(finding, document.text);
    if (this.rejected.has(id)) return;
    this.add({ fingerprint: id, ...parts, path: this.documentKey(document), date: this.now().toISOString().slice(0, 10) });
  }

  /** Takes back a rejection (undo); only the exact occurrence. */
  unreject(id: string): void {
    const entry = this.rejected.get(id);
    if (!entry) return;
    this.rejected.delete(id);
    const key = textKey(entry.ruleId, entry.text);
    const rest = (this.byText.get(key) ?? []).filter((e) => e !== entry);
    if (rest.length) this.byText.set(key, rest);
    else this.byText.delete(key);
  }

  hasRejection(id: string): boolean {
    return this.rejected.has(id);
  }

  /**
   * After fixes were written to a document, re-records the rejections in it under their new surroundings,
   * so a fix right next to a rejected finding does not bring it back.
   */
  rekey(before: SourceDocument, after: SourceDocument, edits: readonly Edit[], rejected: readonly Pick<Finding, 'ruleId' | 'range'>[]): void {
    for (const finding of rejected) {
      const entry = this.match(finding, before);
      const range = mapRange(finding.range, edits);
      // Without a range the fix rewrote the rejected text itself: the old entry can no longer match and goes.
      if (!entry) continue;
      this.unreject(entry.fingerprint);
      if (range) this.reject({ ruleId: finding.ruleId, range }, after);
    }
  }

  get progress(): ReviewProgress {
    return this.progressData;
  }

  setProgress(progress: ReviewProgress): void {
    this.progressData = progress;
  }

  /** Writes the file when something changed: atomically, so an interrupted session never leaves half a file. */
  save(): void {
    const json = this.serialize();
    if (json === this.savedJson) return;
    const temp = join(this.dir, `.${DECISIONS_FILE}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      writeFileSync(temp, json);
      renameSync(temp, this.file);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // nothing to clean up
      }
      throw new LocatedError(this.file, 0, 0, `cannot save the review decisions (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    this.savedJson = json;
  }

  private add(entry: RejectedEntry): void {
    this.rejected.set(entry.fingerprint, entry);
    const key = textKey(entry.ruleId, entry.text);
    const list = this.byText.get(key);
    if (list) list.push(entry);
    else this.byText.set(key, [entry]);
  }

  private serialize(): string {
    const rejected = [...this.rejected.values()].sort((a, b) => compare(a.path, b.path) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
    const progress = this.progressData.position || this.progressData.accepted.length ? this.progressData : undefined;
    const data: DecisionsData = { version: VERSION, rejected, ...(progress ? { progress } : {}) };
    return `${JSON.stringify(data, null, 2)}\n`;
  }
}

function textKey(ruleId: string, text: string): string {
  return `${ruleId}\u0000${text}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where a range lands after non-overlapping edits; null when an edit touches it. */
export function mapRange(range: { start: number; end: number }, edits: readonly Edit[]): { start: number; end: number } | null {
  let shift = 0;
  for (const edit of edits) {
    if (edit.end <= range.start) shift += edit.text.length - (edit.end - edit.start);
    else if (edit.start < range.end) return null;
  }
  return { start: range.start + shift, end: range.end + shift };
}

function parseDecisions(file: string, source: string): DecisionsData {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const { line, column } = locateJsonError(source, (error as Error).message);
    throw new LocatedError(file, line, column, 'not valid JSON; fix it or delete the file (rejected findings will be reported again)');
  }
  const data = value as Partial<DecisionsData> | null;
  const valid =
    typeof data === 'object' &&
    data !== null &&
    data.version === VERSION &&
    Array.isArray(data.rejected) &&
    data.rejected.every(isRejectedEntry) &&
    (data.progress === undefined || isProgress(data.progress));
  if (!valid) {
    throw new LocatedError(file, 0, 0, `not a version ${VERSION} decisions file (expected "version", "rejected" and "progress"); fix it or delete the file`);
  }
  return data as DecisionsData;
}

function isRejectedEntry(value: unknown): value is RejectedEntry {
  const e = value as Record<string, unknown> | null;
  return typeof e === 'object' && e !== null && ['fingerprint', 'ruleId', 'text', 'before', 'after', 'path'].every((k) => typeof e[k] === 'string');
}

function isProgress(value: unknown): value is ReviewProgress {
  const p = value as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null || !Array.isArray(p.accepted)) return false;
  const position = p.position as Record<string, unknown> | undefined;
  if (position !== undefined && !(typeof position.path === 'string' && typeof position.fingerprint === 'string' && typeof position.offset === 'number')) return false;
  return p.accepted.every((a) => {
    const e = a as Record<string, unknown> | null;
    return typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.fingerprint === 'string' && (e.replacement === undefined || typeof e.replacement === 'string');
  });
}

/** Where JSON went wrong: V8 gives a position for some mistakes only; the YAML parser (JSON is YAML) finds most others. */
function locateJsonError(source: string, message: string): { line: number; column: number } {
  const yaml = parseLocatedYaml(source);
  if (!yaml.ok) return { line: yaml.line, column: yaml.column };
  const at = /position (\d+)/.exec(message);
  if (!at) return { line: 0, column: 0 };
  const before = source.slice(0, Number(at[1])).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
