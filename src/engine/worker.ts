// A worker thread of the linting pool: loads the configuration and rules once (its own linter and language
// model), then maps the documents it is given.
import { workerData } from 'node:worker_threads';
import type { SourceDocument } from '../documents/types.js';
import type { MappedDocument } from './linter.js';
import { setup, type SetupOptions } from './setup.js';

const ready = setup((workerData as { setup: SetupOptions }).setup);

export default async function map(document: SourceDocument): Promise<MappedDocument> {
  const { linter } = await ready;
  return linter.map(document);
}
