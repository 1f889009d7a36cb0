// Every rule's embedded examples are tests: a `flag` example is flagged exactly at its span, its fix gives
// the expected text, and the fixed text is not flagged again; a `pass` example is not flagged. The checks are
// the ones mtaudit runs on a user's rule files when it loads them (src/rules/examples.ts).
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { checkFlagExample, checkPassExample, ruleLinter } from '../src/rules/examples.js';

const { rules, errors } = await loadRules({ checkExamples: 'none' });

describe('bundled rule files', () => {
  it('all load without errors', () => {
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(rules.length).toBeGreaterThan(10);
  });
});

for (const rule of rules) {
  describe(rule.id, () => {
    const lint = ruleLinter(rule);

    rule.examples.flag.forEach((example, n) => {
      it(`flags example ${n + 1}: ${JSON.stringify(example.span)}`, () => {
        expect(checkFlagExample(lint, example, n)?.message).toBeUndefined();
      });
    });

    rule.examples.pass.forEach((text, n) => {
      it(`passes example ${n + 1}`, () => {
        expect(checkPassExample(lint, text, n)?.message).toBeUndefined();
      });
    });
  });
}
