// Loads rule files: parse YAML, validate against schema/rule.schema.json, compile by kind.
// Every mistake becomes one UserFacingError line naming file, line and column.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, extname, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLocatedYaml } from '../yaml/located.js';
import { LocatedError } from '../errors.js';
import { compileSchema, explainSchemaErrors } from './schema.js';
import { compileRule } from './kinds/index.js';
import { RuleCache } from './cache.js';
import { checkExamples } from './examples.js';
import { createHash } from 'node:crypto';
import { RuleDefinitionError, type CompiledRule, type DefinitionPath, type RuleDefinition } from './types.js';
import { PACKAGE_ROOT } from '../config/paths.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_RULES_DIR = join(PACKAGE_ROOT, 'rules');
export const RULE_SCHEMA_PATH = join(PACKAGE_ROOT, 'schema', 'rule.schema.json');

/** One line naming the rule file, line and column of the mistake. */
export class RuleLoadError extends LocatedError {}

let validateRule: ReturnType<typeof compileSchema> | undefined;
async function ruleValidator() {
  if (!validateRule) validateRule = compileSchema(JSON.parse(await readFile(RULE_SCHEMA_PATH, 'utf8')) as object);
  return validateRule;
}

export interface LoadRulesOptions {
  /** Folders or files of rules, in addition to the bundled ones unless defaults is false. */
  paths?: string[];
  defaults?: boolean;
  /**
   * Run the examples of these rules and report a failing one as a load error: 'added' (the default) for the
   * rules given in paths (the bundled ones are checked by the test suite), 'all' for every rule, 'none'.
   */
  checkExamples?: 'added' | 'all' | 'none';
}

export interface LoadedRules {
  rules: CompiledRule[];
  errors: RuleLoadError[];
}

export async function loadRules(options: LoadRulesOptions = {}): Promise<LoadedRules> {
  const sources = [...(options.defaults === false ? [] : [DEFAULT_RULES_DIR]), ...(options.paths ?? [])];
  const rules: CompiledRule[] = [];
  const errors: RuleLoadError[] = [];
  const seen = new Map<string, string>();
  const key = await cacheKey();
  const check = options.checkExamples ?? 'added';
  for (const source of sources) {
    const cache = await RuleCache.open(PACKAGE_ROOT, key, resolve(source));
    const checked = check === 'all' || (check === 'added' && source !== DEFAULT_RULES_DIR);
    const files = await ruleFiles(source, errors);
    for (const file of files) {
      const result = await loadRuleFile(file, cache);
      if (result instanceof RuleLoadError) {
        errors.push(result);
        continue;
      }
      const earlier = seen.get(result.rule.id);
      if (earlier) {
        errors.push(new RuleLoadError(file, result.idLine, 1, `duplicate rule id "${result.rule.id}" (also defined in ${earlier})`));
        continue;
      }
      seen.set(result.rule.id, file);
      // Examples that passed before, for an unchanged file and the same build, pass again: a rule's examples
      // run against that rule alone. \`rules --check\` ('all') runs them every time.
      const remembered = checked && check === 'added' && cache.examplesPassed(file, await buildIdentity());
      const problems = checked && !remembered ? await exampleErrors(result.rule) : [];
      if (checked && !remembered && problems.length === 0) cache.markExamplesPassed(file, await buildIdentity());
      if (problems.length) {
        errors.push(...problems);
        continue;
      }
      rules.push(result.rule);
    }
    await cache.save();
  }
  return { rules, errors };
}

/** A rule's failing examples, located in its file (parsed again: a cached rule has no positions). */
async function exampleErrors(rule: CompiledRule): Promise<RuleLoadError[]> {
  const problems = checkExamples(rule);
  if (problems.length === 0) return [];
  const parsed = parseLocatedYaml(await readFile(rule.file, 'utf8').catch(() => ''));
  return problems.map((problem) => {
    const { line, column } = parsed.ok ? parsed.yaml.locate(problem.path) : { line: 0, column: 0 };
    return new RuleLoadError(rule.file, line, column, `${rule.id}: ${problem.message}`);
  });
}

let build: Promise<string> | undefined;
/**
 * This build of mtaudit: its version and the newest of its compiled (or source) files, so that a rebuilt
 * engine checks examples again even before the version changes.
 */
function buildIdentity(): Promise<string> {
  build ??= (async () => {
    let newest = 0;
    let count = 0;
    // Synchronous: a hundred-odd stat calls take a millisecond, thread-pool round trips ten.
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.[cm]?[jt]sx?$/.test(entry.name)) {
          count++;
          newest = Math.max(newest, statSync(path).mtimeMs);
        }
      }
    };
    try {
      walk(resolve(here, '..'));
    } catch {
      // An unreadable install: the version alone identifies the build.
    }
    return `${await cacheKey()}:${count}:${newest}`;
  })();
  return build;
}

/** Cached definitions are valid for one schema and one mtaudit version. */
async function cacheKey(): Promise<string> {
  const [schema, pkg] = await Promise.all([readFile(RULE_SCHEMA_PATH, 'utf8'), readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')]);
  return createHash('sha256').update(schema).update(pkg).digest('hex').slice(0, 16);
}

async function ruleFiles(source: string, errors: RuleLoadError[]): Promise<string[]> {
  if (!existsSync(source)) {
    errors.push(new RuleLoadError(source, 0, 0, 'no such rule file or folder'));
    return [];
  }
  if (/\.ya?ml$/i.test(source)) return [source];
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (['.yaml', '.yml'].includes(extname(entry.name).toLowerCase())) out.push(path);
    }
  };
  try {
    await walk(source);
  } catch (error) {
    errors.push(new RuleLoadError(source, 0, 0, `cannot read rules (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
  }
  return out;
}

export async function loadRuleFile(file: string, cache?: RuleCache): Promise<{ rule: CompiledRule; idLine: number } | RuleLoadError> {
  const cached = cache?.get(file);
  if (cached) {
    try {
      return { rule: compileRule(cached.definition, file, { validated: true }), idLine: cached.idLine };
    } catch {
      // Compiled by an older mtaudit; parse the file again to report it properly.
    }
  }
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    return new RuleLoadError(file, 0, 0, `cannot read rule file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const result = await parseRuleSource(file, source);
  if (!(result instanceof RuleLoadError)) cache?.set(file, result.rule.definition, result.idLine);
  return result;
}

/** Parses and compiles one rule file's text; exported for tests and for rules given inline. */
export async function parseRuleSource(file: string, source: string): Promise<{ rule: CompiledRule; idLine: number } | RuleLoadError> {
  const parsed = parseLocatedYaml(source);
  if (!parsed.ok) return new RuleLoadError(file, parsed.line, parsed.column, parsed.message);
  const { value, locate } = parsed.yaml;
  const at = (path: DefinitionPath, message: string, where?: 'key' | 'value') => {
    const { line, column } = locate(path, where);
    return new RuleLoadError(file, line, column, message);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return at([], 'a rule file must be a YAML mapping (id, kind, category, ...)');
  }
  const validate = await ruleValidator();
  if (!validate(value)) {
    const problem = explainSchemaErrors(validate.errors);
    return at(problem?.path ?? [], problem?.message ?? 'invalid rule', problem?.at);
  }
  const definition = value as RuleDefinition;
  try {
    return { rule: compileRule(definition, file), idLine: locate(['id']).line };
  } catch (error) {
    if (error instanceof RuleDefinitionError) return at(error.path, error.message);
    throw error;
  }
}
