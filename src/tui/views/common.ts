// Pieces every screen shares: the two header lines, rules, and the footer (keys from the key table, then
// the status or the quit prompt).
import { SEVERITIES } from '../../engine/types.js';
import { footerHints } from '../keys.js';
import { acceptedCount, decisionCounts, keyContext, plural, severityCounts, type ReviewState } from '../state.js';
import { fit, textWidth, truncateEnd, truncateStart, type Line, type Run } from '../text.js';

export interface Size {
  width: number;
  height: number;
}

export function ruleLine(width: number): Line {
  return [{ text: '─'.repeat(Math.max(0, width)), style: 'dim' }];
}

/** Left runs and right runs on one line, the right ones flush right; the left side gives way first. */
export function spread(left: Run[], right: Run[], width: number): Line {
  const rightWidth = right.reduce((n, r) => n + textWidth(r.text), 0);
  const room = Math.max(0, width - rightWidth - 1);
  const cut = cutRuns(left, room);
  const used = cut.reduce((n, r) => n + textWidth(r.text), 0);
  return [...cut, { text: ' '.repeat(Math.max(1, width - used - rightWidth)), style: 'plain' }, ...right];
}

/** Runs cut to a width, the last one ending in an ellipsis when something was cut. */
export function cutRuns(runs: readonly Run[], width: number): Run[] {
  const out: Run[] = [];
  let left = width;
  for (const run of runs) {
    const w = textWidth(run.text);
    if (w <= left) {
      out.push(run);
      left -= w;
      continue;
    }
    if (left > 0) out.push({ text: truncateEnd(run.text, left), style: run.style });
    break;
  }
  return out;
}

export function headerLines(state: ReviewState, width: number, title: string, right: string): Line[] {
  const counts = severityCounts(state.items);
  const severities: Run[] = [];
  for (const s of [...SEVERITIES].reverse()) {
    if (severities.length) severities.push({ text: ' · ', style: 'dim' });
    severities.push({ text: `${s} ${counts[s]}`, style: counts[s] ? s : 'dim' });
  }
  const d = decisionCounts(state);
  const decisions: Run[] = [
    { text: `accepted ${d.accepted}`, style: d.accepted ? 'accepted' : 'dim' },
    { text: ' · ', style: 'dim' },
    { text: `rejected ${d.rejected}`, style: d.rejected ? 'rejected' : 'dim' },
    { text: ' · ', style: 'dim' },
    { text: `undecided ${d.pending}`, style: 'plain' },
  ];
  return [
    spread([{ text: ' mtaudit review', style: 'bold' }, { text: `  ${title}`, style: 'plain' }], [{ text: `${right} `, style: 'bold' }], width),
    spread([{ text: ' ', style: 'plain' }, ...severities], [...decisions, { text: ' ', style: 'plain' }], width),
  ];
}

/** A path shortened from the left to fit, keeping the file name. */
export function shortPath(path: string, width: number): string {
  return truncateStart(path, width);
}

/** Key hints of the current context, wrapped to the width, then one status line. */
export function footerLines(state: ReviewState, width: number): Line[] {
  const lines: Line[] = [];
  let line: Run[] = [{ text: ' ', style: 'plain' }];
  let used = 1;
  for (const hint of footerHints(keyContext(state))) {
    const w = textWidth(hint.keys) + 1 + textWidth(hint.label);
    const gap = used > 1 ? 2 : 0;
    if (used + gap + w > width && used > 1) {
      lines.push(line);
      line = [{ text: ' ', style: 'plain' }];
      used = 1;
    }
    if (used > 1) line.push({ text: '  ', style: 'plain' });
    line.push({ text: hint.keys, style: 'key' }, { text: ` ${hint.label}`, style: 'plain' });
    used += (used > 1 ? 2 : 0) + w;
  }
  lines.push(line);
  return [...lines, statusLine(state, width)];
}

function statusLine(state: ReviewState, width: number): Line {
  if (state.prompt === 'quit') {
    const n = acceptedCount(state);
    return [{ text: fit(` ${plural(n, 'accepted fix', 'accepted fixes')} unwritten (kept for next time). Quit anyway? (y/n)`, width), style: 'warn' }];
  }
  if (state.status) return [{ text: fit(` ${state.status.text}`, width), style: state.status.tone }];
  return [];
}

/** Top lines, blank rows, then the bottom lines: exactly `height` rows with the footer at the bottom. */
export function compose(height: number, top: Line[], bottom: Line[]): Line[] {
  const room = Math.max(0, height - bottom.length);
  const body = top.slice(0, room);
  while (body.length < room) body.push([]);
  return [...body, ...bottom].slice(0, height);
}
