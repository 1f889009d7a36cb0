// Big and odd text: a 50 MB file on one line, a folder of 100,000 files, sentences of thousands of words, text
// without punctuation, mixed scripts. No crash, memory bounded (measured in a child process with a capped heap:
// the runs below die of an out-of-memory error when a document is held as one token array), offsets right.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, tempDir } from './helpers/cli.js';
import { setup } from '../src/engine/setup.js';
import { LINT_WINDOW } from '../src/engine/linter.js';
import { textWindows } from '../src/documents/windows.js';
import type { Finding } from '../src/engine/types.js';

const MAX_RSS = join(ROOT, 'test', 'helpers', 'max-rss.mjs');
const { linter } = await setup({ configFile: false });
const WATCHDOG_RULE = join(ROOT, 'rules', 'mistranslation', 'watchdog-as-regulator.yaml');

interface Run {
  code: number | null;
  signal: string | null;
  stderr: string;
  findings: (Finding & { path: string })[];
  /** Peak resident memory of the run, in MB. */
  peakMB: number;
}

/** Runs the CLI with an ndjson report in a child process whose heap is capped, and measures its peak memory. */
function runCapped(heapMB: number, args: string[]): Run {
  const rssFile = join(tempDir(), 'rss');
  const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, MAX_RSS, rssFile, CLI, 'lint', '--no-config', '--format', 'ndjson', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  let peakMB = Infinity;
  try {
    peakMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    // The process died before it could say.
  }
  const findings = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Finding & { path: string });
  return { code: result.status, signal: result.signal, stderr: result.stderr, findings, peakMB };
}

/** Every offset of `needle` in `text`. */
function offsetsOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

// Mixed scripts with characters outside the BMP (emoji, a family sequence) and a combining accent before
// every planted phrase, so an offset counted in code points instead of UTF-16 units would show.
const FILLER = 'The council said 😀 that 阿拉木图 and Алматы were offline, مرحبا, Café\u0301 👩‍👩‍👧 and nothing else happened. ';
const PLANTED = 'The global regulator NetBlocks said so. ';

function oneLine(approxChars: number, every: number, filler = FILLER, planted = PLANTED): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < approxChars; i++) {
    const part = i % every === every - 1 ? planted : filler;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

describe('a 50 MB file on one line', () => {
  it('is checked in bounded memory, with every finding at its offset', () => {
    const text = oneLine(50 * 1024 * 1024 / 1.2, 4_000);
    const file = join(tempDir('mtaudit-big-'), 'one-line.txt');
    writeFileSync(file, text);
    expect(readFileSync(file).length).toBeGreaterThanOrEqual(50_000_000);
    const run = runCapped(256, ['--no-default-rules', '--rules', WATCHDOG_RULE, file]);
    rmSync(file);
    expect(run.signal, run.stderr.slice(-500)).toBeNull();
    expect(run.code).toBe(1); // major findings fail the gate
    const expected = offsetsOf(text, 'global regulator');
    expect(expected.length).toBeGreaterThan(100);
    expect(run.findings.map((f) => f.range.start)).toEqual(expected);
    expect(run.findings.every((f) => f.line === 1 && f.column === f.range.start + 1 && f.endColumn === f.range.end + 1)).toBe(true);
    expect(run.peakMB).toBeLessThan(600);
  }, 120_000);

  it('with every bundled rule (tagging, names across the text) a 5 MB line fits in a 128 MB heap', () => {
    // English filler: the other scripts would be flagged as untranslated in every sentence, and this run is about
    // the memory the text takes, not its findings.
    const filler = 'The council said that the talks had ended and that nothing else happened on the day. ';
    const text = oneLine(5_000_000, 500, filler, 'Kassim-Jomart Tokayev met the global regulator NetBlocks. ');
    const file = join(tempDir('mtaudit-big-'), 'one-line.txt');
    writeFileSync(file, text);
    const run = runCapped(128, [file]);
    expect(run.signal, run.stderr.slice(-500)).toBeNull();
    expect(run.code).toBe(1);
    const starts = (ruleId: string) => run.findings.filter((f) => f.ruleId === ruleId).map((f) => f.range.start);
    expect(starts('mistranslation.watchdog-as-regulator')).toEqual(offsetsOf(text, 'global regulator'));
    expect(starts('names.heads-of-state-and-government')).toEqual(offsetsOf(text, 'Kassim-Jomart Tokayev'));
    for (const f of run.findings) expect(text.slice(f.range.start, f.range.end).length).toBe(f.endColumn - f.column);
    expect(run.peakMB).toBeLessThan(800);
  }, 120_000);
});

describe('a folder of 100,000 small files', () => {
  it('is read and checked without running out of file handles or memory', () => {
    const dir = join(tempDir('mtaudit-many-'), 'corpus');
    for (let folder = 0; folder < 100; folder++) mkdirSync(join(dir, String(folder).padStart(2, '0')), { recursive: true });
    for (let n = 0; n < 100_000; n++) {
      const text = n % 1_000 === 0 ? `Item ${n}: the global regulator NetBlocks said so.\n` : `Item ${n}: calm returned.\n`;
      writeFileSync(join(dir, String(n % 100).padStart(2, '0'), `${n}.txt`), text);
    }
    const run = runCapped(256, ['--no-default-rules', '--rules', WATCHDOG_RULE, '--exit-zero', dir]);
    rmSync(dir, { recursive: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.findings).toHaveLength(100);
    expect(new Set(run.findings.map((f) => f.path)).size).toBe(100);
    expect(run.peakMB).toBeLessThan(500);
  }, 120_000);
});

describe('long documents are checked in windows', () => {

  it('finds in a document longer than a window exactly what it finds in each paragraph alone', () => {
    const paragraph = [
      'Kassim-Jomart Tokayev said on tuesday that the global regulator NetBlocks was wrong 😀.',
      'Protesters vowed to take Severe measures In order to restore order, officials said.',
      'Fuel costs $ 0.11 more in Алматы and 阿拉木图.',
    ].join('\n');
    const alone = linter.findings(paragraph);
    expect(alone.length).toBeGreaterThan(3);
    const separator = '\n\n';
    const copies = Math.ceil((2.5 * LINT_WINDOW) / (paragraph.length + separator.length));
    const text = Array.from({ length: copies }, () => paragraph).join(separator);
    const lines = paragraph.split('\n').length + 1;
    const expected = Array.from({ length: copies }, (_, i) =>
      alone.map((f) => {
        const by = i * (paragraph.length + separator.length);
        return {
          ruleId: f.ruleId,
          range: { start: f.range.start + by, end: f.range.end + by },
          line: f.line + i * lines,
          column: f.column,
          fix: f.fix && { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) },
        };
      }),
    ).flat();
    const found = linter.findings(text).map((f) => ({ ruleId: f.ruleId, range: f.range, line: f.line, column: f.column, fix: f.fix }));
    expect(found).toEqual(expected);
  }, 60_000);

  it('a first-line-only boilerplate entry fires on the document’s first line, not on the first line of each window', () => {
    const line = 'Police said calm had returned | The Daily Site';
    const paragraphs = Math.ceil((2.5 * LINT_WINDOW) / (line.length + 2));
    const text = Array.from({ length: paragraphs }, () => line).join('\n\n');
    const suffix = linter.findings(text).filter((f) => f.ruleId === 'boilerplate.site-name-suffix');
    expect(suffix.map((f) => f.line)).toEqual([1]);
  }, 60_000);
});

describe('odd text', () => {

  it('a sentence of 50,000 words without punctuation, a line without spaces, a letter under a hundred accents', () => {
    const words = 'the council said protesters in the city gathered near government buildings while police watched'.split(' ');
    const sentence = Array.from({ length: 50_000 }, (_, i) => words[i % words.length]).join(' ');
    expect(linter.findings(sentence)).toEqual([]);
    const noSpaces = 'a-b.c!?'.repeat(30_000);
    for (const f of linter.findings(noSpaces)) expect(f.range.end).toBeLessThanOrEqual(noSpaces.length);
    const zalgo = `e${'\u0301'.repeat(100)} and the global regulator NetBlocks`;
    expect(linter.findings(zalgo).map((f) => zalgo.slice(f.range.start, f.range.end))).toContain('global regulator');
  }, 60_000);

  it('offsets around characters outside the BMP are UTF-16 code units, and no finding splits a character', () => {
    const text = `${FILLER}${PLANTED}\n👩‍👩‍👧 Kassim-Jomart Tokayev 😀 spoke on tuesday. 𝐁𝐨𝐥𝐝 “quote“Said he.\n`;
    const findings = linter.findings(text);
    const byRule = (id: string) => findings.find((f) => f.ruleId === id)!;
    expect(byRule('mistranslation.watchdog-as-regulator').range.start).toBe(text.indexOf('global regulator'));
    const name = byRule('names.heads-of-state-and-government');
    expect(name.range.start).toBe(text.indexOf('Kassim'));
    expect(name.column).toBe('👩‍👩‍👧 '.length + 1);
    for (const f of findings) {
      for (const at of [f.range.start, f.range.end]) {
        const code = text.charCodeAt(at);
        expect(code >= 0xdc00 && code <= 0xdfff, `${f.ruleId} at ${at}`).toBe(false);
      }
    }
  });
});

describe('window cuts', () => {
  const check = (text: string, size: number) => {
    const windows = [...textWindows(text, size)];
    expect(windows[0]![0]).toBe(0);
    expect(windows[windows.length - 1]![1]).toBe(text.length);
    windows.forEach(([start, end], i) => {
      if (i > 0) expect(start).toBe(windows[i - 1]![1]);
      expect(end - start).toBeLessThanOrEqual(size);
      const low = text.charCodeAt(end);
      if (end < text.length) {
        expect(low >= 0xdc00 && low <= 0xdfff, `a surrogate pair split at ${end}`).toBe(false);
        expect(/\p{M}|\u200d/u.test(text[end]!) || text[end - 1] === '\u200d', `a cluster split at ${end}`).toBe(false);
        expect(text[end - 1] === '\r' && text[end] === '\n', `CRLF split at ${end}`).toBe(false);
      }
    });
    return windows;
  };

  it('prefer a paragraph break, then a line break, then a sentence end, then a space', () => {
    const text = 'aaaa aaaa.\nbbbb bbbb.\n\ncccc cccc. dddd dddd eeee';
    expect(check(text, 30).map(([s]) => s)).toEqual([0, 23]);
    expect(check('aaaa aaaa.\r\nbbbb bbbb cccc', 16).map(([s]) => s)).toEqual([0, 12]);
    expect(check('aaaa aaaa. bbbb bbbb cccc', 16).map(([s]) => s)).toEqual([0, 11]);
    expect(check('aaaa aaaa bbbb', 12).map(([s]) => s)).toEqual([0, 10]);
  });

  it('never split a character, a grapheme cluster or a CRLF', () => {
    check('😀'.repeat(1000), 101);
    check('👩‍👩‍👧'.repeat(500), 64);
    check(`e${'\u0301'.repeat(10)}`.repeat(300), 50);
    check('ab\r\n'.repeat(300), 33);
    check('阿拉木图。'.repeat(300), 77);
  });
});
