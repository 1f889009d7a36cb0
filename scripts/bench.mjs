#!/usr/bin/env node
// npm run bench: mtaudit side by side with its peers on the same corpus, in one run, as ratios.
//   - bare wink-nlp (sentence split + POS tagging): the floor a tagging linter cannot go below;
//   - textlint + textlint-rule-prh with a dictionary as large as mtaudit's phrase and name rules.
// Also: start-up time, the cost of 10 → 1,000 phrase rules, and 1 → 2 workers when --jobs is supported.
//   node scripts/bench.mjs [--articles 2000] [--skip-textlint]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './bench/corpus.mjs';
import { loadRules } from '../dist/rules/load.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const articles = Number(arg('--articles', 2000));
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const work = mkdtempSync(join(tmpdir(), 'mtaudit-bench-'));
const corpusDir = join(work, 'corpus');
const { words } = buildCorpus(join(ROOT, 'corpus'), corpusDir, articles);
const CLI = join(ROOT, 'dist', 'bin', 'mtaudit.js');
const PRELOAD = join(ROOT, 'scripts', 'bench', 'rss-preload.cjs');

/** Runs a node program, returns wall time, peak memory and CPU time. */
function measure(label, args, options = {}) {
  const stats = join(work, `${label.replace(/\W+/g, '-')}.json`);
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, MTAUDIT_BENCH_STATS: stats, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && !options.allowFailure) throw new Error(`${label} failed (${result.status}): ${result.stderr}`);
  let usage = { maxRssKb: 0 };
  try {
    usage = JSON.parse(readFileSync(stats, 'utf8'));
  } catch {}
  return { label, seconds, mb: usage.maxRssKb / 1024, wordsPerSecond: words / seconds, ok: result.status === 0 };
}

function best(runs, fn) {
  let winner;
  for (let i = 0; i < runs; i++) {
    const r = fn();
    if (!winner || r.seconds < winner.seconds) winner = r;
  }
  return winner;
}

const lintHelp = spawnSync(process.execPath, [CLI, 'lint', '--help'], { encoding: 'utf8' }).stdout;
const hasJobs = lintHelp.includes('--jobs');
const jobs = (n) => (hasJobs ? ['--jobs', String(n)] : []);

const rows = [];
const wink = best(2, () => measure('wink-nlp sbd+pos (floor)', [join(ROOT, 'scripts', 'bench', 'wink-baseline.mjs'), corpusDir]));
const one = best(2, () => measure('mtaudit lint, 1 worker', [CLI, 'lint', '--format', 'json', '--exit-zero', ...jobs(1), corpusDir]));
rows.push(wink, one);
let two;
if (hasJobs) {
  two = best(2, () => measure('mtaudit lint, 2 workers', [CLI, 'lint', '--format', 'json', '--exit-zero', ...jobs(2), corpusDir]));
  rows.push(two);
}

// textlint + prh with as many dictionary entries as mtaudit has phrase and name literals.
const { rules } = await loadRules();
const literals = rules.flatMap((r) => r.literals ?? []);
let textlint;
if (!process.argv.includes('--skip-textlint')) {
  const prhRules = literals.map((l) => {
    const expected = typeof l.data === 'object' && l.data?.entry?.canonical ? l.data.entry.canonical : l.text;
    return { expected, pattern: `/${l.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/` };
  });
  const prhYaml = ['version: 1', 'rules:', ...prhRules.map((r) => `  - expected: ${JSON.stringify(r.expected)}\n    patterns:\n      - ${JSON.stringify(r.pattern)}`)].join('\n');
  writeFileSync(join(work, 'prh.yml'), `${prhYaml}\n`);
  writeFileSync(join(work, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: [join(work, 'prh.yml')] } } }));
  const bin = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');
  textlint = measure(`textlint + prh (${prhRules.length} entries)`, [bin, '--config', join(work, '.textlintrc.json'), '--format', 'json', `${corpusDir}/**/*.txt`], { allowFailure: true });
  rows.push(textlint);
}

// The cost of rules: 10 phrase rules against 1,000, nothing else loaded.
function phraseRules(count) {
  const dir = join(work, `rules-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(dir, `r${i}.yaml`),
      [
        `id: bench.phrase-${i}`,
        'kind: phrase',
        'category: mistranslation',
        'severity: minor',
        'message: "“{match}” (bench)"',
        'doc: { summary: s, why: w, instead: i }',
        `examples: { flag: [{ text: "a benchword${i} phrase here", span: "benchword${i} phrase" }], pass: ["nothing"] }`,
        `match: [{ phrase: "benchword${i} phrase" }, { phrase: "protesters ${i}th wave" }]`,
        '',
      ].join('\n'),
    );
  }
  return dir;
}
const ten = phraseRules(10);
const thousand = phraseRules(1000);
measure('warm rule cache', [CLI, 'rules', '--no-default-rules', '--rules', thousand]);
const rules10 = best(3, () => measure('10 phrase rules', [CLI, 'lint', '--format', 'json', '--exit-zero', '--no-default-rules', '--rules', ten, ...jobs(1), corpusDir]));
const rules1000 = best(3, () => measure('1,000 phrase rules', [CLI, 'lint', '--format', 'json', '--exit-zero', '--no-default-rules', '--rules', thousand, ...jobs(1), corpusDir]));
rows.push(rules10, rules1000);

// Memory against corpus size: the same run on 4× the articles, with the JavaScript heap capped. Peak RSS alone
// says little (V8 lets its heap grow when memory is free); a run that fits the same cap at 4× the corpus holds
// a bounded amount, and one that does not fails here.
const HEAP_CAP_MB = 128;
const bigDir = join(work, 'corpus-4x');
buildCorpus(join(ROOT, 'corpus'), bigDir, articles * 4);
const capped = (label, dir) => measure(label, [`--max-old-space-size=${HEAP_CAP_MB}`, CLI, 'lint', '--format', 'json', '--exit-zero', ...jobs(1), dir], { allowFailure: true });
const memorySmall = capped(`${fmt(articles)} articles, heap ≤ ${HEAP_CAP_MB} MB`, corpusDir);
const memoryBig = capped(`${fmt(articles * 4)} articles, heap ≤ ${HEAP_CAP_MB} MB`, bigDir);
rows.push(memorySmall, { ...memoryBig, wordsPerSecond: (words * 4) / memoryBig.seconds });

// Start-up: one short file, all bundled rules.
const shortFile = join(work, 'short.txt');
writeFileSync(shortFile, 'Global regulator Netblocks said the internet was down on tuesday.\n');
const startup = best(5, () => measure('start-up (one short file)', [CLI, 'lint', '--exit-zero', shortFile]));
rows.push(startup);

console.log(`corpus: ${articles} articles, ${fmt(words)} words, built from the seed corpus; ${cpus().length} cores, Node ${process.version}`);
console.log(`mtaudit: ${rules.length} rules, ${literals.length} phrase and name literals\n`);
console.log(`${'run'.padEnd(44)} ${'seconds'.padStart(8)} ${'words/s'.padStart(11)} ${'peak MB'.padStart(8)}`);
for (const r of rows) console.log(`${r.label.padEnd(44)} ${fmt(r.seconds, 2).padStart(8)} ${fmt(r.wordsPerSecond).padStart(11)} ${fmt(r.mb).padStart(8)}`);
console.log('\nratios (goal in brackets)');
console.log(`  mtaudit (1 worker) / bare wink-nlp time:     ${fmt(one.seconds / wink.seconds, 2)}×  (≤ 1.5×)`);
if (textlint) console.log(`  mtaudit throughput / textlint + prh:        ${fmt(textlint.seconds / one.seconds, 1)}×  (≥ 10×)`);
console.log(`  1,000 / 10 phrase rules time:               ${fmt(rules1000.seconds / rules10.seconds, 2)}×  (≤ 1.3×)`);
if (two) console.log(`  2 workers / 1 worker speed-up:              ${fmt(one.seconds / two.seconds, 2)}×  (≥ 1.7× on 2 cores)`);
console.log(`  start-up, one short file:                   ${fmt(startup.seconds, 3)} s  (≤ 0.25 s)`);
console.log(
  `  peak memory, ${fmt(articles * 4)} / ${fmt(articles)} articles:      ${fmt(memoryBig.mb / memorySmall.mb, 2)}×  (independent of corpus size; heap capped at ${HEAP_CAP_MB} MB: ${memorySmall.ok && memoryBig.ok ? 'both runs fit' : 'a run did not fit'})`,
);
rmSync(work, { recursive: true, force: true });
