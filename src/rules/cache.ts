// A cache of validated rule definitions, keyed by file path, size and modification time, so start-up does
// not parse and validate hundreds of YAML entries on every run. Any change to a rule file, the schema or
// mtaudit's version invalidates the entry; a cache that cannot be read or written is simply not used.
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import type { RuleDefinition } from './types.js';

interface CacheEntry {
  size: number;
  mtimeMs: number;
  idLine: number;
  definition: RuleDefinition;
  /** The build of mtaudit under which this file's examples last passed. */
  examplesPassed?: string;
}

interface CacheFile {
  /** The rule folder or file this cache is for: first, so pruning reads it from the start of the file. */
  source: string;
  key: string;
  entries: Record<string, CacheEntry>;
}

const CACHE_NAME = /^rules-[0-9a-f]{16}\.json$/;

export class RuleCache {
  private entries: Record<string, CacheEntry> = {};
  private readonly used = new Set<string>();
  private dirty = false;
  /** The cache file existed when opened: saving it does not add a file to the folder. */
  private existed = false;

  private constructor(
    private readonly file: string | null,
    private readonly key: string,
    private readonly source: string,
  ) {}

  /**
   * `key` identifies everything besides the file itself that decides validity (schema, version). `source` is the
   * rule folder or file: each has a cache of its own, so the bundled rules' cache stays small however many other
   * rule sets come and go (a run reads only the caches of the sources it loads).
   */
  static async open(packageRoot: string, key: string, source: string): Promise<RuleCache> {
    if (process.env.MTAUDIT_CACHE === '0') return new RuleCache(null, key, source);
    const modules = join(packageRoot, 'node_modules');
    const name = `rules-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.json`;
    const file = existsSync(modules) ? join(modules, '.cache', 'mtaudit', name) : join(tmpdir(), `mtaudit-${process.getuid?.() ?? 'user'}`, name);
    const cache = new RuleCache(file, key, source);
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
      cache.existed = true;
      if (data.key === key) cache.entries = data.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return cache;
  }

  get(path: string): { definition: RuleDefinition; idLine: number } | undefined {
    const entry = this.entries[path];
    if (!entry) return undefined;
    const info = fileInfo(path);
    if (!info || info.size !== entry.size || info.mtimeMs !== entry.mtimeMs) return undefined;
    this.used.add(path);
    return { definition: entry.definition, idLine: entry.idLine };
  }

  /** True when the file is unchanged and its examples passed under this build of mtaudit. */
  examplesPassed(path: string, build: string): boolean {
    // A file read (or written) through this cache in this run was checked then: no second stat.
    const current = this.used.has(path) || this.get(path) !== undefined;
    return current && this.entries[path]?.examplesPassed === build;
  }

  markExamplesPassed(path: string, build: string): void {
    const entry = this.entries[path];
    if (!entry || entry.examplesPassed === build) return;
    entry.examplesPassed = build;
    this.dirty = true;
  }

  set(path: string, definition: RuleDefinition, idLine: number): void {
    const info = fileInfo(path);
    if (!info) return;
    this.entries[path] = { ...info, idLine, definition };
    this.used.add(path);
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.file || !this.dirty) return;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      // Keep what this run used and what still exists, so rule files that come and go (tests) don't pile up.
      const kept = Object.fromEntries(Object.entries(this.entries).filter(([path]) => this.used.has(path) || fileInfo(path)));
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ source: this.source, key: this.key, entries: kept } satisfies CacheFile));
      await rename(temp, this.file);
      this.dirty = false;
      // A new file in the folder: the moment to drop the caches of rule folders that are gone (temporary ones).
      if (!this.existed) await pruneVanishedSources(dirname(this.file));
      this.existed = true;
    } catch {
      // A read-only install: run without a cache.
    }
  }
}

async function pruneVanishedSources(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    // The one-file cache of earlier versions.
    if (name === 'rules.json') await rm(path, { force: true });
    if (!CACHE_NAME.test(name)) continue;
    try {
      const source = /^\{"source":("(?:[^"\\]|\\.)*")/.exec(await readStart(path))?.[1];
      if (source !== undefined && !existsSync(JSON.parse(source) as string)) await rm(path, { force: true });
    } catch {
      // Another run is writing or removing it: leave it.
    }
  }
}

/** The first few kilobytes of a file: enough for the source path at its start. */
async function readStart(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

function fileInfo(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    const s = statSync(path);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return undefined;
  }
}
