// kind: builtin — a check written in code, switched on, configured and documented by its rule file.
import { BUILTINS } from '../builtins/index.js';
import { compileSchema, explainSchemaErrors } from '../schema.js';
import { RuleDefinitionError, type CompiledRule, type RuleDefinition } from '../types.js';

export function compileBuiltinRule(definition: RuleDefinition, base: CompiledRule): CompiledRule {
  const name = definition.check as string;
  const builtin = BUILTINS[name];
  if (!builtin) {
    throw new RuleDefinitionError(`unknown built-in check "${name}" (known: ${Object.keys(BUILTINS).sort().join(', ')})`, ['check']);
  }
  const options = { ...(builtin.defaults as object), ...((definition.options as object | undefined) ?? {}) };
  const validate = compileSchema(builtin.optionsSchema);
  if (!validate(options)) {
    const problem = explainSchemaErrors(validate.errors);
    throw new RuleDefinitionError(`options: ${problem?.message ?? 'invalid'}`, ['options', ...(problem?.path ?? [])]);
  }
  if ('corpus' in builtin) return { ...base, needs: builtin.needs, corpus: (rules) => builtin.corpus(options as never, rules) };
  return { ...base, needs: builtin.needs, check: builtin.create(options as never) };
}
