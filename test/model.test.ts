// mtaudit loads only the parts of the language model its pipe uses; it must tag exactly as the stock model does.
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentencePosModel, stockModel } from '../src/analysis/model.js';
import { CORPUS, ROOT } from './helpers/cli.js';

interface Doc {
  tokens(): { out(f: unknown): unknown[] };
  sentences(): { out(f: unknown): unknown[] };
}
interface Nlp {
  readDoc(text: string): Doc;
  its: Record<string, unknown>;
}
type ModelParts = { core(): unknown };

const winkNLP = createRequire(import.meta.url)('wink-nlp') as (model: unknown, pipe: string[]) => Nlp;
const fast = winkNLP(sentencePosModel(), ['sbd', 'pos']);
const stock = winkNLP(stockModel(), ['sbd', 'pos']);

/** Everything mtaudit reads from a document. */
function reading(nlp: Nlp, text: string): unknown {
  const doc = nlp.readDoc(text);
  const { its } = nlp;
  const tokens = doc.tokens();
  return [its.value, its.precedingSpaces, its.pos, its.type].map((f) => tokens.out(f)).concat([doc.sentences().out(its.span)]);
}

describe('the sentence + POS model loader', () => {
  it('builds the same core model as the package does', () => {
    expect((sentencePosModel() as ModelParts).core()).toEqual((stockModel() as ModelParts).core());
  });

  it("reads the build's ASCII copy of the core data: the same JSON value, one byte per character", () => {
    const copies = readdirSync(join(ROOT, 'dist', 'model')).filter((f) => /^core-.*\.json$/.test(f));
    expect(copies).toHaveLength(1);
    const ascii = readFileSync(join(ROOT, 'dist', 'model', copies[0]!), 'latin1');
    expect(/^[\x00-\x7f]*$/.test(ascii)).toBe(true);
    const source = join(dirname(createRequire(import.meta.url).resolve('wink-eng-lite-web-model/package.json')), 'dist/languages/cur/models/eng-core-web-model.json');
    const original = readFileSync(source, 'utf8');
    expect(/[^\x00-\x7f]/.test(original)).toBe(true);
    expect(JSON.parse(ascii)).toEqual(JSON.parse(original));
  });

  it('tags the seed corpus exactly as the stock model', () => {
    const folder = join(CORPUS, 'kazakhstan-2022-01');
    for (const file of readdirSync(folder)) {
      const text = readFileSync(join(folder, file), 'utf8');
      expect(reading(fast, text)).toEqual(reading(stock, text));
    }
  });

  it('tags any text exactly as the stock model, including words it has never seen', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ'’-]{1,12}$/);
    const text = fc.array(fc.oneof(word, fc.constantFrom('.', ',', '“', '”', '\n', '$', '5', 'Mr.', "didn't")), { maxLength: 40 }).map((w) => w.join(' '));
    fc.assert(fc.property(text, (t) => {
        expect(reading(fast, t)).toEqual(reading(stock, t));
      }), { numRuns: 300 });
  });
});
