import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes, encodeText, firstInvalidUtf8 } from '../src/documents/decode.js';
import { LineIndex } from '../src/documents/lines.js';
import { parseRecords, readDocuments } from '../src/documents/read.js';
import type { InputItem } from '../src/documents/types.js';
import { tempDir } from './helpers/cli.js';

async function collect(paths: string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readDocuments(paths)) out.push(item);
  return out;
}

describe('decoding', () => {
  it('strips a UTF-8 BOM and remembers it', () => {
    const d = decodeBytes(Buffer.from('\uFEFFabc', 'utf8'));
    expect(d).toEqual({ ok: true, text: 'abc', encoding: 'utf8', bom: true });
  });

  it('decodes UTF-16 with a BOM, both byte orders, and encodes back to the same bytes', () => {
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const bytes = encodeText('Almaty — Алматы 😀', encoding, true);
      const d = decodeBytes(bytes);
      expect(d).toMatchObject({ ok: true, text: 'Almaty — Алматы 😀', encoding, bom: true });
      expect(encodeText('Almaty — Алматы 😀', encoding, true).equals(bytes)).toBe(true);
    }
  });

  it('locates invalid UTF-8 and refuses binary data', () => {
    const bad = Buffer.concat([Buffer.from('ok\nline two '), Buffer.from([0xc3, 0x28])]);
    expect(firstInvalidUtf8(bad)).toBe(12);
    expect(decodeBytes(bad)).toEqual({ ok: false, message: 'not valid UTF-8 (byte 0xc3 at offset 12, line 2); convert the file to UTF-8' });
    expect(decodeBytes(Buffer.from([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, message: expect.stringMatching(/^binary file/) });
    // Overlong encodings and surrogates are not UTF-8 either.
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('é😀', 'utf8'))).toBe(6);
  });
});

describe('line index', () => {
  it('maps offsets to 1-based lines and UTF-16 columns with LF, CRLF and CR', () => {
    const index = new LineIndex('ab\r\ncd\nef\rgh');
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(4)).toEqual({ line: 2, column: 1 });
    expect(index.position(8)).toEqual({ line: 3, column: 2 });
    expect(index.position(10)).toEqual({ line: 4, column: 1 });
    expect(new LineIndex('😀x').position(2)).toEqual({ line: 1, column: 3 });
  });

  it('finds paragraphs as runs of non-blank lines', () => {
    const index = new LineIndex('one\ntwo\n\n  \nthree\n');
    expect(index.paragraphs.map((p) => [p.firstLine, p.lastLine])).toEqual([
      [0, 1],
      [4, 4],
    ]);
  });
});

describe('records (.jsonl)', () => {
  it('accepts {id,text} and {id,title,body}, reports bad lines by number', () => {
    const items = [...parseRecords('f.jsonl', '{"id":"a","text":"A"}\n\n{"id":2,"title":"T","body":"B"}\n[1]\n{"id":"c","text":5}\n')];
    expect(items).toEqual([
      { document: expect.objectContaining({ path: 'f.jsonl#a', text: 'A' }) },
      { document: expect.objectContaining({ path: 'f.jsonl#2', text: 'T\n\nB' }) },
      { problem: { path: 'f.jsonl', line: 4, message: expect.stringMatching(/JSON object/) } },
      { problem: { path: 'f.jsonl', line: 5, message: expect.stringMatching(/no "text"/) } },
    ]);
  });
});

describe('reading paths', () => {
  it('reports an empty folder, an empty file and a symbolic-link loop, and reads the rest', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.txt'), 'Text.\n');
    writeFileSync(join(dir, 'docs', 'blank.txt'), '');
    symlinkSync(join(dir, 'docs'), join(dir, 'docs', 'loop'));
    const items = await collect([join(dir, 'empty'), join(dir, 'docs')]);
    const problems = items.filter((i) => 'problem' in i).map((i) => ('problem' in i ? i.problem.message : ''));
    expect(problems).toEqual([expect.stringMatching(/^no articles found/), 'empty file, nothing to check', expect.stringMatching(/symbolic link loop/)]);
    expect(items.filter((i) => 'document' in i)).toHaveLength(1);
  });
});
