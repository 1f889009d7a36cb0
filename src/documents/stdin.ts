// NDJSON articles streamed from standard input, one {"id","text"} (or {"id","title","body"}) per line, each
// yielded as soon as its line arrives: what a Hadoop Streaming mapper or Spark's RDD.pipe feeds a program.
import { createInterface } from 'node:readline';
import { parseRecord } from './read.js';
import type { InputItem } from './types.js';

export async function* readNdjsonStream(stream: NodeJS.ReadableStream, path = '<stdin>'): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const item = parseRecord(path, line.replace(/^\uFEFF/, ''), lineNumber);
    if (item) yield item;
  }
}
