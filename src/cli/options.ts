// Options shared by the commands that load rules, and parsing of option values.
import { InvalidArgumentError, type Command } from 'commander';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../config/paths.js';
import { reportPath } from '../report/location.js';
import { parseSize } from '../config/load.js';

export interface RuleSourceOptions {
  rules: string[];
  defaultRules: boolean;
  config?: string | false;
}

export function addRuleSourceOptions(command: Command): Command {
  return command
    .option('--rules <path>', 'load more rules from a folder or file (repeatable)', collect, [])
    .option('--no-default-rules', 'leave out the rules bundled with mtaudit')
    .option('-c, --config <file>', 'use this configuration file instead of searching for mtaudit.config.yaml')
    .option('--no-config', 'ignore any mtaudit.config.yaml');
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number ≥ 0');
  return n;
}

export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

/** A threshold that can be switched off with `off` (or `none`). Commander turns a null value into '', hence the word. */
export function limitOption(value: string, parse: (value: string) => number): number | 'off' {
  return value === 'off' || value === 'none' ? 'off' : parse(value);
}

/** A threshold from the command line (off → null), or undefined when the flag was not given. */
export function limitValue(value: number | 'off' | undefined): number | null | undefined {
  return value === 'off' ? null : value;
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

export function sizeOption(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : parseSize(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a size such as 64MB, 500KB or a number of bytes');
  return n;
}

/** The bundled corpus, shown relative to the working directory when possible. */
export function defaultInputs(): string[] {
  return [reportPath(join(PACKAGE_ROOT, 'corpus'), process.cwd())];
}
