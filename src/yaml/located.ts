// YAML parsed with positions, so errors found later (schema, compile) can point at a line and column.
import { createRequire } from 'node:module';
import type { Document, Node as YamlNode } from 'yaml';

// The YAML library loads only when a file must be parsed (validated rules come from a cache).
let yaml: typeof import('yaml') | undefined;
const require = createRequire(import.meta.url);

export type YamlPath = (string | number)[];

export interface LocatedYaml {
  value: unknown;
  /**
   * 1-based line and column of the node at a path (or its nearest existing parent): its value, or its key when
   * the key itself is the mistake (an unknown field).
   */
  locate(path: YamlPath, at?: 'value' | 'key'): { line: number; column: number };
}

export type LocatedYamlResult = { ok: true; yaml: LocatedYaml } | { ok: false; line: number; column: number; message: string };

/** The YAML library, loaded on first use. */
export function yamlLibrary(): typeof import('yaml') {
  yaml ??= require('yaml') as typeof import('yaml');
  return yaml;
}

export function parseLocatedYaml(source: string): LocatedYamlResult {
  const yaml = yamlLibrary();
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { ok: false, line, column: col, message: `YAML syntax error: ${firstLine(error.message)}` };
  }
  return {
    ok: true,
    yaml: {
      value: doc.toJS(),
      locate(path, at = 'value') {
        const { line, col } = lineCounter.linePos(offsetOf(doc, path, at));
        return { line, column: col };
      },
    },
  };
}

function offsetOf(doc: Document, path: YamlPath, at: 'value' | 'key'): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const partial = path.slice(0, depth);
    const keyNode = depth > 0 ? keyNodeAt(doc, partial) : undefined;
    const node = depth === 0 ? doc.contents : (doc.getIn(partial, true) as YamlNode | undefined);
    const valueOffset = node && typeof node === 'object' && 'range' in node && node.range ? node.range[0] : undefined;
    // A value may be null or missing; then its key is the place to point at.
    if (at === 'key' || valueOffset === undefined) {
      if (keyNode?.range) return keyNode.range[0];
    }
    if (valueOffset !== undefined) return valueOffset;
  }
  return 0;
}

function keyNodeAt(doc: Document, path: YamlPath): YamlNode | undefined {
  const { isMap, isPair, isScalar } = yaml!;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const name = path[path.length - 1];
  for (const item of parent.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === name) return item.key;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
