// A quotation followed by a speech verb with no subject: '…for the people.” added.' — the subject was
// dropped by a pro-drop source language (Spanish "agregó", Russian "добавил").
import { defineBuiltin, matches, stringList } from './types.js';

interface Options {
  speechVerbs: string[];
}

export default defineBuiltin<Options>({
  needs: 'none',
  optionsSchema: { type: 'object', properties: { speechVerbs: stringList }, additionalProperties: false },
  defaults: { speechVerbs: [] },
  create: (options) => {
    if (options.speechVerbs.length === 0) return () => [];
    const verbs = options.speechVerbs.map((v) => v.toLowerCase()).join('|');
    const regex = new RegExp(`[”"»][ \\t\\u00a0]*,?[ \\t\\u00a0]+(?:${verbs})[ \\t\\u00a0]*[.;]`, 'giu');
    return (context) => [...matches(regex, context.text)].map((m) => ({ start: m.index, end: m.index + m[0].length, fix: null }));
  },
});
