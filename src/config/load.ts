// Finds mtaudit.config.yaml upward from the working directory, validates it, and resolves its paths.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { LocatedError } from '../errors.js';
import { PACKAGE_ROOT } from './paths.js';
import { compileSchema, explainSchemaErrors } from '../rules/schema.js';
import { parseLocatedYaml, type YamlPath } from '../yaml/located.js';
import type { Severity } from '../engine/types.js';

export const CONFIG_NAMES = ['mtaudit.config.yaml', 'mtaudit.config.yml'];

export type { RuleSetting } from '../rules/select.js';
import type { RuleSetting } from '../rules/select.js';
export type FailOn = Severity | 'none';

export interface ResolvedConfig {
  /** The file the configuration came from; undefined when none was found. */
  file?: string;
  /** Folder that relative paths and globs are resolved against. */
  dir: string;
  rules: Record<string, RuleSetting>;
  ruleDirs: string[];
  defaultRules: boolean;
  ignore: string[];
  trusted: string[];
  failOn?: FailOn;
  maxPenalty?: number | null;
  maxFindings?: number | null;
  baseline?: string;
  maxFileSize?: number;
  jobs?: number;
  /** Line and column of a setting, for errors found after loading (an unknown rule id). */
  locate(path: YamlPath, at?: 'value' | 'key'): { line: number; column: number };
}

export class ConfigError extends LocatedError {}

export function findConfigFile(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

let validateConfig: ReturnType<typeof compileSchema> | undefined;

export async function loadConfig(options: { file?: string; cwd?: string; search?: boolean } = {}): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const file = options.file ?? (options.search === false ? undefined : findConfigFile(cwd));
  const empty: ResolvedConfig = { dir: cwd, rules: {}, ruleDirs: [], defaultRules: true, ignore: [], trusted: [], locate: () => ({ line: 0, column: 0 }) };
  if (!file) return empty;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(file, 0, 0, code === 'ENOENT' ? 'configuration file not found' : `cannot read configuration (${code ?? 'error'})`);
  }
  const parsed = parseLocatedYaml(source);
  if (!parsed.ok) throw new ConfigError(file, parsed.line, parsed.column, parsed.message);
  const { value, locate } = parsed.yaml;
  const data = value ?? {};
  validateConfig ??= compileSchema(JSON.parse(await readFile(join(PACKAGE_ROOT, 'schema', 'config.schema.json'), 'utf8')) as object);
  if (typeof data !== 'object' || Array.isArray(data) || !validateConfig(data)) {
    const problem = explainSchemaErrors(validateConfig.errors) ?? { path: [], message: 'the configuration must be a YAML mapping', at: 'value' as const };
    const { line, column } = locate(problem.path, problem.at);
    throw new ConfigError(file, line, column, problem.message);
  }
  const raw = data as Record<string, unknown>;
  const dir = dirname(resolve(file));
  return {
    file,
    dir,
    rules: (raw.rules as Record<string, RuleSetting> | undefined) ?? {},
    ruleDirs: ((raw.ruleDirs as string[] | undefined) ?? []).map((p) => resolve(dir, p)),
    defaultRules: (raw.defaultRules as boolean | undefined) ?? true,
    ignore: (raw.ignore as string[] | undefined) ?? [],
    trusted: (raw.trusted as string[] | undefined) ?? [],
    failOn: raw.failOn as FailOn | undefined,
    maxPenalty: raw.maxPenalty as number | null | undefined,
    maxFindings: raw.maxFindings as number | null | undefined,
    baseline: raw.baseline === undefined ? undefined : resolve(dir, raw.baseline as string),
    maxFileSize: raw.maxFileSize === undefined ? undefined : parseSize(raw.maxFileSize as number | string),
    jobs: raw.jobs as number | undefined,
    locate,
  };
}

export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)$/i.exec(value.trim());
  if (!m) return Number.NaN;
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[m[2]!.toUpperCase() as 'B' | 'KB' | 'MB' | 'GB'];
  return Math.round(Number(m[1]) * unit);
}

/** A predicate for globs written relative to the configuration's folder. */
export function globMatcher(globs: string[], dir: string): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  // Loaded only for a configuration with globs: most runs have none.
  const picomatch = createRequire(import.meta.url)('picomatch') as typeof import('picomatch');
  const isMatch = picomatch(globs, { dot: true });
  return (path) => {
    const rel = relative(dir, resolve(path)).split('\\').join('/');
    return isMatch(rel) || isMatch(path);
  };
}
