// The review's state and its pure reducer: navigation, decisions, undo, screens and prompts. Side effects
// (saving decisions, writing files, exiting) are requested through `request` and carried out by the app.
import type { Edit, Finding, Severity } from '../engine/types.js';
import { SEVERITIES } from '../engine/types.js';
import { mapRange, type ReviewProgress } from '../review/decisions.js';
import { fixRegion, type ReviewFinding } from '../review/session.js';
import { commandFor, type Command, type KeyContext, type KeyName } from './keys.js';

export type Decision = { kind: 'pending' } | { kind: 'accepted'; replacement?: string } | { kind: 'rejected' };

export interface ReviewFile {
  /** As shown. */
  path: string;
  /** As the decisions file names it. */
  key: string;
  text: string;
  /** Why fixes cannot be written to it, or null. */
  readOnly: string | null;
}

export interface ReviewItem {
  /** Unique in a session; survives nothing but the session. */
  id: number;
  file: number;
  finding: Finding;
  fingerprint: string;
  decision: Decision;
}

export type Screen = 'review' | 'overview' | 'help';
export type OverviewList = 'files' | 'rules';

export interface EditState {
  buffer: string;
  /** Cursor position in the buffer, in UTF-16 units. */
  caret: number;
}

export interface Status {
  text: string;
  tone: 'info' | 'warn' | 'error';
}

interface HistoryEntry {
  label: string;
  changes: { id: number; before: Decision }[];
  cursor: number;
}

export interface ReviewState {
  files: ReviewFile[];
  items: ReviewItem[];
  cursor: number;
  screen: Screen;
  /** The screen the help returns to, and how far the help is scrolled. */
  helpReturn: Screen;
  helpScroll: number;
  prompt: 'quit' | null;
  edit: EditState | null;
  overview: { list: OverviewList; files: number; rules: number };
  history: HistoryEntry[];
  status: Status | null;
  busy: boolean;
  /** A side effect the app must carry out. */
  request: 'write' | 'exit' | null;
  nextId: number;
}

export interface FileInput {
  file: ReviewFile;
  findings: ReviewFinding[];
}

export type FileWriteResult =
  | { file: number; written: true; input: FileInput; applied: number; edits: Edit[]; overlapping: number }
  | { file: number; written: false; reason: string };

export type Action =
  /** A key press, resolved through the key table against the state it arrives in (keys can come faster than renders). */
  | { type: 'key'; key: KeyName | undefined; input: string; helpMaxScroll?: number }
  | { type: 'command'; command: Command }
  | { type: 'written'; results: FileWriteResult[]; error?: string }
  | { type: 'notice'; status: Status };

/** The first state of a review, resuming the saved progress (accepted fixes, position) when it still applies. */
export function createState(inputs: FileInput[], progress?: ReviewProgress): ReviewState {
  const files = inputs.map((i) => i.file);
  let nextId = 0;
  const accepted = new Map((progress?.accepted ?? []).map((a) => [`${a.path}\u0000${a.fingerprint}`, a]));
  const items: ReviewItem[] = inputs.flatMap((input, file) =>
    input.findings.map(({ finding, fingerprint }) => {
      const saved = input.file.readOnly ? undefined : accepted.get(`${input.file.key}\u0000${fingerprint}`);
      const decision: Decision = saved ? (saved.replacement === undefined ? { kind: 'accepted' } : { kind: 'accepted', replacement: saved.replacement }) : { kind: 'pending' };
      return { id: nextId++, file, finding, fingerprint, decision };
    }),
  );
  const state: ReviewState = {
    files,
    items,
    cursor: 0,
    screen: 'review',
    helpReturn: 'review',
    helpScroll: 0,
    prompt: null,
    edit: null,
    overview: { list: 'files', files: 0, rules: 0 },
    history: [],
    status: null,
    busy: false,
    request: null,
    nextId,
  };
  const position = progress?.position;
  if (!position) return { ...state, cursor: firstPendingFrom(items, 0) };
  const file = files.findIndex((f) => f.key === position.path);
  const exact = items.findIndex((i) => i.file === file && i.fingerprint === position.fingerprint);
  if (exact !== -1) return { ...state, cursor: exact, status: info('resumed where the last review stopped') };
  if (file === -1) return { ...state, cursor: firstPendingFrom(items, 0) };
  return { ...state, cursor: firstPendingFrom(items, itemAtOrAfter(items, file, position.offset)), status: info('resumed near where the last review stopped') };
}

export function keyContext(state: ReviewState): KeyContext {
  if (state.prompt) return 'prompt';
  if (state.edit) return 'edit';
  return state.screen;
}

export function reviewReducer(state: ReviewState, action: Action): ReviewState {
  switch (action.type) {
    case 'key': {
      if (state.busy) return state;
      const command = commandFor(keyContext(state), action.key);
      if (command === 'helpDown' && state.helpScroll >= (action.helpMaxScroll ?? Infinity)) return state;
      if (command) return onCommand({ ...state, status: null }, command);
      if (state.edit && isTyped(action.input)) return { ...state, edit: insert(state.edit, action.input) };
      return state;
    }
    case 'command':
      return onCommand({ ...state, status: null }, action.command);
    case 'written':
      return onWritten(state, action.results, action.error);
    case 'notice':
      return { ...state, status: action.status };
  }
}

function onCommand(state: ReviewState, command: Command): ReviewState {
  const item = state.items[state.cursor];
  switch (command) {
    case 'nextFinding':
      if (state.cursor >= state.items.length - 1) return { ...state, status: info('this is the last finding') };
      return { ...state, cursor: state.cursor + 1 };
    case 'previousFinding':
      if (state.cursor <= 0) return { ...state, status: info('this is the first finding') };
      return { ...state, cursor: state.cursor - 1 };
    case 'accept':
      return accept(state, item);
    case 'reject':
      if (!item) return state;
      return advance(decide(state, [item], { kind: 'rejected' }, 'reject'));
    case 'skip':
      return advance(state);
    case 'acceptRule':
      return acceptRule(state, item);
    case 'edit':
      return startEdit(state, item);
    case 'undo':
      return undo(state);
    case 'write':
      if (state.busy) return state;
      if (acceptedCount(state) === 0) return { ...state, status: info('nothing to write: no accepted fixes yet') };
      return { ...state, busy: true, request: 'write', status: info('writing…') };
    case 'quit': {
      const unwritten = acceptedCount(state);
      if (unwritten > 0) return { ...state, prompt: 'quit' };
      return { ...state, request: 'exit' };
    }
    case 'confirm':
      return { ...state, prompt: null, request: 'exit' };
    case 'cancel':
      return { ...state, prompt: null };
    case 'help':
      return { ...state, screen: 'help', helpScroll: 0, helpReturn: state.screen === 'help' ? state.helpReturn : state.screen };
    case 'helpDown':
      return { ...state, helpScroll: state.helpScroll + 1 };
    case 'helpUp':
      return { ...state, helpScroll: Math.max(0, state.helpScroll - 1) };
    case 'overview':
      return openOverview(state);
    case 'back':
      return { ...state, screen: state.screen === 'help' ? state.helpReturn : 'review' };
    case 'overviewDown':
    case 'overviewUp':
      return moveOverview(state, command === 'overviewDown' ? 1 : -1);
    case 'overviewSwitch':
      return { ...state, overview: { ...state.overview, list: state.overview.list === 'files' ? 'rules' : 'files' } };
    case 'overviewOpen':
      return openFromOverview(state);
    case 'editSubmit':
      return submitEdit(state, item);
    case 'editCancel':
      return { ...state, edit: null, status: info('edit cancelled') };
    case 'editLeft':
    case 'editRight':
    case 'editHome':
    case 'editEnd':
    case 'editBackspace':
      return state.edit ? { ...state, edit: editCommand(state.edit, command) } : state;
  }
}

function accept(state: ReviewState, item: ReviewItem | undefined): ReviewState {
  if (!item) return state;
  const refusal = cannotAccept(state, item);
  if (refusal) return { ...state, status: warn(refusal) };
  const keep = item.decision.kind === 'accepted' ? item.decision : { kind: 'accepted' as const };
  return advance(decide(state, [item], keep, 'accept'));
}

/** Why a finding's fix cannot be accepted, or null. */
function cannotAccept(state: ReviewState, item: ReviewItem): string | null {
  const readOnly = state.files[item.file]?.readOnly;
  if (readOnly) return `${readOnly}: x rejects, s skips`;
  if (!item.finding.fix && !(item.decision.kind === 'accepted' && item.decision.replacement !== undefined)) return 'no fix proposed: e writes one, x rejects, s skips';
  return null;
}

function acceptRule(state: ReviewState, item: ReviewItem | undefined): ReviewState {
  if (!item) return state;
  const ruleId = item.finding.ruleId;
  const targets = state.items.filter(
    (i) => i.finding.ruleId === ruleId && (i.decision.kind === 'pending' || i === item) && i.finding.fix && !state.files[i.file]?.readOnly,
  );
  if (targets.length === 0) return { ...state, status: warn(`no fixes of ${ruleId} left to accept`) };
  const decided = decide(state, targets, { kind: 'accepted' }, `accept ${ruleId}`);
  return advance({ ...decided, status: info(`accepted ${plural(targets.length, 'fix', 'fixes')} of ${ruleId}`) });
}

function startEdit(state: ReviewState, item: ReviewItem | undefined): ReviewState {
  if (!item) return state;
  const readOnly = state.files[item.file]?.readOnly;
  if (readOnly) return { ...state, status: warn(readOnly) };
  const buffer = replacementOf(state, item) ?? regionOf(state, item).original;
  return { ...state, edit: { buffer, caret: buffer.length } };
}

function submitEdit(state: ReviewState, item: ReviewItem | undefined): ReviewState {
  if (!item || !state.edit) return state;
  const { buffer } = state.edit;
  const region = regionOf(state, item);
  const closed = { ...state, edit: null };
  if (buffer === region.original) return { ...closed, status: warn('the replacement is the text as it stands: nothing accepted') };
  const decision: Decision = buffer === region.proposed ? { kind: 'accepted' } : { kind: 'accepted', replacement: buffer };
  return advance(decide(closed, [item], decision, 'edit'));
}

function undo(state: ReviewState): ReviewState {
  const last = state.history[state.history.length - 1];
  if (!last) return { ...state, status: info('nothing to undo') };
  const before = new Map(last.changes.map((c) => [c.id, c.before]));
  const items = state.items.map((i) => (before.has(i.id) ? { ...i, decision: before.get(i.id)! } : i));
  return { ...state, items, cursor: Math.min(last.cursor, items.length - 1), history: state.history.slice(0, -1), status: info(`undone: ${last.label}`) };
}

function decide(state: ReviewState, targets: ReviewItem[], decision: Decision, label: string): ReviewState {
  const ids = new Set(targets.map((t) => t.id));
  const changes = targets.map((t) => ({ id: t.id, before: t.decision }));
  const items = state.items.map((i) => (ids.has(i.id) ? { ...i, decision } : i));
  return { ...state, items, history: [...state.history, { label, changes, cursor: state.cursor }] };
}

/** On to the next undecided finding after the cursor, wrapping round; stays put when none is left. */
function advance(state: ReviewState): ReviewState {
  const n = state.items.length;
  for (let step = 1; step < n; step++) {
    const i = (state.cursor + step) % n;
    if (state.items[i]!.decision.kind === 'pending') return { ...state, cursor: i };
  }
  const message = acceptedCount(state) ? 'no undecided findings left: w writes the accepted fixes, q quits' : 'no undecided findings left: q quits';
  return { ...state, status: state.status ?? info(message) };
}

function openOverview(state: ReviewState): ReviewState {
  const item = state.items[state.cursor];
  if (!item) return { ...state, screen: 'overview' };
  const rules = ruleSummaries(state);
  return {
    ...state,
    screen: 'overview',
    overview: { ...state.overview, files: item.file, rules: Math.max(0, rules.findIndex((r) => r.ruleId === item.finding.ruleId)) },
  };
}

function moveOverview(state: ReviewState, by: number): ReviewState {
  const { list } = state.overview;
  const size = list === 'files' ? state.files.length : ruleSummaries(state).length;
  const at = Math.max(0, Math.min(size - 1, state.overview[list] + by));
  return { ...state, overview: { ...state.overview, [list]: at } };
}

function openFromOverview(state: ReviewState): ReviewState {
  const { list } = state.overview;
  let matches: (item: ReviewItem) => boolean;
  let name: string;
  if (list === 'files') {
    const file = state.overview.files;
    matches = (i) => i.file === file;
    name = state.files[file]?.path ?? '';
  } else {
    const rule = ruleSummaries(state)[state.overview.rules];
    if (!rule) return state;
    matches = (i) => i.finding.ruleId === rule.ruleId;
    name = rule.ruleId;
  }
  const pending = state.items.findIndex((i) => matches(i) && i.decision.kind === 'pending');
  const any = pending === -1 ? state.items.findIndex(matches) : pending;
  if (any === -1) return { ...state, status: info(`no findings in ${name}`) };
  return { ...state, screen: 'review', cursor: any };
}

function onWritten(state: ReviewState, results: FileWriteResult[], error?: string): ReviewState {
  const current = state.items[state.cursor];
  const written = new Map<number, Extract<FileWriteResult, { written: true }>>();
  for (const r of results) if (r.written) written.set(r.file, r);
  let nextId = state.nextId;
  const files = state.files.map((f, i) => written.get(i)?.input.file ?? f);
  const items: ReviewItem[] = [];
  for (let file = 0; file < state.files.length; file++) {
    const result = written.get(file);
    if (!result) {
      items.push(...state.items.filter((i) => i.file === file));
      continue;
    }
    // Keep decisions that were not written (rejections, fixes skipped for overlapping) where the finding is still there.
    const kept = new Map<string, Decision>();
    for (const i of state.items) if (i.file === file && i.decision.kind === 'rejected') kept.set(i.fingerprint, i.decision);
    for (const { finding, fingerprint } of result.input.findings) items.push({ id: nextId++, file, finding, fingerprint, decision: kept.get(fingerprint) ?? { kind: 'pending' } });
  }
  let cursor = 0;
  if (current) {
    const same = written.has(current.file) ? -1 : items.findIndex((i) => i.id === current.id);
    if (same !== -1) cursor = same;
    else {
      const mapped = mapRange(current.finding.range, written.get(current.file)?.edits ?? []);
      cursor = itemAtOrAfter(items, current.file, mapped?.start ?? current.finding.range.start);
    }
  }
  const applied = results.reduce((n, r) => n + (r.written ? r.applied : 0), 0);
  const overlapping = results.reduce((n, r) => n + (r.written ? r.overlapping : 0), 0);
  const failures = results.filter((r): r is Extract<FileWriteResult, { written: false }> => !r.written);
  const parts = failures.map((f) => `${state.files[f.file]?.path}: ${f.reason}`);
  if (error) parts.push(`cannot write: ${error}`);
  if (applied) parts.push(`wrote ${plural(applied, 'fix', 'fixes')} to ${plural(written.size, 'file', 'files')}, checked again`);
  if (overlapping) parts.push(`${plural(overlapping, 'fix', 'fixes')} overlapped another and ${overlapping === 1 ? 'was' : 'were'} not applied: review again`);
  const status: Status = { text: parts.join('; '), tone: failures.length || error ? 'error' : overlapping ? 'warn' : 'info' };
  return { ...state, files, items, cursor: Math.min(cursor, Math.max(0, items.length - 1)), nextId, history: [], busy: false, request: null, status };
}

// ——— selectors ———

export function acceptedCount(state: Pick<ReviewState, 'items'>): number {
  return state.items.filter((i) => i.decision.kind === 'accepted').length;
}

export function decisionCounts(state: Pick<ReviewState, 'items'>): Record<Decision['kind'], number> {
  const counts = { pending: 0, accepted: 0, rejected: 0 };
  for (const i of state.items) counts[i.decision.kind]++;
  return counts;
}

export function severityCounts(items: readonly ReviewItem[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const i of items) counts[i.finding.severity]++;
  return counts;
}

export interface GroupSummary {
  total: number;
  pending: number;
  bySeverity: Record<Severity, number>;
}

export function fileSummaries(state: Pick<ReviewState, 'files' | 'items'>): (GroupSummary & { path: string })[] {
  return state.files.map((f, index) => ({ path: f.path, ...summarize(state.items.filter((i) => i.file === index)) }));
}

/** Rules with findings, most findings first. */
export function ruleSummaries(state: Pick<ReviewState, 'items'>): (GroupSummary & { ruleId: string })[] {
  const byRule = new Map<string, ReviewItem[]>();
  for (const i of state.items) byRule.set(i.finding.ruleId, [...(byRule.get(i.finding.ruleId) ?? []), i]);
  return [...byRule]
    .map(([ruleId, items]) => ({ ruleId, ...summarize(items) }))
    .sort((a, b) => b.total - a.total || (a.ruleId < b.ruleId ? -1 : 1));
}

function summarize(items: ReviewItem[]): GroupSummary {
  return { total: items.length, pending: items.filter((i) => i.decision.kind === 'pending').length, bySeverity: severityCounts(items) };
}

/** The progress to save: where the review stands and which fixes are accepted but unwritten. */
export function progressOf(state: ReviewState): ReviewProgress {
  const item = state.items[state.cursor];
  const file = item && state.files[item.file];
  return {
    ...(item && file ? { position: { path: file.key, fingerprint: item.fingerprint, offset: item.finding.range.start } } : {}),
    accepted: state.items.flatMap((i) => {
      if (i.decision.kind !== 'accepted') return [];
      const path = state.files[i.file]!.key;
      return [i.decision.replacement === undefined ? { path, fingerprint: i.fingerprint } : { path, fingerprint: i.fingerprint, replacement: i.decision.replacement }];
    }),
  };
}

/** The region a finding's fix touches, in its file. */
export function regionOf(state: Pick<ReviewState, 'files'>, item: ReviewItem) {
  return fixRegion(item.finding, state.files[item.file]!.text);
}

/** The text that will replace the region when the finding is accepted: the editor's, else the rule's. */
export function replacementOf(state: Pick<ReviewState, 'files'>, item: ReviewItem): string | null {
  if (item.decision.kind === 'accepted' && item.decision.replacement !== undefined) return item.decision.replacement;
  return regionOf(state, item).proposed;
}

// ——— helpers ———

function firstPendingFrom(items: readonly ReviewItem[], from: number): number {
  for (let i = from; i < items.length; i++) if (items[i]!.decision.kind === 'pending') return i;
  for (let i = 0; i < from; i++) if (items[i]!.decision.kind === 'pending') return i;
  return Math.min(from, Math.max(0, items.length - 1));
}

/** The first item of a file at or after an offset, else the next file's first item, else the last item. */
function itemAtOrAfter(items: readonly ReviewItem[], file: number, offset: number): number {
  const i = items.findIndex((it) => (it.file === file && it.finding.range.start >= offset) || it.file > file);
  return i === -1 ? Math.max(0, items.length - 1) : i;
}

/** Text typed into the editor: printable characters, or a paste. */
function isTyped(input: string): boolean {
  return input.length > 0 && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(input);
}

function insert(edit: EditState, text: string): EditState {
  const clean = text.replace(/\r\n?/g, '\n');
  return { buffer: edit.buffer.slice(0, edit.caret) + clean + edit.buffer.slice(edit.caret), caret: edit.caret + clean.length };
}

function editCommand(edit: EditState, command: Command): EditState {
  const { buffer, caret } = edit;
  switch (command) {
    case 'editLeft':
      return { buffer, caret: Math.max(0, caret - charLengthBefore(buffer, caret)) };
    case 'editRight':
      return { buffer, caret: Math.min(buffer.length, caret + charLengthAt(buffer, caret)) };
    case 'editHome':
      return { buffer, caret: 0 };
    case 'editEnd':
      return { buffer, caret: buffer.length };
    case 'editBackspace': {
      if (caret === 0) return edit;
      const n = charLengthBefore(buffer, caret);
      return { buffer: buffer.slice(0, caret - n) + buffer.slice(caret), caret: caret - n };
    }
    default:
      return edit;
  }
}

/** UTF-16 length of the code point before / at a position, so the cursor never splits a surrogate pair. */
function charLengthBefore(text: string, at: number): number {
  const c = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 ? 2 : 1;
}

function charLengthAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && at + 1 < text.length ? 2 : 1;
}

function info(text: string): Status {
  return { text, tone: 'info' };
}

function warn(text: string): Status {
  return { text, tone: 'warn' };
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
