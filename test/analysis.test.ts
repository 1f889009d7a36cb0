import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analysis/analyze.js';
import { CORPUS } from './helpers/cli.js';

const corpusFiles = readdirSync(join(CORPUS, 'kazakhstan-2022-01')).map((f) => join(CORPUS, 'kazakhstan-2022-01', f));

describe('analysis', () => {
  it('gives every token its exact UTF-16 offsets in the seed corpus', () => {
    for (const file of corpusFiles) {
      const text = readFileSync(file, 'utf8');
      const { tokens } = analyze(text);
      expect(tokens.length).toBeGreaterThan(100);
      for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
      for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
    }
  });

  it('keeps offsets right around emoji, combining accents, CRLF and other scripts', () => {
    const text = 'Pashinyan 😀 said\r\nCafe\u0301 Алматы 阿拉木图 مرحبا, “fine”.';
    const { tokens } = analyze(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.text === 'said')!.start).toBe(13);
  });

  it('splits sentences at line breaks in plain text and tags parts of speech', () => {
    const { tokens, sentences } = analyze('Get the news faster\nTap to install our app.');
    expect(sentences).toHaveLength(2);
    expect(tokens.find((t) => t.text === 'news')!.pos).toBe('NOUN');
    const newline = tokens.find((t) => t.text === '\n')!;
    expect(newline.sentence).toBe(-1);
  });

  it('analyses long texts in pieces without losing or shifting tokens', () => {
    const sentence = 'The council approved the plan on Thursday. ';
    const text = sentence.repeat(6000);
    const { tokens } = analyze(text);
    expect(tokens.filter((t) => t.text === 'council')).toHaveLength(6000);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
