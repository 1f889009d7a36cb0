// A validator for the official SARIF 2.1.0 JSON schema (vendored from @microsoft/jest-sarif, draft-04).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './cli.js';

const require = createRequire(import.meta.url);
// CommonJS packages: their default exports, as Node hands them over.
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// One pattern in the schema is not valid under the u flag.
const ajv = new Ajv({ unicodeRegExp: false, allErrors: true, strict: false });
addFormats(ajv);

export const validateSarif = ajv.compile(schema);
