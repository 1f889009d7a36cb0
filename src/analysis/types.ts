/** What a rule needs from analysis; the engine runs the least that satisfies every loaded rule. */
export type AnalysisNeed = 'none' | 'tokens';

export interface Token {
  index: number;
  start: number;
  end: number;
  text: string;
  /** The text in lower case, computed once for every check that compares words. */
  lower: string;
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, ADP, PUNCT, SPACE, ...). */
  pos: string;
  /** wink-nlp token type: word, punctuation, number, emoji, tabCRLF, ... */
  type: string;
  /** Index of the sentence holding the token; -1 for line breaks between sentences. */
  sentence: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** First token index (inclusive) and last token index (exclusive); newline tokens are excluded. */
  firstToken: number;
  endToken: number;
}

export interface Analysis {
  tokens: Token[];
  sentences: Sentence[];
}
