// Regular expressions written by rule authors: compiled with the u flag, checked for patterns that
// could backtrack catastrophically, errors located in the rule file.
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
  return regex;
}

/**
 * Flags the shapes that make backtracking engines exponential: a quantified group whose body can itself
 * repeat ((a+)+, (a*)*, (a|a)+, (\w+\s?)*). Conservative: it may refuse a few safe patterns, never a hang.
 */
export function backtrackingRisk(source: string): string | null {
  const stack: { quantifiedInside: boolean; alternation: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      continue;
    }
    if (ch === '(') {
      stack.push({ quantifiedInside: false, alternation: false });
      continue;
    }
    if (ch === '|' && stack.length) {
      stack[stack.length - 1]!.alternation = true;
      continue;
    }
    if (ch === ')') {
      const group = stack.pop();
      const next = source[i + 1];
      const repeated = next === '*' || next === '+' || (next === '{' && /^\{\d+,\d*\}/.test(source.slice(i + 1)) && !/^\{\d+,\d{1,2}\}/.test(source.slice(i + 1)));
      if (group && repeated && group.quantifiedInside) return 'a repeated group contains a repetition';
      if (group && stack.length && (group.quantifiedInside || repeated)) stack[stack.length - 1]!.quantifiedInside = true;
      continue;
    }
    if ((ch === '*' || ch === '+') && stack.length) stack[stack.length - 1]!.quantifiedInside = true;
    if (ch === '{' && stack.length && /^\{\d+,\d*\}/.test(source.slice(i))) stack[stack.length - 1]!.quantifiedInside = true;
  }
  return null;
}
