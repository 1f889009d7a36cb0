// Finds every literal of every phrase and name rule in one pass over the text: the literals are compiled
// into a single RegExp shaped like a trie, so adding rules adds branches, not passes.
import type { LiteralHit, LiteralSpec } from '../rules/types.js';

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}\\p{M}_])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}\\p{M}_])';
// A space in a literal matches a run of spaces or tabs, or a single line break (soft-wrapped text).
const GAP = '(?:[ \\t\\u00a0]+|[ \\t]*\\r?\\n[ \\t]*)';

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

export function normalizeLiteral(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export class LiteralMatcher {
  private readonly owners = new Map<string, LiteralSpec[]>();
  private readonly regex: RegExp | null;

  constructor(specs: LiteralSpec[]) {
    const wordStart = newNode();
    const otherStart = newNode();
    for (const spec of specs) {
      const key = normalizeLiteral(spec.text);
      if (!key) continue;
      const list = this.owners.get(key);
      if (list) list.push(spec);
      else this.owners.set(key, [spec]);
      insert(WORD_CHAR.test(key[0]!) ? wordStart : otherStart, key);
    }
    const parts: string[] = [];
    if (wordStart.children.size) parts.push(`${NOT_AFTER_WORD}${emit(wordStart)}`);
    if (otherStart.children.size) parts.push(emit(otherStart));
    this.regex = parts.length ? new RegExp(parts.join('|'), 'giu') : null;
  }

  get size(): number {
    return this.owners.size;
  }

  /** Every accepted hit, in text order; a hit is handed to each literal that owns it. */
  *scan(text: string): Generator<LiteralHit & { spec: LiteralSpec }> {
    if (!this.regex) return;
    const regex = new RegExp(this.regex.source, this.regex.flags);
    for (const match of text.matchAll(regex)) {
      const found = match[0];
      const start = match.index;
      const owners = this.owners.get(normalizeLiteral(found));
      if (!owners) continue;
      for (const spec of owners) {
        if (spec.caseSensitive && found.replace(/\s+/g, ' ') !== spec.text.replace(/\s+/g, ' ')) continue;
        yield { start, end: start + found.length, text: found, data: spec.data, spec };
      }
    }
  }
}

function newNode(): TrieNode {
  return { children: new Map(), terminal: false };
}

function insert(root: TrieNode, key: string): void {
  let node = root;
  for (const ch of key) {
    let next = node.children.get(ch);
    if (!next) {
      next = newNode();
      node.children.set(ch, next);
    }
    node = next;
  }
  node.terminal = true;
}

/** Emits the regex for a subtree; longer continuations are tried before ending, so the longest literal wins. */
function emit(node: TrieNode, last = ''): string {
  const branches: string[] = [];
  for (const [ch, child] of [...node.children].sort(([a], [b]) => (a < b ? -1 : 1))) {
    branches.push(atom(ch) + emit(child, ch));
  }
  if (node.terminal) branches.push(WORD_CHAR.test(last) ? NOT_BEFORE_WORD : '');
  if (branches.length === 1) return branches[0]!;
  return `(?:${branches.join('|')})`;
}

function atom(ch: string): string {
  if (ch === ' ') return GAP;
  // Only syntax characters may be escaped under the u flag.
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
