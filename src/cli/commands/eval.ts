// mtaudit eval --gold FILE [--clean FILE] [paths...]: how the current rules score on annotated text.
import type { Command } from 'commander';
import { setup } from '../../engine/setup.js';
import { readDocuments } from '../../documents/read.js';
import { lintStream } from '../../engine/run.js';
import { formatProblem } from '../../documents/types.js';
import { evaluate, formatEvalReport, readJsonl, type CleanSpan, type GoldArtifact, type ScoredDocument } from '../../eval/gold.js';
import { formatMqmReport, mqmDocuments, readMqmTsv, scoreMqm } from '../../eval/mqm.js';
import { UserError } from '../../errors.js';
import { addRuleSourceOptions, collect, defaultInputs, type RuleSourceOptions } from '../options.js';

interface EvalOptions extends RuleSourceOptions {
  gold: string[];
  mqm?: string;
  clean: string[];
  json?: boolean;
  verbose?: boolean;
}

export function registerEval(program: Command, setExit: (code: number) => void): void {
  const command = program
    .command('eval')
    .description('score the rules against annotated documents: recall, precision, exact fixes, clean spans hit')
    .argument('[paths...]', 'the annotated documents (default: the bundled corpus)')
    .option('--gold <file>', 'artifact annotations (.jsonl), repeatable', collect, [])
    .option('--mqm <file>', 'expert MQM annotations of MT output (WMT TSV: set, system, doc, seg_id, target, errors)')
    .option('--clean <file>', 'spans that must not be flagged (.jsonl), repeatable', collect, [])
    .option('--json', 'print the report as JSON')
    .option('--verbose', 'list every unmatched finding and wrong fix');
  addRuleSourceOptions(command).action(async (paths: string[], options: EvalOptions) => {
    const { linter, ignore } = await setup({ configFile: options.config, ruleDirs: options.rules, defaultRules: options.defaultRules });
    if (options.mqm) {
      const documents = mqmDocuments(await readMqmTsv(options.mqm));
      const report = scoreMqm(documents.map((doc) => ({ doc, findings: linter.lint(doc.document).findings })));
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatMqmReport(report, options.verbose ?? false));
      setExit(0);
      return;
    }
    if (options.gold.length === 0) throw new UserError('eval needs --gold FILE (annotated artifacts) or --mqm FILE (expert MQM spans)');
    const gold = (await Promise.all(options.gold.map((f) => readJsonl<GoldArtifact>(f)))).flat();
    const clean = (await Promise.all(options.clean.map((f) => readJsonl<CleanSpan>(f)))).flat();
    const documents: ScoredDocument[] = [];
    let problems = 0;
    // Through the batch pipeline, so corpus checks (names across documents) are scored too.
    for await (const event of lintStream(readDocuments(paths.length ? paths : defaultInputs(), { ignore }), linter, { keepTexts: true })) {
      if (event.type === 'problem') {
        process.stderr.write(`mtaudit: ${formatProblem(event.problem)}\n`);
        problems++;
        continue;
      }
      documents.push({ path: event.document.path, text: event.document.text, findings: event.result.findings });
    }
    const report = evaluate(documents, gold, clean);
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvalReport(report, options.verbose ?? false));
    setExit(problems ? 2 : 0);
  });
}
