/** True when [start, end) lies inside an occurrence of one of the (lower-case) exception phrases. */
export function isInsideException(text: string, start: number, end: number, exceptions: string[]): boolean {
  for (const exception of exceptions) {
    const from = Math.max(0, end - exception.length);
    const window = text.slice(from, Math.min(text.length, start + exception.length)).toLowerCase();
    let at = window.indexOf(exception);
    while (at !== -1) {
      const s = from + at;
      if (s <= start && s + exception.length >= end) return true;
      at = window.indexOf(exception, at + 1);
    }
  }
  return false;
}
