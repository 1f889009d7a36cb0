// mtaudit lint [paths...]: batch-lint documents, fix them on request, report; the exit code gates CI.
import { Option, type Command } from 'commander';
import { closeSync, openSync, writeSync } from 'node:fs';
import pc from 'picocolors';
import { setup } from '../../engine/setup.js';
import type { Linter } from '../../engine/linter.js';
import { SummaryBuilder } from '../../engine/summary.js';
import { lintStream, type FindingFilter, type Prepared, type SettleDocument } from '../../engine/run.js';
import { listInputFiles, readDocuments, readFileDocuments, DEFAULT_MAX_FILE_BYTES } from '../../documents/read.js';
import { readStateFile } from '../../engine/corpus-file.js';
import { defaultJobs, workerMapper, workersWorthStarting } from '../../engine/workers.js';
import { formatTimings } from '../timing.js';
import { formatProblem, type SourceDocument } from '../../documents/types.js';
import { fixDocument, unifiedDiff } from '../../fix/document.js';
import type { OnPass } from '../../fix/apply.js';
import type { Finding } from '../../engine/types.js';
import { writeDocument } from '../../fix/write.js';
import { REPORTERS } from '../../report/index.js';
import { summaryLine } from '../../report/stylish.js';
import { reportPath } from '../../report/location.js';
import { DEFAULT_GATE, Gate } from '../../gate/gate.js';
import { Baseline, baselineEntry, baselinePath, readBaseline, writeBaseline, type BaselineEntry } from '../../gate/baseline.js';
import type { FailOn } from '../../config/load.js';
import { UserError } from '../../errors.js';
import { addRuleSourceOptions, defaultInputs, limitOption, limitValue, nonNegativeInteger, nonNegativeNumber, positiveInteger, sizeOption, type RuleSourceOptions } from '../options.js';
import { useColor } from '../terminal.js';
import { DecisionStore, decisionsPath } from '../../review/decisions.js';
import { Progress } from '../progress.js';
import { readPackageVersion } from '../version.js';
import { countOf } from '../../text/numbers.js';

interface LintOptions extends RuleSourceOptions {
  format: string;
  output?: string;
  failOn?: FailOn;
  maxFindings?: number | 'off';
  maxPenalty?: number | 'off';
  maxFileSize?: number;
  exitZero?: boolean;
  fix?: boolean;
  unsafeFixes?: boolean;
  dryRun?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  quiet?: boolean;
  jobs?: number;
  names?: string;
  stdinNdjson?: boolean;
  timing?: boolean;
}

export function registerLint(program: Command, setExit: (code: number) => void): void {
  const command = program
    .command('lint')
    .description('check documents (files, folders, - for standard input; default: the bundled corpus)')
    .argument('[paths...]', 'files or folders of .txt, .md, .jsonl/.ndjson articles, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'report format').choices(Object.keys(REPORTERS)).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file (the summary still goes to the terminal)')
    .option('--fix', 'apply safe fixes to the files, then report what is left')
    .option('--unsafe-fixes', 'with --fix: apply unsafe fixes too')
    .option('--dry-run', 'with --fix: print the changes as a unified diff and write nothing')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run (default: major)').choices(['minor', 'major', 'critical', 'none']))
    .option('--max-penalty <n>', `fail when a document's MQM penalty per 1000 words is above this, or off (default ${DEFAULT_GATE.maxPenalty})`, (v) =>
      limitOption(v, nonNegativeNumber),
    )
    .option('--max-findings <n>', 'fail when the run has more findings than this, or off (default off)', (v) => limitOption(v, nonNegativeInteger))
    .option('--baseline <file>', 'report and fail only on findings that are not in this baseline')
    .option('--update-baseline', 'write every finding of this run to the baseline file, and pass')
    .option('--max-file-size <size>', 'skip (and report) files, or JSONL records, larger than this (default 64MB)', sizeOption)
    .option('--exit-zero', 'exit 0 even when findings fail the gate (input errors still exit 2)')
    .option('-q, --quiet', 'no progress display and no notes on standard error (errors and the gate verdict still show)')
    .option('-j, --jobs <n>', 'worker threads (default: one per core, started only for a batch large enough to pay for them; or jobs in the configuration)', positiveInteger)
    .option('--names <file>', 'finish the corpus checks with a name table from mtaudit names --merge (results stream)')
    .option('--stdin-ndjson', 'read {"id","text"} articles from standard input, one a line, and write one result line per article')
    .option('--timing', 'print the time each rule and stage took, slowest first, on standard error (runs in one thread)');
  addRuleSourceOptions(command).action(async (paths: string[], options: LintOptions, self: Command) => {
    // Reading articles line by line from standard input writes a result line per article unless told otherwise.
    if (options.stdinNdjson && self.getOptionValueSource('format') !== 'cli') options.format = 'documents';
    setExit(await lint(paths, options));
  });
}

async function lint(paths: string[], options: LintOptions): Promise<number> {
  if (options.unsafeFixes && !options.fix) throw new UserError('--unsafe-fixes goes with --fix (mtaudit lint --fix --unsafe-fixes)');
  if (options.dryRun && !options.fix) throw new UserError('--dry-run goes with --fix (mtaudit lint --fix --dry-run)');
  if (options.stdinNdjson && paths.length) throw new UserError('--stdin-ndjson reads standard input; give no paths with it');
  const setupOptions = { configFile: options.config, ruleDirs: options.rules, defaultRules: options.defaultRules };
  const { config, rules, linter, ignore } = await setup(setupOptions);
  const corpusStates = options.names ? await readStateFile(linter, options.names) : undefined;
  // Timing reads this thread's linter, so the documents are linted here.
  const chosenJobs = options.jobs ?? config.jobs;
  const jobs = options.timing ? 1 : (chosenJobs ?? defaultJobs());
  const timings = options.timing ? linter.startTiming() : undefined;
  const baselineFile = options.baseline ?? config.baseline;
  if (options.updateBaseline && !baselineFile) throw new UserError('--update-baseline needs a file: --baseline FILE, or baseline in mtaudit.config.yaml');

  const inputs = options.stdinNdjson ? ['-'] : paths.length ? paths : defaultInputs();
  const progress = !options.quiet && process.stderr.isTTY && !inputs.every((p) => p === '-') ? new Progress(process.stderr) : undefined;
  const note = (text: string) => {
    if (options.quiet) return;
    progress?.clear();
    process.stderr.write(`mtaudit: ${text}\n`);
  };
  const problem = (text: string) => {
    progress?.clear();
    process.stderr.write(`mtaudit: ${text}\n`);
  };
  const toStdout = (text: string) => {
    progress?.clear();
    process.stdout.write(text);
  };

  // Findings rejected in `mtaudit review` are not reported again, nor fixed.
  const decisions = DecisionStore.load(decisionsPath(config));
  const filters: FindingFilter[] = [decisions.filter()];
  let baseline: Baseline | undefined;
  let previousBaseline: BaselineEntry[] | undefined;
  const newBaseline: BaselineEntry[] = [];
  const checkedFiles = new Set<string>();
  if (baselineFile && options.updateBaseline) previousBaseline = await readBaseline(baselineFile).then((b) => b.entries, () => undefined);
  else if (baselineFile) {
    baseline = await readBaseline(baselineFile);
    filters.push(baseline.filter);
  }

  // Where the report goes: a file, standard output, or (a dry run without --output) nowhere, since the diff owns stdout.
  const dryRun = Boolean(options.fix && options.dryRun);
  const output = options.output ? openOutput(options.output) : undefined;
  const reporter = REPORTERS[options.format]!({
    write: output ? (text) => writeSync(output, text) : dryRun ? () => undefined : toStdout,
    color: !output && useColor(process.stdout),
    rules,
    cwd: process.cwd(),
    version: readPackageVersion(),
  });

  const summary = new SummaryBuilder();
  const fixing = options.fix
    ? fixStep(linter, {
        decisions,
        unsafe: Boolean(options.unsafeFixes),
        dryRun,
        diff: toStdout,
        note,
        problem: (text) => {
          problem(text);
          summary.addProblem();
        },
      })
    : undefined;

  // Flags override the configuration, which overrides the defaults; null (off) is a setting too.
  const pick = <T>(flag: T | undefined, configured: T | undefined, fallback: T): T => (flag !== undefined ? flag : configured !== undefined ? configured : fallback);
  const gate = new Gate({
    failOn: pick(options.failOn, config.failOn, DEFAULT_GATE.failOn),
    maxFindings: pick(limitValue(options.maxFindings), config.maxFindings, DEFAULT_GATE.maxFindings),
    maxPenalty: pick(limitValue(options.maxPenalty), config.maxPenalty, DEFAULT_GATE.maxPenalty),
  });
  const readOptions = { ignore, maxFileBytes: options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_BYTES };
  if (progress) progress.setTotal(await countFiles(inputs, readOptions));
  // A job count the user chose is used as given; the default (one per core) only for files with text enough to
  // pay for starting the workers.
  const parallel = jobs > 1 && (chosenJobs !== undefined || (await workersWorthStarting(inputs, readOptions, jobs)));
  const mapper = parallel ? workerMapper(linter, setupOptions, jobs) : undefined;
  let lastFile: string | undefined;
  let leftUnsafe = 0;

  try {
    // A corpus run lets each text go after its map step, unless the report or the baseline needs it.
    const keepTexts = Boolean(REPORTERS[options.format]!.needsText || options.updateBaseline || fixing?.settle);
    const documents = options.stdinNdjson ? readFileDocuments('-', { stdinRecords: true, maxFileBytes: readOptions.maxFileBytes }) : readDocuments(inputs, readOptions);
    const stream = lintStream(documents, linter, { filters, prepare: fixing?.prepare, settle: fixing?.settle, keepTexts, mapper, corpusStates });
    for await (const event of stream) {
      const file = event.type === 'problem' ? event.problem.path : event.document.origin.kind === 'record' ? event.document.origin.file : event.document.path;
      if (progress && lastFile !== undefined && file !== lastFile) progress.tick();
      lastFile = file;
      if (event.type === 'problem') {
        problem(formatProblem(event.problem));
        summary.addProblem();
        continue;
      }
      const { result, document } = event;
      summary.add(result);
      gate.add(result);
      reporter.document(result, document);
      if (options.fix && !options.unsafeFixes) leftUnsafe += result.findings.filter((f) => f.fix?.applicability === 'unsafe').length;
      if (options.updateBaseline && baselineFile && document.text !== undefined) {
        const source = { ...document, text: document.text };
        checkedFiles.add(baselinePath(source, baselineFile).replace(/#.*$/, ''));
        for (const finding of result.findings) newBaseline.push(baselineEntry(finding, source, baselineFile));
      }
    }
    if (progress && lastFile !== undefined) progress.tick();
    progress?.clear();
    const totals = summary.build();
    reporter.finish(totals);
    if (timings) process.stderr.write(formatTimings(timings));
    if (output !== undefined || dryRun) {
      const stream = dryRun ? process.stderr : process.stdout;
      stream.write(`${summaryLine(totals, pc.createColors(useColor(stream)))}\n`);
    }

    if (fixing) {
      // Rejections re-keyed to the fixed text; a dry run writes nothing.
      if (!dryRun) decisions.save();
      const { fixes } = fixing;
      const verb = dryRun ? 'would fix' : 'fixed';
      note(fixes.wanted ? `${verb} ${countOf(fixes.findings, 'finding')} in ${countOf(fixes.documents, 'document')}` : 'nothing to fix');
      for (const [reason, count] of fixes.notWritten) note(`${countOf(count, 'document')} not fixed: ${reason}`);
      if (leftUnsafe) note(`${countOf(leftUnsafe, 'finding')} left with an unsafe fix (--fix --unsafe-fixes applies them)`);
    }
    if (baseline) {
      note(`${countOf(baseline.matched, 'finding')} in the baseline not reported${baseline.unmatched ? `; ${countOf(baseline.unmatched, 'baseline entry', 'baseline entries')} no longer found (--update-baseline drops them)` : ''}`);
    }
    if (totals.problems > 0) {
      if (options.updateBaseline) note('the baseline was not updated, because of the input problems above');
      return 2;
    }
    if (options.updateBaseline && baselineFile) {
      const written = await writeBaseline(baselineFile, newBaseline, checkedFiles, previousBaseline);
      note(`wrote ${countOf(written, 'finding')} to the baseline ${baselineFile}`);
      return 0;
    }
    const verdict = gate.evaluate(totals);
    if (verdict.passed || options.exitZero) return 0;
    process.stderr.write(`mtaudit: gate failed: ${verdict.reason}\n`);
    return 1;
  } finally {
    if (output !== undefined) closeSync(output);
    await mapper?.close();
  }
}

interface FixSinks {
  /** Review decisions: rejected findings are not fixed, and stay rejected when fixes change their surroundings. */
  decisions: DecisionStore;
  unsafe: boolean;
  dryRun: boolean;
  /** Where a dry run's diff goes. */
  diff(text: string): void;
  note(text: string): void;
  /** A file that could not be written back: an input problem (exit 2). */
  problem(text: string): void;
}

/**
 * The --fix stage: fixes each document before it is reported, then writes it back or shows the diff. With
 * corpus checks loaded, document fixes are made in memory first; the corpus findings' fixes follow once the
 * whole batch is known (`settle`), and each file is written once, with both.
 */
function fixStep(linter: Linter, sinks: FixSinks) {
  /** `wanted`: documents some fix would change, written or not. */
  const fixes = { wanted: 0, documents: 0, findings: 0, notWritten: new Map<string, number>() };
  const deferred = linter.hasCorpusChecks;
  /** Documents as read, by path, while their fixes wait for the corpus step (those the document fixes changed). */
  const originals = new Map<string, SourceDocument>();
  const applied = new Map<string, number>();

  const fixWith = (document: SourceDocument, findingsOf: (document: SourceDocument) => Finding[]) => {
    let rejected: Finding[] = [];
    const lint = (text: string, doc: SourceDocument) => {
      const current = { ...doc, text };
      const findings = findingsOf(current);
      rejected = findings.filter((f) => sinks.decisions.isRejected(f, current));
      return rejected.length ? findings.filter((f) => !rejected.includes(f)) : findings;
    };
    // A fix next to a rejected finding changes the words its decision is keyed on; re-key it after each pass.
    const onPass: OnPass = (before, after, pass) => {
      if (rejected.length === 0) return;
      const edits = pass.applied.flatMap((f) => f.fix!.edits).sort((a, b) => a.start - b.start);
      sinks.decisions.rekey({ ...document, text: before }, { ...document, text: after }, edits, rejected);
    };
    const fixed = fixDocument(document, lint, { unsafe: sinks.unsafe }, onPass);
    if (fixed.unstable) sinks.note(`${document.path}: fixes did not settle after ${fixed.passes} passes (some rules undo each other's fixes); kept the last stable text`);
    return fixed;
  };

  /** Writes (or shows) the change from the text as read to the fixed one; false when it could not be written. */
  const commit = async (original: SourceDocument, text: string, findings: number): Promise<boolean> => {
    if (text === original.text) return true;
    fixes.wanted++;
    if (sinks.dryRun) {
      sinks.diff(unifiedDiff(reportPath(original.path, process.cwd()), original.text, text));
    } else {
      const outcome = await writeDocument(original, text);
      if (!outcome.written) {
        // A file we meant to write is a problem; articles in JSONL files and standard input are only counted.
        if (original.origin.kind === 'file') sinks.problem(`${original.path}: not fixed: ${outcome.reason}`);
        else fixes.notWritten.set(outcome.reason, (fixes.notWritten.get(outcome.reason) ?? 0) + 1);
        return false;
      }
    }
    fixes.documents++;
    fixes.findings += findings;
    return true;
  };

  const prepare = async (document: SourceDocument): Promise<Prepared> => {
    // Document-level findings only: corpus findings (names across the batch) are known only in `settle`; a
    // corpus of this one document would decide spellings by its own frequencies.
    const fixed = fixWith(document, (doc) => linter.map(doc).result.findings);
    if (deferred) {
      // Only a changed text needs its original kept (to write against); the rest wait as they are.
      if (fixed.changed) originals.set(document.path, document);
      applied.set(document.path, fixed.applied);
      return { document: fixed.document };
    }
    if (!fixed.changed) return { document, findings: fixed.findings };
    if (!(await commit(document, fixed.text, fixed.applied))) return { document };
    return { document: fixed.document, findings: fixed.findings };
  };

  const settle: SettleDocument = async (document, result, relint) => {
    const original = originals.get(document.path) ?? document;
    originals.delete(document.path);
    const fixed = fixWith(document, (doc) => relint(doc).findings);
    const count = (applied.get(document.path) ?? 0) + fixed.applied;
    applied.delete(document.path);
    if (!(await commit(original, fixed.text, count))) return { document: original, result: relint(original) };
    return fixed.changed ? { document: fixed.document, result: relint(fixed.document) } : { document, result };
  };
  return { prepare, settle: deferred ? settle : undefined, fixes };
}

function openOutput(file: string): number {
  try {
    return openSync(file, 'w');
  } catch (error) {
    throw new UserError(`${file}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

async function countFiles(inputs: string[], options: Parameters<typeof listInputFiles>[1]): Promise<number> {
  let n = 0;
  for await (const item of listInputFiles(inputs, options)) if ('file' in item && item.file !== '-') n++;
  return n;
}

