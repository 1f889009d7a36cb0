// src/fix: applying edits, one pass with overlap skipping, multipass to a fixed point, and writing back safely.
import { describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, applyFixesOnce, fixText, isApplicable, MAX_FIX_PASSES } from '../src/fix/apply.js';
import { fixDocument, unifiedDiff } from '../src/fix/document.js';
import { keepLineEndings, replaceFile, writeDocument } from '../src/fix/write.js';
import { encodeText, decodeBytes } from '../src/documents/decode.js';
import type { SourceDocument, TextEncodingName } from '../src/documents/types.js';
import type { Applicability, Edit, Finding } from '../src/engine/types.js';
import { tempDir } from './helpers/cli.js';

function finding(edits: Edit[], applicability: Applicability = 'safe', ruleId = 'test.rule'): Finding {
  const start = Math.min(...edits.map((e) => e.start));
  const end = Math.max(...edits.map((e) => e.end));
  return {
    ruleId,
    category: 'other',
    severity: 'minor',
    message: 'm',
    range: { start, end },
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: end + 1,
    fix: { applicability, edits },
  };
}

/** A toy linter: every "colour" should be "color" (safe), every "teh" is "the" (unsafe). */
function toyLint(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/colour/g)) out.push(finding([{ start: m.index, end: m.index + 6, text: 'color' }]));
  for (const m of text.matchAll(/teh/g)) out.push(finding([{ start: m.index, end: m.index + 3, text: 'the' }], 'unsafe'));
  return out;
}

describe('applyEdits', () => {
  it('applies edits in any order, including insertions and deletions', () => {
    const text = 'abcdefghij';
    expect(applyEdits(text, [{ start: 8, end: 10, text: 'XY' }, { start: 0, end: 0, text: '>' }, { start: 3, end: 5, text: '' }])).toBe('>abcfghXY');
  });

  it('keeps an insertion before a replacement that starts at the same place', () => {
    expect(applyEdits('abc', [{ start: 1, end: 2, text: 'B' }, { start: 1, end: 1, text: '+' }])).toBe('a+Bc');
  });

  it('throws on overlapping edits rather than guess', () => {
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, text: 'x' }, { start: 2, end: 4, text: 'y' }])).toThrow(/overlapping/);
  });
});

describe('applyFixesOnce', () => {
  it('applies safe fixes, leaves unsafe ones unless asked, never applies suggestions', () => {
    const text = 'teh colour of teh sky';
    expect(applyFixesOnce(text, toyLint(text)).text).toBe('teh color of teh sky');
    expect(applyFixesOnce(text, toyLint(text), { unsafe: true }).text).toBe('the color of the sky');
    const suggestion = finding([{ start: 0, end: 3, text: 'THE' }], 'suggestion');
    expect(applyFixesOnce(text, [suggestion], { unsafe: true }).applied).toEqual([]);
    expect(isApplicable('suggestion', { unsafe: true })).toBe(false);
  });

  it('skips a fix that overlaps one taken earlier, and reports it as skipped', () => {
    const a = finding([{ start: 0, end: 5, text: 'A' }]);
    const b = finding([{ start: 3, end: 8, text: 'B' }]);
    const c = finding([{ start: 8, end: 9, text: 'C' }]);
    const result = applyFixesOnce('0123456789', [b, c, a]);
    expect(result.text).toBe('A567C9');
    expect(result.applied).toEqual([a, c]);
    expect(result.skipped).toEqual([b]);
  });

  it('treats two insertions at one point as a conflict, but not an insertion touching a replacement', () => {
    const one = finding([{ start: 2, end: 2, text: 'x' }]);
    const two = finding([{ start: 2, end: 2, text: 'y' }]);
    expect(applyFixesOnce('abcd', [one, two]).text).toBe('abxcd');
    const replace = finding([{ start: 0, end: 2, text: 'AB' }]);
    expect(applyFixesOnce('abcd', [replace, two]).text).toBe('ABycd');
  });

  it('applies a multi-edit fix whole or not at all', () => {
    const pair = finding([{ start: 0, end: 1, text: '“' }, { start: 6, end: 7, text: '”' }]);
    const clash = finding([{ start: 5, end: 7, text: '!' }]);
    const result = applyFixesOnce('"quote" said', [pair, clash]);
    expect(result.text).toBe('“quote” said');
    expect(result.skipped).toEqual([clash]);
  });

  it('never applies a fix whose edits fall outside the text or collide with each other', () => {
    const outside = finding([{ start: 2, end: 40, text: 'x' }]);
    const selfOverlap = finding([{ start: 0, end: 3, text: 'x' }, { start: 2, end: 4, text: 'y' }]);
    const result = applyFixesOnce('abcdef', [outside, selfOverlap]);
    expect(result.text).toBe('abcdef');
    expect(result.skipped).toHaveLength(2);
  });

  it('honours an `only` selection (the review UI’s accepted findings)', () => {
    const text = 'colour colour';
    const [first] = toyLint(text);
    expect(applyFixesOnce(text, toyLint(text), { only: (f) => f.range.start === first!.range.start }).text).toBe('color colour');
  });
});

describe('fixText', () => {
  it('re-lints and repeats until nothing applies, and hands back the last findings', () => {
    // Each pass can only fix the first of two overlapping findings; the second needs another pass.
    const lint = (text: string): Finding[] => {
      const out: Finding[] = [];
      for (const m of text.matchAll(/aa/g)) out.push(finding([{ start: m.index, end: m.index + 2, text: 'b' }]));
      return out;
    };
    const result = fixText('aaaa', lint);
    expect(result.text).toBe('bb');
    expect(result.unstable).toBe(false);
    expect(result.findings).toEqual([]);
    const again = fixText(result.text, lint);
    expect([again.text, again.applied, again.passes]).toEqual(['bb', 0, 0]);
  });

  it('reports each pass that changed the text to onPass, with what it applied', () => {
    const lint = (text: string): Finding[] => [...text.matchAll(/aa/g)].map((m) => finding([{ start: m.index, end: m.index + 2, text: 'b' }]));
    const passes: [string, string, number][] = [];
    fixText('aaaa', lint, {}, (before, after, pass) => passes.push([before, after, pass.applied.length]));
    expect(passes).toEqual([
      ['aaaa', 'bb', 2],
    ]);
    const overlapping = (text: string): Finding[] => (text.includes('abc') ? [finding([{ start: 0, end: 2, text: 'X' }]), finding([{ start: 1, end: 3, text: 'Y' }])] : text === 'Xc' ? [finding([{ start: 1, end: 2, text: 'C' }])] : []);
    const seen: string[] = [];
    fixText('abc', overlapping, {}, (before, after) => seen.push(`${before}→${after}`));
    expect(seen).toEqual(['abc→Xc', 'Xc→XC']);
  });

  it('stops when fixes cycle and keeps the last text before the cycle', () => {
    const flip = (text: string) => [finding([{ start: 0, end: 1, text: text[0] === 'a' ? 'b' : 'a' }])];
    const result = fixText('a', flip);
    expect(result.unstable).toBe(true);
    expect(result.passes).toBe(2);
    expect(['a', 'b']).toContain(result.text);
  });

  it(`stops after ${MAX_FIX_PASSES} passes when fixes never settle`, () => {
    let calls = 0;
    const grow = (text: string) => {
      calls++;
      return [finding([{ start: text.length, end: text.length, text: 'x' }])];
    };
    const result = fixText('', grow);
    expect(result.passes).toBe(MAX_FIX_PASSES);
    expect(result.text).toBe('x'.repeat(MAX_FIX_PASSES));
    expect(result.unstable).toBe(true);
    expect(calls).toBe(MAX_FIX_PASSES);
  });
});

function sourceDocument(file: string, text: string, encoding: TextEncodingName = 'utf8', bom = false): SourceDocument {
  return { path: file, text, format: 'text', origin: { kind: 'file', file, encoding, bom } };
}

describe('fixDocument and unifiedDiff', () => {
  it('keeps CRLF line endings even where a fix inserts a bare line feed', () => {
    const document = sourceDocument('x.txt', 'one colour\r\ntwo\r\n');
    const lint = (text: string) => (text.includes('colour') ? [finding([{ start: 4, end: 10, text: 'color\nand' }])] : []);
    const fixed = fixDocument(document, lint);
    expect(fixed.text).toBe('one color\r\nand\r\ntwo\r\n');
    expect(fixed.changed).toBe(true);
    expect(fixed.document.text).toBe(fixed.text);
    // Offsets of the findings it had were for the LF text; they are not passed on.
    expect(fixed.findings).toBeUndefined();
  });

  it('returns the same document when nothing changes', () => {
    const document = sourceDocument('x.txt', 'nothing here\n');
    const fixed = fixDocument(document, toyLint);
    expect(fixed.changed).toBe(false);
    expect(fixed.document).toBe(document);
    expect(fixed.findings).toEqual([]);
  });

  it('prints a git-style unified diff that names the file', () => {
    const diff = unifiedDiff('dir/a.txt', 'one\ntwo colour\nthree\n', 'one\ntwo color\nthree\n');
    expect(diff.split('\n').slice(0, 3)).toEqual(['--- a/dir/a.txt', '+++ b/dir/a.txt', '@@ -1,3 +1,3 @@']);
    expect(diff).toContain('-two colour\n+two color\n');
    expect(unifiedDiff('a.txt', 'same', 'same')).toBe('');
    expect(unifiedDiff('/abs/a.txt', 'a\n', 'b\n').split('\n')[0]).toBe('--- /abs/a.txt');
  });
});

describe('keepLineEndings', () => {
  it('turns LF into CRLF only in files that are all CRLF', () => {
    expect(keepLineEndings('a\r\nb\r\n', 'a\nb\r\nc\n')).toBe('a\r\nb\r\nc\r\n');
    expect(keepLineEndings('a\nb\r\n', 'a\nb\n')).toBe('a\nb\n');
    expect(keepLineEndings('a\nb\n', 'a\nb\n')).toBe('a\nb\n');
  });
});

describe('writeDocument', () => {
  async function roundTrip(text: string, encoding: TextEncodingName, bom: boolean, newText: string) {
    const dir = tempDir();
    const file = join(dir, 'doc.txt');
    writeFileSync(file, encodeText(text, encoding, bom));
    const outcome = await writeDocument(sourceDocument(file, text, encoding, bom), newText);
    return { outcome, bytes: readFileSync(file), dir };
  }

  it('keeps a UTF-8 BOM and CRLF line endings', async () => {
    const { outcome, bytes } = await roundTrip('Hello colour.\r\nBye.\r\n', 'utf8', true, 'Hello color.\r\nBye.\r\n');
    expect(outcome).toEqual({ written: true });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('Hello color.\r\nBye.\r\n');
  });

  it('keeps UTF-16 (both byte orders) with their BOMs', async () => {
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const { outcome, bytes } = await roundTrip('Ωmega colour\n', encoding, true, 'Ωmega color\n');
      expect(outcome).toEqual({ written: true });
      const decoded = decodeBytes(bytes);
      expect(decoded).toEqual({ ok: true, text: 'Ωmega color\n', encoding, bom: true });
    }
  });

  it('leaves no temporary file behind and keeps the permissions', async () => {
    const dir = tempDir();
    const file = join(dir, 'doc.txt');
    writeFileSync(file, 'colour\n');
    chmodSync(file, 0o640);
    expect(await writeDocument(sourceDocument(file, 'colour\n'), 'color\n')).toEqual({ written: true });
    expect(readdirSync(dir)).toEqual(['doc.txt']);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('refuses a file that changed since it was read, and leaves it alone', async () => {
    const dir = tempDir();
    const file = join(dir, 'doc.txt');
    writeFileSync(file, 'colour\n');
    const document = sourceDocument(file, 'colour\n');
    writeFileSync(file, 'colour, edited meanwhile\n');
    const outcome = await writeDocument(document, 'color\n');
    expect(outcome.written).toBe(false);
    expect(outcome).toMatchObject({ reason: expect.stringMatching(/changed on disk/) });
    expect(readFileSync(file, 'utf8')).toBe('colour, edited meanwhile\n');
  });

  it('refuses a file whose BOM appeared since it was read', async () => {
    const dir = tempDir();
    const file = join(dir, 'doc.txt');
    writeFileSync(file, '\uFEFFcolour\n');
    const outcome = await writeDocument(sourceDocument(file, 'colour\n', 'utf8', false), 'color\n');
    expect(outcome.written).toBe(false);
  });

  it('does not write back standard input, JSONL articles or unchanged text', async () => {
    const stdin: SourceDocument = { path: '<stdin>', text: 'a', format: 'text', origin: { kind: 'stdin' } };
    const record: SourceDocument = { path: 'f.jsonl#1', text: 'a', format: 'text', origin: { kind: 'record', file: 'f.jsonl', line: 1, id: '1' } };
    expect(await writeDocument(stdin, 'b')).toMatchObject({ written: false, reason: expect.stringMatching(/standard input/) });
    expect(await writeDocument(record, 'b')).toMatchObject({ written: false, reason: expect.stringMatching(/jsonl/) });
    expect(await writeDocument(sourceDocument('/no/such/file', 'a'), 'a')).toEqual({ written: false, reason: 'unchanged' });
  });

  it('reports a file that vanished before the write', async () => {
    const outcome = await writeDocument(sourceDocument(join(tempDir(), 'gone.txt'), 'a'), 'b');
    expect(outcome).toMatchObject({ written: false, reason: expect.stringMatching(/cannot read it again before writing \(ENOENT\)/) });
  });
});

describe('replaceFile', () => {
  it('creates or replaces a file whole, and cleans up when it cannot', async () => {
    const dir = tempDir();
    const file = join(dir, 'out.json');
    await replaceFile(file, Buffer.from('one'));
    await replaceFile(file, Buffer.from('two'));
    expect(readFileSync(file, 'utf8')).toBe('two');
    await expect(replaceFile(join(dir, 'no-such-dir', 'x'), Buffer.from('x'))).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});
