// The review state reducer: navigation, decisions, undo, the editor, screens, the quit prompt, writing and resuming.
import { describe, expect, it } from 'vitest';
import { acceptedCount, decisionCounts, fileSummaries, keyContext, progressOf, reviewReducer, ruleSummaries, type ReviewState } from '../src/tui/state.js';
import { KEY_TABLE, commandFor, footerHints, keyName, type Command } from '../src/tui/keys.js';
import { ARTICLE, makeFile, press, run, sampleState } from './helpers/review.js';
import type { Key } from 'ink';

const decisionOf = (state: ReviewState, index: number) => state.items[index]!.decision;
const spanOf = (state: ReviewState) => {
  const item = state.items[state.cursor]!;
  return state.files[item.file]!.text.slice(item.finding.range.start, item.finding.range.end);
};

describe('navigation', () => {
  it('starts at the first finding, in document order across files', () => {
    const state = sampleState();
    expect(state.cursor).toBe(0);
    expect(state.items.map((i) => i.file)).toEqual([0, 0, 0, 0, 0, 1]);
    const starts = state.items.filter((i) => i.file === 0).map((i) => i.finding.range.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('moves with ↓/↑ and j/k and stops at the ends', () => {
    let state = press(sampleState(), 'down', 'j');
    expect(state.cursor).toBe(2);
    state = press(state, 'up');
    expect(state.cursor).toBe(1);
    state = press(state, 'k', 'k');
    expect(state.cursor).toBe(0);
    expect(state.status?.text).toMatch(/first finding/);
    state = press(state, ...Array(10).fill('j'));
    expect(state.cursor).toBe(5);
    expect(state.status?.text).toMatch(/last finding/);
  });
});

describe('decisions', () => {
  it('a accepts and goes on to the next undecided finding', () => {
    const state = press(sampleState(), 'a');
    expect(decisionOf(state, 0)).toEqual({ kind: 'accepted' });
    expect(state.cursor).toBe(1);
  });

  it('x rejects and goes on; s skips without deciding', () => {
    let state = press(sampleState(), 'x');
    expect(decisionOf(state, 0)).toEqual({ kind: 'rejected' });
    expect(state.cursor).toBe(1);
    state = press(state, 's');
    expect(decisionOf(state, 1)).toEqual({ kind: 'pending' });
    expect(state.cursor).toBe(2);
  });

  it('goes to the next undecided finding, wrapping round past decided ones', () => {
    let state = press(sampleState(), 'j', 'j', 'a'); // accept #2, land on #3
    state = press(state, 'k', 'k', 'k'); // back to #0
    state = press(state, 'a', 'a'); // accept #0, #1 → skips the decided #2 → #3
    expect(state.cursor).toBe(3);
    state = press(state, 'j', 'j', 'x'); // reject the last one (#5) → wraps to #3
    expect(state.cursor).toBe(3);
  });

  it('says so when nothing is left to decide', () => {
    let state = sampleState();
    for (let i = 0; i < state.items.length; i++) state = press(state, 'x');
    expect(decisionCounts(state)).toEqual({ pending: 0, accepted: 0, rejected: 6 });
    expect(state.status?.text).toMatch(/no undecided findings left/);
  });

  it('refuses to accept a finding without a fix, and one in a file that cannot be written', () => {
    let state = press(sampleState(), 'j', 'j', 'j', 'j'); // "Leave a Comment": no fix
    state = press(state, 'a');
    expect(decisionOf(state, 4)).toEqual({ kind: 'pending' });
    expect(state.status).toMatchObject({ tone: 'warn', text: expect.stringMatching(/no fix proposed/) });

    const record = press(
      { ...sampleState(), files: sampleState().files.map((f, i) => (i === 0 ? { ...f, readOnly: 'articles inside .jsonl files are not rewritten' } : f)) },
      'a',
    );
    expect(record.items[0]!.decision.kind).toBe('pending');
    expect(record.status?.text).toMatch(/jsonl/);
  });

  it('A accepts every undecided fix of the rule, in every file', () => {
    let state = press(sampleState(), 'j'); // "tuesday": capitalization.days, also "wednesday" in the second file
    state = press(state, 'A');
    expect(decisionOf(state, 1)).toEqual({ kind: 'accepted' });
    expect(decisionOf(state, 5)).toEqual({ kind: 'accepted' });
    expect(acceptedCount(state)).toBe(2);
    expect(state.status?.text).toMatch(/accepted 2 fixes of capitalization\.days/);
  });

  it('u undoes the last decision, including a whole A, and puts the cursor back', () => {
    let state = press(sampleState(), 'j', 'A');
    state = press(state, 'u');
    expect(acceptedCount(state)).toBe(0);
    expect(state.cursor).toBe(1);
    state = press(state, 'x', 'a', 'u');
    expect(decisionOf(state, 1)).toEqual({ kind: 'rejected' });
    expect(decisionOf(state, 2)).toEqual({ kind: 'pending' });
    expect(state.cursor).toBe(2);
    state = press(state, 'u', 'u');
    expect(state.status?.text).toBe('nothing to undo');
  });
});

describe('the inline editor', () => {
  it('e opens the proposed replacement; typing edits it; Enter accepts the edited text', () => {
    let state = press(sampleState(), 'e');
    expect(keyContext(state)).toBe('edit');
    expect(state.edit).toEqual({ buffer: 'Global watchdog', caret: 'Global watchdog'.length });
    // Keys that are commands elsewhere are text here: a, x, q.
    state = press(state, 'backspace', 'backspace', 'backspace', 'backspace', 'backspace', 'backspace', 'backspace', 'backspace', 'm', 'o', 'n', 'i', 't', 'o', 'r', 'x', 'backspace');
    expect(state.edit?.buffer).toBe('Global monitor');
    state = press(state, 'home', 'right', 'left', 'end', 'return');
    expect(state.edit).toBeNull();
    expect(decisionOf(state, 0)).toEqual({ kind: 'accepted', replacement: 'Global monitor' });
    expect(state.cursor).toBe(1);
  });

  it('a finding without a fix can get one written; Esc cancels; the unchanged text accepts nothing', () => {
    let state = press(sampleState(), 'j', 'j', 'j', 'j', 'e');
    expect(state.edit?.buffer).toBe('Leave a Comment');
    state = press(state, 'return');
    expect(decisionOf(state, 4)).toEqual({ kind: 'pending' });
    expect(state.status?.tone).toBe('warn');
    state = press(state, 'e', 'escape');
    expect(state.edit).toBeNull();
    expect(decisionOf(state, 4)).toEqual({ kind: 'pending' });
    state = press(state, 'e', 'home');
    state = reviewReducer(state, { type: 'key', key: undefined, input: '[' }); // a paste arrives as one input
    state = reviewReducer(state, { type: 'key', key: undefined, input: 'comments: ' });
    state = press(state, 'return');
    expect(decisionOf(state, 4)).toEqual({ kind: 'accepted', replacement: '[comments: Leave a Comment' });
  });

  it('typing the rule’s own fix back is a plain accept', () => {
    let state = press(sampleState(), 'e', 'backspace', 'g', 'return');
    expect(decisionOf(state, 0)).toEqual({ kind: 'accepted' });
  });

  it('keys typed faster than the screen redraws still land in the editor', () => {
    // One chain of actions with no render in between: e opens the editor, so the following x is text.
    const state = press(sampleState(), 'e', 'x', 'escape', 'x');
    expect(decisionOf(state, 0)).toEqual({ kind: 'rejected' });
  });
});

describe('screens and prompts', () => {
  it('? opens the help over any screen and Esc returns to it', () => {
    let state = press(sampleState(), '?');
    expect(state.screen).toBe('help');
    state = press(state, 'escape');
    expect(state.screen).toBe('review');
    state = press(state, 'o', '?', 'q');
    expect(state.screen).toBe('overview');
  });

  it('the overview jumps to the first undecided finding of a file or a rule', () => {
    let state = press(sampleState(), 'a', 'o');
    expect(state.screen).toBe('overview');
    expect(state.overview.files).toBe(0);
    state = press(state, 'j', 'return');
    expect(state.screen).toBe('review');
    expect(state.items[state.cursor]!.file).toBe(1);

    state = press(state, 'o', 'tab');
    expect(state.overview.list).toBe('rules');
    const rules = ruleSummaries(state);
    const names = rules.findIndex((r) => r.ruleId === 'names.tokayev');
    state = { ...state, overview: { ...state.overview, rules: names } };
    state = press(state, 'return');
    expect(spanOf(state)).toBe('Qassim-Jomart Tokayev');
  });

  it('counts per file and per rule', () => {
    const state = press(sampleState(), 'a', 'x');
    expect(fileSummaries(state)).toEqual([
      { path: 'news/article.txt', total: 5, pending: 3, bySeverity: { minor: 2, major: 3, critical: 0 } },
      { path: 'news/second.txt', total: 1, pending: 1, bySeverity: { minor: 1, major: 0, critical: 0 } },
    ]);
    expect(ruleSummaries(state)[0]).toMatchObject({ ruleId: 'capitalization.days', total: 2, pending: 1 });
  });

  it('q quits at once when nothing accepted is unwritten', () => {
    expect(press(sampleState(), 'x', 'q').request).toBe('exit');
  });

  it('q asks first when accepted fixes are unwritten: n stays, y quits', () => {
    let state = press(sampleState(), 'a', 'q');
    expect(state.prompt).toBe('quit');
    expect(state.request).toBeNull();
    expect(keyContext(state)).toBe('prompt');
    state = press(state, 'a'); // not a prompt key: nothing happens
    expect(acceptedCount(state)).toBe(1);
    state = press(state, 'n');
    expect(state.prompt).toBeNull();
    state = press(state, 'q', 'y');
    expect(state.request).toBe('exit');
  });
});

describe('writing', () => {
  it('w asks the app to write only when something is accepted, and ignores keys while it writes', () => {
    expect(press(sampleState(), 'w')).toMatchObject({ request: null, status: { text: expect.stringMatching(/nothing to write/) } });
    const state = press(sampleState(), 'a', 'w');
    expect(state).toMatchObject({ request: 'write', busy: true });
    expect(press(state, 'x')).toBe(state);
  });

  it('after writing, the written file’s findings are replaced by the re-check, the others keep their decisions', () => {
    let state = press(sampleState(), 'a', 'j', 'j', 'j', 'j', 'x', 'w');
    // The first fix ("Global regulator" → "Global watchdog") shortens the text by one character.
    const text = ARTICLE.replace('Global regulator', 'Global watchdog');
    const input = makeFile('news/article.txt', text, [
      { span: 'tuesday', fix: 'Tuesday', ruleId: 'capitalization.days' },
      { span: 'Severe measures In', fix: 'severe measures in', ruleId: 'link-text.spliced' },
      { span: 'Qassim-Jomart Tokayev', fix: 'Kassym-Jomart Tokayev', ruleId: 'names.tokayev' },
      { span: 'Leave a Comment', fix: null, ruleId: 'boilerplate.comments' },
    ]);
    const edit = { start: 0, end: 'Global regulator'.length, text: 'Global watchdog' };
    state = reviewReducer(state, { type: 'written', results: [{ file: 0, written: true, input, applied: 1, edits: [edit], overlapping: 0 }] });
    expect(state).toMatchObject({ busy: false, request: null, history: [] });
    expect(state.files[0]!.text).toBe(text);
    expect(state.items).toHaveLength(5);
    expect(state.items.filter((i) => i.file === 1)[0]!.decision).toEqual({ kind: 'rejected' });
    expect(acceptedCount(state)).toBe(0);
    expect(state.status).toEqual({ text: 'wrote 1 fix to 1 file, checked again', tone: 'info' });
    // The cursor stays on the finding it was on, found again in the re-checked file.
    expect(spanOf(state)).toBe('tuesday');
  });

  it('a refused write keeps the accepted fixes and says why', () => {
    let state = press(sampleState(), 'a', 'w');
    state = reviewReducer(state, { type: 'written', results: [{ file: 0, written: false, reason: 'file changed on disk since it was read; not written (run again)' }] });
    expect(acceptedCount(state)).toBe(1);
    expect(state.status).toEqual({ text: 'news/article.txt: file changed on disk since it was read; not written (run again)', tone: 'error' });
    expect(state.busy).toBe(false);
  });
});

describe('resuming', () => {
  it('restores accepted fixes and the position saved by an interrupted review', () => {
    const first = press(sampleState(), 'a', 'e', 'backspace', 'backspace', 'return', 'j');
    const progress = progressOf(first);
    expect(progress.accepted).toEqual([
      { path: 'news/article.txt', fingerprint: first.items[0]!.fingerprint },
      { path: 'news/article.txt', fingerprint: first.items[1]!.fingerprint, replacement: 'Tuesd' },
    ]);
    const resumed = sampleState(JSON.parse(JSON.stringify(progress)));
    expect(resumed.cursor).toBe(first.cursor);
    expect(resumed.items.map((i) => i.decision)).toEqual(first.items.map((i) => i.decision));
    expect(resumed.status?.text).toMatch(/resumed/);
  });

  it('resumes near the old position when that finding is gone', () => {
    const state = sampleState({ position: { path: 'news/article.txt', fingerprint: 'gone', offset: ARTICLE.indexOf('Severe') - 3 }, accepted: [] });
    expect(spanOf(state)).toBe('Severe measures In');
    const elsewhere = sampleState({ position: { path: 'other.txt', fingerprint: 'gone', offset: 0 }, accepted: [] });
    expect(elsewhere.cursor).toBe(0);
  });
});

describe('the key table', () => {
  it('binds each key once per context, and every command it names does something', () => {
    const contexts = new Set(KEY_TABLE.map((b) => b.context));
    for (const context of contexts) {
      const keys = KEY_TABLE.filter((b) => b.context === context).flatMap((b) => b.keys);
      expect(new Set(keys).size, context).toBe(keys.length);
    }
    // Every bound command changes some state it is bound for.
    const base = sampleState();
    const states: Record<string, ReviewState> = {
      review: base,
      overview: { ...press(base, 'o'), overview: { list: 'rules', files: 0, rules: 1 } },
      help: { ...press(base, '?'), helpScroll: 1 },
      prompt: press(base, 'a', 'q'),
      edit: press(base, 'e', 'left'),
    };
    for (const binding of KEY_TABLE) {
      const before = states[binding.context]!;
      const after = run(before, binding.command as Command);
      expect(after, `${binding.context}: ${binding.command}`).not.toEqual(before);
    }
  });

  it('shows the issue’s keys in the review footer', () => {
    const footer = footerHints('review').map((h) => `${h.keys} ${h.label}`);
    for (const hint of ['↓/j next', '↑/k prev', 'a accept', 'x reject', 'e edit', 's skip', 'A accept rule', 'u undo', 'w write', '? help', 'q quit']) {
      expect(footer).toContain(hint);
    }
  });

  it('names ink key presses the way the table does', () => {
    const none: Key = {
      upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
      return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
      super: false, hyper: false, capsLock: false, numLock: false,
    };
    expect(keyName('', { ...none, downArrow: true })).toBe('down');
    expect(keyName('A', { ...none, shift: true })).toBe('A');
    expect(keyName('', { ...none, delete: true })).toBe('backspace');
    expect(keyName('', { ...none, escape: true, meta: true })).toBe('escape');
    expect(keyName('a', { ...none, ctrl: true })).toBe('ctrl+a');
    expect(commandFor('review', 'A')).toBe('acceptRule');
    expect(commandFor('review', 'a')).toBe('accept');
    expect(commandFor('edit', 'a')).toBeUndefined();
  });
});
