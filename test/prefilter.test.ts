// A prefilter may skip a check only where the check would find nothing: with and without prefilters the
// findings must be the same, on the seed corpus and on every rule example.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules } from '../src/rules/load.js';
import { Linter } from '../src/engine/linter.js';
import { CORPUS } from './helpers/cli.js';

const { rules } = await loadRules();
const withPrefilters = new Linter(rules);
const without = new Linter(rules.map(({ prefilter: _skip, ...rule }) => rule));

const texts = [
  ...readdirSync(join(CORPUS, 'kazakhstan-2022-01')).map((f) => readFileSync(join(CORPUS, 'kazakhstan-2022-01', f), 'utf8')),
  ...rules.flatMap((r) => [...r.examples.flag.map((e) => e.text), ...r.examples.pass]),
];

describe('prefilters', () => {
  it('exist for the checks that need tagging', () => {
    expect(rules.filter((r) => r.needs === 'tokens' && r.prefilter).length).toBeGreaterThan(2);
  });

  it('never change the findings', () => {
    for (const text of texts) expect(withPrefilters.findings(text)).toEqual(without.findings(text));
  });
});
