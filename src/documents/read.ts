// Turns paths (files, folders, "-") into a stream of documents and input problems, in a stable order.
import { readdir, realpath, stat } from 'node:fs/promises';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { extname, join, relative, isAbsolute } from 'node:path';
import { decodeBytes } from './decode.js';
import type { DocumentFormat, InputItem, SourceDocument } from './types.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.jsonl', '.ndjson'];
const RECORD_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

export interface ReadOptions {
  /** Largest file read, in bytes; larger files are reported, not read. */
  maxFileBytes?: number;
  /** Returns true for paths to leave out (config `ignore`). */
  ignore?: (path: string) => boolean;
  /** Read standard input as NDJSON records instead of one text. */
  stdinRecords?: boolean;
  stdin?: NodeJS.ReadableStream;
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

/** Files read ahead of the one being checked, so the disk works while the linter does. */
const READ_AHEAD = 8;

/** Reads every document behind the given paths, in order, a few files ahead of the consumer. */
export async function* readDocuments(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const pending: Promise<InputItem[]>[] = [];
  const collect = async (file: string) => {
    const items: InputItem[] = [];
    for await (const item of readFileDocuments(file, options)) items.push(item);
    return items;
  };
  for await (const item of listInputFiles(paths, options)) {
    pending.push('file' in item ? collect(item.file) : Promise.resolve([item]));
    if (pending.length >= READ_AHEAD) yield* await pending.shift()!;
  }
  while (pending.length) yield* await pending.shift()!;
}

export async function* readFileDocuments(file: string, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  if (file === '-') {
    const bytes = await readStream(options.stdin ?? process.stdin);
    yield* decodeInto('<stdin>', bytes, options.stdinRecords ?? false, 'text', { kind: 'stdin' });
    return;
  }
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Buffer;
  try {
    // Synchronous reads: for local article-sized files, four thread-pool round trips per file (open, stat,
    // read, close) cost more than the read itself, and the linting happens in other threads anyway.
    const fd = openSync(file, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > max) {
        yield { problem: { path: file, message: `file is ${formatBytes(size)}, over the ${formatBytes(max)} limit (raise it with --max-file-size)` } };
        return;
      }
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    yield { problem: { path: file, message: describeFsError(error, 'cannot read file') } };
    return;
  }
  const ext = extname(file).toLowerCase();
  const format: DocumentFormat = ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
  yield* decodeInto(file, bytes, RECORD_EXTENSIONS.has(ext), format, null);
}

function* decodeInto(
  path: string,
  bytes: Uint8Array,
  records: boolean,
  format: DocumentFormat,
  origin: SourceDocument['origin'] | null,
): Generator<InputItem> {
  if (bytes.length === 0) {
    yield { problem: { path, message: 'empty file, nothing to check' } };
    return;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    yield { problem: { path, message: decoded.message } };
    return;
  }
  if (records) {
    yield* parseRecords(path, decoded.text);
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

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
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

/** A path as shown in reports: relative to the working directory when it lies below it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
