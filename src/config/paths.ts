// Where mtaudit's own files are. Found from this module's place, two folders below the package root whether it
// runs from src/config, dist/config or the bundle in dist/bin.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
