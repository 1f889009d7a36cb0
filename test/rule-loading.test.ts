// Mistakes in rule files are reported with file, line and column, in words a rule author can act on.
import { describe, expect, it } from 'vitest';
import { parseRuleSource, loadRules } from '../src/rules/load.js';
import { backtrackingRisk, leadingRepetition } from '../src/rules/regex.js';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mtaudit, ROOT, tempDir } from './helpers/cli.js';

const header = (kind: string) =>
  [
    'id: demo.rule',
    `kind: ${kind}`,
    'category: mistranslation',
    'severity: minor',
    'message: "“{match}” is wrong"',
    'doc: { summary: s, why: w, instead: i }',
    'examples: { flag: [{ text: "a b", span: "a b" }], pass: ["c"] }',
  ].join('\n');

async function errorOf(source: string): Promise<string> {
  const result = await parseRuleSource('rule.yaml', source);
  if (!('message' in result)) throw new Error('expected an error');
  return result.message;
}

describe('rule file errors', () => {
  it('YAML syntax errors', async () => {
    expect(await errorOf('id: x\nkind: [phrase\n')).toMatch(/^rule\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('missing and unknown fields', async () => {
    expect(await errorOf('id: demo.x\nkind: phrase\n')).toBe('rule.yaml:1:1: missing required field "category"');
    expect(await errorOf(`${header('phrase')}\nmatch: [{ phrase: a b, fixx: c }]\n`)).toBe('rule.yaml:8:24: match.0: unknown field "fixx"');
  });

  it('fields of another kind', async () => {
    expect(await errorOf(`${header('phrase')}\nmatch: [{ phrase: a b }]\nnames: [{ canonical: X Y, type: person }]\n`)).toBe(
      'rule.yaml:9:1: field "names" does not belong in a rule of this kind',
    );
  });

  it('unknown kinds and enum values', async () => {
    expect(await errorOf(header('phrases'))).toMatch(/^rule\.yaml:2:7: kind: must be one of: "phrase", "name"/);
  });

  it('invalid regular expressions', async () => {
    expect(await errorOf(`${header('boilerplate')}\nlines:\n  - regex: "a(b"\n`)).toMatch(/^rule\.yaml:9:12: invalid regular expression: .*a\(b/);
  });

  it('patterns that could backtrack catastrophically', async () => {
    expect(await errorOf(`${header('boilerplate')}\nlines:\n  - regex: "(a+)+$"\n`)).toMatch(/^rule\.yaml:9:12: regular expression could take exponential time/);
    expect(backtrackingRisk('(\\w+\\s?)*x')).not.toBeNull();
    expect(backtrackingRisk('^(?:Read more|See also): .{1,160}$')).toBeNull();
    expect(backtrackingRisk('[(a+)+]')).toBeNull();
  });

  it('a message that uses {fix} when an entry has no fix', async () => {
    const source = header('phrase').replace('"“{match}” is wrong"', '"write {fix}"');
    expect(await errorOf(`${source}\nmatch:\n  - { phrase: a b, fix: c }\n  - { phrase: d e }\n`)).toBe('rule.yaml:10:5: the message uses {fix}, but this entry has no fix');
  });

  it('unknown built-in checks and bad options', async () => {
    expect(await errorOf(`${header('builtin')}\ncheck: no-such-check\n`)).toMatch(/^rule\.yaml:8:8: unknown built-in check "no-such-check" \(known: /);
    expect(await errorOf(`${header('builtin')}\ncheck: glued-words\noptions: { minLeft: two }\n`)).toBe('rule.yaml:9:21: options: minLeft: must be integer');
  });

  it('pattern spans and fix templates outside the pattern', async () => {
    expect(await errorOf(`${header('pattern')}\npattern: [{ lower: a }, { lower: b }]\nspan: [0, 2]\n`)).toMatch(/^rule\.yaml:9:7: span must be/);
    expect(await errorOf(`${header('pattern')}\npattern: [{ lower: a }]\nfix: "{3}"\n`)).toMatch(/^rule\.yaml:9:6: fix refers to token \{3\}/);
  });

  it('duplicate rule ids across files', async () => {
    const dir = tempDir();
    const body = `${header('phrase')}\nmatch: [{ phrase: a b }]\n`;
    writeFileSync(join(dir, 'one.yaml'), body);
    writeFileSync(join(dir, 'two.yaml'), body);
    const { errors } = await loadRules({ paths: [dir], defaults: false });
    expect(errors.map((e) => e.message)).toEqual([`${join(dir, 'two.yaml')}:1:1: duplicate rule id "demo.rule" (also defined in ${join(dir, 'one.yaml')})`]);
  });
});

describe('backtracking check', () => {
  it.each([
    ['(a+)+$', true],
    ['(a*)*b', true],
    ['(\\w+\\s?)*x', true],
    ['(?:a|aa)+$', true],
    ['(a|a)+$', true],
    ['(?:-x|,y)+$', false],
    ['(?:\\w|x)*y', true],
    ['^(?:burs?-)?[a-z]{2,5}(?:-[a-z]{2,5})*(?:/[a-z]{2,5}){1,4}$', false],
    ['(?:-[a-z-]{2,5})*$', true],
    ['(?:,\\s*\\w+)*', false],
    ['(?:x.+)*y', true],
  ])('%s risky: %s', (source, risky) => {
    expect(backtrackingRisk(source) !== null).toBe(risky);
  });
});

describe('a rule whose own examples fail', () => {
  const rule = (fix: string) =>
    [
      'id: desk.watchdog',
      'kind: phrase',
      'category: mistranslation',
      'severity: major',
      'applicability: safe',
      'message: "write {fix}"',
      'doc: { summary: s, why: w, instead: i }',
      'examples:',
      '  flag:',
      `    - { text: "The global regulator NetBlocks said so.", span: "global regulator", fix: "${fix}" }`,
      '  pass: ["The global watchdog said so."]',
      'match: [{ phrase: global regulator, fix: global watchdog }]',
      '',
    ].join('\n');

  it('is a load error naming the file and the line of the example, exit 2, when the fix gives another text', () => {
    const dir = tempDir();
    const file = join(dir, 'watchdog.yaml');
    writeFileSync(file, rule('The global monitor NetBlocks said so.'));
    writeFileSync(join(dir, 'a.txt'), 'The global regulator NetBlocks said so.\n');
    const result = mtaudit(['lint', '--no-config', '--rules', file, join(dir, 'a.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `mtaudit: ${file}:10:89: desk.watchdog: flag example 1: the fix gives “The global watchdog NetBlocks said so.”, not the expected text\n`,
    );
    expect(result.stdout).toBe('');
  });

  it('checks the examples again when the file changes (passing examples are remembered per file and build)', () => {
    const dir = tempDir();
    const file = join(dir, 'watchdog.yaml');
    writeFileSync(join(dir, 'a.txt'), 'The global regulator NetBlocks said so.\n');
    writeFileSync(file, rule('The global watchdog NetBlocks said so.'));
    for (let run = 0; run < 2; run++) expect(mtaudit(['lint', '--no-config', '--exit-zero', '--rules', file, join(dir, 'a.txt')]).code).toBe(0);
    // Same length, another text: the remembered pass must not hide the broken example.
    writeFileSync(file, rule('The global watchdog NetBlocks said no.'));
    const broken = mtaudit(['lint', '--no-config', '--exit-zero', '--rules', file, join(dir, 'a.txt')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/desk\.watchdog: flag example 1: the fix gives/);
  });

  it('loads when the examples hold; `rules --check` runs every rule’s examples', async () => {
    const dir = tempDir();
    const file = join(dir, 'watchdog.yaml');
    writeFileSync(file, rule('The global watchdog NetBlocks said so.'));
    const check = mtaudit(['rules', '--check', '--no-config', '--rules', file]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^\d+ rules, \d+ examples: all pass\n$/);
    // A broken example fails `rules --check` too.
    const bundled = readFileSync(join(ROOT, 'rules/mistranslation/watchdog-as-regulator.yaml'), 'utf8').replace(
      'fix: "Global watchdog Netblocks stated',
      'fix: "Global monitor Netblocks stated',
    );
    const copy = join(dir, 'bundled-copy.yaml');
    writeFileSync(copy, bundled);
    expect((await loadRules({ paths: [copy], defaults: false, checkExamples: 'none' })).errors).toEqual([]);
    expect(mtaudit(['rules', '--check', '--no-config', '--no-default-rules', '--rules', copy]).stderr).toMatch(/bundled-copy\.yaml:\d+:\d+: mistranslation\.watchdog-as-regulator: flag example 1: the fix gives/);
  });
});

describe('patterns that could hang a run', () => {
  const boilerplate = (regex: string) =>
    [
      'id: desk.runs',
      'kind: boilerplate',
      'category: boilerplate',
      'severity: minor',
      'message: "site furniture"',
      'doc: { summary: s, why: w, instead: i }',
      'examples: { flag: [{ text: "aaa!", span: "aaa!" }], pass: ["b"] }',
      'lines:',
      `  - regex: '${regex}'`,
      '',
    ].join('\n');

  it.each(['(a+)+$', '(?:a|aa)+$', '(a|a)+$'])('%s is refused at load time, so a long run of a’s cannot hang the run', (regex) => {
    const dir = tempDir();
    const file = join(dir, 'runs.yaml');
    writeFileSync(file, boilerplate(regex));
    // 50,000 a's and no match at the end: a backtracking engine would try 2^50000 ways.
    writeFileSync(join(dir, 'a.txt'), `${'a'.repeat(50_000)}!\n`);
    const result = mtaudit(['lint', '--no-config', '--rules', file, join(dir, 'a.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^mtaudit: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:9:12: regular expression could take exponential time \\(.+\\); rewrite it`));
  });

  it.each(['.*Leave a comment', '\\s*\\[Photo\\]', '(?:ab)+c', '(?:\\w+ ){0,3}says', '\\b\\S+ says', '(?:the )?\\S+ says', '(?<=x)[a-z]{3,}y', 'foo|\\s+bar'])(
    '%s is refused: it starts with an unbounded repetition, quadratic on a long line',
    async (regex) => {
      const dir = tempDir();
      const file = join(dir, 'runs.yaml');
      writeFileSync(file, boilerplate(regex));
      writeFileSync(join(dir, 'a.txt'), 'a\n');
      const result = mtaudit(['lint', '--no-config', '--rules', file, join(dir, 'a.txt')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/:9:12: regular expression starts with an unbounded repetition \(“.+”\): .*quadratic time; bound it/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  it('bounded, anchored and literal-first patterns pass, and the bundled rules are linear on long runs', () => {
    for (const safe of ['[ \\t]{0,20}\\[Photo\\]', '^.*Leave a comment$', 'Read more.*', '\\s?\\[(Read more)\\]', '(?<=[.!?]\\s{1,3})What we know', '[+*]{1,5} x']) {
      expect(leadingRepetition(safe), safe).toBeNull();
    }
    expect(leadingRepetition('[^\\]]*x')).toBe('[^\\]]*');
    // A 200,000-character run of each kind under every bundled rule: seconds, not hours.
    const dir = tempDir();
    const runs = [' ', 'a', 'A', '.', '[', '('].map((ch) => `Start${ch.repeat(200_000)}end.`).join('\n');
    writeFileSync(join(dir, 'runs.txt'), `${runs}\n`);
    // A quadratic rule would not finish within the test's time limit.
    expect(mtaudit(['lint', '--exit-zero', '--format', 'ndjson', join(dir, 'runs.txt')]).code).toBe(0);
  });

  it('a pattern rule’s token regex is checked the same way', async () => {
    expect(await errorOf(`${header('pattern')}\npattern: [{ regex: "(?:a|ab)+" }]\n`)).toMatch(/^rule\.yaml:8:20: regular expression could take exponential time/);
  });
});

describe('the rule cache', () => {
  const cacheFolder = join(ROOT, 'node_modules', '.cache', 'mtaudit');
  const cacheFiles = () => new Set(existsSync(cacheFolder) ? readdirSync(cacheFolder).filter((f) => /^rules-[0-9a-f]{16}\.json$/.test(f)) : []);
  const ruleFolder = () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'watchdog.yaml'), readFileSync(join(ROOT, 'rules', 'mistranslation', 'blackout-as-power-outage.yaml'), 'utf8').replace(/^id: .*$/m, 'id: desk.cached'));
    return dir;
  };

  it('keeps one file per rule folder, and drops the files of folders that are gone', async () => {
    const first = ruleFolder();
    const before = cacheFiles();
    expect((await loadRules({ defaults: false, paths: [first] })).errors).toEqual([]);
    const added = [...cacheFiles()].filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    // The bundled rules' cache is untouched by another folder's rules.
    expect(JSON.parse(readFileSync(join(cacheFolder, added[0]!), 'utf8')).source).toBe(first);

    rmSync(first, { recursive: true, force: true });
    const second = ruleFolder();
    await loadRules({ defaults: false, paths: [second] });
    const now = cacheFiles();
    expect(now.has(added[0]!)).toBe(false);
    expect([...now].filter((f) => !before.has(f))).toHaveLength(1);
    rmSync(second, { recursive: true, force: true });
  });
});
