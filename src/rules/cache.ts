// A cache of validated rule definitions, keyed by file path, size and modification time, so start-up does
// not parse and validate hundreds of YAML entries on every run. Any change to a rule file, the schema or
// mtaudit's version invalidates the entry; a cache that cannot be read or written is simply not used.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
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
  key: string;
  entries: Record<string, CacheEntry>;
}

export class RuleCache {
  private entries: Record<string, CacheEntry> = {};
  private readonly used = new Set<string>();
  private dirty = false;

  private constructor(
    private readonly file: string | null,
    private readonly key: string,
  ) {}

  /** `key` identifies everything besides the file itself that decides validity (schema, version). */
  static async open(packageRoot: string, key: string): Promise<RuleCache> {
    if (process.env.MTAUDIT_CACHE === '0') return new RuleCache(null, key);
    const modules = join(packageRoot, 'node_modules');
    const file = existsSync(modules) ? join(modules, '.cache', 'mtaudit', 'rules.json') : join(tmpdir(), `mtaudit-${process.getuid?.() ?? 'user'}`, 'rules.json');
    const cache = new RuleCache(file, key);
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
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
    return this.get(path) !== undefined && this.entries[path]!.examplesPassed === build;
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
      await writeFile(temp, JSON.stringify({ key: this.key, entries: kept } satisfies CacheFile));
      await rename(temp, this.file);
      this.dirty = false;
    } catch {
      // A read-only install: run without a cache.
    }
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
