// kind: pattern — token sequences with constraints on text, case, part of speech and sentence position.
import type { Token, Analysis } from '../../analysis/types.js';
import { wordCase } from '../../text/case.js';
import type { Detection } from '../../engine/types.js';
import { RuleDefinitionError, type CompiledRule, type DefinitionPath, type RuleDefinition } from '../types.js';
import { compileUserRegex } from '../regex.js';

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
  return {
    ...base,
    needs: 'tokens',
    prefilter: patternPrefilter(elements),
    check(context) {
      const analysis = context.analysis();
      const { tokens } = analysis;
      const out: Detection[] = [];
      for (const sentence of analysis.sentences) {
        const limit = sentence.endToken - elements.length;
        for (let i = sentence.firstToken; i <= limit; i++) {
          let ok = true;
          for (let k = 0; k < tests.length && ok; k++) ok = tests[k]!(tokens[i + k]!, analysis, context.text);
          if (!ok) continue;
          const matched = tokens.slice(i, i + elements.length);
          const start = matched[first]!.start;
          const end = matched[last]!.end;
          const fix = template ? fillTokens(template, matched) : undefined;
          out.push({ start, end, vars: fix === undefined ? {} : { fix }, fix: fix === undefined ? null : { edits: [{ start, end, text: fix }] } });
        }
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

/**
 * A pattern with an element that allows only certain words can match only texts that hold one of them:
 * test for the rarest such element (the smallest word list) before tagging the text.
 */
function patternPrefilter(elements: TokenConstraint[]): ((text: string) => boolean) | undefined {
  let best: string[] | undefined;
  for (const c of elements) {
    const words = c.lower !== undefined ? list(c.lower) : c.text !== undefined ? list(c.text) : undefined;
    if (words && (!best || words.length < best.length)) best = words;
  }
  if (!best) return undefined;
  // A substring test: permissive (it may let a text through for nothing), never wrong.
  const regex = new RegExp(best.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'iu');
  return (text) => regex.test(text);
}
