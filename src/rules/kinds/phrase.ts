// kind: phrase — literal multiword phrases on word boundaries, found in the engine's single combined pass.
import { matchInitialCase } from '../../text/case.js';
import { templateNames } from '../../text/template.js';
import type { Applicability, Category, Severity } from '../../engine/types.js';
import { RuleDefinitionError, type CompiledRule, type RuleDefinition } from '../types.js';
import { isInsideException } from './exceptions.js';

interface PhraseEntry {
  phrase: string;
  fix?: string;
  applicability?: Applicability;
  severity?: Severity;
  category?: Category;
  case?: 'sensitive' | 'insensitive';
}

export function compilePhraseRule(definition: RuleDefinition, base: CompiledRule): CompiledRule {
  const entries = definition.match as PhraseEntry[];
  const exceptions = ((definition.exceptions as string[] | undefined) ?? []).map((e) => e.toLowerCase());
  const usesFix = templateNames(definition.message).includes('fix');
  entries.forEach((entry, index) => {
    if (usesFix && entry.fix === undefined) {
      throw new RuleDefinitionError('the message uses {fix}, but this entry has no fix', ['match', index]);
    }
  });
  return {
    ...base,
    literals: entries.map((entry, index) => ({ text: entry.phrase, caseSensitive: entry.case === 'sensitive', data: index })),
    onLiteral(hit, context) {
      const entry = entries[hit.data as number]!;
      if (exceptions.length && isInsideException(context.text, hit.start, hit.end, exceptions)) return null;
      const fix = entry.fix === undefined ? undefined : adaptCase(hit.text, entry.fix);
      return {
        start: hit.start,
        end: hit.end,
        vars: { fix: fix ?? '', phrase: entry.phrase },
        fix: fix === undefined ? null : { edits: [{ start: hit.start, end: hit.end, text: fix }], applicability: entry.applicability },
        severity: entry.severity,
        category: entry.category,
      };
    },
  };
}

/** Keeps a sentence-initial capital, and all capitals in a headline set in capitals. */
export function adaptCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  return matchInitialCase(original, replacement);
}
