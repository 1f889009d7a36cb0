// Measures mtaudit's own MQM penalty on the WMT zh→en MQM data (../shared/bench/wmt-mqm), next to the
// expert penalty, to calibrate the CI gate's defaults. Segments are grouped by set × system × document as
// `mtaudit eval --mqm` groups them (src/eval/mqm.ts), written as temporary documents, and linted with the
// bundled rules the way `mtaudit lint` reads files.
//
//   npm run build && node scripts/wmt-penalty.mjs [path/to/zhen_en_target_spans.tsv] [--json]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { setup } = await import(join(ROOT, 'dist/engine/setup.js'));
const { readDocuments } = await import(join(ROOT, 'dist/documents/read.js'));
const { lintStream } = await import(join(ROOT, 'dist/engine/run.js'));
const { findingPenalty } = await import(join(ROOT, 'dist/score/penalty.js'));
const { gatePenalty } = await import(join(ROOT, 'dist/gate/gate.js'));
const { readMqmTsv, mqmDocuments } = await import(join(ROOT, 'dist/eval/mqm.js'));

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const tsv =
  args.find((a) => !a.startsWith('--')) ??
  [join(ROOT, '../shared/bench/wmt-mqm/zhen_en_target_spans.tsv'), join(ROOT, '../../shared/bench/wmt-mqm/zhen_en_target_spans.tsv')].find(existsSync);
if (!tsv || !existsSync(tsv)) {
  process.stderr.write('wmt-penalty: give the path of zhen_en_target_spans.tsv\n');
  process.exit(2);
}

/** Raters per segment in each set (the data README): the expert penalty is averaged over them. */
const RATERS = { 'wmt21-ted-zhen': 1, 'wmt23-generalMT-zhen-sxs': 3 };

/** The expert weights of the WMT studies (see the data README's scoring check). */
function expertPenalty(errors, raters) {
  let sum = 0;
  for (const e of errors) {
    if (e.category === 'Non-translation!') sum += 25;
    else if (e.severity === 'Major') sum += 5;
    else if (e.severity === 'Minor') sum += e.category === 'Fluency/Punctuation' ? 0.1 : 1;
  }
  return sum / raters;
}

const dir = mkdtempSync(join(tmpdir(), 'mtaudit-wmt-'));
const byFile = new Map();
const groups = [];
for (const [n, doc] of mqmDocuments(await readMqmTsv(tsv)).entries()) {
  const first = doc.segments[0].segment;
  const group = {
    set: first.set,
    system: first.system,
    doc: first.doc,
    human: doc.human,
    expert: doc.segments.reduce((sum, s) => sum + expertPenalty(s.segment.errors, RATERS[first.set] ?? 1), 0),
  };
  const file = join(dir, `${String(n).padStart(4, '0')}.txt`);
  writeFileSync(file, doc.document.text);
  byFile.set(file, group);
  groups.push(group);
}

const { linter } = await setup({ configFile: false });
const ruleHits = { human: new Map(), mt: new Map() };
for await (const event of lintStream(readDocuments([dir]), linter)) {
  if (event.type !== 'document') continue;
  const group = byFile.get(event.document.path);
  const { result } = event;
  group.words = result.words;
  group.penalty = result.findings.reduce((s, f) => s + findingPenalty(f), 0);
  group.majorOrWorse = result.findings.filter((f) => f.severity !== 'minor').length;
  group.findings = result.findings.length;
  const hits = ruleHits[group.human ? 'human' : 'mt'];
  for (const f of result.findings) hits.set(f.ruleId, (hits.get(f.ruleId) ?? 0) + 1);
}
rmSync(dir, { recursive: true, force: true });

const per1000 = (penalty, words) => (words ? (penalty * 1000) / words : 0);
const round = (x) => Math.round(x * 10) / 10;
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (pos - lo);
}
function ranks(values) {
  const order = values.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
  const r = new Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}
function spearman(xs, ys) {
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i] - mx) * (ry[i] - my);
    dx += (rx[i] - mx) ** 2;
    dy += (ry[i] - my) ** 2;
  }
  return dx && dy ? num / Math.sqrt(dx * dy) : 0;
}

const all = groups;
const systems = new Map();
for (const g of all) {
  const key = `${g.set}\t${g.system}`;
  const s = systems.get(key) ?? { set: g.set, system: g.system, human: g.human, docs: 0, words: 0, expert: 0, penalty: 0, findings: 0, majorOrWorse: 0, docsWithMajor: 0 };
  s.docs++;
  s.words += g.words;
  s.expert += g.expert;
  s.penalty += g.penalty;
  s.findings += g.findings;
  s.majorOrWorse += g.majorOrWorse;
  if (g.majorOrWorse) s.docsWithMajor++;
  systems.set(key, s);
}

function distribution(docs) {
  const values = docs.map((g) => per1000(g.penalty, g.words));
  return {
    docs: docs.length,
    words: docs.reduce((s, g) => s + g.words, 0),
    runPer1000: round(per1000(docs.reduce((s, g) => s + g.penalty, 0), docs.reduce((s, g) => s + g.words, 0))),
    p50: round(quantile(values, 0.5)),
    p90: round(quantile(values, 0.9)),
    p99: round(quantile(values, 0.99)),
    max: round(Math.max(...values)),
    docsWithMajor: docs.filter((g) => g.majorOrWorse > 0).length,
    expertPer1000: round(per1000(docs.reduce((s, g) => s + g.expert, 0), docs.reduce((s, g) => s + g.words, 0))),
  };
}
const human = all.filter((g) => g.human);
const mt = all.filter((g) => !g.human);
const tedMt = mt.filter((g) => g.set === 'wmt21-ted-zhen');
const result = {
  data: tsv,
  documents: all.length,
  human: distribution(human),
  mt: distribution(mt),
  mtTed: distribution(tedMt),
  mtNews: distribution(mt.filter((g) => g.set !== 'wmt21-ted-zhen')),
  spearmanDocs: round(spearman(all.map((g) => per1000(g.penalty, g.words)), all.map((g) => per1000(g.expert, g.words))) * 100) / 100,
  systems: [...systems.values()].map((s) => ({
    set: s.set,
    system: s.system,
    human: s.human,
    docs: s.docs,
    words: s.words,
    expertPer1000: round(per1000(s.expert, s.words)),
    mtauditPer1000: round(per1000(s.penalty, s.words)),
    findings: s.findings,
    majorOrWorse: s.majorOrWorse,
    docsWithMajor: s.docsWithMajor,
  })),
  // How many documents a per-document --max-penalty T would fail (the gate's own measure).
  thresholds: [5, 10, 15, 20, 25, 30, 40].map((t) => {
    const over = (docs) => docs.filter((g) => gatePenalty({ words: g.words, score: { penalty: g.penalty } }) > t).length;
    return { maxPenalty: t, human: over(human), mt: over(mt), mtWithoutMajor: over(mt.filter((g) => g.majorOrWorse === 0)) };
  }),
  topRules: {
    human: [...ruleHits.human].sort((a, b) => b[1] - a[1]).slice(0, 10),
    mt: [...ruleHits.mt].sort((a, b) => b[1] - a[1]).slice(0, 10),
  },
};

if (asJson) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const out = [];
  out.push(`${result.documents} documents (set × system × doc) from ${tsv}`, '');
  out.push(row(['group', 'docs', 'words', 'expert /1000w (run)', 'mtaudit /1000w (run)', 'doc p50', 'doc p90', 'doc p99', 'doc max', 'docs with a major finding']));
  out.push(row(Array(10).fill('---')));
  for (const [name, d] of [['human references (TED)', result.human], ['MT, all', result.mt], ['MT, TED', result.mtTed], ['MT, news (WMT23)', result.mtNews]]) {
    out.push(row([name, d.docs, d.words, d.expertPer1000, d.runPer1000, d.p50, d.p90, d.p99, d.max, d.docsWithMajor]));
  }
  out.push('', `Spearman correlation of mtaudit and expert penalty per 1000 words over documents: ${result.spearmanDocs}`, '');
  out.push(row(['set', 'system', 'docs', 'words', 'expert /1000w', 'mtaudit /1000w', 'findings', 'major+', 'docs with major+']));
  out.push(row(Array(9).fill('---')));
  for (const s of result.systems) out.push(row([s.set, s.system + (s.human ? ' (human)' : ''), s.docs, s.words, s.expertPer1000, s.mtauditPer1000, s.findings, s.majorOrWorse, s.docsWithMajor]));
  out.push('', row(['--max-penalty', 'human docs over', 'MT docs over', 'MT docs over with no major finding']), row(Array(4).fill('---')));
  for (const t of result.thresholds) out.push(row([t.maxPenalty, `${t.human} of ${result.human.docs}`, `${t.mt} of ${result.mt.docs}`, t.mtWithoutMajor]));
  out.push('', `rules firing on human references: ${result.topRules.human.map(([r, c]) => `${r} ${c}`).join(', ') || 'none'}`);
  out.push(`rules firing on MT output: ${result.topRules.mt.map(([r, c]) => `${r} ${c}`).join(', ') || 'none'}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
