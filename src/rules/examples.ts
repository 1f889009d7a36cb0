// A rule's own examples, run as tests: a `flag` example is flagged exactly at its span, its fix gives the
// expected text and the fixed text is not flagged again; a `pass` example is not flagged. The test suite runs
// them for the bundled rules; rule files of the user's are checked when they are loaded.
import { Linter } from '../engine/linter.js';
import { applyEdits } from '../fix/apply.js';
import type { CompiledRule, DefinitionPath, FlagExample } from './types.js';

/** What is wrong with one example, and where in the rule file (a path to locate). */
export interface ExampleProblem {
  path: DefinitionPath;
  message: string;
}

/** Lints text with this rule alone (enabled, whatever the file says). */
export function ruleLinter(rule: CompiledRule): (text: string) => ReturnType<Linter['findings']> {
  const linter = new Linter([{ ...rule, enabled: true }]);
  return (text) => linter.findings(text).filter((f) => f.ruleId === rule.id);
}

export function checkFlagExample(lint: ReturnType<typeof ruleLinter>, example: FlagExample, index: number): ExampleProblem | null {
  const at = (field: 'text' | 'span' | 'fix', message: string): ExampleProblem => ({ path: ['examples', 'flag', index, field], message: `flag example ${index + 1}: ${message}` });
  if (!example.text.includes(example.span)) return at('span', `the span “${example.span}” does not occur in its text`);
  const findings = lint(example.text);
  const flagged = findings.map((f) => example.text.slice(f.range.start, f.range.end));
  const finding = findings[0];
  if (findings.length !== 1 || flagged[0] !== example.span) {
    return at('span', `expected “${example.span}” to be flagged, but ${flagged.length ? flagged.map((s) => `“${s}”`).join(', ') : 'nothing'} was`);
  }
  if (!finding) return null;
  if (example.fix === undefined) {
    return finding.fix ? at('text', `the rule offers a fix, so the example must say what it gives (fix: …)`) : null;
  }
  if (!finding.fix) return at('fix', 'the example expects a fix, but the rule offers none here');
  const fixed = applyEdits(example.text, finding.fix.edits);
  if (fixed !== example.fix) return at('fix', `the fix gives “${fixed}”, not the expected text`);
  const again = lint(fixed);
  if (again.length) return at('fix', `the fixed text is flagged again at “${fixed.slice(again[0]!.range.start, again[0]!.range.end)}”`);
  return null;
}

export function checkPassExample(lint: ReturnType<typeof ruleLinter>, text: string, index: number): ExampleProblem | null {
  const findings = lint(text);
  if (findings.length === 0) return null;
  const spans = findings.map((f) => `“${text.slice(f.range.start, f.range.end)}”`).join(', ');
  return { path: ['examples', 'pass', index], message: `pass example ${index + 1} is flagged at ${spans}` };
}

/** Every problem with a rule's examples, in file order. */
export function checkExamples(rule: CompiledRule): ExampleProblem[] {
  const lint = ruleLinter(rule);
  const problems: (ExampleProblem | null)[] = [
    ...rule.examples.flag.map((example, i) => checkFlagExample(lint, example, i)),
    ...rule.examples.pass.map((text, i) => checkPassExample(lint, text, i)),
  ];
  return problems.filter((p): p is ExampleProblem => p !== null);
}
