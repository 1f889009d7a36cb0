// Applies the configuration's per-rule settings (off, on, severity) to the loaded rules.
import type { Severity } from '../engine/types.js';
import type { CompiledRule } from './types.js';

export type RuleSetting = 'off' | 'on' | Severity;

export interface RuleSelection {
  rules: CompiledRule[];
  severity: Record<string, Severity>;
  unknown: string[];
}

export function selectRules(rules: CompiledRule[], settings: Record<string, RuleSetting>): RuleSelection {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const unknown = Object.keys(settings).filter((id) => !byId.has(id) && !isFamily(id, rules));
  const severity: Record<string, Severity> = {};
  const selected = rules.map((rule) => {
    const setting = settingFor(rule.id, settings);
    if (setting === undefined) return rule;
    if (setting === 'off') return { ...rule, enabled: false };
    if (setting !== 'on') severity[rule.id] = setting;
    return { ...rule, enabled: true };
  });
  return { rules: selected, severity, unknown };
}

/** A rule's own setting, else its family's ("mistranslation" covers "mistranslation.watchdog-as-regulator"). */
function settingFor(id: string, settings: Record<string, RuleSetting>): RuleSetting | undefined {
  if (settings[id] !== undefined) return settings[id];
  const parts = id.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const family = parts.slice(0, n).join('.');
    if (settings[family] !== undefined) return settings[family];
  }
  return undefined;
}

function isFamily(id: string, rules: CompiledRule[]): boolean {
  return rules.some((r) => r.id.startsWith(`${id}.`));
}
