// The parts of wink-eng-lite-web-model that a sentence-split + POS pipe uses, loaded in about half the time of
// the package's own entry (~0.12 s → ~0.06 s; most of a short file's start-up). The entry parses its 3 MB core
// data, copies it through JSON.stringify/JSON.parse, decodes base64 a byte at a time, and reads the NER,
// sentiment and lemmatiser data that this pipe never runs. Any other model version goes through the entry.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../config/paths.js';

const require = createRequire(import.meta.url);

const CORE_DATA = 'languages/cur/models/eng-core-web-model.json';

/** The package's own model object: what `require('wink-eng-lite-web-model')` returns. */
export function stockModel(): unknown {
  return require('wink-eng-lite-web-model') as unknown;
}

/** A model object for `winkNLP(model, ['sbd', 'pos'])`; the stock one when the package is not the 1.x we know. */
export function sentencePosModel(): unknown {
  const dist = modelDist();
  if (!dist) return stockModel();
  const part = (file: string) => require(join(dist, file)) as unknown;
  const lazy = (file: string) => (...args: unknown[]) => (part(file) as (...a: unknown[]) => unknown)(...args);
  return {
    core: () => readCore(coreDataText(dist)),
    sbd: part('load-sbd-model.js'),
    pos: part('load-pos-model.js'),
    negation: part('load-negation-model.js'),
    metaCER: part('load-cer-meta-model.js'),
    // wink-nlp builds these automata whatever the pipe; empty ones, since the pipe never runs them.
    ner: () => ({ machines: [], transformers: [] }),
    sa: () => ({ machines: [EMPTY_AUTOMATON], setter: () => undefined }),
    featureFn: part('feature.js'),
    // Only reached through its.stem, its.lemma and readability statistics, which mtaudit does not ask for.
    addons: { stem: lazy('porter-stemmer.js'), lemmatize: lazy('lemmatize.js'), readabilityStats: lazy('readability-stats.js'), wordVectors: undefined },
  };
}

/** The model package's dist folder when it is a 1.x version (the layout this loader knows), else null. */
function modelDist(): string | null {
  try {
    const root = dirname(require.resolve('wink-eng-lite-web-model/package.json'));
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
    return version?.startsWith('1.') ? join(root, 'dist') : null;
  } catch {
    return null;
  }
}

/**
 * The build's ASCII copy of the core data (every other character written as a \u escape; the same JSON value),
 * named after the source's size and time so an updated model is never read through a stale copy. A one-byte
 * string reads and parses in about half the time: ~15 ms of start-up.
 */
function asciiCopyPath(source: string): string {
  const { size, mtimeMs } = statSync(source);
  return join(PACKAGE_ROOT, 'dist', 'model', `core-${size}-${Math.round(mtimeMs)}.json`);
}

/** The core data's JSON text: the ASCII copy when the build made one for this model, else the package's file. */
function coreDataText(dist: string): string {
  const source = join(dist, CORE_DATA);
  try {
    return readFileSync(asciiCopyPath(source), 'latin1');
  } catch {
    return readFileSync(source, 'utf8');
  }
}

/** Writes the ASCII copy of the core data (run by `npm run build`); returns its path, or null without a known model. */
export function writeAsciiCoreData(): string | null {
  const dist = modelDist();
  if (!dist) return null;
  const source = join(dist, CORE_DATA);
  const target = asciiCopyPath(source);
  const ascii = readFileSync(source, 'utf8').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, ascii, 'latin1');
  renameSync(`${target}.tmp`, target);
  return target;
}

/** wink-nlp's serialised automaton with no states: [version, last state, machine, terminal, marked, custom]. */
const EMPTY_AUTOMATON = JSON.stringify([100, 0, {}, {}, {}, {}]);

type Layout = Record<string, [number, number, number, number, number]>;
interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
interface CoreModel {
  packing: { layout: Layout; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: unknown[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** The core model as the package's readModel + loadModel leave it, parsed once. */
function readCore(json: string): CoreModel {
  const model = JSON.parse(json) as CoreModel;
  model.lexicon = words32(model.lexicon as string);
  model.xpansions = words32(model.xpansions as string);
  const { layout } = model.packing;
  const features = model.features;
  model.packing.efList = [];
  for (const name in layout) {
    const [, mask, shift, packed, extra] = layout[name]!;
    const feature = features[name]!;
    if (packed === 0) {
      feature.hash = indexOf(feature.list);
      feature.intrinsicSize = feature.index = feature.list.length;
      feature.maxIndex = mask >>> shift;
    }
    if (extra === 1) model.packing.efList.push(name);
  }
  features.lexeme.hash = indexOf(features.lexeme.list);
  features.lexeme.intrinsicSize = features.lexeme.index = features.lexeme.list.length;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((tag) => model.pos.hash[tag] || 0));
  return model;
}

function indexOf(list: string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
  return hash;
}

/** Base64 to 32-bit words in a buffer of their own (a Uint32Array needs an aligned start). */
function words32(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}
