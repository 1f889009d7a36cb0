// Positions of each lower-cased token in a document, built once on first use and shared by every pattern
// rule, so a pattern anchored on a few words looks at those words only instead of every token.
import type { Analysis } from './types.js';

const indexes = new WeakMap<Analysis, Map<string, number[]>>();

/** The words some loaded pattern anchors on: only these are indexed. Patterns register theirs when compiled. */
const anchorWords = new Set<string>();

export function registerAnchorWords(words: Iterable<string>): void {
  for (const word of words) anchorWords.add(word);
}

export function wordIndex(analysis: Analysis): Map<string, number[]> {
  let index = indexes.get(analysis);
  if (!index) {
    index = new Map();
    for (const token of analysis.tokens) {
      if (token.sentence < 0 || !anchorWords.has(token.lower)) continue;
      const list = index.get(token.lower);
      if (list) list.push(token.index);
      else index.set(token.lower, [token.index]);
    }
    indexes.set(analysis, index);
  }
  return index;
}
