// The engine side of the review: the decisions file (rejections that lint and review never report again,
// saved progress) and the review session (load, write accepted fixes safely, re-check).
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DecisionStore, DECISIONS_FILE, decisionsPath, mapRange } from '../src/review/decisions.js';
import { ReviewSession, fixRegion } from '../src/review/session.js';
import type { SourceDocument } from '../src/documents/types.js';
import type { Finding } from '../src/engine/types.js';
import { LocatedError } from '../src/errors.js';
import { mtaudit, tempDir } from './helpers/cli.js';
import { makeFinding } from './helpers/review.js';

const SENTENCE = 'Global regulator NetBlocks on tuesday said $ 0.11 was paid.\n';

function doc(dir: string, name: string, text: string): SourceDocument {
  return { path: join(dir, name), text, format: 'text', origin: { kind: 'file', file: join(dir, name), encoding: 'utf8', bom: false } };
}

/** The same finding after the text around it changed: its range moved by `shift`. */
function moved(finding: Finding, shift: number): Finding {
  return { ...finding, range: { start: finding.range.start + shift, end: finding.range.end + shift } };
}

/** A decisions store in a fresh folder, with one finding of `text` rejected. */
function rejectedIn(text: string, span: string) {
  const dir = tempDir();
  const document = doc(dir, 'a.txt', text);
  const finding = makeFinding(text, { span });
  const store = DecisionStore.load(join(dir, DECISIONS_FILE));
  store.reject(finding, document);
  return { dir, document, finding, store };
}

describe('the decisions file', () => {
  it('lives beside mtaudit.config.yaml, or in the working directory without one', () => {
    expect(decisionsPath({ file: '/srv/news/mtaudit.config.yaml' }, '/tmp')).toBe(`/srv/news/${DECISIONS_FILE}`);
    expect(decisionsPath({}, '/srv/news/desk')).toBe(`/srv/news/desk/${DECISIONS_FILE}`);
  });

  it('recognises a rejected finding after edits elsewhere in the file, and after a move', () => {
    const text = `First paragraph.\n\n${SENTENCE}`;
    const { dir, document, finding, store } = rejectedIn(text, 'tuesday');
    expect(store.isRejected(finding, document)).toBe(true);

    const prefix = 'A new opening paragraph was written by the editor.\n\n';
    const edited = doc(dir, 'a.txt', prefix + text + '\nA closing line.\n');
    expect(store.isRejected(moved(finding, prefix.length), edited)).toBe(true);
    // The same sentence in another file is the same occurrence (the file was renamed or copied).
    expect(store.isRejected(finding, doc(dir, 'b.txt', text))).toBe(true);
    // Another rule on the same span, or the same rule elsewhere, is not.
    expect(store.isRejected({ ...finding, ruleId: 'other.rule' }, document)).toBe(false);
    const other = `${SENTENCE}Markets were closed on tuesday and wednesday.\n`;
    expect(store.isRejected(makeFinding(other, { span: 'tuesday', after: 'closed' }), doc(dir, 'a.txt', other))).toBe(false);
  });

  it('survives an edit right next to the finding on one side, in the same file', () => {
    const { dir, finding, store } = rejectedIn(SENTENCE, 'tuesday');
    const fixedBefore = SENTENCE.replace('Global regulator', 'Global watchdog');
    expect(store.isRejected(moved(finding, -1), doc(dir, 'a.txt', fixedBefore))).toBe(true);
    const fixedAfter = SENTENCE.replace('$ 0.11', '$0.11');
    expect(store.isRejected(finding, doc(dir, 'a.txt', fixedAfter))).toBe(true);
    // One matching side is not enough in another file.
    expect(store.isRejected(finding, doc(dir, 'b.txt', fixedAfter))).toBe(false);
    // Both sides changed: only re-keying (below) keeps it.
    const both = fixedBefore.replace('$ 0.11', '$0.11');
    expect(store.isRejected(moved(finding, -1), doc(dir, 'a.txt', both))).toBe(false);
  });

  it('re-keys rejections when fixes are written on both sides of them', () => {
    const { dir, document: before, finding, store } = rejectedIn(SENTENCE, 'tuesday');
    const edits = [
      { start: 0, end: 16, text: 'Global watchdog' },
      { start: SENTENCE.indexOf('$') + 1, end: SENTENCE.indexOf('$') + 2, text: '' },
    ];
    const afterText = 'Global watchdog NetBlocks on tuesday said $0.11 was paid.\n';
    const after = doc(dir, 'a.txt', afterText);
    store.rekey(before, after, edits, [finding]);
    expect(store.isRejected(moved(finding, -1), after)).toBe(true);
    expect(store.rejectedCount).toBe(1);
  });

  it('maps ranges through edits, and gives up on a range an edit touches', () => {
    const edits = [
      { start: 0, end: 4, text: 'ab' },
      { start: 20, end: 20, text: 'xyz' },
    ];
    expect(mapRange({ start: 10, end: 15 }, edits)).toEqual({ start: 8, end: 13 });
    expect(mapRange({ start: 25, end: 30 }, edits)).toEqual({ start: 26, end: 31 });
    expect(mapRange({ start: 3, end: 6 }, edits)).toBeNull();
  });

  it('saves atomically, only when something changed, and reads back what it saved', () => {
    const dir = tempDir();
    const file = join(dir, DECISIONS_FILE);
    const store = DecisionStore.load(file, { now: () => new Date('2024-05-01T10:00:00Z') });
    store.save();
    expect(existsSync(file)).toBe(false); // nothing decided, nothing written
    const document = doc(dir, 'a.txt', SENTENCE);
    store.reject(makeFinding(SENTENCE, { span: 'tuesday', ruleId: 'capitalization.lowercase-dates' }), document);
    store.setProgress({ position: { path: 'a.txt', fingerprint: 'abc', offset: 30 }, accepted: [{ path: 'a.txt', fingerprint: 'def', replacement: 'x' }] });
    store.save();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({
      version: 1,
      rejected: [{ ruleId: 'capitalization.lowercase-dates', text: 'tuesday', path: 'a.txt', date: '2024-05-01', before: 'Global regulator NetBlocks on', after: 'said $ 0.11 was paid.' }],
      progress: { position: { path: 'a.txt', offset: 30 }, accepted: [{ fingerprint: 'def', replacement: 'x' }] },
    });
    const again = DecisionStore.load(file);
    expect(again.rejectedCount).toBe(1);
    expect(again.progress).toEqual(store.progress);
    again.unreject(saved.rejected[0].fingerprint);
    expect(again.isRejected(makeFinding(SENTENCE, { span: 'tuesday', ruleId: 'capitalization.lowercase-dates' }), document)).toBe(false);
  });

  it('reports a damaged file in one line naming it, with the line and column', () => {
    const dir = tempDir();
    const file = join(dir, DECISIONS_FILE);
    writeFileSync(file, '{\n  "version": 1,\n  "rejected": [,]\n}\n');
    expect(() => DecisionStore.load(file)).toThrowError(LocatedError);
    expect(() => DecisionStore.load(file)).toThrowError(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: not valid JSON`));
    writeFileSync(file, '{"version": 2, "rejected": []}');
    expect(() => DecisionStore.load(file)).toThrowError(/not a version 1 decisions file/);
  });
});

describe('lint and the decisions file', () => {
  function lintJson(cwd: string, path: string) {
    const result = mtaudit(['lint', '--format', 'json', '--exit-zero', path], { cwd });
    expect(result.stderr).toBe('');
    return (JSON.parse(result.stdout).files[0].findings as Finding[]).map((f) => f.ruleId);
  }

  it('does not report a rejected finding again, beside the configuration, from any folder below it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'desk'));
    writeFileSync(join(dir, 'mtaudit.config.yaml'), 'failOn: critical\n');
    writeFileSync(join(dir, 'desk', 'a.txt'), SENTENCE);
    const before = lintJson(join(dir, 'desk'), 'a.txt');
    expect(before).toContain('capitalization.lowercase-dates');

    const session = await ReviewSession.open({ cwd: join(dir, 'desk') });
    expect(session.store.file).toBe(join(dir, DECISIONS_FILE));
    const { documents } = await session.load([join(dir, 'desk', 'a.txt')]);
    const tuesday = documents[0]!.findings.find((f) => f.finding.ruleId === 'capitalization.lowercase-dates')!;
    session.store.reject(tuesday.finding, documents[0]!.document);
    session.store.save();

    const after = lintJson(join(dir, 'desk'), 'a.txt');
    expect(after).toEqual(before.filter((id) => id !== 'capitalization.lowercase-dates'));
    // Run from the top folder, the path differs but the decision holds.
    expect(lintJson(dir, 'desk/a.txt')).toEqual(after);
  });

  it('stops with one line when the decisions file is damaged', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), SENTENCE);
    writeFileSync(join(dir, DECISIONS_FILE), 'not json');
    const result = mtaudit(['lint', 'a.txt'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/mtaudit\.decisions\.json: not valid JSON; fix it or delete the file/);
  });
});

describe('the review session', () => {
  async function open(dir: string, name: string, bytes: string | Buffer) {
    writeFileSync(join(dir, name), bytes);
    const session = await ReviewSession.open({ cwd: dir });
    const { documents, problems } = await session.load([join(dir, name)]);
    expect(problems).toEqual([]);
    return { session, review: documents[0]! };
  }

  it('lists findings in document order with fingerprints, hiding rejected ones', async () => {
    const dir = tempDir();
    const { session, review } = await open(dir, 'a.txt', SENTENCE);
    expect(review.findings.map((f) => f.finding.ruleId)).toEqual(['mistranslation.watchdog-as-regulator', 'capitalization.lowercase-dates', 'locale.currency-space']);
    expect(review.readOnly).toBeNull();
    session.store.reject(review.findings[1]!.finding, review.document);
    session.store.save();
    const reopened = await ReviewSession.open({ cwd: dir });
    const { documents } = await reopened.load([join(dir, 'a.txt')]);
    expect(documents[0]!.findings.map((f) => f.finding.ruleId)).toEqual(['mistranslation.watchdog-as-regulator', 'locale.currency-space']);
    expect(documents[0]!.rejected.map((f) => f.ruleId)).toEqual(['capitalization.lowercase-dates']);
  });

  it('writes exactly the accepted fixes, keeps a rejection between them, and re-checks', async () => {
    const dir = tempDir();
    const { session, review } = await open(dir, 'a.txt', SENTENCE);
    const [regulator, tuesday, dollar] = review.findings.map((f) => f.finding) as [Finding, Finding, Finding];
    session.store.reject(tuesday, review.document);
    const report = await session.write(review, [{ finding: regulator }, { finding: dollar }], [tuesday]);
    expect(report).toMatchObject({ written: true, applied: 2, overlapping: 0 });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('Global watchdog NetBlocks on tuesday said $0.11 was paid.\n');
    if (!report.written) return;
    // The rejected "tuesday" lost both of its neighbours' words, and is still not reported.
    expect(report.document.findings).toEqual([]);
    expect(report.document.document.text).toBe(readFileSync(join(dir, 'a.txt'), 'utf8'));
    expect(mtaudit(['lint', '--format', 'json', 'a.txt'], { cwd: dir }).stdout).toMatch(/"findings": \[\]/);
  });

  it('re-checks a written file against the names the batch settled on, not a batch of that file alone', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Marat Zhumabekov, the governor, spoke in the capital on Monday about the fuel price rise.\n');
    writeFileSync(join(dir, 'b.txt'), 'Officials said Marat Zhumabekov would visit the region.\n');
    writeFileSync(join(dir, 'c.txt'), 'Global regulator NetBlocks saw the network fail, and then Marat Jumabekov arrived at the plant.\n');
    const session = await ReviewSession.open({ cwd: dir });
    const { documents } = await session.load(['a.txt', 'b.txt', 'c.txt'].map((f) => join(dir, f)));
    const c = documents[2]!;
    const variant = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'names.consistency').map((f) => f.fix?.edits[0]?.text);
    expect(variant(c.findings.map((f) => f.finding))).toEqual(['Marat Zhumabekov']);
    const regulator = c.findings.find((f) => f.finding.ruleId === 'mistranslation.watchdog-as-regulator')!.finding;
    const report = await session.write(c, [{ finding: regulator }], []);
    expect(report.written).toBe(true);
    if (!report.written) return;
    // Alone, c.txt spells the governor one way only; the batch says that spelling is the variant.
    expect(variant(report.document.findings.map((f) => f.finding))).toEqual(['Marat Zhumabekov']);
  });

  it('writes an edited replacement over the whole fix region', async () => {
    const dir = tempDir();
    const { session, review } = await open(dir, 'a.txt', SENTENCE);
    const regulator = review.findings[0]!.finding;
    expect(fixRegion(regulator, SENTENCE)).toEqual({ start: 0, end: 16, original: 'Global regulator', proposed: 'Global watchdog' });
    await session.write(review, [{ finding: regulator, replacement: 'Internet monitor' }], []);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(SENTENCE.replace('Global regulator', 'Internet monitor'));
  });

  it('keeps the BOM, the encoding and CRLF line endings', async () => {
    const dir = tempDir();
    const crlf = `\uFEFF${SENTENCE.replace('\n', '\r\n')}Second line on tuesday.\r\n`;
    const { session, review } = await open(dir, 'a.txt', Buffer.from(crlf, 'utf8'));
    const tuesday = review.findings.filter((f) => f.finding.ruleId === 'capitalization.lowercase-dates').map((f) => ({ finding: f.finding }));
    const report = await session.write(review, tuesday, []);
    expect(report).toMatchObject({ written: true, applied: 2 });
    expect(readFileSync(join(dir, 'a.txt')).equals(Buffer.from(crlf.replaceAll('tuesday', 'Tuesday'), 'utf8'))).toBe(true);
  });

  it('refuses a file changed on disk since it was read, and says so', async () => {
    const dir = tempDir();
    const { session, review } = await open(dir, 'a.txt', SENTENCE);
    writeFileSync(join(dir, 'a.txt'), `${SENTENCE}An editor added this line meanwhile.\n`);
    const report = await session.write(review, [{ finding: review.findings[0]!.finding }], []);
    expect(report).toEqual({ written: false, reason: 'file changed on disk since it was read; not written (run again)' });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toContain('meanwhile');
  });

  it('does not write into articles of a .jsonl file', async () => {
    const dir = tempDir();
    const { session, review } = await open(dir, 'feed.jsonl', `${JSON.stringify({ id: 'a1', text: SENTENCE })}\n`);
    expect(review.readOnly).toBe('articles inside .jsonl files are not rewritten');
    expect(review.key).toBe('feed.jsonl#a1');
    expect(await session.write(review, [{ finding: review.findings[0]!.finding }], [])).toEqual({ written: false, reason: review.readOnly });
  });
});
