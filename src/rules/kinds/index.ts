import type { CompiledRule, RuleDefinition, RuleKind } from '../types.js';
import { compilePhraseRule } from './phrase.js';
import { compileNameRule } from './name.js';
import { compileBoilerplateRule } from './boilerplate.js';
import { compilePatternRule } from './pattern.js';
import { compileBuiltinRule } from './builtin.js';

type KindCompiler = (definition: RuleDefinition, base: CompiledRule, options: CompileOptions) => CompiledRule;

export interface CompileOptions {
  /** The definition passed every check before (it comes from the rule cache): skip re-validation. */
  validated?: boolean;
}

const KINDS: Record<RuleKind, KindCompiler> = {
  phrase: compilePhraseRule,
  name: compileNameRule,
  boilerplate: compileBoilerplateRule,
  pattern: compilePatternRule,
  builtin: compileBuiltinRule,
};

export function compileRule(definition: RuleDefinition, file: string, options: CompileOptions = {}): CompiledRule {
  const base: CompiledRule = {
    id: definition.id,
    kind: definition.kind,
    category: definition.category,
    severity: definition.severity,
    applicability: definition.applicability ?? 'unsafe',
    enabled: definition.enabled ?? true,
    message: definition.message,
    doc: definition.doc,
    examples: definition.examples,
    file,
    definition,
    needs: 'none',
  };
  return KINDS[definition.kind](definition, base, options);
}
