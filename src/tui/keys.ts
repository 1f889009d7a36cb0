// The one table of key bindings: every key of every screen maps to a named command here, and the footer
// and the help screen are drawn from it, so what is shown is what works.
import type { Key } from 'ink';

/** Where keys are read: a screen, or a mode on top of it (the quit prompt, the inline editor). */
export type KeyContext = 'review' | 'overview' | 'help' | 'prompt' | 'edit';

export type Command =
  | 'nextFinding'
  | 'previousFinding'
  | 'accept'
  | 'reject'
  | 'edit'
  | 'skip'
  | 'acceptRule'
  | 'undo'
  | 'write'
  | 'overview'
  | 'help'
  | 'quit'
  | 'overviewDown'
  | 'overviewUp'
  | 'overviewSwitch'
  | 'overviewOpen'
  | 'back'
  | 'helpDown'
  | 'helpUp'
  | 'confirm'
  | 'cancel'
  | 'editSubmit'
  | 'editCancel'
  | 'editLeft'
  | 'editRight'
  | 'editHome'
  | 'editEnd'
  | 'editBackspace';

/** A key as the table names it: a printable character ("a", "A", "?") or a named key ("down", "return"). */
export type KeyName = string;

export interface Binding {
  context: KeyContext;
  command: Command;
  keys: KeyName[];
  /** What the command does, for the help screen. */
  help: string;
  /** A word or two for the footer; bindings without one appear only in the help. */
  footer?: string;
}

export const KEY_TABLE: readonly Binding[] = [
  { context: 'review', command: 'nextFinding', keys: ['down', 'j'], help: 'next finding', footer: 'next' },
  { context: 'review', command: 'previousFinding', keys: ['up', 'k'], help: 'previous finding', footer: 'prev' },
  { context: 'review', command: 'accept', keys: ['a'], help: 'accept the fix, go to the next undecided finding', footer: 'accept' },
  { context: 'review', command: 'reject', keys: ['x'], help: 'reject: not an artifact (never reported again), go on', footer: 'reject' },
  { context: 'review', command: 'edit', keys: ['e'], help: 'edit the replacement inline, then accept it', footer: 'edit' },
  { context: 'review', command: 'skip', keys: ['s'], help: 'skip: decide later, go to the next undecided finding', footer: 'skip' },
  { context: 'review', command: 'acceptRule', keys: ['A'], help: 'accept every remaining fix of this rule', footer: 'accept rule' },
  { context: 'review', command: 'undo', keys: ['u'], help: 'undo the last decision', footer: 'undo' },
  { context: 'review', command: 'write', keys: ['w'], help: 'write the accepted fixes to disk, then re-check', footer: 'write' },
  { context: 'review', command: 'overview', keys: ['o', 'tab'], help: 'overview: findings per file and per rule', footer: 'overview' },
  { context: 'review', command: 'help', keys: ['?'], help: 'this help', footer: 'help' },
  { context: 'review', command: 'quit', keys: ['q'], help: 'quit (asks first when accepted fixes are unwritten)', footer: 'quit' },

  { context: 'overview', command: 'overviewDown', keys: ['down', 'j'], help: 'next row', footer: 'move' },
  { context: 'overview', command: 'overviewUp', keys: ['up', 'k'], help: 'previous row' },
  { context: 'overview', command: 'overviewSwitch', keys: ['tab'], help: 'switch between files and rules', footer: 'files/rules' },
  { context: 'overview', command: 'overviewOpen', keys: ['return'], help: 'review the first undecided finding of the file or rule', footer: 'open' },
  { context: 'overview', command: 'back', keys: ['escape', 'o'], help: 'back to the review', footer: 'back' },
  { context: 'overview', command: 'write', keys: ['w'], help: 'write the accepted fixes to disk', footer: 'write' },
  { context: 'overview', command: 'help', keys: ['?'], help: 'this help', footer: 'help' },
  { context: 'overview', command: 'quit', keys: ['q'], help: 'quit', footer: 'quit' },

  { context: 'edit', command: 'editSubmit', keys: ['return'], help: 'accept the edited replacement', footer: 'accept' },
  { context: 'edit', command: 'editCancel', keys: ['escape'], help: 'cancel the edit', footer: 'cancel' },
  { context: 'edit', command: 'editLeft', keys: ['left'], help: 'move the cursor left' },
  { context: 'edit', command: 'editRight', keys: ['right'], help: 'move the cursor right' },
  { context: 'edit', command: 'editHome', keys: ['home', 'ctrl+a'], help: 'to the start' },
  { context: 'edit', command: 'editEnd', keys: ['end', 'ctrl+e'], help: 'to the end' },
  { context: 'edit', command: 'editBackspace', keys: ['backspace'], help: 'delete before the cursor' },

  { context: 'prompt', command: 'confirm', keys: ['y'], help: 'yes, quit without writing', footer: 'quit' },
  { context: 'prompt', command: 'cancel', keys: ['n', 'escape'], help: 'no, keep reviewing', footer: 'stay' },

  { context: 'help', command: 'helpDown', keys: ['down', 'j'], help: 'scroll down', footer: 'scroll' },
  { context: 'help', command: 'helpUp', keys: ['up', 'k'], help: 'scroll up' },
  { context: 'help', command: 'back', keys: ['escape', '?', 'q'], help: 'close the help', footer: 'close' },
];

/** The table's name for a key press from ink. */
export function keyName(input: string, key: Key): KeyName | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.tab) return 'tab';
  // Terminals send DEL (0x7f) for the backspace key and ink reports it as delete, like the Delete key itself:
  // the two cannot be told apart, so both delete backwards (as in ink-text-input).
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
  if (key.meta) return undefined;
  return input.length === 1 ? input : undefined;
}

/** Control characters that arrive inside a run of typed text, by the table's name. */
const TYPED_CONTROLS: Record<string, KeyName> = { '\r': 'return', '\n': 'return', '\t': 'tab', '\x7f': 'backspace', '\b': 'backspace' };

/**
 * Key presses in one input event. Keys typed faster than the terminal is read arrive together ("qy"), and
 * ink hands them over as one string: each character is a key press of its own.
 */
export function keyPresses(input: string, key: Key): { key: KeyName | undefined; input: string }[] {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta) return [{ key: keyName(input, key), input }];
  return chars.map((ch) => ({ key: TYPED_CONTROLS[ch] ?? ch, input: TYPED_CONTROLS[ch] ? '' : ch }));
}

export function commandFor(context: KeyContext, name: KeyName | undefined): Command | undefined {
  if (name === undefined) return undefined;
  return KEY_TABLE.find((b) => b.context === context && b.keys.includes(name))?.command;
}

const KEY_LABELS: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  return: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  backspace: 'Backspace',
  home: 'Home',
  end: 'End',
};

export function keyLabel(name: KeyName): string {
  if (name.startsWith('ctrl+')) return `Ctrl-${name.slice(5)}`;
  return KEY_LABELS[name] ?? name;
}

/** Keys of a binding as shown: "↓/j". */
export function keysLabel(binding: Binding): string {
  return binding.keys.map(keyLabel).join('/');
}

export function bindingsOf(context: KeyContext): Binding[] {
  return KEY_TABLE.filter((b) => b.context === context);
}

/** Footer hints for a context, shortest key first: "↓/j next", "a accept", … */
export function footerHints(context: KeyContext): { keys: string; label: string }[] {
  return bindingsOf(context)
    .filter((b) => b.footer)
    .map((b) => ({ keys: footerKeys(b), label: b.footer! }));
}

/** The footer shows at most two keys per command, to fit 80 columns. */
function footerKeys(binding: Binding): string {
  return binding.keys.slice(0, 2).map(keyLabel).join('/');
}
