import { json } from './json.js';
import { stylish } from './stylish.js';
import type { ReporterFactory } from './types.js';

export const REPORTERS: Record<string, ReporterFactory> = { stylish, json };
