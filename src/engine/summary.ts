// Run-level totals, built up one document at a time so nothing but counts is held.
import type { Category, Severity } from './types.js';
import type { DocumentResult } from './linter.js';
import { findingPenalty, type Score } from '../score/penalty.js';

export interface RunSummary {
  files: number;
  words: number;
  findings: number;
  fixable: number;
  bySeverity: Partial<Record<Severity, number>>;
  byCategory: Partial<Record<Category, number>>;
  score: Score;
  problems: number;
}

export class SummaryBuilder {
  private files = 0;
  private words = 0;
  private findings = 0;
  private fixable = 0;
  private penalty = 0;
  private problems = 0;
  private readonly bySeverity: Partial<Record<Severity, number>> = {};
  private readonly byCategory: Partial<Record<Category, number>> = {};

  add(result: DocumentResult): void {
    this.files++;
    this.words += result.words;
    for (const f of result.findings) {
      this.findings++;
      if (f.fix && f.fix.applicability !== 'suggestion') this.fixable++;
      this.penalty += findingPenalty(f);
      this.bySeverity[f.severity] = (this.bySeverity[f.severity] ?? 0) + 1;
      this.byCategory[f.category] = (this.byCategory[f.category] ?? 0) + 1;
    }
  }

  addProblem(): void {
    this.problems++;
  }

  build(): RunSummary {
    const penalty = Math.round(this.penalty * 10) / 10;
    return {
      files: this.files,
      words: this.words,
      findings: this.findings,
      fixable: this.fixable,
      bySeverity: this.bySeverity,
      byCategory: this.byCategory,
      score: { penalty, per1000Words: this.words ? Math.round((penalty * 10000) / this.words) / 10 : 0 },
      problems: this.problems,
    };
  }
}
