// kind: boilerplate — site chrome, promos, widgets and credits, matched as whole lines, whole paragraphs,
// or text inside a line, and fixed by deleting them. All regex entries of a rule that apply the same way are
// joined into one expression, so a line costs one test per group, not one per entry.
import type { Applicability, Detection, Severity } from '../../engine/types.js';
import type { LineIndex, Paragraph } from '../../documents/lines.js';
import { RuleDefinitionError, type CheckContext, type CompiledRule, type RuleDefinition } from '../types.js';
import { compileUserRegex } from '../regex.js';
import { matches } from '../../text/regex.js';
import { deleteInline, deleteLines } from './deletion.js';

interface BoilerplateEntry {
  text?: string;
  regex?: string;
  flags?: string;
  scope?: 'line' | 'paragraph' | 'match';
  position?: 'any' | 'first-line';
  maxWords?: number;
  severity?: Severity;
  applicability?: Applicability;
}

/** Entries that are tested the same way (whole line or inside it, same flags, same position), as one regex. */
interface EntryGroup {
  inside: boolean;
  firstLineOnly: boolean;
  regex: RegExp;
  /** Named group → entry; a single-entry group has one entry under "". */
  entries: Map<string, BoilerplateEntry>;
}

const DEFAULT_MAX_PARAGRAPH_WORDS = 80;

export function normalizeLine(line: string): string {
  return line
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?:;,…]+$/u, '')
    .toLowerCase();
}

export function compileBoilerplateRule(definition: RuleDefinition, base: CompiledRule): CompiledRule {
  const entries = definition.lines as BoilerplateEntry[];
  const literal = new Map<string, BoilerplateEntry>();
  let longestLiteral = 0;
  const buckets = new Map<string, { entry: BoilerplateEntry; index: number }[]>();
  entries.forEach((entry, index) => {
    if (entry.text !== undefined) {
      if (entry.scope === 'match') throw new RuleDefinitionError('scope "match" needs a regex, not text', ['lines', index, 'scope']);
      literal.set(normalizeLine(entry.text), entry);
      longestLiteral = Math.max(longestLiteral, entry.text.length);
      return;
    }
    // Each entry is compiled alone first, so a mistake is reported at its own line.
    compileUserRegex(entry.regex!, entry.flags ?? '', ['lines', index, 'regex']);
    // Entries with back-references or their own group names keep an expression of their own.
    const solo = /\\[1-9]|\(\?<[A-Za-z]/.test(entry.regex!);
    const key = solo ? `solo|${index}` : `${entry.scope === 'match'}|${entry.flags ?? ''}|${entry.position === 'first-line'}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push({ entry, index });
    else buckets.set(key, [{ entry, index }]);
  });
  const groups = [...buckets.values()].map(joinEntries);

  return {
    ...base,
    check(context) {
      const out: Detection[] = [];
      const lines = context.lines.lines;
      // In a later window of a long document, no line is the document's first.
      const firstContentLine = context.offset === 0 ? lines.findIndex((l) => !l.blank) : -1;
      for (const line of contentLines(context)) {
        const { index, offset } = line;
        const trimmed = line.text;
        // Only short lines can equal a literal entry (trailing punctuation aside).
        if (literal.size && trimmed.length <= longestLiteral + 8) {
          const entry = literal.get((line.normalized ??= normalizeLine(trimmed)));
          if (entry) out.push(wholeLine(context, entry, index, offset, trimmed.length));
        }
        for (const group of groups) {
          if (group.firstLineOnly && index !== firstContentLine) continue;
          if (!group.inside) {
            const m = group.regex.exec(trimmed);
            if (m) out.push(wholeLine(context, entryOf(group, m), index, offset, trimmed.length));
            continue;
          }
          for (const m of matches(group.regex, trimmed)) {
            if (!m[0]) continue;
            const start = offset + m.index;
            const end = start + m[0].length;
            const whole = m[0].trim() === trimmed;
            out.push(detection(entryOf(group, m), start, end, whole ? deleteLines(context.lines, index, index) : deleteInline(context.text, start, end)));
          }
        }
      }
      return out;
    },
  };
}

/** A non-blank line without its surrounding whitespace: what every boilerplate rule reads. */
interface ContentLine {
  index: number;
  text: string;
  offset: number;
  normalized?: string;
}

/** Made once per text and shared by the boilerplate rules (there are several, each reading every line). */
const contentLinesCache = new WeakMap<LineIndex, ContentLine[]>();

function contentLines(context: CheckContext): ContentLine[] {
  let cached = contentLinesCache.get(context.lines);
  if (!cached) {
    cached = [];
    const lines = context.lines.lines;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (line.blank) continue;
      const raw = context.text.slice(line.start, line.end);
      const text = raw.trim();
      cached.push({ index, text, offset: line.start + raw.indexOf(text) });
    }
    contentLinesCache.set(context.lines, cached);
  }
  return cached;
}

function joinEntries(bucket: { entry: BoilerplateEntry; index: number }[]): EntryGroup {
  const first = bucket[0]!.entry;
  const inside = first.scope === 'match';
  const flags = `u${inside ? 'g' : ''}${first.flags ?? ''}`;
  const single = (): EntryGroup => ({ inside, firstLineOnly: first.position === 'first-line', regex: new RegExp(first.regex!, flags), entries: new Map([['', first]]) });
  if (bucket.length === 1) return single();
  const entries = new Map<string, BoilerplateEntry>();
  const source = bucket
    .map(({ entry, index }) => {
      entries.set(`e${index}`, entry);
      return `(?<e${index}>${entry.regex})`;
    })
    .join('|');
  return { inside, firstLineOnly: first.position === 'first-line', regex: new RegExp(source, flags), entries };
}

function entryOf(group: EntryGroup, m: RegExpMatchArray | RegExpExecArray): BoilerplateEntry {
  if (group.entries.size === 1) return group.entries.values().next().value as BoilerplateEntry;
  for (const [name, value] of Object.entries(m.groups ?? {})) if (value !== undefined) return group.entries.get(name)!;
  throw new Error('a joined boilerplate expression matched without a named group');
}

function wholeLine(context: CheckContext, entry: BoilerplateEntry, index: number, offset: number, length: number): Detection {
  if (entry.scope === 'paragraph') return paragraphDetection(context, entry, index);
  return detection(entry, offset, offset + length, deleteLines(context.lines, index, index));
}

function paragraphDetection(context: CheckContext, entry: BoilerplateEntry, lineIndex: number): Detection {
  const paragraph = context.lines.paragraphs.find((p) => p.firstLine <= lineIndex && p.lastLine >= lineIndex) as Paragraph;
  const words = context.text.slice(paragraph.start, paragraph.end).split(/\s+/).length;
  if (words > (entry.maxWords ?? DEFAULT_MAX_PARAGRAPH_WORDS)) {
    const line = context.lines.lines[lineIndex]!;
    return detection(entry, line.start, line.end, deleteLines(context.lines, lineIndex, lineIndex));
  }
  return detection(entry, paragraph.start, paragraph.end, deleteLines(context.lines, paragraph.firstLine, paragraph.lastLine));
}

function detection(entry: BoilerplateEntry, start: number, end: number, edit: { start: number; end: number; text: string }): Detection {
  return { start, end, fix: { edits: [edit], applicability: entry.applicability }, severity: entry.severity };
}
