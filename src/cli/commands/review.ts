// mtaudit review <paths...>: the interactive review (src/tui). Needs a terminal; pipes and CI use `lint`.
import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { addRuleSourceOptions, sizeOption, type RuleSourceOptions } from '../options.js';

interface ReviewCommandOptions extends RuleSourceOptions {
  maxFileSize?: number;
}

export function registerReview(program: Command, setExit: (code: number) => void): void {
  const command = program
    .command('review')
    .description('review findings one by one in the terminal: accept, reject or edit fixes, then write them')
    .argument('<paths...>', 'files or folders of .txt, .md, .jsonl/.ndjson articles')
    .option('--max-file-size <size>', 'skip (and report) files larger than this (default 64MB)', sizeOption);
  addRuleSourceOptions(command).action(async (paths: string[], options: ReviewCommandOptions) => {
    setExit(await review(paths, options));
  });
}

async function review(paths: string[], options: ReviewCommandOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError('review needs an interactive terminal; in pipes and CI use `mtaudit lint` (e.g. `mtaudit lint --format json`)');
  }
  if (paths.includes('-')) throw new UserError('review reads keys from the terminal, not documents from standard input; give file paths (or use `mtaudit lint -`)');
  // ink draws nothing live when CI is set; on a real terminal the user is here, whatever the environment says.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  // React's development build checks every render and halves the frame rate.
  process.env.NODE_ENV ??= 'production';
  const { runReview } = await import('../../tui/run.js');
  return runReview(paths, { configFile: options.config, ruleDirs: options.rules, defaultRules: options.defaultRules, maxFileSize: options.maxFileSize });
}
