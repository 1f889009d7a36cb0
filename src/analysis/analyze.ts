// wink-nlp analysis: sentences and tokens with exact UTF-16 offsets and POS tags, computed once per document.
import winkNLP from 'wink-nlp';
import type { Analysis, Sentence, Token } from './types.js';
import type { DocumentFormat } from '../documents/types.js';
import { textWindows } from '../documents/windows.js';
import { sentencePosModel, stockModel } from './model.js';

// wink-nlp ships CommonJS; its typings are loose, so we keep the surface we use narrow.
interface WinkItems {
  out(what?: unknown): unknown[];
}
interface WinkDoc {
  tokens(): WinkItems;
  sentences(): WinkItems;
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let nlp: WinkNlp | undefined;

/** Loads the language model on first use (about 0.06 s), once per process or worker. */
export function languageModel(): WinkNlp {
  if (nlp) return nlp;
  // A static import, so the command's bundle holds wink-nlp's forty modules as one (about 8 ms less to load).
  const create = winkNLP as unknown as (model: unknown, pipe: string[]) => WinkNlp;
  try {
    nlp = create(sentencePosModel(), ['sbd', 'pos']);
  } catch {
    // A model package laid out otherwise than the loader expects: its own entry tags the same, only slower to load.
    nlp = create(stockModel(), ['sbd', 'pos']);
  }
  return nlp;
}

/** Long texts are tagged in pieces cut at paragraph breaks (where there are any), so wink-nlp's memory stays that of a piece. */
const MAX_CHUNK = 100_000;

/**
 * wink-nlp's tokenizer slows down with the square of a run of text without spaces (50,000 characters of
 * "a-a-a-" take seconds), so longer runs (minified data, base64, a URL gone wrong) are tagged in pieces.
 */
const MAX_RUN = 1_000;

export function analyze(text: string, format: DocumentFormat = 'text'): Analysis {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const [chunkStart, chunkEnd] of textWindows(text, MAX_CHUNK)) {
    for (const [start, end] of pieces(text, chunkStart, chunkEnd)) analyzeChunk(text, start, end, format, tokens, sentences);
  }
  return { tokens, sentences };
}

/** [start, end) cut so that no piece holds a run of more than MAX_RUN characters without a space. */
function* pieces(text: string, start: number, end: number): Generator<[number, number]> {
  // A run without whitespace has no ASCII space either: when spaces come often enough (almost every text), there
  // is none, which indexOf finds out far faster than a loop over every character.
  if (spacedEnough(text, start, end)) {
    if (end > start) yield [start, end];
    return;
  }
  let from = start;
  let runStart = start;
  for (let i = start; i < end; i++) {
    if (isWhitespace(text.charCodeAt(i))) {
      runStart = i + 1;
      continue;
    }
    if (i - runStart < MAX_RUN) continue;
    // A long run: what comes before it on its own, then the run in pieces.
    let runEnd = i;
    while (runEnd < end && !isWhitespace(text.charCodeAt(runEnd))) runEnd++;
    if (runStart > from) yield [from, runStart];
    for (const [a, b] of textWindows(text.slice(runStart, runEnd), MAX_RUN)) yield [runStart + a, runStart + b];
    from = runStart = runEnd;
    i = runEnd - 1;
  }
  if (end > from) yield [from, end];
}

/** True when no stretch of [start, end) longer than MAX_RUN lacks an ASCII space. */
function spacedEnough(text: string, start: number, end: number): boolean {
  let previous = start - 1;
  for (;;) {
    const space = text.indexOf(' ', previous + 1);
    if (space === -1 || space >= end) return end - previous - 1 <= MAX_RUN;
    if (space - previous - 1 > MAX_RUN) return false;
    previous = space;
  }
}

function isWhitespace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function analyzeChunk(
  text: string,
  chunkStart: number,
  chunkEnd: number,
  format: DocumentFormat,
  tokens: Token[],
  sentences: Sentence[],
): void {
  const { readDoc, its } = bind(languageModel());
  const doc = readDoc(text.slice(chunkStart, chunkEnd));
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const spans = doc.sentences().out(its.span) as [number, number][];

  const base = tokens.length;
  let offset = chunkStart;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    offset += spaces[i]!.length;
    let start = offset;
    if (!text.startsWith(value, start)) {
      // wink-nlp normalises a few characters; find the token where it really is.
      const found = text.indexOf(value, start);
      start = found === -1 || found > chunkEnd ? start : found;
    }
    const exact = text.startsWith(value, start);
    const end = exact ? start + value.length : nextBoundary(text, start, chunkEnd);
    const tokenText = exact ? value : text.slice(start, end);
    tokens.push({ index: base + i, start, end, text: tokenText, lower: tokenText.toLowerCase(), pos: tags[i]!, type: types[i]!, sentence: -1 });
    offset = end;
  }

  // wink-nlp's sentences run across single line breaks; plain-text news puts one paragraph per line.
  for (const [first, last] of spans) {
    let from = base + first;
    const stop = base + last + 1;
    for (let i = from; i <= stop; i++) {
      const token = tokens[i];
      const breaks = token === undefined || i === stop || (token.type === 'tabCRLF' && (format === 'text' || /\n[ \t]*\n/.test(token.text)));
      if (!breaks) continue;
      pushSentence(tokens, sentences, from, Math.min(i, stop));
      from = i + 1;
    }
  }
}

function pushSentence(tokens: Token[], sentences: Sentence[], from: number, to: number): void {
  // Trim whitespace tokens at both ends.
  while (from < to && tokens[from]!.pos === 'SPACE') from++;
  while (to > from && tokens[to - 1]!.pos === 'SPACE') to--;
  if (from >= to) return;
  const index = sentences.length;
  for (let i = from; i < to; i++) tokens[i]!.sentence = index;
  sentences.push({ index, start: tokens[from]!.start, end: tokens[to - 1]!.end, firstToken: from, endToken: to });
}

function nextBoundary(text: string, start: number, limit: number): number {
  let end = start;
  while (end < limit && !/\s/.test(text[end]!)) end++;
  return Math.max(end, start + 1);
}

function bind(model: WinkNlp): { readDoc: (t: string) => WinkDoc; its: Record<string, unknown> } {
  return { readDoc: model.readDoc.bind(model), its: model.its };
}
