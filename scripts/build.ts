/**
 * Bundles the Node and Electron entry points with esbuild (the renderer is built by Vite):
 *   dist/node/      the CLI, its parse worker, the bench runner
 *   dist/electron/  main process (ESM), preload (CommonJS: sandboxed preloads cannot be modules),
 *                   read worker and parse worker side by side (each worker is started from beside
 *                   the bundle that starts it)
 *
 * Worker entries are `.mjs`: a packaged app runs them from app.asar.unpacked, where no package.json
 * says `"type": "module"`, so a `.js` entry's module type would rest on Node's guess.
 *
 *   tsx scripts/build.ts [node|electron]...   (both when none is named)
 */
import { build, type BuildOptions } from 'esbuild';
import { chmodSync } from 'node:fs';

const targets = process.argv.slice(2);
const wants = (name: string) => targets.length === 0 || targets.includes(name);

const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
const esm: BuildOptions = { ...common, format: 'esm' };
const workerEsm: BuildOptions = { ...esm, outExtension: { '.js': '.mjs' } };
const parseWorker = { 'parse-worker': 'shared/read/parse-worker.node.ts' };

if (wants('node')) {
  await build({
    ...esm,
    entryPoints: {
      'export-review': 'shared/cli/export-review.node.ts',
      // Bench only; beside parse-worker.mjs so the measured reader starts real workers.
      'bench-run': 'scripts/bench-run.ts',
      // The bench's stand-in for the window, a thread with a heap of its own.
      'bench-window': 'scripts/bench-window.ts',
    },
    outdir: 'dist/node',
    banner: { js: '#!/usr/bin/env node' },
    // saxes and fast-xml-parser are bench baselines (devDependencies), not part of the app.
    external: ['saxes', 'fast-xml-parser'],
  });
  await build({ ...workerEsm, entryPoints: parseWorker, outdir: 'dist/node' });
  chmodSync('dist/node/export-review.js', 0o755);
}

if (wants('electron')) {
  await build({ ...esm, entryPoints: { main: 'electron/main.ts' }, outdir: 'dist/electron', external: ['electron'] });
  await build({ ...workerEsm, entryPoints: { 'read-worker': 'electron/read-worker.ts', ...parseWorker }, outdir: 'dist/electron' });
  await build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
  });
}
