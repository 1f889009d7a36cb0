// Settled groups as a `name` rule file, so an editor decides a spelling once: the next run finds the
// variants through the registry and fixes them safely. An existing file is extended, keeping its comments.
import { basename, extname } from 'node:path';
import { yamlLibrary } from '../yaml/located.js';
import type { EntityType, NameGroup } from './types.js';

export interface SettledEntry {
  canonical: string;
  type: EntityType;
  variants: string[];
  note: string;
}

/** One registry entry per group; the type is the group's, or guessed from the shape of the name. */
export function settledEntries(groups: readonly NameGroup[], date: string): SettledEntry[] {
  return groups
    .map((group) => ({
      canonical: group.canonical,
      type: group.type ?? (group.canonical.includes(' ') ? 'person' : 'place'),
      variants: group.forms.filter((f) => f.form !== group.canonical && f.status !== 'accepted').map((f) => f.form),
      note: `settled with mtaudit names on ${date} (${group.source === 'tie' ? 'chosen by the editor' : `canonical by ${group.source}`}${group.type ? '' : '; type guessed'})`,
    }))
    .filter((e) => e.variants.length > 0);
}

/** A rule id from the file name: approved-names.yaml gives names.settled.approved-names. */
export function settledRuleId(file: string): string {
  const slug = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `names.settled.${slug || 'names'}`;
}

/** The text of a new rule file holding the entries, with examples the rule tests can run. */
export function newRuleFile(id: string, entries: readonly SettledEntry[]): string {
  const first = entries[0]!;
  const sentence = (name: string) => `Reports named ${name} on Monday.`;
  const rule = {
    id,
    kind: 'name',
    category: 'name-variant',
    severity: 'major',
    applicability: 'safe',
    message: '“{match}” is a variant of “{canonical}”',
    doc: {
      summary: 'Spellings of names settled by an editor with `mtaudit names --write-rules`.',
      why: 'The batch spelled these names in more than one way; one spelling was chosen for each.',
      instead: 'Use the canonical spelling.',
    },
    examples: {
      flag: [{ text: sentence(first.variants[0]!), span: first.variants[0]!, fix: sentence(first.canonical) }],
      pass: [sentence(first.canonical)],
    },
    names: entries,
  };
  return `# Name spellings settled with \`mtaudit names --write-rules\`. Load with --rules or ruleDirs.\n${yamlLibrary().stringify(rule, { lineWidth: 0 })}`;
}

/**
 * Adds entries to an existing name rule file. A group whose canonical or variants the file already has is
 * left out: it was settled before. Returns the new text and the entries added.
 */
export function extendRuleFile(source: string, entries: readonly SettledEntry[]): { text: string; added: SettledEntry[] } | { error: string } {
  const { isMap, isSeq, parseDocument } = yamlLibrary();
  const doc = parseDocument(source);
  if (doc.errors.length) return { error: `YAML syntax error: ${doc.errors[0]!.message.split('\n')[0]}` };
  if (!isMap(doc.contents) || doc.get('kind') !== 'name') return { error: 'not a rule file of kind name' };
  const names = doc.get('names');
  if (!isSeq(names)) return { error: 'the rule file has no names list' };
  const known = new Set<string>();
  for (const item of names.items) {
    const entry = (isMap(item) ? item.toJSON() : {}) as Partial<SettledEntry> & { aliases?: string[] };
    for (const form of [entry.canonical, ...(entry.variants ?? []), ...(entry.aliases ?? [])]) if (form) known.add(form);
  }
  const added = entries.filter((e) => !known.has(e.canonical) && !e.variants.some((v) => known.has(v)));
  for (const entry of added) names.add(doc.createNode(entry));
  return { text: doc.toString({ lineWidth: 0 }), added };
}
