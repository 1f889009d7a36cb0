// The word/punctuation tokens that phrase and name literals are matched on, computed once per document and
// shared by every literal matcher (the rules' and the name check's). A hand-written scanner: on news text it
// is several times faster than a Unicode regular expression, and it stores tokens as parallel arrays.

/**
 * How a token joins the one before it: Joined, with no space (Kassym-Jomart: "Kassym", "-", "Jomart");
 * Spaced, by spaces or tabs or a single line break (soft-wrapped text); Broken, by a blank line, which no
 * literal runs across.
 */
export const Joint = { Joined: 0, Spaced: 1, Broken: 2 } as const;

export interface LiteralTokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  joints: Uint8Array;
  /** hashLower() of each token: most tokens start no literal, and a number says so without making a string. */
  hashes: Int32Array;
  /** The lower-cased text of token i, made when asked for. */
  lowerAt(i: number): string;
}

/** FNV-1a over UTF-16 code units: the hash tokenizeLiterals gives a token whose lower-cased text is `lower`. */
export function hashLower(lower: string): number {
  return hashRange(lower, 0, lower.length);
}

/** hashLower() of text[start, end), without making the string. */
function hashRange(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
  return hash & SMALL;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** 30 bits: V8 keeps such integers unboxed, so a Set of them is looked up without allocating. */
const SMALL = 0x3fffffff;

// Character classes for the ASCII range; beyond it, Unicode properties decide (cached by code point).
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;
const WORD = /[\p{L}\p{M}\p{N}_]/u;
const SPACE = /\s/u;
const wordCache = new Map<number, boolean>();
const spaceCache = new Map<number, boolean>();

function isWordCode(code: number, text: string, i: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  let known = wordCache.get(code);
  if (known === undefined) {
    known = WORD.test(String.fromCodePoint(text.codePointAt(i)!));
    wordCache.set(code, known);
  }
  return known;
}

function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  let known = spaceCache.get(code);
  if (known === undefined) {
    known = SPACE.test(String.fromCharCode(code));
    spaceCache.set(code, known);
  }
  return known;
}

/** Splits text into runs of letters, marks, digits and "_", and single other visible characters. */
export function tokenizeLiterals(text: string): LiteralTokens {
  const capacity = Math.max(16, text.length >> 2);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let joints = new Uint8Array(capacity);
  let hashes = new Int32Array(capacity);
  // One lower-casing of the whole text, when it keeps every offset (it almost always does); otherwise each
  // token is lower-cased on its own, here.
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === text.length;
  const ownLower: string[] = [];
  let count = 0;
  let previousEnd = -1;
  let newlines = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character: its code point decides, and it is never split.
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    if (isSpaceCode(code)) {
      if (code === 10) newlines++;
      i++;
      continue;
    }
    const start = i;
    if (isWordCode(code, text, i)) {
      i += width;
      while (i < n) {
        const c = text.charCodeAt(i);
        const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        if (!isWordCode(c, text, i)) break;
        i += w;
      }
    } else {
      i += width;
    }
    if (count === starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (size: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      starts = grow(starts, (size) => new Int32Array(size));
      ends = grow(ends, (size) => new Int32Array(size));
      joints = grow(joints, (size) => new Uint8Array(size));
      hashes = grow(hashes, (size) => new Int32Array(size));
    }
    starts[count] = start;
    ends[count] = i;
    joints[count] = previousEnd === start ? Joint.Joined : newlines >= 2 ? Joint.Broken : Joint.Spaced;
    if (sameLength) {
      hashes[count] = hashRange(lowered, start, i);
    } else {
      const lower = text.slice(start, i).toLowerCase();
      ownLower.push(lower);
      hashes[count] = hashLower(lower);
    }
    count++;
    previousEnd = i;
    newlines = 0;
  }
  const lowerAt = sameLength ? (k: number) => lowered.slice(starts[k]!, ends[k]!) : (k: number) => ownLower[k]!;
  return { count, starts, ends, joints, hashes, lowerAt };
}
