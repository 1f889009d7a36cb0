import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { ndjson } from './ndjson.js';
import { rdjson } from './rdjson.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import { documents } from './documents.js';
import type { ReporterFactory } from './types.js';

export const REPORTERS: Record<string, ReporterFactory> = { stylish, json, ndjson, documents, sarif, junit, github, rdjson };
