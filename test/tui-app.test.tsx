// The review app rendered with ink-testing-library: keys go to stdin, the frame is read back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { App, screenLines } from '../src/tui/App.js';
import { reviewLines } from '../src/tui/views/review.js';
import { textWidth } from '../src/tui/text.js';
import { bindingsOf } from '../src/tui/keys.js';
import type { FileWriteResult, ReviewState } from '../src/tui/state.js';
import { makeFile, memoryBackend, press, sampleState } from './helpers/review.js';
import { createState } from '../src/tui/state.js';

const ESC = '\u001b';
const DOWN = `${ESC}[B`;
const ENTER = '\r';
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

afterEach(() => {
  cleanup();
});

function start(options: { width?: number; height?: number; state?: ReviewState; results?: (s: ReviewState) => FileWriteResult[] } = {}) {
  const backend = memoryBackend(options.results);
  const size = { width: options.width ?? 80, height: options.height ?? 23 };
  const app = render(<App initialState={options.state ?? sampleState()} backend={backend} size={size} />);
  const frame = () => stripAnsi(app.lastFrame() ?? '');
  /** Types keys one at a time, as a person does, then waits until the frame shows `expected`. */
  const keys = async (sequence: string[], expected: string | RegExp) => {
    for (const key of sequence) app.stdin.write(key);
    await vi.waitFor(() => expect(frame()).toMatch(expected));
  };
  return { app, backend, frame, keys, size };
}

function lines(frame: string): string[] {
  return frame.split('\n');
}

describe('the review screen', () => {
  it('fits 80×24 exactly: header, paragraph, finding, diff and keys', async () => {
    const { frame, size } = start();
    await vi.waitFor(() => expect(frame()).toContain('finding 1 of 6'));
    const rows = lines(frame());
    expect(rows).toHaveLength(size.height);
    for (const row of rows) expect(textWidth(row)).toBeLessThanOrEqual(size.width);
    const screen = frame();
    // Header: file, position, counts by severity.
    expect(rows[0]).toMatch(/mtaudit review\s+news\/article\.txt\s+\(file 1 of 2\)\s+finding 1 of 6/);
    expect(rows[1]).toMatch(/critical 0 · major 3 · minor 3/);
    expect(rows[1]).toMatch(/accepted 0 · rejected 0 · undecided 6/);
    // The paragraph, the rule's message, category and severity.
    expect(screen).toContain('Global regulator NetBlocks said the country was offline on tuesday night.');
    expect(screen).toMatch(/major · mistranslation · mistranslation\.watchdog\s+undecided\s+line 1:1/);
    expect(screen).toContain('“Global regulator” is flagged');
    // The fix as a before/after word diff.
    expect(screen).toContain('Fix (unsafe: check the meaning)');
    expect(screen).toMatch(/− Global regulator NetBlocks said the country…/);
    expect(screen).toMatch(/\+ Global watchdog NetBlocks said the country…/);
    // The keys, from the key table.
    expect(screen).toMatch(/a accept\s+x reject\s+e edit\s+s skip\s+A accept rule\s+u undo/);
    expect(screen).toMatch(/w write .* \? help\s+q quit/);
  });

  it('highlights the flagged span and the changed words', () => {
    // The styles of the drawn lines (colours are off in tests, so the lines are checked before ink paints them).
    const drawn = reviewLines(sampleState(), { width: 80, height: 23 }).flat();
    const styled = (style: string) => drawn.filter((r) => r.style === style).map((r) => r.text);
    expect(styled('current')).toEqual(['Global regulator']);
    expect(styled('removed').join('')).toContain('regulator');
    expect(styled('added').join('')).toContain('watchdog');
    expect(styled('removed').join('')).not.toContain('NetBlocks');
    // Other findings in the paragraph are underlined.
    expect(styled('other')).toEqual(['tuesday']);
  });

  it('draws every screen within the terminal, at any common size', () => {
    const base = sampleState();
    const states = [
      ...base.items.map((_, cursor) => ({ ...base, cursor })),
      press(base, 'e'),
      press(base, 'j', 'j', 'j', 'j', 'e'),
      press(base, 'a', 'q'),
      press(base, 'o'),
      press(base, 'o', 'tab'),
      press(base, '?'),
    ];
    for (const size of [{ width: 80, height: 23 }, { width: 100, height: 29 }, { width: 60, height: 17 }, { width: 160, height: 50 }]) {
      for (const state of states) {
        const drawn = screenLines(state, size);
        expect(drawn).toHaveLength(size.height);
        for (const line of drawn) expect(textWidth(line.map((r) => r.text).join(''))).toBeLessThanOrEqual(size.width);
      }
    }
  });

  it('uses the room a larger terminal gives', async () => {
    const long = `${'The unrest spread from the west of the country to Almaty, '.repeat(12)}where Global regulator NetBlocks saw the internet fail.`;
    const input = makeFile('wide.txt', long, [{ span: 'Global regulator', fix: 'Global watchdog' }]);
    const small = start({ state: createState([input]), width: 80, height: 23 });
    await vi.waitFor(() => expect(small.frame()).toContain('finding 1 of 1'));
    // Read before unmounting: an unmounted app's last frame may be blank.
    const smallFrame = small.frame();
    const smallText = lines(smallFrame).filter((l) => l.startsWith('  ') || l.startsWith('↑') || l.startsWith('↓'));
    cleanup();
    const large = start({ state: createState([input]), width: 140, height: 45 });
    await vi.waitFor(() => expect(large.frame()).toContain('finding 1 of 1'));
    const rows = lines(large.frame());
    expect(rows).toHaveLength(45);
    expect(Math.max(...rows.map(textWidth))).toBeGreaterThan(100);
    const largeText = rows.filter((l) => l.startsWith('  ') || l.startsWith('↑') || l.startsWith('↓'));
    // More of the paragraph shows, and the span is on screen in both.
    expect(largeText.join(' ').length).toBeGreaterThan(smallText.join(' ').length);
    expect(smallFrame).toContain('Global regulator');
    expect(large.frame()).toContain('Global regulator');
  });

  it('keeps the frame the same height on every key press', async () => {
    const { frame, keys, size, app } = start();
    await vi.waitFor(() => expect(frame()).toContain('finding 1 of 6'));
    await keys(['j'], /finding 2 of 6/);
    await keys(['o'], /overview/);
    await keys(['?'], /Reviewing a finding/);
    await keys([ESC], /undecided\/total|undecided\s+critical/);
    for (const f of app.frames) expect(stripAnsi(f).split('\n')).toHaveLength(size.height);
  });
});

describe('keys', () => {
  it('a accepts and moves on; x rejects; both are saved at once', async () => {
    const { keys, frame, backend } = start();
    await vi.waitFor(() => expect(frame()).toContain('finding 1 of 6'));
    await keys(['a'], /finding 2 of 6/);
    expect(frame()).toMatch(/accepted 1 · rejected 0 · undecided 5/);
    await keys(['x'], /finding 3 of 6/);
    expect(frame()).toMatch(/accepted 1 · rejected 1 · undecided 4/);
    await vi.waitFor(() => {
      const saved = backend.persisted[backend.persisted.length - 1]!;
      expect(saved.items.map((i) => i.decision.kind).slice(0, 2)).toEqual(['accepted', 'rejected']);
    });
    await keys(['k'], /finding 2 of 6/);
    expect(frame()).toContain('REJECTED');
    await keys(['u'], /undone: reject/);
  });

  it('keys typed ahead arrive together and each one counts', async () => {
    const { keys, frame } = start();
    await keys(['ax'], /accepted 1 · rejected 1 · undecided 4/);
    expect(frame()).toContain('finding 3 of 6');
    await keys(['eabc\r'], /accepted 2 · rejected 1/);
    await keys(['k'], /ACCEPTED \(edited\)/);
    expect(frame()).toContain('+ The protesters vowed to take severe measures inabc order');
  });

  it('↓ moves like j, and A accepts the rule across files', async () => {
    const { keys, frame } = start();
    await keys([DOWN], /finding 2 of 6/);
    expect(frame()).toContain('capitalization.days');
    await keys(['A'], /accepted 2 fixes of capitalization\.days/);
    expect(frame()).toMatch(/accepted 2 · rejected 0 · undecided 4/);
  });

  it('e edits the replacement inline, then accepts it', async () => {
    const { keys, frame } = start();
    await keys(['e'], /Replace “Global regulator” with:/);
    expect(frame()).toContain('› Global watchdog');
    expect(frame()).toMatch(/Enter accept\s+Esc cancel/);
    await keys(['\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f'], /› Global\s*$/m);
    await keys(['m', 'o', 'n', 'i', 't', 'o', 'r'], /› Global monitor/);
    await keys([ENTER], /finding 2 of 6/);
    await keys(['k'], /ACCEPTED \(edited\)/);
    expect(frame()).toContain('Your replacement');
    expect(frame()).toMatch(/\+ Global monitor NetBlocks/);
  });

  it('? shows every key of the table; Esc closes it', async () => {
    const { keys, frame } = start({ height: 60, width: 100 });
    await keys(['?'], /Reviewing a finding/);
    for (const binding of bindingsOf('review')) expect(frame()).toContain(binding.help);
    for (const binding of bindingsOf('edit')) expect(frame()).toContain(binding.help);
    await keys([ESC], /finding 1 of 6/);
  });

  it('the help scrolls when the terminal is short', async () => {
    const { keys, frame } = start();
    await keys(['?'], /↓ more/);
    const before = frame();
    await keys(['j', 'j', 'j', 'j', 'j'], /./);
    await vi.waitFor(() => expect(frame()).not.toBe(before));
    await keys(Array(40).fill('j'), /This help|Overview \(o\)/);
  });

  it('the overview counts per file and per rule and jumps to the choice', async () => {
    const { keys, frame } = start();
    await keys(['o'], /6 findings in 2 files/);
    expect(frame()).toMatch(/news\/article\.txt\s+5\/5\s+0\s+3\s+2/);
    expect(frame()).toMatch(/news\/second\.txt\s+1\/1\s+0\s+0\s+1/);
    expect(frame()).toMatch(/capitalization\.days\s+2\/2\s+0\s+0\s+2/);
    await keys(['j', ENTER], /\(file 2 of 2\)\s+finding 6 of 6/);
  });

  it('w writes through the backend and shows the outcome', async () => {
    const { keys, backend } = start({ results: () => [{ file: 0, written: false, reason: 'file changed on disk since it was read; not written (run again)' }] });
    await keys(['a', 'w'], /news\/article\.txt: file changed on disk since it was read/);
    expect(backend.writes).toHaveLength(1);
    expect(backend.writes[0]!.items.filter((i) => i.decision.kind === 'accepted')).toHaveLength(1);
  });

  it('q asks y/n when accepted fixes are unwritten', async () => {
    const { keys, frame } = start();
    await keys(['a', 'q'], /1 accepted fix unwritten .*Quit anyway\? \(y\/n\)/);
    expect(frame()).toMatch(/y quit\s+n\/Esc stay/);
    await keys(['n'], /a accept/);
    expect(frame()).not.toMatch(/Quit anyway/);
  });
});

describe('edge cases', () => {
  it('says when there is nothing to review', async () => {
    const { frame } = start({ state: createState([makeFile('clean.txt', 'All is well.\n', [])]) });
    await vi.waitFor(() => expect(frame()).toContain('Nothing to review'));
  });

  it('shows a long paragraph around the finding, not from its start', async () => {
    const long = `${'Protesters gathered in the main square and marched on the akimat. '.repeat(30)}Then Qassim-Jomart Tokayev spoke.`;
    const { frame } = start({ state: createState([makeFile('long.txt', long, [{ span: 'Qassim-Jomart Tokayev', fix: 'Kassym-Jomart Tokayev' }])]) });
    await vi.waitFor(() => expect(frame()).toContain('Then Qassim-Jomart Tokayev spoke.'));
    expect(frame()).toMatch(/^↑ /m);
  });
});
