// The review app: owns the state (a pure reducer), turns key presses into reducer actions, and carries out
// the side effects the state asks for (saving decisions, writing files, exiting). Drawing is the views' job.
import { useEffect, useReducer, useState } from 'react';
import { useApp, useInput, useStdout } from 'ink';
import { keyPresses } from './keys.js';
import { reviewReducer, type FileWriteResult, type ReviewState } from './state.js';
import { Frame } from './components/Frame.js';
import { reviewLines } from './views/review.js';
import { overviewLines } from './views/overview.js';
import { helpLines, helpMaxScroll } from './views/help.js';
import type { Line } from './text.js';
import type { Size } from './views/common.js';

/** What the app needs from the outside world; tests pass an in-memory one. */
export interface ReviewBackend {
  /** Saves the decisions and progress so far; returns a message when that failed. */
  persist(state: ReviewState): string | null;
  /** Writes the accepted fixes of every file that has some, and re-checks the written files. */
  write(state: ReviewState): Promise<FileWriteResult[]>;
}

export interface AppProps {
  initialState: ReviewState;
  backend: ReviewBackend;
  /** A fixed size (tests); otherwise the terminal's, following resizes. */
  size?: Size;
}

export function App({ initialState, backend, size: fixedSize }: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const size = fixedSize ?? terminal;
  const [state, dispatch] = useReducer(reviewReducer, initialState);

  // Decisions and the position are saved after every change to them, so an interrupted review resumes.
  useEffect(() => {
    const problem = backend.persist(state);
    if (problem) dispatch({ type: 'notice', status: { text: problem, tone: 'error' } });
  }, [state.items, state.cursor]);

  // A request is carried out once, when it appears.
  useEffect(() => {
    if (state.request === 'exit') exit();
    if (state.request !== 'write') return;
    backend.write(state).then(
      (results) => dispatch({ type: 'written', results }),
      (error: unknown) => dispatch({ type: 'written', results: [], error: (error as Error).message }),
    );
  }, [state.request]);

  useInput((input, key) => {
    for (const press of keyPresses(input, key)) dispatch({ type: 'key', ...press, helpMaxScroll: helpMaxScroll(state, size) });
  });

  return <Frame lines={screenLines(state, size)} width={size.width} height={size.height} />;
}

export function screenLines(state: ReviewState, size: Size): Line[] {
  switch (state.screen) {
    case 'help':
      return helpLines(state, size);
    case 'overview':
      return overviewLines(state, size);
    case 'review':
      return reviewLines(state, size);
  }
}

/**
 * The terminal's size, one row short of it: ink clears the whole screen before every frame that fills the
 * terminal, which flickers, and redraws only the changed rows of a shorter one.
 */
function useTerminalSize(): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ width: Math.max(20, stdout.columns || 80), height: Math.max(5, (stdout.rows || 24) - 1) });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
