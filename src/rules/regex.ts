// Regular expressions written by rule authors: compiled with the u flag, checked for patterns that
// could backtrack catastrophically or take quadratic time on a long line, errors located in the rule file.
import { RuleDefinitionError, type DefinitionPath } from './types.js';

export function compileUserRegex(source: string, flags: string, path: DefinitionPath): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(source, `u${flags}`);
  } catch (error) {
    throw new RuleDefinitionError(`invalid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`, path);
  }
  const risk = backtrackingRisk(source);
  if (risk) throw new RuleDefinitionError(`regular expression could take exponential time (${risk}); rewrite it without nested repetition`, path);
  const leading = leadingRepetition(source);
  if (leading) {
    throw new RuleDefinitionError(
      `regular expression starts with an unbounded repetition (“${leading}”): searched for in a long line it is retried from every position of a run it matches, which takes quadratic time; bound it (“{0,20}”), start with a fixed character, or anchor it with ^`,
      path,
    );
  }
  return regex;
}

/**
 * The unbounded repetition a pattern can start with ("\s*\[", ".*Leave", "\S+ says"), or null. A search
 * retries such a pattern from every position of a long run its repetition matches, and each try runs to the
 * end of the run: quadratic in the run's length. Branches anchored with ^ are tried at one position only.
 */
export function leadingRepetition(source: string): string | null {
  for (const branch of topLevelBranches(source)) {
    const found = leadingRepetitionOfBranch(branch);
    if (found) return found;
  }
  return null;
}

function leadingRepetitionOfBranch(branch: string): string | null {
  let rest = branch;
  for (;;) {
    if (rest === '' || rest.startsWith('^')) return null;
    // Zero-width assertions do not consume: the next element is still the first.
    if (/^\\[bB]/.test(rest)) {
      rest = rest.slice(2);
      continue;
    }
    const length = elementLength(rest);
    const element = rest.slice(0, length);
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(rest.slice(length))?.[0] ?? '';
    rest = rest.slice(length + quantifier.length);
    if (/^\(\?<?[=!]/.test(element)) continue;
    if (/^(?:[*+]|\{\d+,\})/.test(quantifier)) return element + quantifier.replace(/\?$/, '');
    if (element.startsWith('(')) {
      // A group's own branches may each start with a repetition.
      const inner = leadingRepetition(element.slice(1, -1).replace(/^\?(?::|<[A-Za-z]\w*>)/, ''));
      if (inner) return inner;
    }
    // An optional first element ("\s?", "(?:the )?") leaves the next one first as well.
    if (!/^(?:\?|\{0(?:,\d*)?\})/.test(quantifier)) return null;
  }
}

/** The length of the first element of a pattern: a group, a class, an escape, or one character. */
function elementLength(source: string): number {
  const ch = source[0]!;
  if (ch === '(') {
    let depth = 0;
    for (const [c, i] of syntax(source)) {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i + 1;
    }
    return source.length;
  }
  if (ch === '[') {
    for (let i = 1; i < source.length; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === ']') return i + 1;
    }
    return source.length;
  }
  if (ch === '\\') {
    const escape = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|[\s\S])/.exec(source);
    return escape ? escape[0].length : 1;
  }
  return source.codePointAt(0)! > 0xffff ? 2 : 1;
}

/**
 * Flags the shapes that make backtracking engines exponential: a quantified group whose body can itself
 * repeat ((a+)+, (a*)*, (\w+\s?)*) or whose alternatives can match the same text ((a|a)+, (a|aa)+).
 * Conservative: it may refuse a few safe patterns, never pass one of these.
 */
export function backtrackingRisk(source: string): string | null {
  const stack: { start: number; quantifiedInside: boolean }[] = [];
  for (const [ch, i] of syntax(source)) {
    if (ch === '(') {
      stack.push({ start: i + 1, quantifiedInside: false });
      continue;
    }
    if (ch === ')') {
      const group = stack.pop();
      const next = source[i + 1];
      const repeated = next === '*' || next === '+' || (next === '{' && /^\{\d+,\d*\}/.test(source.slice(i + 1)) && !/^\{\d+,\d{1,2}\}/.test(source.slice(i + 1)));
      if (group && repeated && group.quantifiedInside && !anchoredIteration(source.slice(group.start, i))) return 'a repeated group contains a repetition';
      if (group && repeated && !distinctAlternatives(source.slice(group.start, i))) return 'a repeated group has alternatives that can match the same text';
      if (group && stack.length && (group.quantifiedInside || repeated)) stack[stack.length - 1]!.quantifiedInside = true;
      continue;
    }
    if ((ch === '*' || ch === '+') && stack.length) stack[stack.length - 1]!.quantifiedInside = true;
    if (ch === '{' && stack.length && /^\{\d+,\d*\}/.test(source.slice(i))) stack[stack.length - 1]!.quantifiedInside = true;
  }
  return null;
}

/**
 * True when a group has no alternatives, or each starts with its own literal character: (?:a|aa)+ can split
 * a run of a's in exponentially many ways, (?:-x|,y)+ cannot.
 */
function distinctAlternatives(body: string): boolean {
  const branches = topLevelBranches(body.replace(/^\?(?:[:=!]|<[=!]|<[\w]+>)/, ''));
  if (branches.length < 2) return true;
  const firsts = new Set<string>();
  for (const branch of branches) {
    const first = /^(\\[^dDwWsSbBpPuxck0-9]|[^\\[(.|*+?{^$])(?![*?]|\{0)/.exec(branch);
    if (!first) return false;
    const literal = first[1]!.replace(/^\\/, '').toLowerCase();
    if (firsts.has(literal)) return false;
    firsts.add(literal);
  }
  return true;
}

/** The alternatives of a group body, split at its own | (not those inside nested groups or classes). */
function topLevelBranches(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (const [ch, i] of syntax(body)) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  }
  out.push(body.slice(from));
  return out;
}

/** The characters of a pattern that are syntax, with their index: escapes and character classes skipped. */
function* syntax(source: string): Generator<[string, number]> {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else yield [ch, i];
  }
}

/**
 * True when each iteration of a group must start with a literal character that nothing else in the group can
 * match ("-[a-z]{2,5}" in "(?:-[a-z]{2,5})*"): iterations then cannot overlap, so the repetition stays linear.
 */
function anchoredIteration(body: string): boolean {
  const inner = body.replace(/^\?(?:[:=!]|<[=!]|<[\w]+>)/, '');
  const first = /^(\\[^dDwWsSbBpPuxck0-9]|[^\\[(.|*+?{^$])(?![*+?{])/.exec(inner);
  if (!first || inner.includes('|')) return false;
  const literal = first[1]!.replace(/^\\/, '');
  const rest = inner.slice(first[0].length);
  // Anything in the rest that could also match the literal makes iterations ambiguous.
  if (/\.|\\[DWS]|\[\^/.test(rest)) return false;
  if (rest.replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').includes(literal)) return false;
  for (const cls of rest.match(/\[[^\]]*\]/g) ?? []) if (classMayContain(cls, literal)) return false;
  if (/\\[dws]/.test(rest) && /[\w\s]/.test(literal)) return false;
  if (/\\p\{/i.test(rest) && /[\p{L}\p{N}]/u.test(literal)) return false;
  return true;
}

function classMayContain(cls: string, ch: string): boolean {
  const body = cls.slice(1, -1);
  if (/\\[pPdDwWsS]/.test(body) && /[\p{L}\p{N}\s_]/u.test(ch)) return true;
  // Ranges first (a-z), then single characters, escapes resolved.
  const singles = body.replace(/(\\?.)-(\\?.)/g, (_whole, from: string, to: string) => {
    const a = from.replace(/^\\/, '');
    const b = to.replace(/^\\/, '');
    return ch >= a && ch <= b ? ch : '';
  });
  return singles.replace(/\\(.)/g, '$1').includes(ch);
}
