// Every rule's embedded examples are tests: a `flag` example is flagged exactly at its span, its fix gives
// the expected text, and the fixed text is not flagged again; a `pass` example is not flagged.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { Linter } from '../src/engine/linter.js';
import { applyEdits } from '../src/fix/apply.js';

const { rules, errors } = await loadRules();

describe('bundled rule files', () => {
  it('all load without errors', () => {
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(rules.length).toBeGreaterThan(10);
  });
});

for (const rule of rules) {
  describe(rule.id, () => {
    const linter = new Linter([{ ...rule, enabled: true }]);
    const lint = (text: string) => linter.findings(text).filter((f) => f.ruleId === rule.id);

    rule.examples.flag.forEach((example, n) => {
      it(`flags example ${n + 1}: ${JSON.stringify(example.span)}`, () => {
        const findings = lint(example.text);
        const occurrences = [...example.text.matchAll(new RegExp(escapeRegExp(example.span), 'g'))].map((m) => m.index);
        expect(occurrences.length, 'span must occur in the example text').toBeGreaterThan(0);
        expect(findings.map((f) => example.text.slice(f.range.start, f.range.end))).toEqual([example.span]);
        const finding = findings[0]!;
        expect(occurrences).toContain(finding.range.start);
        if (example.fix === undefined) {
          expect(finding.fix, 'the rule offers a fix, so the example must say what it gives').toBeNull();
          return;
        }
        expect(finding.fix, 'the example expects a fix').not.toBeNull();
        const fixed = applyEdits(example.text, finding.fix!.edits);
        expect(fixed).toBe(example.fix);
        expect(lint(fixed), 'the fixed text is flagged again').toEqual([]);
      });
    });

    rule.examples.pass.forEach((text, n) => {
      it(`passes example ${n + 1}`, () => {
        expect(lint(text).map((f) => `${f.message} @${f.range.start}`)).toEqual([]);
      });
    });
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
