// Writing fixed text back without ever losing any: refuse a file that changed since it was read, keep
// encoding, BOM, line endings, permissions and owner, and replace the file atomically (temporary file, flush,
// rename), so a reader (or a crash) sees the old file or the new one, never a part.
//
// What is guaranteed, and how far: mtaudit runs writing the same file take turns (a lock file beside it),
// and each checks the file just before replacing it, so no mtaudit run overwrites another's fix or an edit
// saved before that check. Another program saving the file in the instant between the last check and the
// rename (microseconds) can still lose that save: POSIX has no rename-if-unchanged.
import { chown, lstat, open, readFile, realpath, rename, stat, unlink, chmod } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { decodeBytes, encodeText } from '../documents/decode.js';
import type { SourceDocument } from '../documents/types.js';

export type WriteOutcome = { written: true } | { written: false; reason: string };

const CHANGED = 'file changed on disk since it was read; not written (run again)';

export async function writeDocument(document: SourceDocument, newText: string): Promise<WriteOutcome> {
  const origin = document.origin;
  if (origin.kind !== 'file') {
    return { written: false, reason: origin.kind === 'stdin' ? 'standard input cannot be written back' : 'articles inside .jsonl files are not rewritten' };
  }
  if (newText === document.text) return { written: false, reason: 'unchanged' };
  let file: string;
  try {
    // A symbolic link stays a link: the file it points to is replaced.
    file = await realpath(origin.file);
  } catch (error) {
    return { written: false, reason: `cannot read it again before writing (${errorCode(error)})` };
  }
  const lock = await FileLock.acquire(file);
  if (typeof lock === 'string') return { written: false, reason: lock };
  try {
    let info: Stats;
    let current: Buffer;
    try {
      info = await stat(file);
      current = await readFile(file);
    } catch (error) {
      return { written: false, reason: `cannot read it again before writing (${errorCode(error)})` };
    }
    if (info.nlink > 1) return { written: false, reason: `the file has ${info.nlink} hard links, which replacing it would split; not written` };
    const decoded = decodeBytes(current);
    if (!decoded.ok || decoded.text !== document.text || decoded.bom !== origin.bom || decoded.encoding !== origin.encoding) {
      return { written: false, reason: CHANGED };
    }
    const bytes = encodeText(keepLineEndings(document.text, newText), origin.encoding, origin.bom);
    // Checked again after the new text is on disk, right before the rename: the window left is that of a rename.
    const unchanged = async () => {
      const now = await stat(file);
      return now.ino === info.ino && now.size === info.size && now.mtimeMs === info.mtimeMs && (await readFile(file)).equals(current);
    };
    try {
      if (!(await replaceFile(file, bytes, info, unchanged))) return { written: false, reason: CHANGED };
      return { written: true };
    } catch (error) {
      return { written: false, reason: `cannot write (${errorCode(error)})` };
    }
  } finally {
    await lock.release();
  }
}

/**
 * Replaces (or creates) a file atomically: the bytes go to a temporary file beside it, are flushed, and the
 * temporary file is renamed over the target, so a reader sees the old or the new file, never a part. With
 * `like`, the new file gets the old one's permissions (and owner, where allowed). `beforeRename` may call it
 * off (false): the temporary file is removed and the target left alone.
 */
export async function replaceFile(file: string, bytes: Uint8Array, like?: Pick<Stats, 'mode' | 'uid' | 'gid'> | number, beforeRename?: () => Promise<boolean>): Promise<boolean> {
  const original = typeof like === 'number' ? { mode: like } : like;
  const temp = join(dirname(file), `.${basename(file)}.mtaudit-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', original === undefined ? 0o666 : original.mode & 0o777);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (original !== undefined) {
      await chmod(temp, original.mode & 0o7777);
      if ('uid' in original && original.uid !== undefined && (original.uid !== process.getuid?.() || original.gid !== process.getgid?.())) {
        await chown(temp, original.uid, original.gid!).catch(() => undefined); // only root may give files away
      }
    }
    if (beforeRename && !(await beforeRename())) {
      await unlink(temp).catch(() => undefined);
      return false;
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(file));
  return true;
}

/** Makes a rename durable (a power cut after it keeps the new file); not every system can flush a folder. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some file systems refuse; the rename itself is still atomic.
  }
}

/**
 * A lock file beside the file being written (`.name.mtaudit-lock`, holding the writer's process id), so two
 * mtaudit runs never check and replace the same file at once. A lock left by a process that is gone (killed
 * mid-write) is taken over.
 */
class FileLock {
  private constructor(private readonly path: string) {}

  static async acquire(file: string): Promise<FileLock | string> {
    const path = join(dirname(file), `.${basename(file)}.mtaudit-lock`);
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        const handle = await open(path, 'wx', 0o644);
        await handle.writeFile(String(process.pid));
        await handle.close();
        return new FileLock(path);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') return `cannot lock it for writing (${errorCode(error)})`;
      }
      if (await isStale(path)) {
        await unlink(path).catch(() => undefined);
        continue;
      }
      // Another run is writing this file; it takes milliseconds. Wait a little, then give up.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return 'another mtaudit run is writing this file; not written (run again)';
  }

  async release(): Promise<void> {
    await unlink(this.path).catch(() => undefined);
  }
}

/** A write takes milliseconds: a lock this old was left behind, whoever has its process id now. */
const LOCK_EXPIRY_MS = 60_000;

async function isStale(path: string): Promise<boolean> {
  try {
    const age = Date.now() - (await lstat(path)).mtimeMs;
    if (age > LOCK_EXPIRY_MS) return true;
    const pid = Number((await readFile(path, 'utf8')).trim());
    // Empty: being written this instant (or left empty by a crash, and then stale in a few seconds).
    if (!Number.isInteger(pid) || pid <= 0) return age > 5_000;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    const code = errorCode(error);
    return code === 'ESRCH' || code === 'ENOENT';
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** A file written with CRLF stays CRLF, even where a fix inserted a bare line feed. */
export function keepLineEndings(original: string, text: string): string {
  const crlf = original.includes('\r\n') && !/(^|[^\r])\n/.test(original);
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
}
