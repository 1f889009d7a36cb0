// The review screen as lines: header, the paragraph around the finding with its span highlighted, the
// rule's message, category and severity, a word diff of the fix (or the inline editor), and the footer.
import { diffWordsWithSpace } from 'diff';
import { LineIndex } from '../../documents/lines.js';
import type { Finding } from '../../engine/types.js';
import { regionOf, replacementOf, type ReviewItem, type ReviewState } from '../state.js';
import { truncateEnd, visible, windowAround, wrapRuns, type Line, type Run, type Style } from '../text.js';
import { compose, footerLines, headerLines, ruleLine, shortPath, spread, type Size } from './common.js';

/** Most characters of a paragraph shown around a finding: a file with no blank lines is not one paragraph. */
const PARAGRAPH_REACH = 1500;
/** Characters of context on each side of a fix in its diff. */
const DIFF_CONTEXT = 30;

export function reviewLines(state: ReviewState, { width, height }: Size): Line[] {
  const footer = footerLines(state, width);
  const item = state.items[state.cursor];
  if (!item) {
    const header = headerLines(state, width, 'no findings', '');
    return compose(height, [...header, ruleLine(width), [{ text: ' Nothing to review: no findings (earlier rejections are not shown).', style: 'plain' }]], [ruleLine(width), ...footer]);
  }
  const file = state.files[item.file]!;
  const n = state.cursor + 1;
  const header = headerLines(state, width, `${shortPath(file.path, Math.max(10, width - 50))}  (file ${item.file + 1} of ${state.files.length})`, `finding ${n} of ${state.items.length}`);

  const paragraph = paragraphLines(state, item, width - 2);
  const message = wrapRuns([{ text: item.finding.message, style: 'plain' }], width - 2);
  const fix = state.edit ? editorLines(state, item, width) : diffLines(state, item, width);

  const fixed = header.length + 1 + 1 + 1 + 1 + 1 + 1 + footer.length;
  const room = Math.max(0, height - fixed);
  // Sizes: the message and the diff first (a few lines each), then the finding's paragraph (at least a few
  // lines); what is left grows the diff to its full length, then shows the neighbouring paragraphs.
  let m = Math.min(message.length, 3);
  let b = Math.min(fix.before.length, 3);
  let a = Math.min(fix.after.length, 3);
  const ownRows = paragraph.own.end - paragraph.own.start;
  while (room - m - b - a < Math.min(ownRows, 4) && (b > 1 || a > 1 || m > 1)) {
    if (b >= a && b > 1) b--;
    else if (a > 1) a--;
    else m--;
  }
  let spare = Math.max(0, room - m - b - a - ownRows);
  const grow = (current: number, natural: number) => {
    const add = Math.max(0, Math.min(spare, natural - current));
    spare -= add;
    return current + add;
  };
  b = grow(b, fix.before.length);
  a = grow(a, fix.after.length);
  m = grow(m, message.length);
  const p = Math.max(0, Math.min(paragraph.lines.length, room - m - b - a));

  const top = [
    ...header,
    ruleLine(width),
    ...windowed(paragraph.lines, paragraphWindow(paragraph, p), p, 2),
    ruleLine(width),
    infoLine(state, item, width),
    ...indent(message.slice(0, m), 1),
    [],
    fix.label,
    ...windowedAround(fix.before, fix.focusBefore, b),
    ...windowedAround(fix.after, fix.focusAfter, a),
  ];
  return compose(height, top, [ruleLine(width), ...footer]);
}

function infoLine(state: ReviewState, item: ReviewItem, width: number): Line {
  const f = item.finding;
  const left: Run[] = [
    { text: ' ', style: 'plain' },
    { text: f.severity, style: f.severity },
    { text: ' · ', style: 'dim' },
    { text: f.category, style: 'plain' },
    { text: ' · ', style: 'dim' },
    { text: f.ruleId, style: 'dim' },
  ];
  const decision: Run =
    item.decision.kind === 'accepted'
      ? { text: item.decision.replacement === undefined ? 'ACCEPTED' : 'ACCEPTED (edited)', style: 'accepted' }
      : item.decision.kind === 'rejected'
        ? { text: 'REJECTED', style: 'rejected' }
        : { text: 'undecided', style: 'dim' };
  return spread(left, [decision, { text: `  line ${f.line}:${f.column} `, style: 'dim' }], width);
}

interface ParagraphView {
  lines: Line[];
  /** The wrapped line where the highlighted span starts. */
  focus: number;
  /** The lines of the finding's own paragraph (the rest is context). */
  own: { start: number; end: number };
}

/** Paragraphs shown dimmed on each side of the finding's own, when the terminal has room for them. */
const NEIGHBOURS = 2;

/** The paragraph(s) holding the finding, its span highlighted and other findings underlined, between dimmed neighbours. */
function paragraphLines(state: ReviewState, item: ReviewItem, width: number): ParagraphView {
  const text = state.files[item.file]!.text;
  const { start, end } = paragraphAround(text, item.finding.range.start, item.finding.range.end);
  const others = state.items.filter((i) => i.file === item.file && i !== item && i.finding.range.end > start && i.finding.range.start < end).map((i) => i.finding.range);
  const own = wrapRuns(highlight(text, start, end, item.finding.range, others), width);
  const paragraphs = lineIndex(text).paragraphs;
  const dim = (from: number, to: number) => wrapRuns([{ text: text.slice(from, to), style: 'dim' }], width);
  const before = paragraphs
    .filter((p) => p.end < start)
    .slice(-NEIGHBOURS)
    .flatMap((p) => [...dim(Math.max(p.start, p.end - PARAGRAPH_REACH), p.end), []]);
  const after = paragraphs
    .filter((p) => p.start > end)
    .slice(0, NEIGHBOURS)
    .flatMap((p) => [[], ...dim(p.start, Math.min(p.end, p.start + PARAGRAPH_REACH))]);
  const focus = before.length + Math.max(0, own.findIndex((l) => l.some((r) => r.style === 'current')));
  return { lines: [...before, ...own, ...after], focus, own: { start: before.length, end: before.length + own.length } };
}

let lastIndex: LineIndex | undefined;

/** One file is shown at a time: its line index is kept between key presses. */
function lineIndex(text: string): LineIndex {
  return lastIndex?.text === text ? lastIndex : (lastIndex = new LineIndex(text));
}

export function paragraphAround(text: string, from: number, to: number): { start: number; end: number } {
  const index = lineIndex(text);
  const first = index.position(from).line - 1;
  const last = index.position(Math.max(from, to - 1)).line - 1;
  let a = first;
  let b = last;
  while (a > 0 && !index.lines[a - 1]!.blank) a--;
  while (b < index.lines.length - 1 && !index.lines[b + 1]!.blank) b++;
  const start = Math.max(index.lines[a]!.start, from - PARAGRAPH_REACH);
  const end = Math.min(index.lines[b]!.end, to + PARAGRAPH_REACH);
  return { start, end: Math.max(end, to) };
}

function highlight(text: string, start: number, end: number, current: { start: number; end: number }, others: { start: number; end: number }[]): Run[] {
  // Style per character boundary: the current span wins over other findings.
  const cuts = new Set([start, end, current.start, current.end]);
  for (const o of others) {
    cuts.add(Math.max(start, o.start));
    cuts.add(Math.min(end, o.end));
  }
  const points = [...cuts].filter((c) => c >= start && c <= end).sort((x, y) => x - y);
  const runs: Run[] = [];
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    // An empty span (a missing space, say) still shows where it is.
    if (current.start === current.end && at === current.start) runs.push({ text: '‸', style: 'current' });
    const next = points[i + 1];
    if (next === undefined || next === at) continue;
    const style: Style = at >= current.start && next <= current.end ? 'current' : others.some((o) => at >= o.start && next <= o.end) ? 'other' : 'plain';
    runs.push({ text: text.slice(at, next), style });
  }
  return runs;
}

interface FixView {
  label: Line;
  before: Line[];
  after: Line[];
  focusBefore: number;
  focusAfter: number;
}

function fixLabel(finding: Finding, edited: boolean): string {
  if (edited) return 'Your replacement';
  switch (finding.fix?.applicability) {
    case 'safe':
      return 'Fix (safe)';
    case 'unsafe':
      return 'Fix (unsafe: check the meaning)';
    case 'suggestion':
      return 'Suggestion';
    default:
      return 'No fix proposed: e writes one';
  }
}

/** Before and after of the fix region with some words around it, changed words marked. */
function diffLines(state: ReviewState, item: ReviewItem, width: number): FixView {
  const edited = item.decision.kind === 'accepted' && item.decision.replacement !== undefined;
  const replacement = replacementOf(state, item);
  const label: Line = [{ text: ` ${fixLabel(item.finding, edited)}`, style: 'bold' }];
  if (replacement === '') label.push({ text: ': deletes the marked text', style: 'bold' });
  if (replacement === null) return { label, before: [], after: [], focusBefore: 0, focusAfter: 0 };
  const text = state.files[item.file]!.text;
  const region = regionOf(state, item);
  const { before: ctxBefore, after: ctxAfter, clippedStart, clippedEnd } = diffContext(text, region.start, region.end);
  const old = visible(ctxBefore + region.original + ctxAfter);
  const updated = visible(ctxBefore + replacement + ctxAfter);
  const beforeRuns: Run[] = [];
  const afterRuns: Run[] = [];
  for (const part of diffWordsWithSpace(old, updated)) {
    if (!part.added) beforeRuns.push({ text: part.value, style: part.removed ? 'removed' : 'plain' });
    if (!part.removed) afterRuns.push({ text: part.value, style: part.added ? 'added' : 'plain' });
  }
  const ellipsize = (runs: Run[]): Run[] => [...(clippedStart ? [{ text: '…', style: 'dim' as const }] : []), ...runs, ...(clippedEnd ? [{ text: '…', style: 'dim' as const }] : [])];
  const before = prefixed(wrapRuns(ellipsize(beforeRuns), width - 6), '   − ', 'error');
  const after = prefixed(wrapRuns(ellipsize(afterRuns), width - 6), '   + ', 'accepted');
  const focusOf = (lines: Line[], style: Style) => Math.max(0, lines.findIndex((l) => l.some((r) => r.style === style)));
  return { label, before, after, focusBefore: focusOf(before, 'removed'), focusAfter: focusOf(after, 'added') };
}

/** Up to DIFF_CONTEXT characters on each side, within the line, starting and ending on word boundaries. */
function diffContext(text: string, start: number, end: number) {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, text.lastIndexOf('\r', start - 1) + 1);
  const nl = text.slice(end).search(/[\r\n]/);
  const lineEnd = nl === -1 ? text.length : end + nl;
  let from = Math.max(lineStart, start - DIFF_CONTEXT);
  let to = Math.min(lineEnd, end + DIFF_CONTEXT);
  if (from > lineStart) {
    const space = text.indexOf(' ', from);
    from = space !== -1 && space < start ? space + 1 : start;
  }
  if (to < lineEnd) {
    const space = text.lastIndexOf(' ', to);
    to = space > end ? space : end;
  }
  return { before: text.slice(from, start), after: text.slice(end, to), clippedStart: from > lineStart, clippedEnd: to < lineEnd };
}

/** The inline editor: the region's current text, then the replacement being typed with its cursor. */
function editorLines(state: ReviewState, item: ReviewItem, width: number): FixView {
  const edit = state.edit!;
  const region = regionOf(state, item);
  const label: Line = [
    { text: ' Replace ', style: 'bold' },
    { text: `“${truncateEnd(visible(region.original), Math.max(10, width - 20))}”`, style: 'plain' },
    { text: ' with:', style: 'bold' },
  ];
  const buffer = edit.buffer;
  const caretChar = buffer.slice(edit.caret, edit.caret + (buffer.codePointAt(edit.caret)! > 0xffff ? 2 : 1));
  const runs: Run[] = [
    { text: visible(buffer.slice(0, edit.caret)), style: 'plain' },
    { text: caretChar ? visible(caretChar) : ' ', style: 'caret' },
    { text: visible(buffer.slice(edit.caret + caretChar.length)), style: 'plain' },
  ];
  const lines = prefixed(wrapRuns(runs, width - 6), '   › ', 'key');
  const focus = Math.max(0, lines.findIndex((l) => l.some((r) => r.style === 'caret')));
  return { label, before: lines, after: [], focusBefore: focus, focusAfter: 0 };
}

function prefixed(lines: Line[], prefix: string, style: Style): Line[] {
  return lines.map((line, i) => [{ text: i === 0 ? prefix : ' '.repeat(prefix.length), style }, ...line]);
}

function indent(lines: Line[], n: number): Line[] {
  return lines.map((line) => [{ text: ' '.repeat(n), style: 'plain' as const }, ...line]);
}

/** Where the paragraph view starts: the whole own paragraph centred when it fits, else the span a third of the way down. */
function paragraphWindow(view: ParagraphView, rows: number): number {
  const total = view.lines.length;
  const size = view.own.end - view.own.start;
  if (size > rows) return windowAround(total, view.focus, rows).start;
  const start = view.own.start - Math.floor((rows - size) / 2);
  return Math.max(0, Math.min(total - rows, start));
}

/** `rows` lines from `start`, marking with ↑/↓ in the left margin when there is more. */
function windowed(lines: Line[], start: number, rows: number, margin: number): Line[] {
  if (rows <= 0) return [];
  const from = Math.max(0, Math.min(start, lines.length - rows));
  const end = Math.min(lines.length, from + rows);
  return lines.slice(from, end).map((line, i) => {
    if (margin === 0) return line;
    const more = i === 0 && from > 0 ? '↑' : i === end - from - 1 && end < lines.length ? '↓' : ' ';
    return [{ text: more.padEnd(margin), style: 'dim' }, ...line];
  });
}

/** The window of a list of lines that shows line `focus`. */
function windowedAround(lines: Line[], focus: number, rows: number): Line[] {
  return windowed(lines, windowAround(lines.length, focus, rows).start, rows, 0);
}
