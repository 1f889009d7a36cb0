// The second half of `npm run build` (after tsc): bundles the command and its worker into dist/bin/ (one file
// to load instead of a hundred modules saves about 30 ms of every start-up), and writes the language model's
// core data as ASCII into dist/model/ (it reads and parses in half the time).
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeAsciiCoreData } from '../dist/analysis/model.js';

// Chunk names change with their contents, and the model copy is named after its source: start empty so
// nothing stale is left behind.
rmSync('dist/bin', { recursive: true, force: true });
rmSync('dist/model', { recursive: true, force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (error) {
  // No bundler for this platform (its binary is an optional dependency): the command runs from the tsc build,
  // the same code, only slower to start.
  console.warn(`mtaudit build: esbuild is not available (${error.message.split('\n')[0]}); dist/bin/mtaudit.js runs dist/cli/main.js unbundled`);
}

if (esbuild) {
  await esbuild.build({
    entryPoints: { mtaudit: 'src/cli/main.ts', worker: 'src/engine/worker.ts' },
    outdir: 'dist/bin',
    bundle: true,
    // The review UI and other code loaded with import() stay in chunks of their own, loaded when used.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    format: 'esm',
    platform: 'node',
    // Not node20: for that target esbuild rewrites every \p{…} regex literal as a new RegExp() call, rebuilt on each use.
    target: 'es2022',
    // Packages load from node_modules, except wink-nlp: its forty small modules load faster as part of the bundle.
    external: Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies).filter((name) => name !== 'wink-nlp'),
    logLevel: 'warning',
  });
} else {
  mkdirSync('dist/bin', { recursive: true });
  writeFileSync('dist/bin/mtaudit.js', "#!/usr/bin/env node\nimport '../cli/main.js';\n");
}
chmodSync('dist/bin/mtaudit.js', 0o755);

writeAsciiCoreData();
