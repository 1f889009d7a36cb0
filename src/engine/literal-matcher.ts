// Finds every literal of every phrase and name rule in one pass over the text. Literals are split into
// tokens (runs of letters and digits, single punctuation marks) and stored in a trie keyed by lower-cased
// tokens and how each joins the one before; the text is tokenised once (shared by every matcher of the
// document) and walked through the trie, so the cost per word does not grow with the number of rules.
// Matching is leftmost-longest, like a combined regular expression, within each channel: literals of
// different owners (the rules; a corpus check's name registry) share the trie and the walk, and each channel
// gets the hits a trie of its own literals would give.
import type { LiteralHit, LiteralSpec } from '../rules/types.js';
import { Joint, hashLower, tokenizeLiterals, type LiteralTokens } from './literal-tokens.js';

interface TrieNode {
  /** Next tokens joined directly to this one, and next tokens after a space. */
  joined?: Map<string, TrieNode>;
  spaced?: Map<string, TrieNode>;
  specs: LiteralSpec[];
  /** The channels with a literal ending here, one bit each. */
  channels: number;
}

/** A literal with the channel of its owner (0 unless given). */
export type ChannelSpec = LiteralSpec & { channel?: number };

/** Channels are bits of a number. */
const MAX_CHANNELS = 30;

export class LiteralMatcher {
  private readonly root = new Map<string, TrieNode>();
  /** hashLower() of every first token: a text token whose hash is not here starts no literal. */
  private readonly rootHashes = new Set<number>();
  private count = 0;

  private channelCount = 1;

  constructor(specs: ChannelSpec[]) {
    for (const spec of specs) {
      const channel = spec.channel ?? 0;
      if (!(channel >= 0 && channel < MAX_CHANNELS)) throw new Error(`literal channel ${channel} out of range`);
      this.channelCount = Math.max(this.channelCount, channel + 1);
      const tokens = tokenizeLiterals(spec.text.trim());
      if (tokens.count === 0) continue;
      const first = tokens.lowerAt(0);
      let node: TrieNode | undefined = this.root.get(first);
      if (!node) {
        node = { specs: [], channels: 0 };
        this.root.set(first, node);
        this.rootHashes.add(hashLower(first));
      }
      for (let k = 1; k < tokens.count; k++) {
        const key = tokens.lowerAt(k);
        const level: Map<string, TrieNode> = tokens.joints[k] === Joint.Joined ? (node.joined ??= new Map()) : (node.spaced ??= new Map());
        let next: TrieNode | undefined = level.get(key);
        if (!next) {
          next = { specs: [], channels: 0 };
          level.set(key, next);
        }
        node = next;
      }
      if (node.specs.length === 0) this.count++;
      node.specs.push(spec);
      node.channels |= 1 << channel;
    }
  }

  /** Number of distinct literals. */
  get size(): number {
    return this.count;
  }

  /**
   * Every accepted hit, in text order (at one start, by channel); a hit is handed to each literal that owns
   * it. Each channel resumes after its own last hit, as if it had the trie to itself.
   */
  *scan(text: string, tokens: LiteralTokens = tokenizeLiterals(text)): Generator<LiteralHit & { spec: ChannelSpec }> {
    if (this.root.size === 0) return;
    const { count, starts, ends, joints, hashes, lowerAt } = tokens;
    const rootHashes = this.rootHashes;
    const channels = this.channelCount;
    /** Per channel: the first token it may start at, and its longest literal from the current start. */
    const resume = new Int32Array(channels);
    const bestNode: (TrieNode | undefined)[] = new Array(channels);
    const bestIndex = new Int32Array(channels);
    for (let i = 0; i < count; i++) {
      if (!rootHashes.has(hashes[i]!)) continue;
      let node: TrieNode | undefined = this.root.get(lowerAt(i));
      if (!node) continue;
      let open = 0; // channels that may start here
      for (let c = 0; c < channels; c++) {
        bestNode[c] = undefined;
        if (resume[c]! <= i) open |= 1 << c;
      }
      if (open === 0) continue;
      // Walk the trie from here, noting for each open channel the longest literal it has.
      for (let j = i; ; ) {
        const ending = node.channels & open;
        if (ending) {
          for (let c = 0; c < channels; c++) {
            if (ending & (1 << c)) {
              bestNode[c] = node;
              bestIndex[c] = j;
            }
          }
        }
        if (++j >= count) break;
        const joint = joints[j]!;
        const level: Map<string, TrieNode> | undefined = joint === Joint.Joined ? node.joined : joint === Joint.Spaced ? node.spaced : undefined;
        const next: TrieNode | undefined = level?.get(lowerAt(j));
        if (!next) break;
        node = next;
      }
      for (let c = 0; c < channels; c++) {
        const best = bestNode[c];
        if (!best) continue;
        const start = starts[i]!;
        const end = ends[bestIndex[c]!]!;
        const found = text.slice(start, end);
        let accepted = false;
        for (const spec of best.specs as ChannelSpec[]) {
          if ((spec.channel ?? 0) !== c) continue;
          if (spec.caseSensitive && squashSpaces(found) !== squashSpaces(spec.text.trim())) continue;
          accepted = true;
          yield { start, end, text: found, data: spec.data, spec };
        }
        // A case-sensitive literal that did not match exactly leaves the tokens free for shorter ones.
        if (accepted) resume[c] = bestIndex[c]! + 1;
      }
    }
  }
}

function squashSpaces(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}
