// Property-based tests on random text: finding offsets stay in bounds, fixes change nothing outside their
// edits, and fixing is idempotent. The random texts are built from the words, punctuation and sentences of
// the rules' own examples (so rules actually fire), mixed with odd spacing, line endings and arbitrary
// Unicode. The seed is fixed and the runs bounded, so CI is repeatable; MTAUDIT_FC_RUNS raises the count.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { setup } from '../src/engine/setup.js';
import { LineIndex } from '../src/documents/lines.js';
import { applyFixesOnce, fixText } from '../src/fix/apply.js';
import { fixDocument } from '../src/fix/document.js';
import type { SourceDocument } from '../src/documents/types.js';
import type { Edit, Finding } from '../src/engine/types.js';

import { RUNS, SEED, TIMEOUT } from './helpers/fuzz.js';

vi.setConfig({ testTimeout: TIMEOUT });

const { linter, rules } = await setup({ configFile: false });
const lint = (text: string) => linter.findings(text);

const sentences = [...new Set(rules.flatMap((r) => [...r.examples.flag.map((e) => e.text), ...r.examples.pass]))];
const words = [...new Set(sentences.flatMap((s) => s.match(/[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu) ?? []))];
const spaces = [' ', ' ', ' ', '  ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\t', '\u00a0'];

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...words) },
  { weight: 4, arbitrary: fc.constantFrom(...spaces) },
  { weight: 4, arbitrary: fc.constantFrom(...sentences) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
);
const articleText = fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(''));

function checkFindingBounds(text: string, findings: Finding[]): void {
  const lines = new LineIndex(text);
  for (const f of findings) {
    expect(0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length, `${f.ruleId} range`).toBe(true);
    expect({ line: f.line, column: f.column }).toEqual(lines.position(f.range.start));
    expect({ line: f.endLine, column: f.endColumn }).toEqual(lines.position(f.range.end));
    if (!f.fix) continue;
    expect(f.fix.edits.length).toBeGreaterThan(0);
    f.fix.edits.forEach((e, i) => {
      expect(0 <= e.start && e.start <= e.end && e.end <= text.length, `${f.ruleId} edit`).toBe(true);
      const next = f.fix!.edits[i + 1];
      if (next) expect(e.end <= next.start && !(e.start === e.end && next.start === next.end && e.start === next.start), `${f.ruleId} edits overlap`).toBe(true);
    });
  }
}

/** Checks, without applyEdits, that `out` is `text` with exactly these edits made and nothing else changed. */
function checkOnlyEditsChanged(text: string, out: string, edits: Edit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let from = 0;
  let at = 0;
  for (const e of sorted) {
    expect(e.start).toBeGreaterThanOrEqual(from);
    const kept = text.slice(from, e.start);
    expect(out.slice(at, at + kept.length)).toBe(kept);
    at += kept.length;
    expect(out.slice(at, at + e.text.length)).toBe(e.text);
    at += e.text.length;
    from = e.end;
  }
  expect(out.slice(at)).toBe(text.slice(from));
}

describe('properties on random text', () => {
  it('finding offsets, positions and fix edits are in bounds', () => {
    fc.assert(
      fc.property(articleText, (text) => checkFindingBounds(text, lint(text))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a fix pass changes the text only inside the edits it applied', () => {
    fc.assert(
      fc.property(articleText, fc.boolean(), (text, unsafe) => {
        const findings = lint(text);
        const pass = applyFixesOnce(text, findings, { unsafe });
        checkOnlyEditsChanged(text, pass.text, pass.applied.flatMap((f) => f.fix!.edits));
        // Every selected fix was either applied or skipped, never dropped silently.
        const selected = findings.filter((f) => f.fix && (f.fix.applicability === 'safe' || (unsafe && f.fix.applicability === 'unsafe')));
        expect(pass.applied.length + pass.skipped.length).toBe(selected.length);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('fixing is idempotent: a second fix changes nothing and no applicable fix is left', () => {
    fc.assert(
      fc.property(articleText, fc.boolean(), (text, unsafe) => {
        const first = fixText(text, lint, { unsafe });
        expect(first.unstable, `fixes did not settle for ${JSON.stringify(text)}`).toBe(false);
        const second = fixText(first.text, lint, { unsafe });
        expect(second.text).toBe(first.text);
        expect(second.applied).toBe(0);
        expect(first.findings).toEqual(lint(first.text));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('fixing a CRLF document leaves no bare line feed', () => {
    fc.assert(
      fc.property(articleText, (raw) => {
        const text = `${raw.replace(/\r?\n|\r/g, '\r\n')}\r\n`;
        const document: SourceDocument = { path: 'x.txt', text, format: 'text', origin: { kind: 'file', file: 'x.txt', encoding: 'utf8', bom: true } };
        const fixed = fixDocument(document, (t) => lint(t));
        expect(fixed.text).not.toMatch(/(^|[^\r])\n/);
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('properties of fix application on random edits', () => {
  const text = fc.string({ maxLength: 40 });
  const findings = (length: number) =>
    fc.array(
      fc
        .array(
          fc.record({ a: fc.nat({ max: length }), b: fc.nat({ max: length }), text: fc.string({ maxLength: 4 }) }).map(({ a, b, text }) => ({ start: Math.min(a, b), end: Math.max(a, b), text })),
          { minLength: 1, maxLength: 3 },
        )
        .map((edits): Finding => ({
          ruleId: 'random',
          category: 'other',
          severity: 'minor',
          message: '',
          range: { start: Math.min(...edits.map((e) => e.start)), end: Math.max(...edits.map((e) => e.end)) },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          fix: { applicability: 'safe', edits },
        })),
      { maxLength: 8 },
    );

  it('applies non-overlapping fixes exactly, skips the rest, and changes nothing else', () => {
    fc.assert(
      fc.property(
        text.chain((t) => fc.tuple(fc.constant(t), findings(t.length))),
        ([t, fs]) => {
          const pass = applyFixesOnce(t, fs);
          const edits = pass.applied.flatMap((f) => f.fix!.edits);
          checkOnlyEditsChanged(t, pass.text, edits);
          // Applied edits never overlap one another.
          const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
          sorted.forEach((e, i) => {
            const next = sorted[i + 1];
            if (next) expect(e.end <= next.start && !(e.start === e.end && next.start === next.end && e.start === next.start)).toBe(true);
          });
          expect(pass.applied.length + pass.skipped.length).toBe(fs.length);
        },
      ),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });
});
