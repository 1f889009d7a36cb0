// Counts for people ("1,234 files"). Written by hand: the first toLocaleString call loads ICU locale data,
// about 15 ms of a 0.3 s start-up.

/** An integer with a comma between groups of three digits, as en-US writes it: 1234567 → "1,234,567". */
export function groupDigits(n: number): string {
  const digits = String(Math.abs(Math.round(n)));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = `${digits.slice(Math.max(0, end - 3), end)}${out ? `,${out}` : ''}`;
  return n < 0 && digits !== '0' ? `-${out}` : out;
}

/** "1 file", "2,000 files"; `many` for irregular plurals. */
export function countOf(n: number, word: string, many = `${word}s`): string {
  return `${groupDigits(n)} ${n === 1 ? word : many}`;
}
