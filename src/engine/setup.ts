// config + rules -> a ready linter: the first stage of every command.
import { globMatcher, loadConfig, ConfigError, type ResolvedConfig } from '../config/load.js';
import { UserErrors } from '../errors.js';
import { loadRules } from '../rules/load.js';
import { selectRules } from '../rules/select.js';
import type { CompiledRule } from '../rules/types.js';
import { Linter } from './linter.js';

export interface SetupOptions {
  cwd?: string;
  /** --config FILE; false for --no-config. */
  configFile?: string | false;
  /** --rules DIR, repeatable. */
  ruleDirs?: string[];
  /** false for --no-default-rules. */
  defaultRules?: boolean;
  /** Which rules' examples must pass to load (default: the user's, not the bundled ones). */
  checkExamples?: 'added' | 'all' | 'none';
}

export interface Setup {
  config: ResolvedConfig;
  /** Every loaded rule, enabled or not (for listings). */
  rules: CompiledRule[];
  linter: Linter;
  ignore: (path: string) => boolean;
  /** Documents whose name spellings win (`trusted:` globs, relative to the configuration file). */
  trusted: (path: string) => boolean;
}

export async function setup(options: SetupOptions = {}): Promise<Setup> {
  const config = await loadConfig({
    cwd: options.cwd,
    file: options.configFile === false ? undefined : options.configFile,
    search: options.configFile !== false,
  });
  const loaded = await loadRules({
    paths: [...config.ruleDirs, ...(options.ruleDirs ?? [])],
    defaults: options.defaultRules !== false && config.defaultRules,
    checkExamples: options.checkExamples,
  });
  if (loaded.errors.length) throw new UserErrors(loaded.errors.map((e) => e.message));
  const selection = selectRules(loaded.rules, config.rules);
  if (selection.unknown.length && config.file) {
    const id = selection.unknown[0]!;
    const { line, column } = config.locate(['rules', id], 'key');
    throw new ConfigError(config.file, line, column, `unknown rule id "${id}" (see \`mtaudit rules\`)`);
  }
  const trusted = globMatcher(config.trusted, config.dir);
  return {
    config,
    rules: selection.rules,
    linter: new Linter(selection.rules, { severity: selection.severity, trusted }),
    ignore: globMatcher(config.ignore, config.dir),
    trusted,
  };
}
