// The floor: bare wink-nlp sentence split + POS tagging over the same files, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;
let tokens = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else {
      const doc = nlp.readDoc(readFileSync(path, 'utf8'));
      doc.sentences().length();
      tokens += doc.tokens().out(its.pos).length;
    }
  }
};
walk(process.argv[2]);
console.log(JSON.stringify({ tokens }));
