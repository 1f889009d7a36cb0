// Measures the rules on expert MQM annotations of real MT output (the WMT TSV format of
// ../shared/bench/wmt-mqm): precision against expert error spans, and false alarms per 1000 words on
// segments no expert marked, for human references and MT output separately.
import { readFile } from 'node:fs/promises';
import type { Finding } from '../engine/types.js';
import type { SourceDocument } from '../documents/types.js';
import { UserError } from '../errors.js';

export interface MqmError {
  category: string;
  severity: string;
  side: string;
  start: number | null;
  end: number | null;
}

export interface MqmSegment {
  set: string;
  system: string;
  doc: string;
  segId: string;
  target: string;
  errors: MqmError[];
}

/** Systems whose output is a human reference translation. */
export const HUMAN_SYSTEMS = new Set(['ref', 'refA', 'refB', 'refC', 'refD', 'human']);

export async function readMqmTsv(file: string): Promise<MqmSegment[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the MQM file`);
  }
  const lines = text.split('\n');
  const header = lines[0]?.split('\t') ?? [];
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i === -1) throw new UserError(`${file}:1: missing column "${name}" (expected set, system, doc, seg_id, target, errors)`);
    return i;
  };
  const [cSet, cSystem, cDoc, cSeg, cTarget, cErrors] = ['set', 'system', 'doc', 'seg_id', 'target', 'errors'].map(col) as number[];
  const segments: MqmSegment[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const cells = line.split('\t');
    let errors: MqmError[];
    try {
      errors = JSON.parse(cells[cErrors!] ?? '[]') as MqmError[];
    } catch {
      throw new UserError(`${file}:${i + 2}: the errors column is not valid JSON`);
    }
    segments.push({ set: cells[cSet!]!, system: cells[cSystem!]!, doc: cells[cDoc!]!, segId: cells[cSeg!]!, target: cells[cTarget!] ?? '', errors });
  });
  return segments;
}

/** One document per set × system × doc, one segment per line, so corpus checks see a system's whole output. */
export interface MqmDocument {
  document: SourceDocument;
  group: string;
  human: boolean;
  segments: { start: number; end: number; segment: MqmSegment }[];
}

export function mqmDocuments(segments: MqmSegment[]): MqmDocument[] {
  const byKey = new Map<string, MqmSegment[]>();
  for (const s of segments) {
    const key = `${s.set}/${s.system}/${s.doc}`;
    const list = byKey.get(key);
    if (list) list.push(s);
    else byKey.set(key, [s]);
  }
  const out: MqmDocument[] = [];
  for (const [key, list] of byKey) {
    let text = '';
    const spans: MqmDocument['segments'] = [];
    for (const segment of list) {
      const start = text.length;
      text += segment.target;
      spans.push({ start, end: text.length, segment });
      text += '\n';
    }
    const first = list[0]!;
    out.push({
      document: { path: key, text, format: 'text', origin: { kind: 'stdin' } },
      group: `${first.set}/${first.system}`,
      human: HUMAN_SYSTEMS.has(first.system),
      segments: spans,
    });
  }
  return out;
}

export interface Tally {
  findings: number;
  onExpertSpan: number;
}

export interface FalseAlarms {
  findings: number;
  words: number;
  per1000Words: number;
}

export interface MqmReport {
  segments: number;
  words: number;
  findings: number;
  precision: Tally & { byCategory: Record<string, Tally>; byRule: Record<string, Tally> };
  falseAlarms: {
    human: FalseAlarms & { byCategory: Record<string, number> };
    mt: FalseAlarms & { byCategory: Record<string, number> };
    byRule: Record<string, number>;
  };
  /** Findings on expert-clean segments, for rule authors to read. */
  examples: { system: string; ruleId: string; text: string; segment: string }[];
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function overlapsSpan(f: Finding, offset: number, e: MqmError): boolean {
  if (e.side !== 'target' || e.start === null || e.end === null) return false;
  const start = offset + e.start;
  const end = offset + e.end;
  if (start === end) return f.range.start <= start && f.range.end >= end;
  return f.range.start < end && start < f.range.end;
}

export function scoreMqm(documents: { doc: MqmDocument; findings: Finding[] }[]): MqmReport {
  const report: MqmReport = {
    segments: 0,
    words: 0,
    findings: 0,
    precision: { findings: 0, onExpertSpan: 0, byCategory: {}, byRule: {} },
    falseAlarms: {
      human: { findings: 0, words: 0, per1000Words: 0, byCategory: {} },
      mt: { findings: 0, words: 0, per1000Words: 0, byCategory: {} },
      byRule: {},
    },
    examples: [],
  };
  for (const { doc, findings } of documents) {
    for (const { start, end, segment } of doc.segments) {
      report.segments++;
      const n = words(segment.target);
      report.words += n;
      const here = findings.filter((f) => f.range.start >= start && f.range.start <= end);
      const clean = segment.errors.length === 0;
      const side = doc.human ? report.falseAlarms.human : report.falseAlarms.mt;
      if (clean) side.words += n;
      for (const f of here) {
        report.findings++;
        const hit = segment.errors.some((e) => overlapsSpan(f, start, e));
        const tally = (t: Tally) => {
          t.findings++;
          if (hit) t.onExpertSpan++;
        };
        tally(report.precision);
        tally((report.precision.byCategory[f.category] ??= { findings: 0, onExpertSpan: 0 }));
        tally((report.precision.byRule[f.ruleId] ??= { findings: 0, onExpertSpan: 0 }));
        if (clean) {
          side.findings++;
          side.byCategory[f.category] = (side.byCategory[f.category] ?? 0) + 1;
          report.falseAlarms.byRule[f.ruleId] = (report.falseAlarms.byRule[f.ruleId] ?? 0) + 1;
          report.examples.push({ system: segment.system, ruleId: f.ruleId, text: doc.document.text.slice(f.range.start, f.range.end), segment: segment.target });
        }
      }
    }
  }
  for (const side of [report.falseAlarms.human, report.falseAlarms.mt]) side.per1000Words = side.words ? round((side.findings * 1000) / side.words) : 0;
  return report;
}

const round = (n: number) => Math.round(n * 100) / 100;
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

export function formatMqmReport(r: MqmReport, verbose: boolean): string {
  const fa = r.falseAlarms;
  const lines = [
    `segments: ${r.segments}, words: ${r.words}, findings: ${r.findings}`,
    `precision (findings overlapping an expert error span): ${r.precision.onExpertSpan}/${r.precision.findings} = ${pct(r.precision.onExpertSpan, r.precision.findings)}`,
    `false alarms on expert-clean segments:`,
    `  human references: ${fa.human.findings} in ${fa.human.words} words = ${fa.human.per1000Words} per 1000 words`,
    `  MT output:        ${fa.mt.findings} in ${fa.mt.words} words = ${fa.mt.per1000Words} per 1000 words`,
    'by category:            precision           false alarms (human / MT)',
  ];
  const categories = new Set([...Object.keys(r.precision.byCategory), ...Object.keys(fa.human.byCategory), ...Object.keys(fa.mt.byCategory)]);
  for (const c of [...categories].sort()) {
    const p = r.precision.byCategory[c] ?? { findings: 0, onExpertSpan: 0 };
    lines.push(`  ${c.padEnd(16)} ${`${p.onExpertSpan}/${p.findings}`.padStart(9)} ${pct(p.onExpertSpan, p.findings).padStart(7)}    ${fa.human.byCategory[c] ?? 0} / ${fa.mt.byCategory[c] ?? 0}`);
  }
  lines.push('by rule:                                     precision      false alarms');
  for (const [id, t] of Object.entries(r.precision.byRule).sort((a, b) => b[1].findings - a[1].findings)) {
    lines.push(`  ${id.padEnd(42)} ${`${t.onExpertSpan}/${t.findings}`.padStart(9)} ${pct(t.onExpertSpan, t.findings).padStart(7)}   ${fa.byRule[id] ?? 0}`);
  }
  if (verbose) for (const e of r.examples) lines.push(`FALSE-ALARM ${e.ruleId} [${e.system}] ${JSON.stringify(e.text)} in ${JSON.stringify(e.segment)}`);
  return `${lines.join('\n')}\n`;
}
