// Connects the app to the engine side of a review: decisions go to the decision store, accepted fixes
// through the review session (shared fix application, atomic write, re-lint).
import type { ReviewDocument, ReviewSession } from '../review/session.js';
import type { ReviewBackend } from './App.js';
import { progressOf, type FileInput, type FileWriteResult, type ReviewState } from './state.js';

export function fileInput(review: ReviewDocument): FileInput {
  const { document } = review;
  return { file: { path: document.path, key: review.key, text: document.text, readOnly: review.readOnly }, findings: review.findings };
}

export function sessionBackend(session: ReviewSession, documents: readonly ReviewDocument[]): ReviewBackend {
  const current = [...documents];
  const store = session.store;
  return {
    persist(state) {
      try {
        const rejected = new Set(state.items.filter((i) => i.decision.kind === 'rejected').map((i) => i.fingerprint));
        for (const item of state.items) {
          if (item.decision.kind === 'rejected') store.reject(item.finding, current[item.file]!.document);
          else if (!rejected.has(item.fingerprint)) store.unreject(item.fingerprint); // undone
        }
        store.setProgress(progressOf(state));
        store.save();
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    },

    async write(state: ReviewState) {
      const results: FileWriteResult[] = [];
      for (let file = 0; file < current.length; file++) {
        const items = state.items.filter((i) => i.file === file);
        const accepted = items.flatMap((i) => (i.decision.kind === 'accepted' ? [{ finding: i.finding, replacement: i.decision.replacement }] : []));
        if (accepted.length === 0) continue;
        const rejected = items.filter((i) => i.decision.kind === 'rejected').map((i) => i.finding);
        const report = await session.write(current[file]!, accepted, rejected).catch((error: unknown) => ({ written: false as const, reason: (error as Error).message }));
        if (!report.written) {
          results.push({ file, written: false, reason: report.reason });
          continue;
        }
        current[file] = report.document;
        results.push({ file, written: true, input: fileInput(report.document), applied: report.applied, edits: report.edits, overlapping: report.overlapping });
      }
      return results;
    },
  };
}
