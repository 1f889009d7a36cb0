// JSON Schema validation with messages a rule author can act on, located in the YAML source.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { DefinitionPath } from './types.js';

const require = createRequire(import.meta.url);

// ajv takes a while to load; most runs read validated rules from the cache and never need it.
let instance: import('ajv').default | undefined;
function ajv(): import('ajv').default {
  if (!instance) {
    // ajv is CommonJS; its default export is the class.
    const Ajv = require('ajv') as typeof import('ajv').default;
    instance = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  }
  return instance;
}

export interface SchemaProblem {
  path: DefinitionPath;
  message: string;
  /** Whether the mistake is the key at the path (an unknown field) rather than its value. */
  at: 'key' | 'value';
}

export function compileSchema(schema: object): ValidateFunction {
  return ajv().compile(schema);
}

/** Picks the one error that says most precisely what is wrong, in words. */
export function explainSchemaErrors(errors: ErrorObject[] | null | undefined): SchemaProblem | null {
  if (!errors || errors.length === 0) return null;
  const useful = errors.filter((e) => !['if', 'allOf', 'anyOf', 'oneOf', 'not'].includes(e.keyword) || errors.length === 1);
  const pool = useful.length ? useful : errors;
  // Prefer the deepest location, then errors about field names, which are the most common mistake.
  // Errors of the kind-specific branches come after the general ones at the same place.
  const rank = (e: ErrorObject) =>
    toPath(e.instancePath).length * 10 +
    (e.keyword === 'additionalProperties' || e.keyword === 'propertyNames' ? 5 : 0) +
    (e.keyword === 'required' ? 3 : 0) -
    (e.schemaPath.startsWith('#/allOf') ? 2 : 0);
  const best = [...pool].sort((a, b) => rank(b) - rank(a))[0]!;
  const at = best.keyword === 'additionalProperties' || best.keyword === 'propertyNames' ? 'key' : 'value';
  return { path: locate(best, errors), message: describe(best, errors), at };
}

export function toPath(instancePath: string): DefinitionPath {
  if (!instancePath) return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function locate(error: ErrorObject, all: ErrorObject[]): DefinitionPath {
  const path = toPath(error.instancePath);
  if (error.keyword === 'additionalProperties') return [...path, String(error.params.additionalProperty)];
  if (error.keyword === 'propertyNames') {
    const name = propertyNameOf(error, all);
    return name ? [...path, name] : path;
  }
  return path;
}

function propertyNameOf(error: ErrorObject, all: ErrorObject[]): string | undefined {
  if (typeof error.params.propertyName === 'string') return error.params.propertyName;
  const inner = all.find((e) => e.instancePath === error.instancePath && typeof e.params.propertyName === 'string');
  return inner?.params.propertyName as string | undefined;
}

function describe(error: ErrorObject, all: ErrorObject[]): string {
  const where = error.instancePath ? `${error.instancePath.slice(1).replace(/\//g, '.')}: ` : '';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}unknown field "${String(error.params.additionalProperty)}"`;
    case 'propertyNames': {
      const name = propertyNameOf(error, all);
      return `${where}field "${name ?? '?'}" does not belong in a rule of this kind`;
    }
    case 'required':
      return `${where}missing required field "${String(error.params.missingProperty)}"`;
    case 'enum':
      return `${where}must be one of: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `${where}must be ${String(error.params.type).replace(/,/g, ' or ')}`;
    case 'pattern':
      return `${where}does not match the expected form ${String(error.params.pattern)}`;
    case 'minItems':
      return `${where}needs at least ${String(error.params.limit)} item(s)`;
    case 'minLength':
      return `${where}must not be empty`;
    case 'oneOf':
      return `${where}must have exactly one of the alternative fields (see the schema)`;
    default:
      return `${where}${error.message ?? 'is invalid'}`;
  }
}
