// The vocabulary shared by every stage: what a finding is and how it is fixed.

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'mistranslation',
  'name-variant',
  'link-text-leak',
  'glued-text',
  'boilerplate',
  'punctuation',
  'capitalization',
  'grammar',
  'locale',
  'untranslated',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const APPLICABILITIES = ['safe', 'unsafe', 'suggestion'] as const;
export type Applicability = (typeof APPLICABILITIES)[number];

/** Offsets are UTF-16 code units into the decoded text (BOM excluded). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  applicability: Applicability;
  edits: Edit[];
}

export interface Range {
  start: number;
  end: number;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  range: Range;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix: Fix | null;
}

/** What a check reports before the engine adds rule metadata and positions. */
export interface Detection {
  start: number;
  end: number;
  /** Values for the rule's message template ({match} is always available). */
  vars?: Record<string, string>;
  /** Replaces the rule's message template when a check needs its own wording. */
  message?: string;
  fix?: { edits: Edit[]; applicability?: Applicability } | null;
  severity?: Severity;
  category?: Category;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
