// The overview screen as lines: findings per file and per rule (undecided of total, by severity), one list
// focused at a time; Enter opens the first undecided finding of the selected file or rule.
import { SEVERITIES } from '../../engine/types.js';
import { fileSummaries, plural, ruleSummaries, type GroupSummary, type OverviewList, type ReviewState } from '../state.js';
import { fit, truncateStart, windowAround, type Line, type Run } from '../text.js';
import { compose, footerLines, headerLines, ruleLine, type Size } from './common.js';

const COLUMNS = [
  { title: 'undecided', width: 10 },
  ...SEVERITIES.slice()
    .reverse()
    .map((s) => ({ title: s, width: Math.max(7, s.length + 2) })),
];
const STATS_WIDTH = COLUMNS.reduce((n, c) => n + c.width, 0);

export function overviewLines(state: ReviewState, { width, height }: Size): Line[] {
  const files = fileSummaries(state);
  const rules = ruleSummaries(state);
  const header = headerLines(state, width, 'overview', `${plural(state.items.length, 'finding', 'findings')} in ${plural(state.files.length, 'file', 'files')}`);
  const footer = [ruleLine(width), ...footerLines(state, width)];
  const room = Math.max(2, height - header.length - 1 - 3 - footer.length);
  // Each list gets half the rows, or what the other does not need.
  const fileRows = Math.min(files.length, Math.max(Math.ceil(room / 2), room - rules.length));
  const ruleRows = Math.max(0, Math.min(rules.length, room - fileRows));
  const nameWidth = Math.max(8, width - 4 - STATS_WIDTH);
  const focus = state.overview.list;
  const top = [
    ...header,
    ruleLine(width),
    titleLine('Files', 'files', focus, nameWidth),
    ...listRows(
      files.map((f) => ({ name: truncateStart(f.path, nameWidth), summary: f })),
      state.overview.files,
      fileRows,
      focus === 'files',
      nameWidth,
    ),
    [],
    titleLine('Rules', 'rules', focus, nameWidth),
    ...listRows(
      rules.map((r) => ({ name: r.ruleId, summary: r })),
      state.overview.rules,
      ruleRows,
      focus === 'rules',
      nameWidth,
    ),
  ];
  return compose(height, top, footer);
}

function titleLine(title: string, list: OverviewList, focus: OverviewList, nameWidth: number): Line {
  const focused = list === focus;
  const runs: Run[] = [
    { text: focused ? ' ▸ ' : '   ', style: 'key' },
    { text: fit(title, nameWidth), style: focused ? 'bold' : 'dim' },
  ];
  for (const c of COLUMNS) runs.push({ text: c.title.padStart(c.width), style: 'dim' });
  return runs;
}

function listRows(rows: { name: string; summary: GroupSummary }[], selected: number, height: number, focused: boolean, nameWidth: number): Line[] {
  const { start, end } = windowAround(rows.length, selected, height);
  return rows.slice(start, end).map((row, i) => {
    const index = start + i;
    const isSelected = index === selected;
    const { summary } = row;
    const cells = [`${summary.pending}/${summary.total}`, ...SEVERITIES.slice().reverse().map((s) => String(summary.bySeverity[s]))];
    const text = `${isSelected ? ' › ' : '   '}${fit(row.name, nameWidth)}${cells.map((c, k) => c.padStart(COLUMNS[k]!.width)).join('')}`;
    const more = (i === 0 && start > 0) || (i === end - start - 1 && end < rows.length);
    const style = isSelected && focused ? 'selected' : summary.pending === 0 ? 'dim' : 'plain';
    return [{ text: more && !isSelected ? ` ⋮${text.slice(2)}` : text, style }];
  });
}
