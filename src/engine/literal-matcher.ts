// Finds every literal of every phrase and name rule in one pass over the text. Literals are split into
// tokens (runs of letters and digits, single punctuation marks) and stored in a trie keyed by lower-cased
// tokens; the text is tokenised once and walked through the trie, so the cost per word does not grow with
// the number of rules. Matching is leftmost-longest, like a combined regular expression.
import type { LiteralHit, LiteralSpec } from '../rules/types.js';

// Letters, marks, digits and connector punctuation form words; every other visible character is a token.
const TOKEN = /[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu;

/** How a token is joined to the one before it: directly, by spaces (or one line break), or not at all (a blank line). */
const JOINED = '';
const SPACED = ' ';

interface TrieNode {
  next: Map<string, TrieNode>;
  specs: LiteralSpec[];
}

export function normalizeLiteral(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Keys of a literal's tokens: the lower-cased token, prefixed by how it joins the previous token. */
function literalKeys(text: string): string[] {
  const keys: string[] = [];
  let previousEnd = -1;
  for (const m of text.trim().matchAll(TOKEN)) {
    const joint = previousEnd === -1 || m.index === previousEnd ? JOINED : SPACED;
    keys.push(joint + m[0].toLowerCase());
    previousEnd = m.index + m[0].length;
  }
  return keys;
}

export class LiteralMatcher {
  private readonly root = new Map<string, TrieNode>();
  private count = 0;

  constructor(specs: LiteralSpec[]) {
    for (const spec of specs) {
      const keys = literalKeys(spec.text);
      if (keys.length === 0) continue;
      let level = this.root;
      let node: TrieNode | undefined;
      for (const key of keys) {
        node = level.get(key);
        if (!node) {
          node = { next: new Map(), specs: [] };
          level.set(key, node);
        }
        level = node.next;
      }
      if (node!.specs.length === 0) this.count++;
      node!.specs.push(spec);
    }
  }

  /** Number of distinct literals. */
  get size(): number {
    return this.count;
  }

  /** Every accepted hit, in text order; a hit is handed to each literal that owns it. */
  *scan(text: string): Generator<LiteralHit & { spec: LiteralSpec }> {
    if (this.root.size === 0) return;
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; ) {
      let level = this.root;
      let best: { end: number; specs: LiteralSpec[] } | undefined;
      let bestIndex = i;
      for (let j = i; j < tokens.length; j++) {
        const token = tokens[j]!;
        const node = level.get(j === i ? token.lower : token.joint + token.lower);
        if (!node) break;
        if (node.specs.length) {
          best = { end: token.end, specs: node.specs };
          bestIndex = j;
        }
        level = node.next;
        if (level.size === 0) break;
      }
      if (!best) {
        i++;
        continue;
      }
      const start = tokens[i]!.start;
      const found = text.slice(start, best.end);
      let accepted = false;
      for (const spec of best.specs) {
        if (spec.caseSensitive && found.replace(/\s+/g, ' ') !== spec.text.trim().replace(/\s+/g, ' ')) continue;
        accepted = true;
        yield { start, end: best.end, text: found, data: spec.data, spec };
      }
      // A case-sensitive literal that did not match exactly leaves the tokens free for shorter ones.
      i = accepted ? bestIndex + 1 : i + 1;
    }
  }
}

interface TextToken {
  start: number;
  end: number;
  lower: string;
  /** How the token joins the previous one (see JOINED, SPACED); '\n' after a blank line, so no literal spans it. */
  joint: string;
}

function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    let joint = JOINED;
    if (start > previousEnd) {
      const gap = text.slice(previousEnd, start);
      joint = /\n[^\S\n]*\n/.test(gap) ? '\n' : SPACED;
    }
    tokens.push({ start, end: start + m[0].length, lower: m[0].toLowerCase(), joint });
    previousEnd = start + m[0].length;
  }
  return tokens;
}
