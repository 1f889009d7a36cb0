// The engine side of a review: lint the documents with earlier rejections filtered out, and write the fixes
// an editor accepted through the shared fix application (one pass, atomic, refusing files changed on disk).
import { setup, type SetupOptions } from '../engine/setup.js';
import { applyFilters, lintAgainst, lintStream, type FindingFilter } from '../engine/run.js';
import type { CorpusStates } from '../engine/linter.js';
import type { Linter } from '../engine/linter.js';
import { fingerprint } from '../engine/fingerprint.js';
import type { Edit, Finding } from '../engine/types.js';
import { readDocuments, readFileDocuments, DEFAULT_MAX_FILE_BYTES } from '../documents/read.js';
import type { InputProblem, SourceDocument } from '../documents/types.js';
import { applyEdits, applyFixesOnce } from '../fix/apply.js';
import { writeDocument } from '../fix/write.js';
import { DecisionStore, decisionsPath } from './decisions.js';

export interface ReviewFinding {
  finding: Finding;
  fingerprint: string;
}

export interface ReviewDocument {
  document: SourceDocument;
  /** How the decisions file names the document. */
  key: string;
  findings: ReviewFinding[];
  /** Findings hidden by earlier rejections: re-recorded when a fix is written next to them. */
  rejected: Finding[];
  /** Why fixes cannot be written back to this document, or null when they can. */
  readOnly: string | null;
}

export interface AcceptedFix {
  finding: Finding;
  /** The editor's replacement for the whole fix region (see fixRegion), instead of the rule's fix. */
  replacement?: string;
}

export type WriteReport =
  | { written: true; document: ReviewDocument; applied: number; edits: Edit[]; overlapping: number }
  | { written: false; reason: string };

export interface ReviewOptions extends SetupOptions {
  maxFileSize?: number;
}

export class ReviewSession {
  /** The names (and any other corpus check) as the loaded batch settled them. */
  private corpusStates: CorpusStates | undefined;

  private constructor(
    private readonly linter: Linter,
    readonly store: DecisionStore,
    private readonly maxFileBytes: number,
    private readonly ignore: (path: string) => boolean,
  ) {}

  static async open(options: ReviewOptions = {}): Promise<ReviewSession> {
    const { config, linter, ignore } = await setup(options);
    const store = DecisionStore.load(decisionsPath(config, options.cwd));
    return new ReviewSession(linter, store, options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_BYTES, ignore);
  }

  /** Every document behind the paths, with its findings in document order. */
  async load(paths: string[]): Promise<{ documents: ReviewDocument[]; problems: InputProblem[] }> {
    const documents: ReviewDocument[] = [];
    const problems: InputProblem[] = [];
    // Keyed by path: a document's result may come back from disk (a large batch), not as the object linted.
    const hidden = new Map<string, Finding[]>();
    const filter = this.hidingFilter(hidden);
    const onCorpusStates = (states: CorpusStates) => {
      this.corpusStates = states;
    };
    for await (const event of lintStream(readDocuments(paths, { ignore: this.ignore, maxFileBytes: this.maxFileBytes }), this.linter, { filters: [filter], keepTexts: true, onCorpusStates })) {
      if (event.type === 'problem') problems.push(event.problem);
      else documents.push(this.reviewDocument(event.document, event.result.findings, hidden.get(event.document.path) ?? []));
    }
    return { documents, problems };
  }

  /**
   * Applies the accepted fixes of one document in a single pass and writes it. Rejections in the document
   * (`rejectedNow`: this session's, plus those hidden at load) are re-recorded under their new surroundings.
   * The written file is read back and linted again.
   */
  async write(review: ReviewDocument, accepted: readonly AcceptedFix[], rejectedNow: readonly Finding[]): Promise<WriteReport> {
    if (review.readOnly) return { written: false, reason: review.readOnly };
    const { document } = review;
    const fixes = accepted.flatMap(({ finding, replacement }) => {
      const fix = acceptedFix(finding, document.text, replacement);
      return fix ? [{ ...finding, fix }] : [];
    });
    const pass = applyFixesOnce(document.text, fixes);
    const outcome = await writeDocument(document, pass.text);
    if (!outcome.written) return { written: false, reason: outcome.reason };
    const edits = pass.applied.flatMap((f) => f.fix!.edits).sort((a, b) => a.start - b.start);
    // Read back what is on disk now, so the next write compares against it.
    const after = (await this.reread(document)) ?? { ...document, text: pass.text };
    this.store.rekey(document, after, edits, [...review.rejected, ...rejectedNow]);
    this.store.save();
    return { written: true, document: this.lintOne(after), applied: pass.applied.length, edits, overlapping: pass.skipped.length };
  }

  /** Lints one document again, with the current decisions. */
  lintOne(document: SourceDocument): ReviewDocument {
    const hidden = new Map<string, Finding[]>();
    const filters = [this.hidingFilter(hidden)];
    // Against the batch's corpus state when there is one: names keep the spellings the batch settled on, not
    // those of a batch of this one document.
    const { findings } = this.corpusStates ? lintAgainst(this.linter, this.corpusStates, document, filters) : applyFilters(this.linter.lint(document), document, filters);
    return this.reviewDocument(document, findings, hidden.get(document.path) ?? []);
  }

  private hidingFilter(hidden: Map<string, Finding[]>): FindingFilter {
    return (finding: Finding, document: SourceDocument): boolean => {
      if (!this.store.isRejected(finding, document)) return true;
      const list = hidden.get(document.path);
      if (list) list.push(finding);
      else hidden.set(document.path, [finding]);
      return false;
    };
  }

  private reviewDocument(document: SourceDocument, findings: Finding[], rejected: Finding[]): ReviewDocument {
    return {
      document,
      key: this.store.documentKey(document),
      findings: findings.map((finding) => ({ finding, fingerprint: fingerprint(finding, document.text) })),
      rejected,
      readOnly: readOnlyReason(document),
    };
  }

  private async reread(document: SourceDocument): Promise<SourceDocument | undefined> {
    if (document.origin.kind !== 'file') return undefined;
    for await (const item of readFileDocuments(document.origin.file, { maxFileBytes: Number.MAX_SAFE_INTEGER })) {
      return 'document' in item ? { ...item.document, path: document.path } : undefined;
    }
    return undefined;
  }
}

export function readOnlyReason(document: SourceDocument): string | null {
  switch (document.origin.kind) {
    case 'file':
      return null;
    case 'record':
      return 'articles inside .jsonl files are not rewritten';
    case 'stdin':
      return 'standard input cannot be written back';
  }
}

export interface FixRegion {
  start: number;
  end: number;
  /** The text of the region now. */
  original: string;
  /** The region after the rule's fix; null when the rule proposes none. */
  proposed: string | null;
}

/** The stretch of text a fix touches (with the flagged span): what the editor sees, diffs and may rewrite. */
export function fixRegion(finding: Pick<Finding, 'range' | 'fix'>, text: string): FixRegion {
  const edits = finding.fix?.edits ?? [];
  const start = Math.min(finding.range.start, ...edits.map((e) => e.start));
  const end = Math.max(finding.range.end, ...edits.map((e) => e.end));
  const original = text.slice(start, end);
  const proposed = finding.fix ? applyEdits(original, edits.map((e) => ({ start: e.start - start, end: e.end - start, text: e.text }))) : null;
  return { start, end, original, proposed };
}

/** The fix to apply for an accepted finding: the rule's own, or one edit with the editor's replacement. Always applied: a person chose it. */
export function acceptedFix(finding: Finding, text: string, replacement?: string): Finding['fix'] {
  if (replacement === undefined) return finding.fix && { applicability: 'safe', edits: finding.fix.edits };
  const region = fixRegion(finding, text);
  return { applicability: 'safe', edits: [{ start: region.start, end: region.end, text: replacement }] };
}
