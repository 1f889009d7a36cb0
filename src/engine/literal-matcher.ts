// Finds every literal of every phrase and name rule in one pass over the text. Literals are split into
// tokens (runs of letters and digits, single punctuation marks) and stored in a trie keyed by lower-cased
// tokens and how each joins the one before; the text is tokenised once (shared by every matcher of the
// document) and walked through the trie, so the cost per word does not grow with the number of rules.
// Matching is leftmost-longest, like a combined regular expression.
import type { LiteralHit, LiteralSpec } from '../rules/types.js';
import { Joint, tokenizeLiterals, type LiteralTokens } from './literal-tokens.js';

interface TrieNode {
  /** Next tokens joined directly to this one, and next tokens after a space. */
  joined?: Map<string, TrieNode>;
  spaced?: Map<string, TrieNode>;
  specs: LiteralSpec[];
}

export class LiteralMatcher {
  private readonly root = new Map<string, TrieNode>();
  private count = 0;

  constructor(specs: LiteralSpec[]) {
    for (const spec of specs) {
      const tokens = tokenizeLiterals(spec.text.trim());
      if (tokens.count === 0) continue;
      let node: TrieNode | undefined = this.root.get(tokens.lower[0]!);
      if (!node) {
        node = { specs: [] };
        this.root.set(tokens.lower[0]!, node);
      }
      for (let k = 1; k < tokens.count; k++) {
        const key = tokens.lower[k]!;
        const level: Map<string, TrieNode> = tokens.joints[k] === Joint.Joined ? (node.joined ??= new Map()) : (node.spaced ??= new Map());
        let next: TrieNode | undefined = level.get(key);
        if (!next) {
          next = { specs: [] };
          level.set(key, next);
        }
        node = next;
      }
      if (node.specs.length === 0) this.count++;
      node.specs.push(spec);
    }
  }

  /** Number of distinct literals. */
  get size(): number {
    return this.count;
  }

  /** Every accepted hit, in text order; a hit is handed to each literal that owns it. */
  *scan(text: string, tokens: LiteralTokens = tokenizeLiterals(text)): Generator<LiteralHit & { spec: LiteralSpec }> {
    if (this.root.size === 0) return;
    const { count, starts, ends, joints, lower } = tokens;
    for (let i = 0; i < count; ) {
      let node: TrieNode | undefined = this.root.get(lower[i]!);
      if (!node) {
        i++;
        continue;
      }
      let best: TrieNode | undefined = node.specs.length ? node : undefined;
      let bestIndex = i;
      for (let j = i + 1; j < count; j++) {
        const joint = joints[j]!;
        const level: Map<string, TrieNode> | undefined = joint === Joint.Joined ? node.joined : joint === Joint.Spaced ? node.spaced : undefined;
        const next: TrieNode | undefined = level?.get(lower[j]!);
        if (!next) break;
        node = next;
        if (node.specs.length) {
          best = node;
          bestIndex = j;
        }
      }
      if (!best) {
        i++;
        continue;
      }
      const start = starts[i]!;
      const end = ends[bestIndex]!;
      const found = text.slice(start, end);
      let accepted = false;
      for (const spec of best.specs) {
        if (spec.caseSensitive && squashSpaces(found) !== squashSpaces(spec.text.trim())) continue;
        accepted = true;
        yield { start, end, text: found, data: spec.data, spec };
      }
      // A case-sensitive literal that did not match exactly leaves the tokens free for shorter ones.
      i = accepted ? bestIndex + 1 : i + 1;
    }
  }
}

function squashSpaces(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}
