// kind: name — a named entity's canonical spelling with known variants. Variants are matched exactly;
// multiword canonicals also catch other letter cases ("collective security treaty organization").
// The names stage (src/names) reads the same entries to group spellings no rule lists.
import type { Category, Severity } from '../../engine/types.js';
import type { CompiledRule, RuleDefinition } from '../types.js';
import { RuleDefinitionError } from '../types.js';
import { isInsideException } from './exceptions.js';

export interface NameEntry {
  canonical: string;
  type: 'person' | 'place' | 'organisation';
  variants?: string[];
  aliases?: string[];
  note?: string;
  severity?: Severity;
  category?: Category;
  matchCase?: boolean;
  /** Phrases in which a variant is correct and not flagged ("chicken Kiev"). */
  exceptions?: string[];
}

interface NameLiteral {
  entry: NameEntry;
  canonical: boolean;
}

export function compileNameRule(definition: RuleDefinition, base: CompiledRule): CompiledRule {
  const entries = definition.names as NameEntry[];
  const literals: CompiledRule['literals'] = [];
  entries.forEach((entry, index) => {
    for (const [i, variant] of (entry.variants ?? []).entries()) {
      if (variant === entry.canonical || entry.aliases?.includes(variant)) {
        throw new RuleDefinitionError(`variant "${variant}" is also the canonical form or an alias`, ['names', index, 'variants', i]);
      }
      literals.push({ text: variant, caseSensitive: true, data: { entry, canonical: false } satisfies NameLiteral });
    }
    for (const [i, exception] of (entry.exceptions ?? []).entries()) {
      const lower = exception.toLowerCase();
      if (![...(entry.variants ?? []), entry.canonical].some((form) => lower.includes(form.toLowerCase()))) {
        throw new RuleDefinitionError(`exception "${exception}" contains neither the canonical form nor a variant`, ['names', index, 'exceptions', i]);
      }
    }
    const matchCase = entry.matchCase ?? !/\s/.test(entry.canonical.trim());
    if (!matchCase) literals.push({ text: entry.canonical, caseSensitive: false, data: { entry, canonical: true } satisfies NameLiteral });
  });
  return {
    ...base,
    literals,
    onLiteral(hit, context) {
      const { entry, canonical } = hit.data as NameLiteral;
      if (entry.exceptions && isInsideException(context.text, hit.start, hit.end, exceptionsOf(entry))) return null;
      if (canonical) {
        const letters = hit.text.replace(/[^\p{L}]/gu, '');
        // The canonical itself, or a headline set in capitals: nothing to report.
        if (hit.text.replace(/\s+/g, ' ') === entry.canonical || letters === letters.toUpperCase()) return null;
      }
      return {
        start: hit.start,
        end: hit.end,
        vars: { canonical: entry.canonical, note: entry.note ?? '', fix: entry.canonical },
        fix: { edits: [{ start: hit.start, end: hit.end, text: entry.canonical }] },
        severity: entry.severity,
        category: canonical ? 'capitalization' : entry.category,
      };
    },
  };
}

const lowered = new WeakMap<NameEntry, string[]>();
function exceptionsOf(entry: NameEntry): string[] {
  let list = lowered.get(entry);
  if (!list) lowered.set(entry, (list = (entry.exceptions ?? []).map((e) => e.toLowerCase())));
  return list;
}
