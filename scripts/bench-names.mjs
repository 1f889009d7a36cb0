#!/usr/bin/env node
// Benchmark (not a test): names across a batch of synthetic news articles. Builds N articles (default
// 10,000) that mention invented people and places, a quarter of the mentions in another transliteration,
// then times the map step (wink-nlp analysis and mention finding), the reduce step (grouping and canonical
// choice) and the report step. Run `npm run build` first; usage: node scripts/bench-names.mjs [articles]
// (or npm run bench:names). BENCH_DEBUG=1 prints the largest groups; BENCH_SAVE=FILE saves the map output.
import { performance } from 'node:perf_hooks';
import { loadRules } from '../dist/rules/load.js';
import { Linter } from '../dist/engine/linter.js';

const ARTICLES = Number(process.argv[2] ?? 10_000);
let seed = 42;
// mulberry32: a small deterministic generator, so every run benchmarks the same articles.
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const syllables = ['ka', 'sy', 'zha', 'mar', 'tal', 'gar', 'bek', 'nur', 'sul', 'dau', 'ly', 'khan', 'ar', 'te', 'mir', 'qa', 'zy', 'ol', 'dzhan', 'ay', 'us', 'ken', 'bol', 'at'];
const word = (n) => {
  let w = '';
  for (let i = 0; i < n; i++) w += pick(syllables);
  return w[0].toUpperCase() + w.slice(1);
};
const people = Array.from({ length: 3000 }, () => ({ given: word(2), surname: `${word(2)}${pick(['ov', 'ev', 'yev', 'in', 'bekov'])}` }));
const places = Array.from({ length: 800 }, () => word(3));

// Transliteration noise of the kind machine translation produces.
const variants = [(s) => s.replace(/zh/g, 'j'), (s) => s.replace(/y/g, 'i'), (s) => s.replace(/q/g, 'k'), (s) => s.replace(/kh/g, 'h'), (s) => s.replace(/dzh/g, 'j'), (s) => s.replace(/yev$/, 'ev')];
const vary = (s) => (random() < 0.25 ? pick(variants)(s) : s);

const filler = [
  'said on Monday that talks would continue despite the protests',
  'met officials to discuss fuel prices and the state of emergency',
  'told reporters the situation had stabilised after a night of clashes',
  'was quoted by state television as saying order would be restored',
];
function article() {
  const lines = [];
  for (let p = 0; p < 6; p++) {
    const person = pick(people);
    const place = pick(places);
    lines.push(
      `${vary(person.given)} ${vary(person.surname)} ${pick(filler)} in ${vary(place)}. ` +
        `Later, ${vary(person.surname)} ${pick(filler)}, and residents of ${vary(place)} ${pick(filler)}. ` +
        `Police in ${place} said the night was calm.`,
    );
  }
  return lines.join('\n\n');
}

const texts = Array.from({ length: ARTICLES }, article);
const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
const { rules } = await loadRules();
const linter = new Linter(rules.filter((r) => r.kind === 'name' || r.id === 'names.consistency'));
linter.findings('Warm-up: Kassym-Jomart Tokayev.');

let t = performance.now();
const mapped = texts.map((text, i) => linter.map({ path: `article-${i}.txt`, text, format: 'text', origin: { kind: 'stdin' } }));
const mapSeconds = (performance.now() - t) / 1000;
if (process.env.BENCH_SAVE) (await import("node:fs")).writeFileSync(process.env.BENCH_SAVE, JSON.stringify(mapped));
t = performance.now();
const states = linter.reduce(mapped);
const reduceSeconds = (performance.now() - t) / 1000;
t = performance.now();
let findings = 0;
for (const m of mapped) findings += linter.corpusFindings(states, m, m.result.path).length;
const reportSeconds = (performance.now() - t) / 1000;
const state = states[linter.corpusCheckIndex('names.consistency')];
const forms = mapped.reduce((n, m) => n + Object.keys(m.summaries[0].forms).length, 0);

const fmt = (s) => `${s.toFixed(2)} s`;
console.log(`articles: ${ARTICLES}, words: ${words.toLocaleString('en')}, name forms per document summed: ${forms.toLocaleString('en')}`);
console.log(`map (wink-nlp analysis + mentions): ${fmt(mapSeconds)} (${Math.round(words / mapSeconds).toLocaleString('en')} words/s)`);
console.log(`reduce (grouping + canonical choice): ${fmt(reduceSeconds)} -> ${state.groups.length.toLocaleString('en')} groups`);
console.log(`report (findings for every document): ${fmt(reportSeconds)} -> ${findings.toLocaleString('en')} findings`);
if (process.env.BENCH_DEBUG) {
  const sizes = state.groups.map((g) => g.forms.length).sort((a, b) => b - a);
  console.log('largest groups:', sizes.slice(0, 10), 'groups by source:', state.groups.reduce((m, g) => ((m[g.source] = (m[g.source] ?? 0) + 1), m), {}));
  for (const g of state.groups.slice(0, 5)) console.log(g.canonical, g.source, g.forms.slice(0, 8).map((f) => `${f.form}:${f.status}`).join(', '));
}
