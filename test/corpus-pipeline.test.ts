// The batch pipeline with a corpus check: results wait for the reduce step, come out in input order with
// the corpus findings merged, and finding filters see corpus findings like any other.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRules } from '../src/rules/load.js';
import { Linter } from '../src/engine/linter.js';
import { lintStream, type LintEvent } from '../src/engine/run.js';
import { fingerprint } from '../src/engine/fingerprint.js';
import type { InputItem, SourceDocument } from '../src/documents/types.js';
import type { Finding } from '../src/engine/types.js';
import { scoreFindings } from '../src/score/penalty.js';

const { rules } = await loadRules();
const withNames = new Linter(rules);
const withoutNames = new Linter(rules.filter((r) => r.id !== 'names.consistency'));

const doc = (path: string, text: string): SourceDocument => ({ path, text, format: 'text', origin: { kind: 'stdin' } });
const DOCS = [
  doc('a.txt', 'Marat Zhumabekov, the governor, spoke in the capital on Monday about the fuel price rise.\n'),
  doc('b.txt', 'Officials said Marat Zhumabekov would visit the region.\n'),
  doc('c.txt', 'Residents waited for hours, and then Marat Jumabekov arrived at the plant with a police escort.\n'),
];

async function* items(list: InputItem[]): AsyncGenerator<InputItem> {
  for (const item of list) yield item;
}

async function collect(stream: AsyncIterable<LintEvent>): Promise<LintEvent[]> {
  const out: LintEvent[] = [];
  for await (const event of stream) out.push(event);
  return out;
}

const corpusFindings = (events: LintEvent[]) => events.flatMap((e) => (e.type === 'document' ? e.result.findings.filter((f) => f.ruleId === 'names.consistency').map((f) => ({ path: e.document.path, f })) : []));

describe('lintStream with a corpus check', () => {
  it('reports a variant found only by comparing documents, in input order, problems kept in place', async () => {
    const events = await collect(lintStream(items([{ document: DOCS[0]! }, { problem: { path: 'x.txt', message: 'broken' } }, { document: DOCS[1]! }, { document: DOCS[2]! }]), withNames));
    expect(events.map((e) => (e.type === 'document' ? e.document.path : `problem ${e.problem.path}`))).toEqual(['a.txt', 'problem x.txt', 'b.txt', 'c.txt']);
    const found = corpusFindings(events);
    expect(found.map(({ path, f }) => [path, f.fix?.edits[0]?.text, f.fix?.applicability])).toEqual([['c.txt', 'Marat Zhumabekov', 'unsafe']]);
    const c = events[3]! as Extract<LintEvent, { type: 'document' }>;
    expect(c.result.score).toEqual(scoreFindings(c.result.findings, c.result.words));
    const text = DOCS[2]!.text;
    const { f } = found[0]!;
    expect(text.slice(f.range.start, f.range.end)).toBe('Marat Jumabekov');
    expect([f.line, f.column]).toEqual([1, text.indexOf('Marat Jumabekov') + 1]);
  });

  it('results past the memory budget wait on disk and come out the same, in order; the file is removed', async () => {
    const input = () => items([{ document: DOCS[0]! }, { problem: { path: 'x.txt', message: 'broken' } }, { document: DOCS[1]! }, { document: DOCS[2]! }]);
    const heldFiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith('mtaudit-held-'));
    const before = heldFiles();
    for (const keepTexts of [false, true]) {
      const inMemory = await collect(lintStream(input(), withNames, { keepTexts }));
      const onDisk = await collect(lintStream(input(), withNames, { keepTexts, heldBudget: 0 }));
      expect(onDisk).toEqual(inMemory);
      expect(corpusFindings(onDisk)).toHaveLength(1);
    }
    // A reader that stops early leaves nothing behind either.
    for await (const event of lintStream(input(), withNames, { heldBudget: 0 })) if (event.type === 'document') break;
    expect(heldFiles()).toEqual(before);
  });

  it('says where and what to do when the temporary folder cannot take the results', async () => {
    const saved = process.env.TMPDIR;
    const missing = join(tmpdir(), 'mtaudit-no-such-folder');
    process.env.TMPDIR = missing;
    try {
      await expect(collect(lintStream(items(DOCS.map((document) => ({ document }))), withNames, { heldBudget: 0 }))).rejects.toThrow(
        /^cannot keep results in the temporary folder .*mtaudit-no-such-folder \(ENOENT\) while the batch is read; .*TMPDIR/,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('does not hold document texts unless asked to', async () => {
    const held = await collect(lintStream(items(DOCS.map((document) => ({ document }))), withNames));
    expect(held.every((e) => e.type === 'document' && e.document.text === undefined)).toBe(true);
    const kept = await collect(lintStream(items(DOCS.map((document) => ({ document }))), withNames, { keepTexts: true }));
    expect(kept.map((e) => (e.type === 'document' ? e.document.text : ''))).toEqual(DOCS.map((d) => d.text));
  });

  it('filters see corpus findings with a document whose text gives the same fingerprint as the real one', async () => {
    const seen: string[] = [];
    const keepAll = (finding: Finding, document: SourceDocument) => {
      if (finding.ruleId === 'names.consistency') seen.push(fingerprint(finding, document.text));
      return true;
    };
    const events = await collect(lintStream(items(DOCS.map((document) => ({ document }))), withNames, { filters: [keepAll] }));
    const found = corpusFindings(events);
    expect(found).toHaveLength(1);
    expect(seen).toEqual([fingerprint(found[0]!.f, DOCS[2]!.text)]);

    const dropNames = (finding: Finding) => finding.ruleId !== 'names.consistency';
    expect(corpusFindings(await collect(lintStream(items(DOCS.map((document) => ({ document }))), withNames, { filters: [dropNames] })))).toEqual([]);
  });

  it('streams each result before reading the next document when no corpus check is loaded, and waits when one is', async () => {
    const order: string[] = [];
    async function* tracked(): AsyncGenerator<InputItem> {
      for (const document of DOCS) {
        order.push(`read ${document.path}`);
        yield { document };
      }
    }
    for await (const e of lintStream(tracked(), withoutNames)) if (e.type === 'document') order.push(`out ${e.document.path}`);
    expect(order.slice(0, 3)).toEqual(['read a.txt', 'out a.txt', 'read b.txt']);
    order.length = 0;
    for await (const e of lintStream(tracked(), withNames)) if (e.type === 'document') order.push(`out ${e.document.path}`);
    expect(order.slice(0, 4)).toEqual(['read a.txt', 'read b.txt', 'read c.txt', 'out a.txt']);
  });

  it('a mapped document and the corpus state survive JSON (the map and reduce steps can run elsewhere)', () => {
    const mapped = DOCS.map((d) => JSON.parse(JSON.stringify(withNames.map(d))));
    const states = JSON.parse(JSON.stringify(withNames.reduce(mapped)));
    const found = mapped.flatMap((m, i) => withNames.corpusFindings(states, m, DOCS[i]!.path).map((c) => c.finding));
    expect(found.map((f) => f.fix?.edits[0]?.text)).toEqual(['Marat Zhumabekov']);
  });
});
