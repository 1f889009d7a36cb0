// kind: boilerplate — site chrome, promos, widgets and credits, matched as whole lines, whole paragraphs,
// or text inside a line, and fixed by deleting them.
import type { Applicability, Detection, Severity } from '../../engine/types.js';
import type { Paragraph } from '../../documents/lines.js';
import { RuleDefinitionError, type CheckContext, type CompiledRule, type RuleDefinition } from '../types.js';
import { compileUserRegex } from '../regex.js';
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

interface CompiledEntry {
  entry: BoilerplateEntry;
  regex?: RegExp;
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
  const literal = new Map<string, CompiledEntry>();
  const patterns: CompiledEntry[] = [];
  entries.forEach((entry, index) => {
    if (entry.text !== undefined) {
      if (entry.scope === 'match') throw new RuleDefinitionError('scope "match" needs a regex, not text', ['lines', index, 'scope']);
      literal.set(normalizeLine(entry.text), { entry });
    } else {
      const flags = entry.scope === 'match' ? `g${entry.flags ?? ''}` : entry.flags ?? '';
      patterns.push({ entry, regex: compileUserRegex(entry.regex!, flags, ['lines', index, 'regex']) });
    }
  });

  return {
    ...base,
    check(context) {
      const out: Detection[] = [];
      const lines = context.lines.lines;
      const firstContentLine = lines.findIndex((l) => !l.blank);
      lines.forEach((line, index) => {
        if (line.blank) return;
        const raw = context.text.slice(line.start, line.end);
        const trimmed = raw.trim();
        const offset = line.start + raw.indexOf(trimmed);
        const candidates: CompiledEntry[] = [];
        const exact = literal.get(normalizeLine(trimmed));
        if (exact) candidates.push(exact);
        for (const p of patterns) candidates.push(p);
        for (const { entry, regex } of candidates) {
          if (entry.position === 'first-line' && index !== firstContentLine) continue;
          if (entry.scope === 'match') {
            for (const m of trimmed.matchAll(regex!)) {
              if (!m[0]) continue;
              const start = offset + m.index;
              const end = start + m[0].length;
              const whole = m[0].trim() === trimmed;
              out.push(detection(entry, start, end, whole ? deleteLines(context.lines, index, index) : deleteInline(context.text, start, end)));
            }
            continue;
          }
          if (regex && !regex.test(trimmed)) continue;
          out.push(entry.scope === 'paragraph' ? paragraphDetection(context, entry, index) : detection(entry, offset, offset + trimmed.length, deleteLines(context.lines, index, index)));
        }
      });
      return out;
    },
  };
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
