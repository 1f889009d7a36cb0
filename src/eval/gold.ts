// Scores findings against annotated text (the format of the gold files): recall of required artifacts,
// precision, exact fixes, and clean spans that must not be flagged. For rule authors and the test suite.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Finding } from '../engine/types.js';
import { applyEdits } from '../fix/apply.js';
import { UserError } from '../errors.js';

export interface GoldArtifact {
  id: string;
  doc: string;
  start: number;
  end: number;
  span: string;
  category: string;
  severity?: string;
  fix: string[] | null;
  required: boolean;
  note?: string;
}

export interface CleanSpan {
  id: string;
  doc: string;
  start: number;
  end: number;
  span: string;
}

export interface ScoredDocument {
  path: string;
  text: string;
  findings: Finding[];
}

export interface CategoryScore {
  found: number;
  required: number;
}

export interface EvalReport {
  documents: number;
  findings: number;
  recallRequired: { found: number; total: number };
  recallAll: { found: number; total: number };
  precision: { matched: number; total: number };
  fixes: { exact: number; total: number; offered: number };
  cleanHits: { id: string; doc: string; ruleId: string; text: string }[];
  byCategory: Record<string, CategoryScore>;
  precisionByCategory: Record<string, { matched: number; total: number }>;
  misses: GoldArtifact[];
  unmatched: { doc: string; ruleId: string; text: string; start: number; end: number }[];
  badFixes: { id: string; span: string; expected: string[]; got: string[] }[];
}

export const documentId = (path: string) => basename(path.replace(/#.*$/, ''), extname(path.replace(/#.*$/, '')));

export async function readJsonl<T>(file: string): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read annotation file`);
  }
  return text
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new UserError(`${file}:${n}: not valid JSON`);
      }
    });
}

const overlaps = (f: { start: number; end: number }, g: { start: number; end: number }) =>
  f.start === f.end ? f.start >= g.start && f.start <= g.end : f.start < g.end && g.start < f.end;

/** Blank-line and trailing-space differences do not make a fix wrong. */
const tidy = (s: string) => s.replace(/[ \t]+\n/g, '\n').replace(/\n{2,}/g, '\n').trim();

export function evaluate(documents: ScoredDocument[], gold: GoldArtifact[], clean: CleanSpan[]): EvalReport {
  const byDoc = new Map(documents.map((d) => [documentId(d.path), d]));
  const goldDocs = new Set(gold.map((g) => g.doc));
  const findings = documents
    .filter((d) => goldDocs.has(documentId(d.path)))
    .flatMap((d) => d.findings.map((f) => ({ doc: documentId(d.path), start: f.range.start, end: f.range.end, finding: f })));
  const report: EvalReport = {
    documents: goldDocs.size,
    findings: findings.length,
    recallRequired: { found: 0, total: 0 },
    recallAll: { found: 0, total: gold.length },
    precision: { matched: 0, total: findings.length },
    fixes: { exact: 0, total: 0, offered: 0 },
    cleanHits: [],
    byCategory: {},
    precisionByCategory: {},
    misses: [],
    unmatched: [],
    badFixes: [],
  };
  for (const g of gold) {
    const hits = findings.filter((f) => f.doc === g.doc && overlaps(f, g));
    const category = (report.byCategory[g.category] ??= { found: 0, required: 0 });
    if (hits.length) report.recallAll.found++;
    if (!g.required) continue;
    category.required++;
    report.recallRequired.total++;
    if (hits.length) {
      category.found++;
      report.recallRequired.found++;
    } else report.misses.push(g);
    if (!Array.isArray(g.fix)) continue;
    report.fixes.total++;
    const text = byDoc.get(g.doc)?.text ?? '';
    const wanted = g.fix.map((alt) => tidy(text.slice(0, g.start) + alt + text.slice(g.end)));
    const offered = hits.filter((h) => h.finding.fix?.edits.length);
    if (offered.length) report.fixes.offered++;
    const results = offered.map((h) => tidy(applyEdits(text, h.finding.fix!.edits)));
    if (results.some((r) => wanted.includes(r))) report.fixes.exact++;
    else if (offered.length) {
      report.badFixes.push({ id: g.id, span: g.span, expected: g.fix, got: offered.map((h) => h.finding.fix!.edits.map((e) => e.text).join(' | ')) });
    }
  }
  for (const f of findings) {
    const matched = gold.some((g) => g.doc === f.doc && overlaps(f, g));
    const cat = (report.precisionByCategory[f.finding.category] ??= { matched: 0, total: 0 });
    cat.total++;
    const text = byDoc.get(f.doc)?.text.slice(f.start, f.end) ?? '';
    if (matched) {
      report.precision.matched++;
      cat.matched++;
    } else report.unmatched.push({ doc: f.doc, ruleId: f.finding.ruleId, text, start: f.start, end: f.end });
    for (const c of clean) if (c.doc === f.doc && overlaps(f, c)) report.cleanHits.push({ id: c.id, doc: f.doc, ruleId: f.finding.ruleId, text });
  }
  return report;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

export function formatEvalReport(r: EvalReport, verbose: boolean): string {
  const lines = [
    `documents: ${r.documents}, findings on them: ${r.findings}`,
    `recall (required):  ${r.recallRequired.found}/${r.recallRequired.total} = ${pct(r.recallRequired.found, r.recallRequired.total)}`,
    `recall (all):       ${r.recallAll.found}/${r.recallAll.total} = ${pct(r.recallAll.found, r.recallAll.total)}`,
    `precision:          ${r.precision.matched}/${r.precision.total} = ${pct(r.precision.matched, r.precision.total)}`,
    `exact fixes:        ${r.fixes.exact}/${r.fixes.total} = ${pct(r.fixes.exact, r.fixes.total)} (${r.fixes.offered} offered a fix)`,
    `clean spans hit:    ${r.cleanHits.length}`,
    'recall by category (required):',
    ...Object.entries(r.byCategory)
      .filter(([, c]) => c.required)
      .sort()
      .map(([k, c]) => `  ${k.padEnd(16)} ${c.found}/${c.required}`),
    'precision by category:',
    ...Object.entries(r.precisionByCategory)
      .sort()
      .map(([k, c]) => `  ${k.padEnd(16)} ${c.matched}/${c.total} = ${pct(c.matched, c.total)}`),
  ];
  if (verbose || r.misses.length + r.cleanHits.length < 20) {
    for (const m of r.misses) lines.push(`MISS       ${m.id} ${m.doc} ${m.category}: ${JSON.stringify(m.span)}`);
    for (const c of r.cleanHits) lines.push(`CLEAN-HIT  ${c.id} ${c.doc} ${c.ruleId}: ${JSON.stringify(c.text)}`);
  }
  if (verbose) {
    for (const u of r.unmatched) lines.push(`UNMATCHED  ${u.doc}:${u.start} ${u.ruleId}: ${JSON.stringify(u.text)}`);
    for (const b of r.badFixes) lines.push(`BAD-FIX    ${b.id} ${JSON.stringify(b.span)} -> ${JSON.stringify(b.got)} (want ${JSON.stringify(b.expected)})`);
  }
  return `${lines.join('\n')}\n`;
}
