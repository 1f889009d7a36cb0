// kind: pattern — token sequences with constraints on text, case, part of speech and sentence position.
import type { Token, Analysis } from '../../analysis/types.js';
import { registerAnchorWords, wordIndex } from '../../analysis/word-index.js';
import { wordCase } from '../../text/case.js';
import type { Detection } from '../../engine/types.js';
import { RuleDefinitionError, type CompiledRule, type DefinitionPath, type RuleDefinition } from '../types.js';
import { compileUserRegex } from '../regex.js';
import { escapeRegex } from '../../text/regex.js';

interface TokenConstraint {
  text?: string | string[];
  lower?: string | string[];
  regex?: string;
  pos?: string | string[];
  case?: 'lower' | 'upper' | 'title' | 'mixed';
  sentenceStart?: boolean;
  precededBySpace?: boolean;
  not?: TokenConstraint;
}

type TokenTest = (token: Token, analysis: Analysis, text: string) => boolean;

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

export function compileConstraint(c: TokenConstraint, path: DefinitionPath): TokenTest {
  const tests: TokenTest[] = [];
  if (c.text !== undefined) {
    const set = new Set(list(c.text));
    tests.push((t) => set.has(t.text));
  }
  if (c.lower !== undefined) {
    const set = new Set(list(c.lower).map((s) => s.toLowerCase()));
    tests.push((t) => set.has(t.lower));
  }
  if (c.regex !== undefined) {
    const re = compileUserRegex(`^(?:${c.regex})$`, '', [...path, 'regex']);
    tests.push((t) => re.test(t.text));
  }
  if (c.pos !== undefined) {
    const set = new Set(list(c.pos));
    tests.push((t) => set.has(t.pos));
  }
  if (c.case !== undefined) {
    const want = c.case;
    tests.push((t) => wordCase(t.text) === want);
  }
  if (c.sentenceStart !== undefined) {
    const want = c.sentenceStart;
    tests.push((t, a) => (a.sentences[t.sentence]?.firstToken === t.index) === want);
  }
  if (c.precededBySpace !== undefined) {
    const want = c.precededBySpace;
    tests.push((t, _a, text) => (t.start > 0 && /\s/.test(text[t.start - 1]!)) === want);
  }
  if (c.not !== undefined) {
    const inner = compileConstraint(c.not, [...path, 'not']);
    tests.push((t, a, text) => !inner(t, a, text));
  }
  return (t, a, text) => {
    for (const test of tests) if (!test(t, a, text)) return false;
    return true;
  };
}

export function compilePatternRule(definition: RuleDefinition, base: CompiledRule): CompiledRule {
  const elements = definition.pattern as TokenConstraint[];
  const tests = elements.map((c, i) => compileConstraint(c, ['pattern', i]));
  const [first, last] = (definition.span as [number, number] | undefined) ?? [0, elements.length - 1];
  if (first > last || last >= elements.length) {
    throw new RuleDefinitionError(`span must be two element indexes from 0 to ${elements.length - 1}, first ≤ last`, ['span']);
  }
  const template = definition.fix as string | null | undefined;
  if (template) {
    for (const m of template.matchAll(/\{(\d+)(?:\|(\w+))?\}/g)) {
      if (Number(m[1]) >= elements.length) throw new RuleDefinitionError(`fix refers to token {${m[1]}}, but the pattern has ${elements.length}`, ['fix']);
      if (m[2] && !['lower', 'upper', 'title'].includes(m[2])) throw new RuleDefinitionError(`unknown fix filter "${m[2]}" (lower, upper, title)`, ['fix']);
    }
  }
  const anchors = elements
    .map((c, offset) => ({ offset, words: c.lower !== undefined ? list(c.lower).map((w) => w.toLowerCase()) : c.text !== undefined ? list(c.text).map((w) => w.toLowerCase()) : undefined }))
    .filter((a): a is { offset: number; words: string[] } => a.words !== undefined);
  for (const anchor of anchors) registerAnchorWords(anchor.words);
  return {
    ...base,
    needs: 'tokens',
    prefilter: patternPrefilter(elements),
    check(context) {
      const analysis = context.analysis();
      const { tokens } = analysis;
      const out: Detection[] = [];
      const tryAt = (i: number) => {
        for (let k = 0; k < tests.length; k++) if (!tests[k]!(tokens[i + k]!, analysis, context.text)) return;
        const matched = tokens.slice(i, i + elements.length);
        const start = matched[first]!.start;
        const end = matched[last]!.end;
        const fix = template ? fillTokens(template, matched) : undefined;
        out.push({ start, end, vars: fix === undefined ? {} : { fix }, fix: fix === undefined ? null : { edits: [{ start, end, text: fix }] } });
      };
      const anchor = rarestAnchor(anchors, analysis);
      if (anchor) {
        // Only where the anchor element's words are: the pattern starts `offset` tokens before.
        for (const position of anchor.positions) {
          const i = position - anchor.offset;
          const sentence = analysis.sentences[tokens[position]!.sentence];
          if (sentence && i >= sentence.firstToken && i + elements.length <= sentence.endToken) tryAt(i);
        }
        return out;
      }
      for (const sentence of analysis.sentences) {
        const limit = sentence.endToken - elements.length;
        for (let i = sentence.firstToken; i <= limit; i++) tryAt(i);
      }
      return out;
    },
  };
}

function fillTokens(template: string, tokens: Token[]): string {
  return template.replace(/\{(\d+)(?:\|(\w+))?\}/g, (_w, n: string, filter?: string) => {
    const text = tokens[Number(n)]!.text;
    if (filter === 'lower') return text.toLowerCase();
    if (filter === 'upper') return text.toUpperCase();
    if (filter === 'title') return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
    return text;
  });
}

/** The anchor element whose words occur least in this document, with their positions in text order. */
function rarestAnchor(anchors: { offset: number; words: string[] }[], analysis: Analysis): { offset: number; positions: number[] } | undefined {
  if (anchors.length === 0) return undefined;
  const index = wordIndex(analysis);
  let best: { offset: number; lists: number[][]; count: number } | undefined;
  for (const { offset, words } of anchors) {
    const lists = words.map((w) => index.get(w)).filter((l): l is number[] => l !== undefined);
    const count = lists.reduce((n, l) => n + l.length, 0);
    if (!best || count < best.count) best = { offset, lists, count };
  }
  const positions = best!.lists.length === 1 ? best!.lists[0]! : best!.lists.flat().sort((a, b) => a - b);
  return { offset: best!.offset, positions };
}

/**
 * Every element of a pattern must occur in the text for it to match: words of a word list, or text matching a
 * regex constraint (unanchored). A substring test per element, all of which must pass: permissive (it may let
 * a text through for nothing), never wrong.
 */
function patternPrefilter(elements: TokenConstraint[]): ((text: string) => boolean) | undefined {
  const tests: RegExp[] = [];
  for (const c of elements) {
    const words = c.lower !== undefined ? list(c.lower) : c.text !== undefined ? list(c.text) : undefined;
    if (words) tests.push(new RegExp(words.map(escapeRegex).join('|'), 'iu'));
    else if (c.regex !== undefined) {
      // The token must match the whole expression; the text then holds a match of it somewhere.
      const body = c.regex.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
      try {
        tests.push(new RegExp(body, 'u'));
      } catch {
        // An expression that needs its anchors to compile gives no prefilter.
      }
    }
  }
  if (tests.length === 0) return undefined;
  return (text) => tests.every((t) => t.test(text));
}
