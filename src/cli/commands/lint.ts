// mtaudit lint [paths...]: batch-lint documents and report; the exit code gates CI.
import { Option, type Command } from 'commander';
import { setup } from '../../engine/setup.js';
import { SummaryBuilder } from '../../engine/summary.js';
import { lintStream } from '../../engine/run.js';
import { readDocuments, DEFAULT_MAX_FILE_BYTES } from '../../documents/read.js';
import { formatProblem } from '../../documents/types.js';
import { REPORTERS } from '../../report/index.js';
import { evaluateGate } from '../../gate/gate.js';
import type { FailOn } from '../../config/load.js';
import { addRuleSourceOptions, defaultInputs, nonNegativeInteger, nonNegativeNumber, sizeOption, type RuleSourceOptions } from '../options.js';
import { useColor } from '../terminal.js';
import { DecisionStore, decisionsPath } from '../../review/decisions.js';

interface LintOptions extends RuleSourceOptions {
  format: string;
  failOn?: FailOn;
  maxFindings?: number;
  maxPenalty?: number;
  maxFileSize?: number;
  exitZero?: boolean;
}

export function registerLint(program: Command, setExit: (code: number) => void): void {
  const command = program
    .command('lint')
    .description('check documents (files, folders, - for standard input; default: the bundled corpus)')
    .argument('[paths...]', 'files or folders of .txt, .md, .jsonl/.ndjson articles, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'report format').choices(Object.keys(REPORTERS)).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run (default: major)').choices(['minor', 'major', 'critical', 'none']))
    .option('--max-findings <n>', 'fail when there are more findings than this', nonNegativeInteger)
    .option('--max-penalty <n>', 'fail when the MQM penalty per 1000 words of the run is above this', nonNegativeNumber)
    .option('--max-file-size <size>', 'skip (and report) files larger than this (default 64MB)', sizeOption)
    .option('--exit-zero', 'exit 0 even when findings fail the gate (input errors still exit 2)');
  addRuleSourceOptions(command).action(async (paths: string[], options: LintOptions) => {
    setExit(await lint(paths, options));
  });
}

async function lint(paths: string[], options: LintOptions): Promise<number> {
  const { config, rules, linter, ignore } = await setup({ configFile: options.config, ruleDirs: options.rules, defaultRules: options.defaultRules });
  const reporter = REPORTERS[options.format]!({ write: (text) => process.stdout.write(text), color: useColor(process.stdout), rules });
  const summary = new SummaryBuilder();
  const inputs = paths.length ? paths : defaultInputs();
  const documents = readDocuments(inputs, { ignore, maxFileBytes: options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_BYTES });
  // Findings rejected in `mtaudit review` are not reported again.
  const rejected = DecisionStore.load(decisionsPath(config)).filter();
  for await (const event of lintStream(documents, linter, { filters: [rejected] })) {
    if (event.type === 'problem') {
      process.stderr.write(`mtaudit: ${formatProblem(event.problem)}\n`);
      summary.addProblem();
      continue;
    }
    summary.add(event.result);
    reporter.document(event.result);
  }
  const totals = summary.build();
  reporter.finish(totals);
  if (totals.problems > 0) return 2;
  const gate = evaluateGate(totals, {
    failOn: options.failOn ?? config.failOn ?? 'major',
    maxFindings: options.maxFindings ?? config.maxFindings,
    maxPenalty: options.maxPenalty ?? config.maxPenalty,
  });
  if (gate.passed || options.exitZero) return 0;
  process.stderr.write(`mtaudit: gate failed: ${gate.reason}\n`);
  return 1;
}
