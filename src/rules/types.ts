import type { Analysis, AnalysisNeed } from '../analysis/types.js';
import type { DocumentFormat } from '../documents/types.js';
import type { LineIndex } from '../documents/lines.js';
import type { LiteralTokens } from '../engine/literal-tokens.js';
import type { Applicability, Category, Detection, Severity } from '../engine/types.js';
import type { CorpusCheck } from '../engine/corpus.js';

export type RuleKind = 'phrase' | 'name' | 'boilerplate' | 'pattern' | 'builtin';

export interface FlagExample {
  text: string;
  span: string;
  fix?: string;
}

export interface RuleDoc {
  summary: string;
  why: string;
  instead: string;
  sources?: string[];
}

/** The fields every rule file has, after schema validation. */
export interface RuleDefinition {
  id: string;
  kind: RuleKind;
  category: Category;
  severity: Severity;
  applicability?: Applicability;
  enabled?: boolean;
  message: string;
  doc: RuleDoc;
  examples: { flag: FlagExample[]; pass: string[] };
  [field: string]: unknown;
}

/** Everything a check may look at in one document. Analysis is computed on first use and shared. */
export interface CheckContext {
  path: string;
  /** The text to check: the document, or one window of a very long document. */
  text: string;
  /** Where `text` starts in the document (0 unless the document is checked in windows). */
  offset: number;
  format: DocumentFormat;
  lines: LineIndex;
  analysis(): Analysis;
  /** The tokens literals are matched on, computed once for every matcher that scans this document. */
  literalTokens(): LiteralTokens;
}

/** A literal the engine finds in one combined pass over the text, on behalf of a rule. */
export interface LiteralSpec {
  text: string;
  caseSensitive: boolean;
  /** Opaque to the engine; handed back with each hit. */
  data: unknown;
}

export interface LiteralHit {
  start: number;
  end: number;
  text: string;
  data: unknown;
}

export interface CompiledRule {
  id: string;
  kind: RuleKind;
  category: Category;
  severity: Severity;
  applicability: Applicability;
  enabled: boolean;
  message: string;
  doc: RuleDoc;
  examples: { flag: FlagExample[]; pass: string[] };
  /** The file the rule was loaded from. */
  file: string;
  /** The parsed rule file, for tools that read kind-specific fields (name registry, docs). */
  definition: RuleDefinition;
  needs: AnalysisNeed;
  /**
   * A cheap test of the raw text: false means the rule cannot find anything in it, so its check (and the
   * analysis it would need) is skipped for that document.
   */
  prefilter?(text: string): boolean;
  literals?: LiteralSpec[];
  onLiteral?(hit: LiteralHit, context: CheckContext): Detection | null;
  check?(context: CheckContext): Detection[];
  /** A check across every document of a batch, built once per linter from the enabled rules (the name registry). */
  corpus?(rules: readonly CompiledRule[]): CorpusCheck;
}

/** Where in a rule file something is, as a path of keys and indexes (['match', 2, 'phrase']). */
export type DefinitionPath = (string | number)[];

/** A mistake in a rule file, located so the message can name file, line and column. */
export class RuleDefinitionError extends Error {
  constructor(
    message: string,
    readonly path: DefinitionPath = [],
  ) {
    super(message);
  }
}
