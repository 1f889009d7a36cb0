// The corpus checks split across machines: `names --emit-mentions` writes each document's corpus summaries
// as one NDJSON line (the map step), `names --merge` reduces such lines into one corpus state file, and
// `lint --names FILE` finishes every document against that state (so it can stream, anywhere).
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { UserError } from '../errors.js';
import type { CorpusStates, CorpusSummaries, Linter } from './linter.js';

const STATE_KIND = 'mtaudit-corpus-state';
const MENTIONS_KIND = 'mtaudit-corpus-summaries';

/** One document's map output as a line: its path, trust and summary per corpus rule. */
export function summariesLine(linter: Linter, document: CorpusSummaries): string {
  const summaries = Object.fromEntries(linter.corpusRuleIds.map((id, i) => [id, document.summaries[i]]));
  return `${JSON.stringify({ kind: MENTIONS_KIND, path: document.path, trusted: document.trusted, summaries })}\n`;
}

/** Reads summary lines from files (or standard input for "-"), in the order given. */
export async function* readSummaries(linter: Linter, files: string[]): AsyncGenerator<CorpusSummaries> {
  for (const file of files) {
    const input = file === '-' ? process.stdin : createReadStream(file);
    input.on('error', () => undefined);
    let n = 0;
    try {
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        n++;
        if (!line.trim()) continue;
        yield parseSummaries(linter, line, file, n);
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
}

function parseSummaries(linter: Linter, line: string, file: string, n: number): CorpusSummaries {
  let value: { kind?: unknown; path?: unknown; trusted?: unknown; summaries?: Record<string, unknown> };
  try {
    value = JSON.parse(line) as typeof value;
  } catch {
    throw new UserError(`${file}:${n}: not valid JSON; expected a line written by mtaudit names --emit-mentions`);
  }
  if (value.kind !== MENTIONS_KIND || typeof value.path !== 'string' || typeof value.summaries !== 'object' || value.summaries === null) {
    throw new UserError(`${file}:${n}: not a line written by mtaudit names --emit-mentions`);
  }
  const summaries = linter.corpusRuleIds.map((id) => {
    if (!(id in value.summaries!)) throw new UserError(`${file}:${n}: no summary for rule ${id}; emit the mentions with the same rules and configuration`);
    return value.summaries![id];
  });
  return { path: value.path, trusted: value.trusted === true, summaries };
}

/** The merged corpus state as a file: one state per corpus rule. */
export function stateFile(linter: Linter, states: CorpusStates, documents: number): string {
  const checks = Object.fromEntries(linter.corpusRuleIds.map((id, i) => [id, states[i]]));
  return `${JSON.stringify({ kind: STATE_KIND, version: 1, documents, checks })}\n`;
}

export async function readStateFile(linter: Linter, file: string): Promise<CorpusStates> {
  let value: { kind?: unknown; checks?: Record<string, unknown> };
  try {
    value = JSON.parse(await readFile(file, 'utf8')) as typeof value;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: ${code === 'ENOENT' ? 'no such file' : code ? `cannot read (${code})` : 'not valid JSON'}; make it with mtaudit names --merge`);
  }
  if (value.kind !== STATE_KIND || typeof value.checks !== 'object' || value.checks === null) {
    throw new UserError(`${file}: not a name table written by mtaudit names --merge`);
  }
  return linter.corpusRuleIds.map((id) => {
    if (!(id in value.checks!)) throw new UserError(`${file}: made without rule ${id}; merge again with the same rules and configuration`);
    return value.checks![id];
  });
}
