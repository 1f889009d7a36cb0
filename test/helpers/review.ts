// Builds review states from hand-made findings, so reducer and component tests do not depend on the rules.
import { fingerprint } from '../../src/engine/fingerprint.js';
import type { Applicability, Category, Finding, Severity } from '../../src/engine/types.js';
import { LineIndex } from '../../src/documents/lines.js';
import type { ReviewBackend } from '../../src/tui/App.js';
import { createState, reviewReducer, type Action, type FileInput, type FileWriteResult, type ReviewState } from '../../src/tui/state.js';
import type { Command } from '../../src/tui/keys.js';
import type { ReviewProgress } from '../../src/review/decisions.js';

export interface FindingSpec {
  /** The flagged text; the first occurrence after `after` (default: anywhere). */
  span: string;
  after?: string;
  ruleId?: string;
  severity?: Severity;
  category?: Category;
  /** The replacement for the span; null for no fix. */
  fix?: string | null;
  applicability?: Applicability;
  message?: string;
}

export function makeFinding(text: string, spec: FindingSpec): Finding {
  const from = spec.after ? text.indexOf(spec.after) + spec.after.length : 0;
  const start = text.indexOf(spec.span, from);
  if (start === -1) throw new Error(`"${spec.span}" not in the text`);
  const end = start + spec.span.length;
  const lines = new LineIndex(text);
  const a = lines.position(start);
  const b = lines.position(end);
  const fix = spec.fix === null || spec.fix === undefined ? null : { applicability: spec.applicability ?? 'safe', edits: [{ start, end, text: spec.fix }] };
  return {
    ruleId: spec.ruleId ?? 'test.rule',
    category: spec.category ?? 'mistranslation',
    severity: spec.severity ?? 'major',
    message: spec.message ?? `“${spec.span}” is flagged`,
    range: { start, end },
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
    fix,
  };
}

export function makeFile(path: string, text: string, specs: FindingSpec[], readOnly: string | null = null): FileInput {
  const findings = specs.map((s) => makeFinding(text, s)).sort((x, y) => x.range.start - y.range.start);
  return { file: { path, key: path, text, readOnly }, findings: findings.map((finding) => ({ finding, fingerprint: fingerprint(finding, text) })) };
}

export const ARTICLE = [
  'Global regulator NetBlocks said the country was offline on tuesday night.',
  '',
  'The protesters vowed to take Severe measures In order to restore order, and President Qassim-Jomart Tokayev said fuel would cost $ 0.11 more.',
  '',
  'Leave a Comment',
].join('\n');

export const SECOND = 'Police in Almaty said on wednesday that calm had returned.\n';

/** Two files: five findings in the article (three rules), one in the second file. */
export function sampleState(progress?: ReviewProgress): ReviewState {
  return createState(
    [
      makeFile('news/article.txt', ARTICLE, [
        { span: 'Global regulator', fix: 'Global watchdog', ruleId: 'mistranslation.watchdog', applicability: 'unsafe' },
        { span: 'tuesday', fix: 'Tuesday', ruleId: 'capitalization.days', severity: 'minor', category: 'capitalization' },
        { span: 'Severe measures In', fix: 'severe measures in', ruleId: 'link-text.spliced', category: 'link-text-leak' },
        { span: 'Qassim-Jomart Tokayev', fix: 'Kassym-Jomart Tokayev', ruleId: 'names.tokayev', category: 'name-variant' },
        { span: 'Leave a Comment', fix: null, ruleId: 'boilerplate.comments', severity: 'minor', category: 'boilerplate' },
      ]),
      makeFile('news/second.txt', SECOND, [{ span: 'wednesday', fix: 'Wednesday', ruleId: 'capitalization.days', severity: 'minor', category: 'capitalization' }]),
    ],
    progress,
  );
}

/** Applies commands in order. */
export function run(state: ReviewState, ...commands: Command[]): ReviewState {
  return commands.reduce((s, command) => reviewReducer(s, { type: 'command', command }), state);
}

/** Feeds key names as the app would, each resolved against the state it arrives in. */
export function press(state: ReviewState, ...keys: string[]): ReviewState {
  return keys.reduce((s, key) => reviewReducer(s, keyAction(key)), state);
}

function keyAction(key: string): Action {
  return { type: 'key', key, input: key.length === 1 ? key : '' };
}

/** An in-memory backend: records what the app saves and asks to write. */
export function memoryBackend(results: (state: ReviewState) => FileWriteResult[] = () => []): ReviewBackend & { persisted: ReviewState[]; writes: ReviewState[] } {
  const persisted: ReviewState[] = [];
  const writes: ReviewState[] = [];
  return {
    persisted,
    writes,
    persist(state) {
      persisted.push(state);
      return null;
    },
    async write(state) {
      writes.push(state);
      return results(state);
    },
  };
}
