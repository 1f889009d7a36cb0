// `lint --timing`: where the time went, by rule and by stage, slowest first.
import { groupDigits } from '../text/numbers.js';

/** The slowest `limit` entries as a table, with each one's share of the timed total. */
export function formatTimings(timings: ReadonlyMap<string, number>, limit = 20): string {
  const rows = [...timings].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  const shown = rows.slice(0, limit);
  const width = Math.max(24, ...shown.map(([label]) => label.length));
  const ms = groupDigits;
  const lines = [
    `mtaudit: time by rule and stage, in this thread (${shown.length} slowest of ${rows.length}; ${ms(total)} ms in all):`,
    `  ${'rule or stage'.padEnd(width)} ${'ms'.padStart(8)} ${'share'.padStart(7)}`,
    ...shown.map(([label, time]) => `  ${label.padEnd(width)} ${ms(time).padStart(8)} ${`${total ? ((100 * time) / total).toFixed(1) : '0.0'}%`.padStart(7)}`),
  ];
  return `${lines.join('\n')}\n`;
}
