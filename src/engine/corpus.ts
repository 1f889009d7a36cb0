// Corpus checks: rules that need every document of a batch at once (names spelled consistently). They are
// built as MAP and REDUCE so the map step can run anywhere (worker threads, other machines) and the reduce
// step needs no document text:
//   map(one document) -> a JSON-serialisable summary (positions with line/column, never the text)
//   reduce(every summary) -> a JSON-serialisable corpus state
//   report(state, one summary) -> findings for that document, located without its text
import type { CheckContext, LiteralHit, LiteralSpec } from '../rules/types.js';
import type { Detection, Finding } from './types.js';

/** A span of a document located without its text: offsets, line and column, and the text around it. */
export interface LocatedSpan {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text of the span and up to CONTEXT_CHARS characters either side, exactly as in the document. */
  text: string;
  before: string;
  after: string;
}

/** A detection the report step locates itself, since it has no text to compute lines from. */
export interface CorpusDetection extends Detection, LocatedSpan {}

/** What the map step produced for one document, with what the reduce step needs to know about it. */
export interface CorpusEntry<Summary = unknown> {
  path: string;
  /** The document matches a `trusted:` glob of the configuration: its spellings win. */
  trusted: boolean;
  summary: Summary;
}

export interface CorpusCheck<Summary = unknown, State = unknown> {
  /** Literals the map step looks for: found in the same pass as the rules' phrases, handed to map as hits. */
  readonly literals?: readonly LiteralSpec[];
  /**
   * Map: one document (its text, analysis and document-level findings) to a JSON-serialisable summary. `hits`
   * are the check's literals found in the text, in text order (leftmost-longest among them).
   */
  map(context: CheckContext, findings: readonly Finding[], hits: readonly LiteralHit[]): Summary;
  /**
   * One summary from the summaries of the windows a long document is checked in, in order, each with the
   * offset of its window: offsets in a window's summary are into the window (lines and columns are the
   * document's already).
   */
  mergeWindows(windows: readonly WindowSummary<Summary>[]): Summary;
  /**
   * Reduce: every document's summary, in input order, to a JSON-serialisable corpus state. Summaries are
   * handed over one at a time and need not be kept, so a batch's summaries are never all in memory at once.
   */
  reducer(): CorpusReducer<Summary, State>;
  /** The findings for one document, given the corpus state. */
  report(state: State, entry: CorpusEntry<Summary>): CorpusDetection[];
}

export interface CorpusReducer<Summary = unknown, State = unknown> {
  add(entry: CorpusEntry<Summary>): void;
  finish(): State;
}

/** The map step's summary of one window of a long document. */
export interface WindowSummary<Summary = unknown> {
  offset: number;
  summary: Summary;
}

/** Characters of context kept either side of a mention: as many as a finding fingerprint looks at. */
export const CONTEXT_CHARS = 32;
