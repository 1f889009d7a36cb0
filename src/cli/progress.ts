// A one-line progress display on standard error for long batch runs: files done of total, rate, time left.
// Only on a terminal; the caller decides (--quiet, not a TTY: no progress at all).

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** "120/480 files · 35.2 files/s · 10s left" */
export function formatProgress(done: number, total: number | undefined, elapsedMs: number): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const parts = [total === undefined ? `${done} files` : `${done}/${total} files`];
  if (done > 0 && seconds > 0) parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} files/s`);
  if (total !== undefined && done > 0 && rate > 0) parts.push(`${formatDuration(Math.max(0, total - done) / rate)} left`);
  return parts.join(' · ');
}

interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

export class Progress {
  private done = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly started: number;

  constructor(
    private readonly stream: ProgressStream,
    private total: number | undefined = undefined,
    private readonly now: () => number = Date.now,
    /** Redraws at most this often. */
    private readonly intervalMs = 100,
  ) {
    this.started = now();
  }

  setTotal(total: number): void {
    this.total = total;
  }

  /** One more file finished. */
  tick(): void {
    this.done++;
    const t = this.now();
    if (t - this.lastDraw < this.intervalMs && this.done !== this.total) return;
    this.lastDraw = t;
    const line = `mtaudit: ${formatProgress(this.done, this.total, t - this.started)}`;
    const width = this.stream.columns || 80; // 0 when the terminal does not say
    this.stream.write(`\r\x1b[2K${line.slice(0, Math.max(10, width - 1))}`);
    this.shown = true;
  }

  /** Erases the line, so other output starts on a clean line; the next tick draws it again. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
    this.lastDraw = 0;
  }
}
