// The help screen as lines: the key table itself, grouped by where the keys work.
import { bindingsOf, keysLabel, type KeyContext } from '../keys.js';
import type { ReviewState } from '../state.js';
import { wrapRuns, type Line } from '../text.js';
import { compose, footerLines, headerLines, ruleLine, type Size } from './common.js';

const GROUPS: { context: KeyContext; title: string }[] = [
  { context: 'review', title: 'Reviewing a finding' },
  { context: 'edit', title: 'Editing a replacement (after e)' },
  { context: 'prompt', title: 'Quitting with unwritten fixes' },
  { context: 'overview', title: 'Overview (o)' },
  { context: 'help', title: 'This help' },
];

const KEYS_WIDTH = 18;

/** Every line of the help, before scrolling. */
export function helpText(width: number): Line[] {
  const lines: Line[] = [];
  for (const group of GROUPS) {
    if (lines.length) lines.push([]);
    lines.push([{ text: ` ${group.title}`, style: 'bold' }]);
    for (const binding of bindingsOf(group.context)) {
      const help = wrapRuns([{ text: binding.help, style: 'plain' }], Math.max(10, width - KEYS_WIDTH - 4));
      help.forEach((line, i) => {
        const keys = i === 0 ? keysLabel(binding) : '';
        lines.push([{ text: `   ${keys.padEnd(KEYS_WIDTH)} `, style: 'key' }, ...line]);
      });
    }
  }
  const note = 'Rejected findings are kept in mtaudit.decisions.json (beside mtaudit.config.yaml) and are not reported again. Decisions are saved as you go: a review resumes where it stopped.';
  lines.push([], ...wrapRuns([{ text: note, style: 'dim' }], width - 2).map((line): Line => [{ text: ' ', style: 'plain' }, ...line]));
  return lines;
}

export function helpLines(state: ReviewState, size: Size): Line[] {
  const { width, height } = size;
  const header = headerLines(state, width, 'keys', '');
  const footer = [ruleLine(width), ...footerLines(state, width)];
  const room = Math.max(1, height - header.length - 1 - footer.length);
  const text = helpText(width);
  const scroll = Math.min(state.helpScroll, Math.max(0, text.length - room));
  const body = text.slice(scroll, scroll + room);
  if (scroll + room < text.length) body[body.length - 1] = [{ text: ' ↓ more (j)', style: 'dim' }];
  return compose(height, [...header, ruleLine(width), ...body], footer);
}

/** How far the help can scroll at this size. */
export function helpMaxScroll(state: ReviewState, { width, height }: Size): number {
  const room = Math.max(1, height - 3 - 1 - footerLines(state, width).length);
  return Math.max(0, helpText(width).length - room);
}
