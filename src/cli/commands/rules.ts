// mtaudit rules [id]: list the rules, or print one rule's documentation and examples.
import type { Command } from 'commander';
import { relative } from 'node:path';
import { setup } from '../../engine/setup.js';
import { UserError } from '../../errors.js';
import type { CompiledRule } from '../../rules/types.js';
import { addRuleSourceOptions, type RuleSourceOptions } from '../options.js';

export function registerRules(program: Command, setExit: (code: number) => void): void {
  const command = program
    .command('rules')
    .description('list the rules, or show one rule’s documentation and examples')
    .argument('[id]', 'a rule id, e.g. mistranslation.watchdog-as-regulator')
    .option('--json', 'print as JSON')
    .option('--check', 'run the examples of every rule, bundled ones included, and report those that fail');
  addRuleSourceOptions(command).action(async (id: string | undefined, options: RuleSourceOptions & { json?: boolean; check?: boolean }) => {
    const { rules } = await setup({ configFile: options.config, ruleDirs: options.rules, defaultRules: options.defaultRules, checkExamples: options.check ? 'all' : undefined });
    if (options.check) {
      const examples = rules.reduce((n, r) => n + r.examples.flag.length + r.examples.pass.length, 0);
      process.stdout.write(`${rules.length} rules, ${examples} examples: all pass\n`);
      setExit(0);
      return;
    }
    if (id) {
      const rule = rules.find((r) => r.id === id);
      if (!rule) {
        const near = rules.filter((r) => r.id.includes(id)).map((r) => r.id);
        throw new UserError(`no rule "${id}"${near.length ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ' (see mtaudit rules)'}`);
      }
      process.stdout.write(options.json ? `${JSON.stringify(describeRule(rule), null, 2)}\n` : ruleDocumentation(rule));
    } else {
      process.stdout.write(options.json ? `${JSON.stringify(rules.map(describeRule), null, 2)}\n` : ruleTable(rules));
    }
    setExit(0);
  });
}

function describeRule(rule: CompiledRule) {
  const { id, kind, category, severity, applicability, enabled, message, doc, examples, file } = rule;
  return { id, kind, category, severity, applicability, enabled, message, doc, examples, file: relative(process.cwd(), file) };
}

function ruleTable(rules: CompiledRule[]): string {
  const columns = ['id', 'kind', 'category', 'severity'] as const;
  const widths = columns.map((c) => Math.max(c.length, ...rules.map((r) => r[c].length)));
  const row = (cells: string[]) => cells.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell)).join('  ');
  const lines = [row([...columns, 'summary'])];
  for (const r of rules) lines.push(row([r.id, r.kind, r.category, r.severity, `${r.enabled ? '' : '(off) '}${r.doc.summary}`]));
  return `${lines.join('\n')}\n\n${rules.length} rules. \`mtaudit rules <id>\` shows one in full.\n`;
}

function ruleDocumentation(rule: CompiledRule): string {
  const out = [
    `${rule.id}  (${rule.kind}, ${rule.category}, ${rule.severity}${rule.enabled ? '' : ', off by default'})`,
    '',
    rule.doc.summary,
    '',
    'Why',
    indent(rule.doc.why),
    '',
    'Instead',
    indent(rule.doc.instead),
    '',
    `Fix safety: ${rule.applicability} (${applicabilityText(rule.applicability)})`,
    '',
    'Flagged',
  ];
  for (const example of rule.examples.flag) {
    out.push(indent(`✖ ${example.text}`), indent(`  flagged: “${example.span}”`));
    if (example.fix !== undefined) out.push(indent(`  fixed:   ${example.fix}`));
  }
  out.push('', 'Not flagged');
  for (const example of rule.examples.pass) out.push(indent(`✔ ${example}`));
  out.push('', `Defined in ${relative(process.cwd(), rule.file)}`, '');
  return out.join('\n');
}

function applicabilityText(applicability: string): string {
  if (applicability === 'safe') return 'applied by --fix';
  if (applicability === 'unsafe') return 'applied only with --unsafe-fixes';
  return 'shown, never applied automatically';
}

function indent(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
