// A worker thread of the linting pool: loads the configuration and rules once (its own linter and language
// model), then maps the batches of documents it is given.
import { workerData } from 'node:worker_threads';
import type { SourceDocument } from '../documents/types.js';
import type { MappedDocument } from './linter.js';
import { setup, type SetupOptions } from './setup.js';

const ready = setup((workerData as { setup: SetupOptions }).setup);

/**
 * Results go back as one JSON string: structured cloning of many small objects and strings costs several
 * times more than stringifying here and parsing there.
 */
export default async function map(documents: SourceDocument[]): Promise<string> {
  const { linter } = await ready;
  return JSON.stringify(documents.map((document) => linter.map(document)));
}

export type { MappedDocument };
