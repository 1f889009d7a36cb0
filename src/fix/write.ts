// Writing fixed text back without ever losing any: refuse a file that changed since it was read,
// keep encoding, BOM, line endings and permissions, and replace the file atomically (temp file + rename).
import { open, readFile, rename, stat, unlink, chmod } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { decodeBytes, encodeText } from '../documents/decode.js';
import type { SourceDocument } from '../documents/types.js';

export type WriteOutcome = { written: true } | { written: false; reason: string };

export async function writeDocument(document: SourceDocument, newText: string): Promise<WriteOutcome> {
  const origin = document.origin;
  if (origin.kind !== 'file') {
    return { written: false, reason: origin.kind === 'stdin' ? 'standard input cannot be written back' : 'articles inside .jsonl files are not rewritten' };
  }
  if (newText === document.text) return { written: false, reason: 'unchanged' };
  const file = origin.file;
  let info;
  let current: Buffer;
  try {
    info = await stat(file);
    current = await readFile(file);
  } catch (error) {
    return { written: false, reason: `cannot read it again before writing (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const decoded = decodeBytes(current);
  if (!decoded.ok || decoded.text !== document.text || decoded.bom !== origin.bom || decoded.encoding !== origin.encoding) {
    return { written: false, reason: 'file changed on disk since it was read; not written (run again)' };
  }
  const bytes = encodeText(keepLineEndings(document.text, newText), origin.encoding, origin.bom);
  try {
    await replaceFile(file, bytes, info.mode);
    return { written: true };
  } catch (error) {
    return { written: false, reason: `cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

/**
 * Replaces (or creates) a file atomically: the bytes go to a temporary file beside it, are flushed, and
 * the temporary file is renamed over the target, so a reader sees the old or the new file, never a part.
 */
export async function replaceFile(file: string, bytes: Uint8Array, mode?: number): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.mtaudit-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode === undefined ? 0o666 : mode & 0o777);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temp, mode & 0o7777);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** A file written with CRLF stays CRLF, even where a fix inserted a bare line feed. */
export function keepLineEndings(original: string, text: string): string {
  const crlf = original.includes('\r\n') && !/(^|[^\r])\n/.test(original);
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
}
