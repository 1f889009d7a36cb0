// Command dispatch and exit codes: 0 clean, 1 gate failed, 2 user error, 3 internal error.
import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.js';
import { registerLint } from './commands/lint.js';
import { registerRules } from './commands/rules.js';
import { registerEval } from './commands/eval.js';
import { registerReview } from './commands/review.js';
import { registerNames } from './commands/names.js';
import { readPackageVersion } from './version.js';

export interface CommandResult {
  exitCode: number;
}

export async function run(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command('mtaudit')
    .description('Find machine-translation artifacts in English news, propose fixes, gate CI.')
    .version(readPackageVersion(), '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(`mtaudit: ${text.replace(/^error: /, '').trimEnd()} (see mtaudit --help)\n`),
    });
  registerLint(program, setExit);
  registerRules(program, setExit);
  registerEval(program, setExit);
  registerReview(program, setExit);
  registerNames(program, setExit);
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UserError) {
      process.stderr.write(`mtaudit: ${error.message.split('\n').join('\nmtaudit: ')}\n`);
      return 2;
    }
    process.stderr.write(`mtaudit: internal error: ${(error as Error).message}\n`);
    if (process.env.MTAUDIT_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    else process.stderr.write('mtaudit: this is a bug; rerun with MTAUDIT_DEBUG=1 for details and report it\n');
    return 3;
  }
  return exitCode;
}
