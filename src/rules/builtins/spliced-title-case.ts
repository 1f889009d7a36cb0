// Hyperlink text spliced into a sentence: the MT system translated the link and the text around it as
// separate segments and capitalised each ("vowed to take Severe measures In order to", "Be fired The cabinet").
// Signal: a capitalised function word (or verb) right after a lower-case word, mid-sentence; the span
// reaches back to the capitalised word where the link text began.
import type { Analysis, Token } from '../../analysis/types.js';
import type { Detection } from '../../engine/types.js';
import { startsUpper, wordCase } from '../../text/case.js';
import { defineBuiltin, stringList, wordSet } from './types.js';

interface Options {
  functionWords: string[];
  /** Capitalised verbs start a splice only when the tagger calls them VERB or AUX and a lower-case word follows. */
  verbTriggers: boolean;
  /** Words after which a capitalised title is expected ("a book called The Idiot"). */
  namingWords: string[];
  /** Names that begin with a capitalised "The" (The Hague, The Gambia). */
  theNames: string[];
  /** Last words of publication names (The Washington Post, The Moscow Times). */
  publicationWords: string[];
  /** Words never taken as a splice: months and weekdays are capitalised anyway. */
  neverTrigger: string[];
  maxLinkWords: number;
}

export default defineBuiltin<Options>({
  needs: 'tokens',
  optionsSchema: {
    type: 'object',
    properties: {
      functionWords: stringList,
      verbTriggers: { type: 'boolean' },
      namingWords: stringList,
      theNames: stringList,
      publicationWords: stringList,
      neverTrigger: stringList,
      maxLinkWords: { type: 'integer', minimum: 0, maximum: 12 },
    },
    additionalProperties: false,
  },
  // Without a capitalised function word right after a lower-case word there is nothing to find (and no need to tag).
  prefilter: (options) => {
    if (options.verbTriggers) return () => true;
    const words = options.functionWords.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
    if (words.length === 0) return () => false;
    const regex = new RegExp(`\\p{Ll}[ \\t\\u00a0]+(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'u');
    return (text) => regex.test(text);
  },
  defaults: { functionWords: [], verbTriggers: true, namingWords: [], theNames: [], publicationWords: [], neverTrigger: [], maxLinkWords: 5 },
  create: (options) => {
    const functionWords = wordSet(options.functionWords);
    const namingWords = wordSet(options.namingWords);
    const theNames = options.theNames.map((n) => n.toLowerCase());
    const publicationWords = wordSet(options.publicationWords);
    const neverTrigger = wordSet(options.neverTrigger);
    const joiners = wordSet(['and', 'or', 'of', '&', "'s", '’s']);

    const isWord = (t: Token | undefined): t is Token => t !== undefined && t.type === 'word';
    const isLowerWord = (t: Token | undefined) => isWord(t) && wordCase(t.text) === 'lower';
    const isTitleWord = (t: Token | undefined) => isWord(t) && wordCase(t.text) === 'title';

    /** "The" that opens a real name: The Hague, The Washington Post. */
    const opensName = (tokens: Token[], i: number, end: number): boolean => {
      const run: string[] = [];
      for (let k = i + 1; k < end && isWord(tokens[k]) && startsUpper(tokens[k]!.text); k++) run.push(tokens[k]!.lower);
      if (run.length === 0) return false;
      const joined = run.join(' ');
      return theNames.some((n) => joined === n || joined.startsWith(`${n} `)) || publicationWords.has(run[run.length - 1]!);
    };

    /**
     * 'alone': the capital is a splice by itself ("onslaught The presidential palace"). 'paired': the next word is
     * capitalised too, so this may open a name ("told The Constitution", "at The Mayfair"); it counts only when
     * the start of the link text is also visible before it ("Ask for help The Collective …").
     */
    const trigger = (tokens: Token[], i: number, end: number): 'alone' | 'paired' | null => {
      const token = tokens[i]!;
      const lower = token.lower;
      // The cheap test first: most tokens do not start with a capital.
      if (!startsUpper(token.text) || !isTitleWord(token) || neverTrigger.has(lower) || token.pos === 'PROPN') return null;
      const previous = tokens[i - 1];
      if (!isLowerWord(previous) || namingWords.has(previous!.lower)) return null;
      const next = tokens[i + 1];
      const nameFollows = isWord(next) && startsUpper(next.text);
      if (functionWords.has(lower)) {
        if (lower === 'the' && opensName(tokens, i, end)) return null;
        if (!nameFollows) return 'alone';
        // "Art Blakey and The Jazz Messengers", "the Battle of The Little Big Horn": one name joined to another.
        return joiners.has(previous!.lower) ? null : 'paired';
      }
      if (options.verbTriggers && (token.pos === 'VERB' || token.pos === 'AUX') && isLowerWord(next)) return 'alone';
      return null;
    };

    return (context) => {
      const analysis: Analysis = context.analysis();
      const { tokens } = analysis;
      const spans: [number, number][] = [];
      for (const sentence of analysis.sentences) {
        if (looksLikeHeadline(tokens, sentence.firstToken, sentence.endToken, functionWords)) continue;
        for (let i = sentence.firstToken + 1; i < sentence.endToken; i++) {
          const kind = trigger(tokens, i, sentence.endToken);
          if (!kind) continue;
          let first = i;
          // Reach back to the capitalised word where the link text began ("take Severe measures In").
          // Link text starts lower-case after its first word ("Severe measures"); "Art Blakey" is a name.
          for (let k = i - 1; k > sentence.firstToken && i - k <= options.maxLinkWords; k--) {
            if (!isWord(tokens[k])) break;
            if (isTitleWord(tokens[k]) && isLowerWord(tokens[k - 1]) && isLowerWord(tokens[k + 1])) {
              first = k;
              break;
            }
          }
          if (kind === 'paired' && first === i) continue;
          const last = spans[spans.length - 1];
          if (last && first <= last[1]) last[1] = i;
          else spans.push([first, i]);
        }
      }
      return spans.map(([first, last]) => detectionFor(context.text, tokens.slice(first, last + 1)));
    };
  },
});

function detectionFor(text: string, span: Token[]): Detection {
  const start = span[0]!.start;
  const end = span[span.length - 1]!.end;
  const edits = span
    .filter((t) => wordCase(t.text) === 'title')
    .map((t) => ({ start: t.start, end: t.end, text: t.text.toLowerCase() }));
  const fixed = applyLocal(text.slice(start, end), start, edits);
  return { start, end, vars: { fix: fixed }, fix: edits.length ? { edits } : null };
}

function applyLocal(segment: string, offset: number, edits: { start: number; end: number; text: string }[]): string {
  let out = segment;
  for (const e of [...edits].reverse()) out = out.slice(0, e.start - offset) + e.text + out.slice(e.end - offset);
  return out;
}

/** Headlines and headings set in Title Case are not sentences with splices in them. */
function looksLikeHeadline(tokens: Token[], from: number, to: number, functionWords: Set<string>): boolean {
  let content = 0;
  let capitalised = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word' || functionWords.has(t.lower)) continue;
    content++;
    if (startsUpper(t.text)) capitalised++;
  }
  return content >= 2 && capitalised / content >= 0.7;
}
