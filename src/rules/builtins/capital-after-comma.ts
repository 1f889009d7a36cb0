// A capitalised function word or pronoun right after a comma or semicolon: "; The CIA", "Kazakhstan, He called".
import { defineBuiltin, matches, stringList, wordSet } from './types.js';
import { decapitalize } from '../../text/case.js';

interface Options {
  words: string[];
}

export default defineBuiltin<Options>({
  needs: 'none',
  optionsSchema: { type: 'object', properties: { words: stringList }, additionalProperties: false },
  defaults: { words: [] },
  create: (options) => {
    const words = wordSet(options.words);
    return (context) => {
      const out = [];
      for (const m of matches(/[,;][ \t\u00a0]+(\p{Lu}\p{Ll}*)(?=([ \t\u00a0]+\S+)?)/gu, context.text)) {
        const word = m[1]!;
        if (!words.has(word.toLowerCase())) continue;
        const next = (m[2] ?? '').trim();
        // Followed by another capitalised word, it opens a name ("; The Hague") or belongs to a title set in
        // Title Case ("Fantasy for Piano, Chorus, And Orchestra").
        if (/^\p{Lu}\p{Ll}/u.test(next)) continue;
        const start = m.index + m[0].length - word.length;
        const end = start + word.length;
        const fix = decapitalize(word);
        out.push({ start, end, vars: { fix }, fix: { edits: [{ start, end, text: fix }] } });
      }
      return out;
    };
  },
});
