// kind: builtin — a check written in code, switched on, configured and documented by its rule file.
import { BUILTINS } from '../builtins/index.js';
import { compileSchema, explainSchemaErrors } from '../schema.js';
import { RuleDefinitionError, type CompiledRule, type RuleDefinition } from '../types.js';
import type { CompileOptions } from './index.js';

const validators = new Map<string, ReturnType<typeof compileSchema>>();

export function compileBuiltinRule(definition: RuleDefinition, base: CompiledRule, compile: CompileOptions): CompiledRule {
  const name = definition.check as string;
  const builtin = BUILTINS[name];
  if (!builtin) {
    throw new RuleDefinitionError(`unknown built-in check "${name}" (known: ${Object.keys(BUILTINS).sort().join(', ')})`, ['check']);
  }
  const options = { ...(builtin.defaults as object), ...((definition.options as object | undefined) ?? {}) };
  const ready = (): CompiledRule =>
    'corpus' in builtin
      ? { ...base, needs: builtin.needs, corpus: (rules) => builtin.corpus(options as never, rules) }
      : { ...base, needs: builtin.needs, check: builtin.create(options as never), prefilter: builtin.prefilter?.(options as never) };
  if (compile.validated) return ready();
  let validate = validators.get(name);
  if (!validate) {
    validate = compileSchema(builtin.optionsSchema);
    validators.set(name, validate);
  }
  if (!validate(options)) {
    const problem = explainSchemaErrors(validate.errors);
    throw new RuleDefinitionError(`options: ${problem?.message ?? 'invalid'}`, ['options', ...(problem?.path ?? [])]);
  }
  return ready();
}
