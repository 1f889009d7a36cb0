// Names across a corpus: which spellings are one name, which stay apart, the canonical choice, and the
// findings and fixes the batch pipeline reports for them (seed corpus, a renamed copy, trusted documents).
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules, parseRuleSource } from '../src/rules/load.js';
import { Linter } from '../src/engine/linter.js';
import { NameComparer } from '../src/names/compare.js';
import { NameGrouper, type FormStats } from '../src/names/group.js';
import { buildRegistry } from '../src/names/registry.js';
import type { NameOptions, NameState } from '../src/names/types.js';
import { applyEdits } from '../src/fix/apply.js';
import { CORPUS, GOLD, mtaudit, tempDir } from './helpers/cli.js';
import { EXPECTED_FIXES, writeRenamedCorpus } from './helpers/renamed-corpus.js';
import type { Finding } from '../src/engine/types.js';

const { rules } = await loadRules();
const consistency = rules.find((r) => r.id === 'names.consistency')!;
const options = { ...(consistency.definition.options as NameOptions) };
const comparer = new NameComparer(options);
const sameName = (a: string, b: string) => comparer.compare(comparer.describe(a), comparer.describe(b)) > 0;

/** Groups the given forms as if each were used in its own document, with or without the registry. */
function groupOf(forms: string[], withRegistry: boolean): NameState {
  const grouper = new NameGrouper(buildRegistry(withRegistry ? rules : []), options);
  const stats: FormStats[] = forms.map((form, i) => ({ form, mentions: 1, documents: [i], trustedDocuments: 0, before: [] }));
  return grouper.group(
    stats,
    forms.map((_, i) => `doc${i}.txt`),
  );
}
const together = (state: NameState, forms: string[]) => state.groups.some((g) => forms.every((f) => g.forms.some((x) => x.form === f)));
const apart = (state: NameState, a: string, b: string) => !state.groups.some((g) => g.forms.some((x) => x.form === a) && g.forms.some((x) => x.form === b));

describe('which spellings are one name', () => {
  const mustMerge = [
    ['Zelensky', 'Zelenskyy', 'Zelenskiy'],
    ['Orbán', 'Orban'],
    ['Yanukovych', 'Yanukovich'],
    ['Kassym', 'Kassim', 'Qassim'],
    ['Kassym-Jomart Tokayev', 'Kassim-Jomart Tokayev', 'Qassim-Jomart Tokayev', 'Kassym Jomart Tokayev'],
    ['Nur-Sultan', 'Nur Sultan', 'Nursultan'],
    ['Zhanaozen', 'Janaozen'],
    ['Tokayev', 'Tokaev'],
  ];
  const mustStayApart = [
    ['Navalny', 'Navalnaya'],
    ['Lavrov', 'Lavrova'],
    ['Tokayev', 'Tokarev'],
    ['Kazakhstan', 'Kyrgyzstan'],
    ['Kazakhstan', 'Tajikistan'],
    ['Kyrgyzstan', 'Tajikistan'],
    ['Almaty', 'Aktau'],
    ['Niger', 'Nigeria'],
    ['Alexei Navalny', 'Yulia Navalny'],
    ['Sergei Lavrov', 'Anna Lavrov'],
    ['Kazakh', 'Kazakhs'],
    ['Russia', 'Russian'],
    ['Khan', 'Han'],
  ];

  for (const forms of mustMerge) {
    it(`merges ${forms.join(' / ')} (by keys alone, and as a group)`, () => {
      for (const other of forms.slice(1)) expect(sameName(forms[0]!, other), `${forms[0]} ~ ${other}`).toBe(true);
      expect(together(groupOf(forms, false), forms)).toBe(true);
    });
  }

  for (const [a, b] of mustStayApart) {
    it(`keeps ${a} and ${b} apart`, () => {
      expect(sameName(a!, b!)).toBe(false);
      expect(apart(groupOf([a!, b!], false), a!, b!)).toBe(true);
      expect(apart(groupOf([a!, b!], true), a!, b!)).toBe(true);
    });
  }

  it('keeps an acronym and a word apart (TASS / Tass) unless the registry lists both for one entry', () => {
    expect(sameName('TASS', 'Tass')).toBe(false);
    expect(apart(groupOf(['TASS', 'Tass'], false), 'TASS', 'Tass')).toBe(true);
    const state = groupOf(['TASS', 'Tass'], true);
    expect(state.groups.find((g) => g.canonical === 'TASS')?.forms.map((f) => [f.form, f.status])).toEqual([['TASS', 'canonical'], ['Tass', 'accepted']]);
  });

  it('never joins two names through a third that resembles both', () => {
    const state = groupOf(['Navalny', 'Navalnyy', 'Navalnaya', 'Navalnaia'], false);
    expect(apart(state, 'Navalny', 'Navalnaya')).toBe(true);
    expect(together(state, ['Navalny', 'Navalnyy'])).toBe(true);
    expect(together(state, ['Navalnaya', 'Navalnaia'])).toBe(true);
  });

  it('binds an unlisted spelling of a registry name to its entry, with the form of the same shape as fix', () => {
    const state = groupOf(['Kasym-Zhomart Tokaev', 'Tokaev', 'Zelenskij'], true);
    const fixes = Object.fromEntries(state.groups.flatMap((g) => g.forms.filter((f) => f.status === 'variant').map((f) => [f.form, [f.fix, g.source]])));
    expect(fixes).toEqual({
      'Kasym-Zhomart Tokaev': ['Kassym-Jomart Tokayev', 'rule'],
      Tokaev: ['Tokayev', 'rule'],
      Zelenskij: ['Zelensky', 'rule'],
    });
  });

  it('keeps the house spellings a rule accepts (aliases) and does not bind a demonym through a listed variant', () => {
    const state = groupOf(['Volodymyr Zelensky', 'Zelenskyy', 'Armenian', 'Armenia'], true);
    expect(state.groups.flatMap((g) => g.forms).filter((f) => f.status === 'variant')).toEqual([]);
  });
});

/** Lints folders through the CLI and returns the JSON report's files. */
function lintJson(args: string[]): { path: string; findings: Finding[] }[] {
  const r = mtaudit(['lint', '--format', 'json', ...args]);
  expect(r.stderr).not.toMatch(/internal error/);
  return JSON.parse(r.stdout).files;
}

describe('seed corpus', () => {
  const files = lintJson([CORPUS]);
  const gold = readFileSync(GOLD, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { doc: string; start: number; end: number; category: string; fix: string[] | null; span: string });

  it('finds every name variant of the gold annotations with its exact fix', () => {
    const variants = gold.filter((g) => g.category === 'name-variant');
    expect(variants.length).toBeGreaterThan(5);
    for (const g of variants) {
      const file = files.find((f) => f.path.includes(g.doc))!;
      const text = readFileSync(file.path, 'utf8');
      const wanted = g.fix!.map((fix) => text.slice(0, g.start) + fix + text.slice(g.end));
      const got = file.findings.filter((f) => f.range.start < g.end && g.start < f.range.end && f.fix).map((f) => applyEdits(text, f.fix!.edits));
      expect(got.some((t) => wanted.includes(t)), `${g.doc}: ${g.span}`).toBe(true);
    }
  });

  it('reports no span twice: the corpus check stays silent where a name rule already reports', () => {
    for (const file of files) {
      const spans = file.findings.filter((f) => f.category === 'name-variant').map((f) => `${f.range.start}-${f.range.end}`);
      expect(new Set(spans).size).toBe(spans.length);
    }
  });

  it('emits documents in input order with findings sorted by position', () => {
    expect(files.map((f) => f.path)).toEqual([...files.map((f) => f.path)].sort());
    for (const file of files) {
      const starts = file.findings.map((f) => f.range.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('`mtaudit names` shows the Tokayev group with its four forms and their documents', () => {
    const r = mtaudit(['names', CORPUS]);
    expect(r.code).toBe(0);
    const block = r.stdout.split('\n\n').find((b) => b.startsWith('Kassym-Jomart Tokayev'))!;
    expect(block).toMatch(/canonical by rule names\.heads-of-state-and-government/);
    const rows = Object.fromEntries(
      block
        .split('\n')
        .slice(1)
        .map((line) => /^\s+(canonical|accepted|variant)\s+(.+?)\s+\d+×\s+(.*)$/.exec(line)!)
        .filter(Boolean)
        .map((m) => [m[2], { status: m[1], documents: m[3] }]),
    );
    expect(rows['Kassym-Jomart Tokayev']).toEqual({ status: 'canonical', documents: expect.stringMatching(/02-newser-wire\.txt, .*05-dozens-killed-cnn\.txt/) });
    expect(rows['Kassim-Jomart Tokayev']).toEqual({ status: 'variant', documents: expect.stringMatching(/01-csto-appeal\.txt$/) });
    expect(rows['Qassim-Jomart Tokayev']).toEqual({ status: 'variant', documents: expect.stringMatching(/03-police-crackdown\.txt$/) });
    expect(rows['Kassym Jomart Tokayev']).toEqual({ status: 'variant', documents: expect.stringMatching(/04-peacekeepers-afp\.txt$/) });
  });

  it('`mtaudit names --json` gives the groups with counts, documents and how the canonical was chosen', () => {
    const r = mtaudit(['names', '--json', CORPUS]);
    const { version, documents, groups } = JSON.parse(r.stdout);
    expect({ version, documents }).toEqual({ version: 1, documents: 5 });
    const tokayev = groups.find((g: { canonical: string }) => g.canonical === 'Kassym-Jomart Tokayev');
    expect(tokayev).toMatchObject({ source: 'rule', rule: 'names.heads-of-state-and-government', type: 'person' });
    expect(tokayev.forms.filter((f: { status: string }) => f.status !== 'accepted').map((f: { form: string }) => f.form).sort()).toEqual(
      ['Kassim-Jomart Tokayev', 'Kassym Jomart Tokayev', 'Kassym-Jomart Tokayev', 'Qassim-Jomart Tokayev'].sort(),
    );
    const nurSultan = groups.find((g: { canonical: string }) => g.canonical === 'Nur-Sultan');
    expect(nurSultan).toMatchObject({ source: 'frequency', forms: [{ form: 'Nur-Sultan', mentions: 2 }, { form: 'Nur Sultan', status: 'variant', fix: 'Nur-Sultan' }] });
  });
});

describe('a renamed copy of the corpus (names no rule knows)', () => {
  const dir = join(tempDir('mtaudit-renamed-'), 'corpus');
  writeRenamedCorpus(join(CORPUS, 'kazakhstan-2022-01'), dir);
  const files = lintJson([dir]);
  const names = JSON.parse(mtaudit(['names', '--json', dir]).stdout) as NameState;

  it('has no trace of the original names', () => {
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8')).not.toMatch(/Tokayev|Pashinyan|Almaty|Nur.Sultan|Mangystau/);
  });

  it('groups every variant with its canonical, chosen by frequency', () => {
    for (const [variant, canonical] of Object.entries(EXPECTED_FIXES)) {
      const group = names.groups.find((g) => g.forms.some((f) => f.form === variant));
      expect(group, variant).toBeDefined();
      expect({ variant, canonical: group!.canonical, source: group!.source }).toEqual({ variant, canonical, source: 'frequency' });
    }
  });

  it('fixes every variant occurrence to its canonical (unsafe: frequency decided), and nothing else', () => {
    const corpusFindings = files.flatMap((file) => file.findings.filter((f) => f.ruleId === 'names.consistency').map((f) => ({ file, f })));
    for (const { file, f } of corpusFindings) {
      const text = readFileSync(file.path, 'utf8');
      const flagged = text.slice(f.range.start, f.range.end);
      expect(EXPECTED_FIXES[flagged], `unexpected finding “${flagged}” in ${file.path}`).toBeDefined();
      expect(f.fix).toEqual({ applicability: 'unsafe', edits: [{ start: f.range.start, end: f.range.end, text: EXPECTED_FIXES[flagged] }] });
      expect(f.message).toMatch(/the most common form, in \d of 5 documents|the surname in “Dzhaksybek Khudaiberdiyev”, its most common spelling/);
    }
    // After the fixes, no variant is left anywhere.
    for (const file of files) {
      const text = readFileSync(file.path, 'utf8');
      const fixed = applyEdits(text, file.findings.filter((f) => f.ruleId === 'names.consistency').flatMap((f) => f.fix!.edits));
      for (const variant of Object.keys(EXPECTED_FIXES)) expect(fixed, `${variant} left in ${file.path}`).not.toMatch(new RegExp(`(?<![\\p{L}-])${variant}(?![\\p{L}])`, 'u'));
    }
  });
});

describe('trusted documents', () => {
  const dir = tempDir('mtaudit-trusted-');
  mkdirSync(join(dir, 'wire'));
  mkdirSync(join(dir, 'mt'));
  writeFileSync(join(dir, 'wire', 'a.txt'), 'Bakhytzhan Sagintayev spoke in Astana on Monday.\n');
  writeFileSync(join(dir, 'mt', 'b.txt'), 'Bakhytzhan Sagintaev said the talks would go on.\n');
  writeFileSync(join(dir, 'mt', 'c.txt'), 'Later, Bakhytzhan Sagintaev left for Moscow.\n');
  writeFileSync(join(dir, 'mt', 'd.txt'), 'Bakhytzhan Sagintayev was quoted in the evening.\n');
  writeFileSync(join(dir, 'mt', 'e.txt'), 'A statement by Bakhytzhan Sagintaev followed.\n');

  it('without trust, the form of most documents wins', () => {
    const files = lintJson(['--no-config', join(dir, 'wire'), join(dir, 'mt')]);
    const f = files.flatMap((x) => x.findings).find((x) => x.ruleId === 'names.consistency')!;
    expect(f.fix!.edits[0]!.text).toBe('Bakhytzhan Sagintaev');
  });

  it('documents matching a `trusted:` glob (relative to the configuration) win, and the message says so', () => {
    writeFileSync(join(dir, 'mtaudit.config.yaml'), 'trusted: ["wire/**"]\n');
    const r = mtaudit(['lint', '--format', 'json', 'wire', 'mt'], { cwd: dir });
    const findings = (JSON.parse(r.stdout).files as { findings: Finding[] }[]).flatMap((x) => x.findings).filter((x) => x.ruleId === 'names.consistency');
    expect(findings).toHaveLength(3); // b, c and e, although the batch writes Sagintaev more often
    for (const f of findings) {
      expect(f.fix).toMatchObject({ applicability: 'unsafe', edits: [{ text: 'Bakhytzhan Sagintayev' }] });
      expect(f.message).toContain('as written in trusted document wire/a.txt)');
    }
  });

  it('a bad `trusted:` value is one located error line, exit 2', () => {
    const bad = tempDir('mtaudit-badtrust-');
    writeFileSync(join(bad, 'mtaudit.config.yaml'), 'failOn: major\ntrusted: wire/**\n');
    const r = mtaudit(['lint', join(CORPUS, 'kazakhstan-2022-01', '02-newser-wire.txt')], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/mtaudit\.config\.yaml:2:10: .*trusted.*array/)]);
  });
});

describe('a capital at the start of a sentence', () => {
  const linter = new Linter(rules);
  const doc = (path: string, text: string) => ({ path, text, format: 'text' as const, origin: { kind: 'stdin' as const } });
  const docs = [
    doc('a.txt', 'Talks with Ursula von der Leyen went well, and von der Leyen thanked the hosts.\n'),
    doc('b.txt', 'Von der Leyen said the talks went well.\n'),
    doc('c.txt', 'The Commission chief von der Leyen returned to Brussels on Friday.\n'),
  ];

  it('is not a spelling: the form counts as the one written inside sentences, and nothing is flagged', () => {
    const mapped = docs.map((d) => linter.map(d));
    const [state] = linter.reduce(mapped) as NameState[];
    const forms = state!.groups.flatMap((g) => g.forms.map((f) => f.form));
    expect(forms).not.toContain('Von der Leyen');
    const lower = state!.groups.flatMap((g) => g.forms).find((f) => f.form === 'von der Leyen');
    expect(lower?.documents).toEqual(['a.txt', 'b.txt', 'c.txt']);
    const findings = mapped.flatMap((m, i) => linter.corpusFindings([state], m, docs[i]!.path).map((c) => c.finding));
    expect(findings.filter((f) => f.ruleId === 'names.consistency')).toEqual([]);
  });
});

describe('within one document', () => {
  const linter = new Linter(rules);
  it('the form used most in the document wins', () => {
    const text = 'Marat Zhumabekov arrived. Marat Zhumabekov spoke, and Marat Jumabekov left.';
    const findings = linter.findings(text).filter((f) => f.ruleId === 'names.consistency');
    expect(findings.map((f) => [text.slice(f.range.start, f.range.end), f.fix?.edits[0]?.text])).toEqual([['Marat Jumabekov', 'Marat Zhumabekov']]);
  });

  it('an unlisted spelling of a registry name gets a safe fix from the rule, even alone', () => {
    const text = 'President Qassym-Dzhomart Tokaev addressed the nation.'; // a spelling no rule lists
    const [f] = linter.findings(text).filter((x) => x.ruleId === 'names.consistency');
    expect(f).toMatchObject({ severity: 'major', fix: { applicability: 'safe', edits: [{ text: 'Kassym-Jomart Tokayev' }] } });
    expect(f!.message).toContain('the spelling of rule names.heads-of-state-and-government');
  });

  it('a given name spelled differently before a surname the registry accepts is one name with it', () => {
    const text = 'Talks with Qassym-Dzhomart Tokayev resumed.';
    const [f] = linter.findings(text).filter((x) => x.ruleId === 'names.consistency');
    expect(text.slice(f!.range.start, f!.range.end)).toBe('Qassym-Dzhomart Tokayev');
    expect(f!.fix).toMatchObject({ applicability: 'safe', edits: [{ text: 'Kassym-Jomart Tokayev' }] });
  });

  it('a tie is only a suggestion', () => {
    const text = 'Marat Zhumabekov arrived, and Marat Jumabekov left.';
    const [f] = linter.findings(text).filter((x) => x.ruleId === 'names.consistency');
    expect(f!.fix!.applicability).toBe('suggestion');
  });
});

describe('name entries: exceptions', () => {
  it('a variant inside an exception is not flagged by the name rule nor by the corpus check', () => {
    const linter = new Linter(rules);
    const text = 'The menu offered chicken Kiev. Troops left Kiev.';
    expect(linter.findings(text).map((f) => f.range.start)).toEqual([text.lastIndexOf('Kiev')]);
  });

  it('an exception that holds no form of its entry is a located rule error', async () => {
    const source = readFileSync(join('rules', 'names', 'places.yaml'), 'utf8').replace('exceptions: ["chicken Kiev"]', 'exceptions: ["chicken Kyiv soup", "beef stew"]');
    const result = await parseRuleSource('places.yaml', source);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(/^places\.yaml:\d+:\d+: exception "beef stew" contains neither the canonical form nor a variant$/);
  });
});

describe('mtaudit names: options and errors', () => {
  it('--all also lists groups whose forms a rule all accepts', () => {
    const plain = JSON.parse(mtaudit(['names', '--json', CORPUS]).stdout).groups as { canonical: string }[];
    const all = JSON.parse(mtaudit(['names', '--json', '--all', CORPUS]).stdout).groups as { canonical: string; forms: { status: string }[] }[];
    expect(all.length).toBeGreaterThan(plain.length);
    for (const g of all.filter((x) => !plain.some((p) => p.canonical === x.canonical))) expect(g.forms.every((f) => f.status !== 'variant')).toBe(true);
  });

  it('with names.consistency turned off, lint does not compare names and names says why it cannot run', () => {
    const dir = tempDir('mtaudit-off-');
    writeFileSync(join(dir, 'mtaudit.config.yaml'), 'rules:\n  names.consistency: off\n');
    const files = JSON.parse(mtaudit(['lint', '--format', 'json', CORPUS], { cwd: dir }).stdout).files as { findings: Finding[] }[];
    expect(files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'names.consistency')).toEqual([]);
    const r = mtaudit(['names', CORPUS], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^mtaudit: no enabled rule runs the name-consistency check/)]);
  });
});

describe('mtaudit names --write-rules', () => {
  it('saves the groups decided by frequency as a name rule file that loads, passes its examples and settles the group', async () => {
    const dir = tempDir('mtaudit-settle-');
    const renamed = join(dir, 'corpus');
    writeRenamedCorpus(join(CORPUS, 'kazakhstan-2022-01'), renamed);
    const file = join(dir, 'settled.yaml');
    const r = mtaudit(['names', '--write-rules', file, renamed]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/groups? written to .*settled\.yaml/);
    const loaded = await parseRuleSource(file, readFileSync(file, 'utf8'));
    if (loaded instanceof Error) throw loaded;
    const { rule } = loaded;
    expect(rule.id).toBe('names.settled.settled');
    // The examples hold, as the rule-example suite would check them.
    const only = new Linter([rule]);
    const [example] = rule.examples.flag;
    const [finding] = only.findings(example!.text);
    expect(example!.text.slice(finding!.range.start, finding!.range.end)).toBe(example!.span);
    expect(applyEdits(example!.text, finding!.fix!.edits)).toBe(example!.fix);
    expect(only.findings(rule.examples.pass[0]!)).toEqual([]);
    // With the file loaded, the variants are fixed safely by the new rule.
    const files = lintJson(['--rules', file, renamed]);
    const fixes = files.flatMap((f) => f.findings).filter((f) => f.ruleId === rule.id);
    expect(fixes.length).toBeGreaterThan(0);
    for (const f of fixes) expect(f.fix!.applicability).toBe('safe');
    // Run again: nothing new to add.
    const again = mtaudit(['names', '--write-rules', file, '--rules', file, renamed]);
    expect(again.stderr).toMatch(/no group to settle|0 groups written/);
  });

  it('--group picks a group and its canonical; an unknown form is a user error', async () => {
    const dir = tempDir('mtaudit-settle-');
    const file = join(dir, 'one.yaml');
    const r = mtaudit(['names', '--write-rules', file, '--group', 'Nur Sultan', CORPUS]);
    expect(r.code).toBe(0);
    const loaded = await parseRuleSource(file, readFileSync(file, 'utf8'));
    if (loaded instanceof Error) throw loaded;
    expect(loaded.rule.definition.names).toEqual([expect.objectContaining({ canonical: 'Nur Sultan', variants: ['Nur-Sultan'] })]);
    const bad = mtaudit(['names', '--write-rules', file, '--group', 'Nowhere', CORPUS]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
