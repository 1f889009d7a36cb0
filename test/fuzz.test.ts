// Fuzzing the parts that meet the outside world: the reader (any bytes, any JSONL, cut anywhere), long texts cut
// into windows, writing files back, and every report format. Properties over random input with fast-check; the
// seed is fixed and the runs bounded in CI (test/helpers/fuzz.ts), `npm run fuzz` runs long with a new seed.
// test/properties.test.ts holds the properties of findings and fixes.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { decodeBytes, encodeText } from '../src/documents/decode.js';
import { parseRecords, readFileDocuments } from '../src/documents/read.js';
import { textWindows } from '../src/documents/windows.js';
import type { InputItem, SourceDocument, TextEncodingName } from '../src/documents/types.js';
import { writeDocument } from '../src/fix/write.js';
import { setup } from '../src/engine/setup.js';
import { SummaryBuilder } from '../src/engine/summary.js';
import { REPORTERS } from '../src/report/index.js';
import { tempDir } from './helpers/cli.js';
import { validateSarif } from './helpers/sarif.js';
import { RUNS, SEED, TIMEOUT } from './helpers/fuzz.js';

vi.setConfig({ testTimeout: TIMEOUT });
const settings = (runs = RUNS) => ({ seed: SEED, numRuns: runs });

const { linter, rules } = await setup({ configFile: false });

/** Text with what breaks naive code: surrogate pairs, combining marks, ZWJ sequences, RTL, CR, CRLF, NBSP. */
const oddText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom('😀', '👩‍👩‍👧', 'e\u0301', '阿拉木图。', 'Алматы', 'مرحبا', '\r\n', '\n\n', '\r', ' ', '\u00a0', '“', '”', '. ', 'Kassim-Jomart Tokayev', 'global regulator NetBlocks'),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

async function collect(items: AsyncIterable<InputItem>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('the reader', () => {
  it('decodes any bytes without throwing; what it accepts, it writes back byte for byte', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      oddText.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
      fc.tuple(fc.constantFrom<TextEncodingName>('utf8', 'utf16le', 'utf16be'), fc.boolean(), oddText).map(([encoding, bom, t]) => new Uint8Array(encodeText(t, encoding, bom || encoding !== 'utf8'))),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        const decoded = decodeBytes(input);
        if (!decoded.ok) {
          expect(decoded.message).not.toMatch(/\n/);
          return;
        }
        expect(Buffer.from(encodeText(decoded.text, decoded.encoding, decoded.bom)).equals(Buffer.from(input))).toBe(true);
      }),
      settings(RUNS * 4),
    );
  });

  it('reads a JSONL stream cut into chunks anywhere exactly as the whole text: one item per non-blank line', async () => {
    const line = fc.oneof(
      fc.record({ id: fc.string({ maxLength: 4 }), text: oddText }).map((r) => JSON.stringify(r)),
      fc.record({ id: fc.nat(), title: oddText, body: oddText }).map((r) => JSON.stringify(r)),
      fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ' ')),
      fc.constant(''),
    );
    const feed = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(feed, async ([lines, eol, bom, cuts]) => {
        const text = lines.join(eol);
        const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, i) => bytes.subarray(from, points[i] ?? bytes.length)).filter((c) => c.length > 0);
        const streamed = await collect(readFileDocuments('-', { stdin: Readable.from(chunks), stdinRecords: true }));
        const whole = [...parseRecords('<stdin>', text)];
        // Standard input is a stream mapper's input split: with no records there is simply nothing to check.
        expect(streamed).toEqual(whole);
      }),
      settings(),
    );
  });
});

describe('windows of long texts', () => {
  it('cover the text in order, within the size, never inside a character, a CRLF or an accented letter', () => {
    fc.assert(
      fc.property(oddText, fc.integer({ min: 4, max: 64 }), (text, size) => {
        let at = 0;
        for (const [start, end] of textWindows(text, size)) {
          expect(start).toBe(at);
          if (text.length > 0) expect(end).toBeGreaterThan(start);
          expect(end - start).toBeLessThanOrEqual(Math.max(size, 2));
          if (end < text.length) {
            const next = text.charCodeAt(end);
            expect(next >= 0xdc00 && next <= 0xdfff && /[\ud800-\udbff]/.test(text[end - 1]!)).toBe(false);
            expect(text[end - 1] === '\r' && text[end] === '\n').toBe(false);
          }
          at = end;
        }
        expect(at).toBe(text.length);
      }),
      settings(RUNS * 4),
    );
  });
});

describe('writing files back', () => {
  it('keeps encoding, BOM and line endings: the file reads back as the new text', async () => {
    const dir = tempDir('mtaudit-fuzz-write-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<TextEncodingName>('utf8', 'utf16le', 'utf16be'), fc.boolean(), fc.boolean(), oddText, oddText, async (encoding, bom, crlf, before, after) => {
        const eol = (t: string) => (crlf ? `${t.replace(/\r\n|\r|\n/g, '\n').replace(/\n/g, '\r\n')}\r\n` : `${t.replace(/\r\n?/g, '\n')}\n`);
        const [original, changed] = [eol(`x${before}`), eol(`y${after}`)];
        const file = join(dir, `${n++}.txt`);
        const withBom = bom || encoding !== 'utf8';
        writeFileSync(file, encodeText(original, encoding, withBom));
        const document: SourceDocument = { path: file, text: original, format: 'text', origin: { kind: 'file', file, encoding, bom: withBom } };
        expect(await writeDocument(document, changed.replace(/\r\n/g, '\n'))).toEqual({ written: true });
        const decoded = decodeBytes(readFileSync(file));
        expect(decoded).toEqual({ ok: true, text: changed, encoding, bom: withBom });
      }),
      settings(Math.ceil(RUNS / 3)),
    );
  });
});

describe('every report format', () => {
  it('writes output its readers parse, whatever the text and findings', () => {
    const documents = fc.array(
      fc.tuple(oddText, fc.constantFrom('a.txt', 'dir/with space/ü.md', 'feed.jsonl'), fc.nat({ max: 9 })),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(documents, (docs) => {
        const sources: SourceDocument[] = docs.map(([text, path, line], i) =>
          path.endsWith('.jsonl')
            ? { path: `${path}#${i}`, text, format: 'text', origin: { kind: 'record', file: path, line: line + 1, id: String(i) } }
            : { path: `${i}-${path}`, text, format: 'text', origin: { kind: 'file', file: `${i}-${path}`, encoding: 'utf8', bom: false } },
        );
        const results = sources.map((source) => linter.lint(source));
        for (const format of Object.keys(REPORTERS)) {
          const chunks: string[] = [];
          const reporter = REPORTERS[format]!({ write: (t) => chunks.push(t), color: false, rules, cwd: '/work/project', version: '0.0.0' });
          const summary = new SummaryBuilder();
          results.forEach((result, i) => {
            summary.add(result);
            reporter.document(result, sources[i]);
          });
          reporter.finish(summary.build());
          const out = chunks.join('');
          const findings = results.reduce((n, r) => n + r.findings.length, 0);
          switch (format) {
            case 'json':
              expect(JSON.parse(out).summary.findings).toBe(findings);
              break;
            case 'ndjson':
              expect(out.split('\n').filter(Boolean).map((l) => JSON.parse(l))).toHaveLength(findings);
              break;
            case 'rdjson':
              expect(JSON.parse(out).diagnostics).toHaveLength(findings);
              break;
            case 'sarif': {
              const log = JSON.parse(out);
              expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 2))).toBe(true);
              expect(log.runs[0].results).toHaveLength(findings);
              break;
            }
            case 'junit':
              expect(XMLValidator.validate(out)).toBe(true);
              break;
            case 'github':
              // One workflow command a line: a message never breaks its line.
              for (const l of out.split('\n').filter((l) => l.startsWith('::'))) expect(l).toMatch(/^::(error|warning|notice)[^\r\n]*::[^\r\n]*$/);
              expect(out.split('\n').filter((l) => l.startsWith('::')).length).toBeGreaterThanOrEqual(findings);
              break;
            default:
              expect(typeof out).toBe('string');
          }
        }
      }),
      settings(Math.ceil(RUNS / 3)),
    );
  });
});
