// Building regular expressions from word lists.

/** Text as a regular expression that matches it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Every match of a global regex in a text. The regex object is reused across calls (checks compile theirs
 * once), so the whole result is collected before returning: no other scan can move lastIndex meanwhile.
 * Cheaper than String.prototype.matchAll, which copies the regex on every call.
 */
export function matches(regex: RegExp, text: string): RegExpExecArray[] {
  if (!regex.global) throw new Error('matches() needs a global regex');
  const out: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    out.push(m);
    // Past an empty match, by a whole character when the regex reads characters (u flag), as matchAll does.
    if (m[0] === '') regex.lastIndex += regex.unicode && isSurrogatePair(text, regex.lastIndex) ? 2 : 1;
  }
  return out;
}

function isSurrogatePair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
