/**
 * Bundles the Node and Electron entry points with esbuild (the renderer is built by Vite):
 *   dist/node/      the CLI, its parse worker, the bench runner
 *   dist/electron/  main process (ESM), preload (CommonJS: sandboxed preloads cannot be modules),
 *                   read worker and parse worker side by side (each worker is started from beside
 *                   the bundle that starts it)
 *
 *   tsx scripts/build.ts [node|electron]...   (both when none is named)
 */
import { build, type BuildOptions } from 'esbuild';
import { chmodSync } from 'node:fs';

const targets = process.argv.slice(2);
const wants = (name: string) => targets.length === 0 || targets.includes(name);

const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

if (wants('node')) {
  await build({
    ...common,
    entryPoints: {
      'export-review': 'shared/cli/export-review.node.ts',
      'parse-worker': 'shared/parse-worker.node.ts',
      // Bench only; beside parse-worker.js so the measured reader starts real workers.
      'bench-run': 'scripts/bench-run.ts',
    },
    outdir: 'dist/node',
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' },
    // saxes and fast-xml-parser are bench baselines (devDependencies), not part of the app.
    external: ['saxes', 'fast-xml-parser'],
  });
  chmodSync('dist/node/export-review.js', 0o755);
}

if (wants('electron')) {
  await build({
    ...common,
    entryPoints: { main: 'electron/main.ts', 'read-worker': 'electron/read-worker.ts', 'parse-worker': 'shared/parse-worker.node.ts' },
    outdir: 'dist/electron',
    format: 'esm',
    external: ['electron'],
  });
  await build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
  });
}
