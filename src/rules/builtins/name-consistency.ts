// name-consistency: one spelling per name across the documents of a batch (a corpus check; see src/names).
// The transliteration table and the guards are options of rules/names/name-consistency.yaml.
import { NameConsistency } from '../../names/check.js';
import type { NameOptions } from '../../names/types.js';
import { defineCorpusBuiltin, stringList } from './types.js';

const pair = { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 } as const;

export default defineCorpusBuiltin<NameOptions>({
  needs: 'tokens',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['letters', 'spellings', 'vowels'],
    properties: {
      letters: { type: 'object', additionalProperties: { type: 'string' }, propertyNames: { minLength: 1, maxLength: 1 } },
      spellings: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'to'],
          properties: { from: { type: 'string', minLength: 1 }, to: { type: 'string' }, where: { enum: ['anywhere', 'start', 'end', 'vowels'] } },
        },
      },
      vowels: { type: 'string', minLength: 1 },
      collapseDoubles: { type: 'boolean' },
      stopWords: stringList,
      titles: stringList,
      particles: stringList,
      commonWords: stringList,
      genderEndings: { type: 'array', items: pair },
      distinctEndings: stringList,
      distinct: { type: 'array', items: { ...stringList, minItems: 2 } },
      shortKey: { type: 'integer', minimum: 0 },
      fuzzyMinLength: { type: 'integer', minimum: 1 },
      similarity: { type: 'number', minimum: 0, maximum: 1 },
    },
  },
  defaults: {
    letters: {},
    spellings: [],
    vowels: 'aeiou',
    collapseDoubles: true,
    stopWords: [],
    titles: [],
    particles: [],
    commonWords: [],
    genderEndings: [],
    distinctEndings: [],
    distinct: [],
    shortKey: 3,
    fuzzyMinLength: 5,
    similarity: 0.9,
  },
  corpus: (options, rules) => new NameConsistency(options, rules),
});
