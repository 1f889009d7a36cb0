// Builds a benchmark corpus of N distinct articles from the seed corpus: each article takes the headline of a
// seed article and a deterministic shuffle of paragraphs drawn from all of them, so no two files are equal.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function buildCorpus(seedDir, outDir, count) {
  const seeds = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.txt')) seeds.push(readFileSync(path, 'utf8'));
    }
  };
  walk(seedDir);
  const paragraphs = seeds.flatMap((text) => text.split(/\n\s*\n/).slice(1)).filter((p) => p.trim());
  let state = 42;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let words = 0;
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length];
    const body = [];
    const n = 8 + Math.floor(random() * 8);
    for (let k = 0; k < n; k++) body.push(paragraphs[Math.floor(random() * paragraphs.length)]);
    const text = `${seed.split('\n')[0]}\n\n${body.join('\n\n')}\n`;
    words += text.split(/\s+/).filter(Boolean).length;
    const shard = join(outDir, String(Math.floor(i / 500)).padStart(3, '0'));
    mkdirSync(shard, { recursive: true });
    writeFileSync(join(shard, `article-${String(i).padStart(6, '0')}.txt`), text);
  }
  return { files: count, words };
}
