// Turns paths (files, folders, "-") into a stream of documents and input problems, in a stable order.
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decodeBytes, firstInvalidUtf8 } from './decode.js';

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
import type { DocumentFormat, InputItem, SourceDocument } from './types.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.jsonl', '.ndjson'];
const RECORD_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

export interface ReadOptions {
  /** Largest file (or JSONL record) read, in bytes; larger ones are reported, not read. */
  maxFileBytes?: number;
  /** Returns true for paths to leave out (config `ignore`). */
  ignore?: (path: string) => boolean;
  /** Read standard input as NDJSON records instead of one text. */
  stdinRecords?: boolean;
  stdin?: NodeJS.ReadableStream;
  /** Called with a file's size before its bytes are read; a promise returned is waited for (room in a read-ahead budget). */
  beforeRead?: (bytes: number) => Promise<void> | undefined;
}

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Lists the files a set of paths stands for, reporting paths that don't exist or hold no articles. */
export async function* listInputFiles(paths: string[], options: ReadOptions = {}): AsyncGenerator<{ file: string } | InputItem> {
  for (const path of paths) {
    if (path === '-') {
      yield { file: '-' };
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      yield { problem: { path, message: describeFsError(error, 'no such file or folder') } };
      continue;
    }
    if (info.isDirectory()) {
      let found = 0;
      for await (const item of walk(path, new Set(), options)) {
        if ('file' in item) found++;
        yield item;
      }
      if (found === 0) yield { problem: { path, message: `no articles found (looked for ${ARTICLE_EXTENSIONS.join(', ')} files)` } };
    } else {
      yield { file: path };
    }
  }
}

/** Whether the files the paths name hold at least `bytes` (listing stops as soon as they do). */
export async function inputSizeAtLeast(paths: string[], options: ReadOptions, bytes: number): Promise<boolean> {
  let total = 0;
  for await (const item of listInputFiles(paths, options)) {
    if (!('file' in item) || item.file === '-') continue;
    try {
      // Synchronous: a thread-pool round trip per file would cost more than the stat.
      total += statSync(item.file).size;
    } catch {
      // Reported when the file is read.
    }
    if (total >= bytes) return true;
  }
  return false;
}

async function* walk(dir: string, seen: Set<string>, options: ReadOptions): AsyncGenerator<{ file: string } | InputItem> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    yield { problem: { path: dir, message: describeFsError(error, 'cannot resolve folder') } };
    return;
  }
  if (seen.has(real)) {
    yield { problem: { path: dir, message: 'symbolic link loop; folder already visited, skipped' } };
    return;
  }
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { problem: { path: dir, message: describeFsError(error, 'cannot read folder') } };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (options.ignore?.(path)) continue;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        yield { problem: { path, message: describeFsError(error, 'broken symbolic link') } };
        continue;
      }
    }
    if (isDir) yield* walk(path, seen, options);
    else if (isFile && ARTICLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) yield { file: path };
  }
}

/** Files read ahead of the one being checked, so the disk works while the linter does... */
const READ_AHEAD = 8;
/** ...as long as they hold no more than this many bytes together (beyond the file being checked). */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

/**
 * Bytes of files read ahead and not yet taken. A read waits while the budget is spent, except the read the
 * consumer waits for (the head of the queue), which always proceeds: so there is no deadlock, and memory holds
 * the file being checked plus at most the budget.
 */
class ReadBudget {
  private used = 0;
  private head = 0;
  private waiting: (() => void)[] = [];

  /** Undefined when there is room now (no promise to wait for: most files, most of the time). */
  acquire(turn: number, bytes: number): Promise<void> | undefined {
    if (turn === this.head || this.used + bytes <= READ_AHEAD_BYTES) {
      this.used += bytes;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => this.acquire(turn, bytes));
  }

  /** The head was taken: its bytes are free and the next one is the head. */
  release(bytes: number): void {
    this.used -= bytes;
    this.head++;
    for (const wake of this.waiting.splice(0)) wake();
  }
}

/**
 * Reads every document behind the given paths, in order. Text files are read a few ahead of the consumer,
 * within a byte budget; JSONL files and standard input are streamed a record at a time when their turn comes,
 * so memory follows the largest document, never the batch or the feed.
 */
export async function* readDocuments(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  type Queued = { item: InputItem } | { streamed: string } | { read: Promise<InputItem[]>; bytes: number };
  const budget = new ReadBudget();
  const queue: Queued[] = [];
  const listing = listInputFiles(paths, options)[Symbol.asyncIterator]();
  let listed = false;
  let turns = 0;
  for (;;) {
    while (!listed && queue.length < READ_AHEAD) {
      const step = await listing.next();
      if (step.done) {
        listed = true;
        break;
      }
      const turn = turns++;
      const entry = step.value;
      if (!('file' in entry)) queue.push({ item: entry });
      else if (isStreamed(entry.file)) queue.push({ streamed: entry.file });
      else {
        const queued = { read: Promise.resolve<InputItem[]>([]), bytes: 0 };
        queued.read = collect(readFileDocuments(entry.file, { ...options, beforeRead: (size) => budget.acquire(turn, (queued.bytes = size)) }));
        queue.push(queued);
      }
    }
    const head = queue.shift();
    if (!head) return;
    if ('item' in head) yield head.item;
    else if ('streamed' in head) yield* readFileDocuments(head.streamed, options);
    else yield* await head.read;
    budget.release('bytes' in head ? head.bytes : 0);
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Standard input and JSONL files are read as they are consumed, not ahead. */
function isStreamed(file: string): boolean {
  return file === '-' || RECORD_EXTENSIONS.has(extname(file).toLowerCase());
}

export async function* readFileDocuments(file: string, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (file === '-') {
    const stdin = (options.stdin ?? process.stdin) as AsyncIterable<Uint8Array | string>;
    if (options.stdinRecords) {
      yield* readRecords('<stdin>', stdin, max, true);
      return;
    }
    const bytes = await readBounded(stdin, max);
    if (bytes === null) yield { problem: { path: '<stdin>', message: `standard input is over the ${formatBytes(max)} limit (raise it with --max-file-size)` } };
    else yield* decodeInto('<stdin>', bytes, 'text', { kind: 'stdin' });
    return;
  }
  const ext = extname(file).toLowerCase();
  const format: DocumentFormat = ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
  let fd = -1;
  let info;
  try {
    // Looked at before it is opened: opening a FIFO waits for its writer (and a probe open would break its pipe).
    info = statSync(file);
    if (info.isFile() && !RECORD_EXTENSIONS.has(ext)) fd = openSync(file, 'r');
  } catch (error) {
    yield { problem: { path: file, message: describeFsError(error, 'cannot read file') } };
    return;
  }
  if (info.isFile() && !RECORD_EXTENSIONS.has(ext)) {
    let bytes: Buffer | null = null;
    let failure: unknown;
    try {
      if (info.size <= max) {
        const wait = options.beforeRead?.(info.size);
        if (wait) await wait;
        // Synchronous: for article-sized files, thread-pool round trips cost more than the read itself, and
        // linting happens in other threads anyway. A file that grew past the limit since the stat is refused.
        bytes = readFileSync(fd);
        if (bytes.length > max) bytes = null;
      }
    } catch (error) {
      failure = error;
    } finally {
      closeSync(fd);
    }
    if (failure !== undefined) yield { problem: { path: file, message: describeFsError(failure, 'cannot read file') } };
    else if (info.size > max) yield { problem: { path: file, message: `file is ${formatBytes(info.size)}, over the ${formatBytes(max)} limit (raise it with --max-file-size)` } };
    else if (bytes === null) yield { problem: { path: file, message: `file is over the ${formatBytes(max)} limit (raise it with --max-file-size)` } };
    else yield* decodeInto(file, bytes, format, null);
    return;
  }
  // JSONL feeds (streamed a record at a time, the limit applying to each), FIFOs and devices (read up to the
  // limit like standard input; opening a FIFO waits for its writer, so not on the main thread's clock).
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    yield { problem: { path: file, message: describeFsError(error, 'cannot read file') } };
    return;
  }
  try {
    if (info.isDirectory()) {
      yield { problem: { path: file, message: 'is a folder' } };
      return;
    }
    if (RECORD_EXTENSIONS.has(ext)) {
      yield* readRecords(file, fileChunks(handle, 1024 * 1024), max);
      return;
    }
    const bytes = await readBounded(fileChunks(handle, 1024 * 1024), max);
    if (bytes === null) yield { problem: { path: file, message: `file is over the ${formatBytes(max)} limit (raise it with --max-file-size)` } };
    else yield* decodeInto(file, bytes, format, null);
  } catch (error) {
    yield { problem: { path: file, message: describeFsError(error, 'cannot read file') } };
  } finally {
    await handle.close().catch(() => undefined);
  }
}


/** The bytes of an open file, a chunk at a time, to the end (a FIFO or device: until its writer is done). */
async function* fileChunks(handle: FileHandle, size: number): AsyncGenerator<Uint8Array> {
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.max(size, 1));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/** All the bytes of a stream, or null as soon as there are more than `max` (the rest is not read). */
async function readBounded(chunks: AsyncIterable<Uint8Array | string>, max: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += bytes.length;
    if (total > max) return null;
    parts.push(bytes);
  }
  return Buffer.concat(parts, total);
}

function* decodeInto(path: string, bytes: Uint8Array, format: DocumentFormat, origin: SourceDocument['origin'] | null): Generator<InputItem> {
  if (bytes.length === 0) {
    yield { problem: { path, message: 'empty file, nothing to check' } };
    return;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    yield { problem: { path, message: decoded.message } };
    return;
  }
  yield {
    document: {
      path,
      text: decoded.text,
      format,
      origin: origin ?? { kind: 'file', file: path, encoding: decoded.encoding, bom: decoded.bom },
    },
  };
}

/**
 * JSONL records streamed line by line: a line is decoded and parsed on its own, so a bad line (not UTF-8, not
 * JSON, no text, over the size limit) is reported by number and the others are read. A file in UTF-16 (with a
 * BOM) is decoded whole, within the limit.
 */
async function* readRecords(path: string, chunks: AsyncIterable<Uint8Array | string>, max: number, emptyIsFine = false): AsyncGenerator<InputItem> {
  let line = 0;
  let lineStart = 0; // byte offset of the current line in the file
  let offset = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let oversize = false;
  let documents = 0;
  let problems = 0;
  const finishLine = function* (): Generator<InputItem> {
    line++;
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes);
    const item = oversize
      ? { problem: { path, line, message: `record is over the ${formatBytes(max)} limit (raise it with --max-file-size); line skipped` } }
      : recordItem(path, bytes, line, lineStart);
    parts = [];
    partBytes = 0;
    oversize = false;
    if (!item) return;
    if ('document' in item) documents++;
    else problems++;
    yield item;
  };
  let first = true;
  const iterator = chunks[Symbol.asyncIterator]();
  const toBuffer = (value: Uint8Array | string) => (typeof value === 'string' ? Buffer.from(value) : Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  let head: Buffer[] = []; // the first bytes, gathered until a byte-order mark can be recognised
  for (;;) {
    const step = await iterator.next();
    if (step.done && head.length === 0) break;
    let chunk = step.done ? Buffer.alloc(0) : toBuffer(step.value);
    if (first) {
      head.push(chunk);
      chunk = Buffer.concat(head);
      if (chunk.length < 4 && !step.done) continue;
      head = [];
      if (chunk.length === 0) break;
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        chunk = chunk.subarray(3);
        offset = lineStart = 3;
      } else if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        const rest = await readBounded({ [Symbol.asyncIterator]: () => iterator }, max - chunk.length);
        if (rest === null) yield { problem: { path, message: `file is over the ${formatBytes(max)} limit (raise it with --max-file-size)` } };
        else yield* decodedRecords(path, Buffer.concat([chunk, rest]));
        return;
      }
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        const decoded = decodeBytes(chunk);
        yield { problem: { path, message: decoded.ok ? 'binary file' : decoded.message } };
        return;
      }
    }
    let from = 0;
    while (from <= chunk.length) {
      const newline = chunk.indexOf(0x0a, from);
      const end = newline === -1 ? chunk.length : newline;
      if (!oversize && end > from) {
        partBytes += end - from;
        if (partBytes > max) {
          oversize = true;
          parts = [];
        } else parts.push(chunk.subarray(from, end));
      }
      offset += end - from;
      if (newline === -1) break;
      yield* finishLine();
      offset++;
      lineStart = offset;
      from = newline + 1;
    }
  }
  if (first) {
    // A stream mapper's input split may be empty: nothing to check is then no mistake.
    if (!emptyIsFine) yield { problem: { path, message: 'empty file, nothing to check' } };
    return;
  }
  if (partBytes > 0 || oversize) yield* finishLine();
  if (documents === 0 && problems === 0 && !emptyIsFine) yield { problem: { path, message: 'no records (a JSONL file holds one JSON object a line)' } };
}

function* decodedRecords(path: string, bytes: Uint8Array): Generator<InputItem> {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    yield { problem: { path, message: decoded.message } };
    return;
  }
  let any = false;
  for (const item of parseRecords(path, decoded.text)) {
    any = true;
    yield item;
  }
  if (!any) yield { problem: { path, message: 'no records (a JSONL file holds one JSON object a line)' } };
}

/** One JSONL line's bytes as a document or a problem; null for a blank line. */
function recordItem(path: string, bytes: Buffer, line: number, lineStart: number): InputItem | null {
  let raw: string;
  try {
    raw = utf8Strict.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { problem: { path, line, message: `not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${lineStart + at}); line skipped` } };
  }
  raw = raw.replace(/\r$/, '');
  if (raw.trim() === '') return null;
  return parseRecord(path, raw, line);
}

/** One article per line: {"id","text"} or {"id","title","body"}. Bad lines are reported by line number. */
export function* parseRecords(path: string, text: string): Generator<InputItem> {
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNumber++;
    const raw = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (raw.trim() === '') continue;
    const item = parseRecord(path, raw, lineNumber);
    if (item) yield item;
  }
}

export function parseRecord(path: string, raw: string, line: number): InputItem | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { problem: { path, line, message: `not valid JSON (${(error as Error).message}); line skipped` } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: { path, line, message: 'expected a JSON object with "text" or "title" and "body"; line skipped' } };
  }
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `line-${line}`;
  let text: string;
  if (typeof record.text === 'string') text = record.text;
  else if (typeof record.body === 'string') text = typeof record.title === 'string' ? `${record.title}\n\n${record.body}` : record.body;
  else return { problem: { path, line, message: 'no "text" (or "body") string in this record; line skipped' } };
  return { document: { path: `${path}#${id}`, text, format: 'text', origin: { kind: 'record', file: path, line, id } } };
}

export function describeFsError(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return code ? `${fallback} (${code})` : fallback;
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
