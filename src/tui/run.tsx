// Starts the review app on the terminal: the alternate screen (the shell's screen comes back intact on exit),
// one ink render, and a clean exit on q, Ctrl-C, SIGTERM or a closed terminal. Decisions are saved as they
// are made, so any of these leaves a review that resumes.
import { render } from 'ink';
import { formatProblem } from '../documents/types.js';
import { ReviewSession, type ReviewOptions } from '../review/session.js';
import { App } from './App.js';
import { fileInput, sessionBackend } from './backend.js';
import { acceptedCount, createState, plural, type ReviewState } from './state.js';

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
const ERASE_LINE = '\r\x1b[2K';

export async function runReview(paths: string[], options: ReviewOptions): Promise<number> {
  const session = await ReviewSession.open(options);
  process.stderr.write('mtaudit: checking the documents…');
  const { documents, problems } = await session.load(paths);
  process.stderr.write(ERASE_LINE);
  const reportProblems = () => {
    for (const problem of problems) process.stderr.write(`mtaudit: ${formatProblem(problem)}\n`);
  };
  if (documents.length === 0) {
    reportProblems();
    return 2;
  }
  const initial = createState(documents.map(fileInput), session.store.progress);
  const backend = sessionBackend(session, documents);
  // The last state saved, to tell on exit what is left unwritten.
  let last: ReviewState = initial;
  const recording = { ...backend, persist: (state: ReviewState) => ((last = state), backend.persist(state)) };

  process.stdout.write(ENTER_ALTERNATE_SCREEN);
  const instance = render(<App initialState={initial} backend={recording} />, { exitOnCtrlC: true });
  const stop = () => instance.unmount();
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
    process.stdout.write(LEAVE_ALTERNATE_SCREEN);
  }
  reportProblems();
  const unwritten = acceptedCount(last);
  if (unwritten > 0) process.stderr.write(`mtaudit: ${plural(unwritten, 'accepted fix is', 'accepted fixes are')} not written yet; \`mtaudit review\` offers ${unwritten === 1 ? 'it' : 'them'} again\n`);
  return problems.length ? 2 : 0;
}
