// The name registry as the names stage sees it: every entry of every enabled `name` rule, with the forms it
// accepts (canonical, aliases) and the variants it lists.
import { squash } from '../text/spaces.js';
import type { Category, Severity } from '../engine/types.js';
import type { NameEntry } from '../rules/kinds/name.js';
import type { CompiledRule } from '../rules/types.js';
import type { EntityType } from './types.js';

export interface Entity {
  id: number;
  ruleId: string;
  canonical: string;
  type: EntityType;
  accepted: string[];
  variants: string[];
  /** Lower-cased phrases in which a variant is correct (chicken Kiev). */
  exceptions: string[];
  severity: Severity;
  category: Category;
}

export interface Registry {
  entities: Entity[];
  /** Each registry form with the entities that list it (more than one: the form is ambiguous). */
  byForm: Map<string, Entity[]>;
  /** Ids of the `name` rules, whose findings the corpus check does not repeat. */
  ruleIds: Set<string>;
}

export function buildRegistry(rules: readonly CompiledRule[]): Registry {
  const entities: Entity[] = [];
  const byForm = new Map<string, Entity[]>();
  const ruleIds = new Set<string>();
  for (const rule of rules) {
    if (rule.kind !== 'name' || !rule.enabled) continue;
    ruleIds.add(rule.id);
    for (const entry of rule.definition.names as NameEntry[]) {
      const entity: Entity = {
        id: entities.length,
        ruleId: rule.id,
        canonical: squash(entry.canonical),
        type: entry.type,
        accepted: [entry.canonical, ...(entry.aliases ?? [])].map(squash),
        variants: (entry.variants ?? []).map(squash),
        exceptions: (entry.exceptions ?? []).map((e) => squash(e).toLowerCase()),
        severity: entry.severity ?? rule.severity,
        category: entry.category ?? rule.category,
      };
      entities.push(entity);
      for (const form of new Set([...entity.accepted, ...entity.variants])) {
        const list = byForm.get(form);
        if (!list) byForm.set(form, [entity]);
        else if (!list.includes(entity)) list.push(entity);
      }
    }
  }
  return { entities, byForm, ruleIds };
}

