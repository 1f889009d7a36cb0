// mtaudit names [paths...]: the names of a batch grouped by spelling, each group's canonical form and how it
// was chosen; --json for tools; --write-rules FILE to settle the groups as a `name` rule file.
import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { replaceFile } from '../../fix/write.js';
import pc from 'picocolors';
import { setup } from '../../engine/setup.js';
import { Linter, type MappedDocument } from '../../engine/linter.js';
import { readDocuments, readFileDocuments } from '../../documents/read.js';
import { readSummaries, stateFile, summariesLine } from '../../engine/corpus-file.js';
import { formatProblem } from '../../documents/types.js';
import { UserError } from '../../errors.js';
import { extendRuleFile, newRuleFile, settledEntries, settledRuleId } from '../../names/rule-file.js';
import type { GroupForm, NameGroup, NameState } from '../../names/types.js';
import { addRuleSourceOptions, collect, defaultInputs, type RuleSourceOptions } from '../options.js';
import { useColor } from '../terminal.js';

interface NamesOptions extends RuleSourceOptions {
  emitMentions?: boolean;
  merge?: boolean;
  stdinNdjson?: boolean;
  json?: boolean;
  all?: boolean;
  writeRules?: string;
  group: string[];
}

const CHECK = 'name-consistency';

export function registerNames(program: Command, setExit: (code: number) => void): void {
  const command = program
    .command('names')
    .description('group the names of documents by spelling: canonical form, variants, where each is used')
    .argument('[paths...]', 'files or folders of articles (default: the bundled corpus)')
    .option('--json', 'print the groups as JSON')
    .option('--all', 'also show groups whose forms are all accepted by a rule (no variant)')
    .option('--write-rules <file>', 'save the groups decided by trust or frequency as a name rule file (extends an existing one)')
    .option('--group <form>', 'with --write-rules: save only the group holding this form, with this form as canonical (repeatable)', collect, [])
    .option('--emit-mentions', 'map step: write each document’s name mentions as one NDJSON line (for names --merge)')
    .option('--merge', 'reduce step: read mention lines (the paths, or - for standard input) and write the name table for lint --names')
    .option('--stdin-ndjson', 'read {"id","text"} articles from standard input, one a line');
  addRuleSourceOptions(command).action(async (paths: string[], options: NamesOptions) => {
    setExit(await names(paths, options));
  });
}

async function names(paths: string[], options: NamesOptions): Promise<number> {
  if (options.emitMentions && options.merge) throw new UserError('--emit-mentions (map) and --merge (reduce) are separate steps; give one');
  if (options.stdinNdjson && paths.length) throw new UserError('--stdin-ndjson reads standard input; give no paths with it');
  const { rules, ignore, trusted } = await setup({ configFile: options.config, ruleDirs: options.rules, defaultRules: options.defaultRules });
  const rule = rules.find((r) => r.enabled && r.kind === 'builtin' && r.definition.check === CHECK);
  if (!rule) throw new UserError(`no enabled rule runs the ${CHECK} check (is names.consistency turned off in the configuration?)`);
  // Only what the names stage reads: the name registry and the consistency check. Every corpus check of the
  // full rule set is here too, so the lines and tables fit `lint`.
  const linter = new Linter(
    rules.filter((r) => r.enabled && (r.kind === 'name' || r.corpus !== undefined)),
    { trusted },
  );

  if (options.merge) {
    if (paths.length === 0) throw new UserError('--merge needs the mention files to read (or - for standard input)');
    const entries = [];
    for await (const entry of readSummaries(linter, paths)) entries.push(entry);
    // Map steps finish in any order across machines: reduce in path order, so every run gives the same table.
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    process.stdout.write(stateFile(linter, linter.reduceSummaries(entries), entries.length));
    return 0;
  }

  const mapped: MappedDocument[] = [];
  let problems = 0;
  const documents = options.stdinNdjson ? readFileDocuments('-', { stdinRecords: true }) : readDocuments(paths.length ? paths : defaultInputs(), { ignore });
  for await (const item of documents) {
    if ('problem' in item) {
      process.stderr.write(`mtaudit: ${formatProblem(item.problem)}\n`);
      problems++;
      continue;
    }
    const document = linter.map(item.document);
    if (options.emitMentions) process.stdout.write(summariesLine(linter, { path: item.document.path, trusted: document.trusted, summaries: document.summaries }));
    else mapped.push(document);
  }
  if (options.emitMentions) return problems ? 2 : 0;
  const state = linter.reduce(mapped)[linter.corpusCheckIndex(rule.id)] as NameState;
  const shown = options.all ? state.groups : state.groups.filter((g) => g.forms.some((f) => f.status === 'variant'));

  if (options.writeRules) await writeRules(options.writeRules, state, options.group);
  else if (options.group.length) throw new UserError('--group only selects groups for --write-rules');

  if (options.json) process.stdout.write(`${JSON.stringify({ version: 1, documents: state.documents, groups: shown }, null, 2)}\n`);
  else if (!options.writeRules) process.stdout.write(formatGroups(shown, state.documents, useColor(process.stdout)));
  return problems ? 2 : 0;
}

async function writeRules(file: string, state: NameState, chosen: string[]): Promise<void> {
  let groups: NameGroup[];
  if (chosen.length) {
    groups = chosen.map((form) => {
      const group = state.groups.find((g) => g.forms.some((f) => f.form === form));
      if (!group) throw new UserError(`--group ${JSON.stringify(form)}: no group has this form (see mtaudit names)`);
      return withCanonical(group, form);
    });
  } else {
    groups = state.groups.filter((g) => g.source === 'trusted' || g.source === 'frequency');
  }
  const entries = settledEntries(groups, new Date().toISOString().slice(0, 10));
  if (entries.length === 0) {
    process.stderr.write('mtaudit: no group to settle: every name is spelled one way or decided by a rule\n');
    return;
  }
  let text: string;
  let count = entries.length;
  if (existsSync(file)) {
    const extended = extendRuleFile(await readFile(file, 'utf8'), entries);
    if ('error' in extended) throw new UserError(`${file}: ${extended.error}; give a new file or a name rule file`);
    text = extended.text;
    count = extended.added.length;
  } else {
    text = newRuleFile(settledRuleId(file), entries);
  }
  try {
    // The same atomic replacement as fixes use: an editor's rule file is never left half written.
    await replaceFile(file, Buffer.from(text, 'utf8'), existsSync(file) ? statSync(file) : undefined);
  } catch (error) {
    throw new UserError(`${file}: cannot write the rule file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  process.stderr.write(`mtaudit: ${count} group${count === 1 ? '' : 's'} written to ${file} (load it with --rules ${file} or ruleDirs)\n`);
}

/** The group with another of its forms as canonical (an editor's choice). */
function withCanonical(group: NameGroup, canonical: string): NameGroup {
  if (group.canonical === canonical) return group;
  const forms = group.forms.map((f): GroupForm => (f.form === canonical ? { ...f, status: 'canonical', fix: undefined } : f.status === 'accepted' ? f : { ...f, status: 'variant', fix: canonical }));
  return { ...group, canonical, source: 'tie', forms };
}

const SOURCE_TEXT: Record<NameGroup['source'], string> = {
  rule: 'rule',
  trusted: 'trusted documents',
  frequency: 'most documents',
  tie: 'tie: first seen',
};

function formatGroups(groups: NameGroup[], documents: number, color: boolean): string {
  const c = color ? pc : { bold: (s: string) => s, dim: (s: string) => s, green: (s: string) => s, yellow: (s: string) => s, red: (s: string) => s };
  if (groups.length === 0) return `No name is spelled in more than one way in ${documents} document${documents === 1 ? '' : 's'}.\n`;
  const out: string[] = [];
  for (const group of groups) {
    const how = group.source === 'rule' ? `rule ${group.rule}` : SOURCE_TEXT[group.source];
    const extra = [group.type, group.shortFormOf ? `surname in “${group.shortFormOf}”` : undefined].filter(Boolean).join(', ');
    out.push(`${c.bold(group.canonical)}  ${c.dim(`canonical by ${how}${extra ? ` · ${extra}` : ''}`)}`);
    const width = Math.max(...group.forms.map((f) => f.form.length));
    for (const f of group.forms) {
      const mark = f.status === 'canonical' ? c.green('canonical') : f.status === 'accepted' ? c.dim('accepted ') : c.yellow('variant  ');
      const docs = f.documents.length > 4 ? `${f.documents.slice(0, 3).join(', ')} and ${f.documents.length - 3} more` : f.documents.join(', ');
      out.push(`  ${mark}  ${f.form.padEnd(width)}  ${String(f.mentions).padStart(3)}×  ${docs}`);
    }
    out.push('');
  }
  const variants = groups.reduce((n, g) => n + g.forms.filter((f) => f.status === 'variant').length, 0);
  out.push(`${groups.length} name${groups.length === 1 ? '' : 's'} with ${variants} variant spelling${variants === 1 ? '' : 's'} in ${documents} document${documents === 1 ? '' : 's'}`);
  return `${out.join('\n')}\n`;
}
