/**
 * Bundles the Node entry points with esbuild: the CLI and the parse worker, side by side in
 * dist/node/ (the reader starts `parse-worker.js` from beside the bundle that contains it).
 *
 *   tsx scripts/build-node.ts
 */
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

await build({
  entryPoints: {
    'export-review': 'shared/cli/export-review.node.ts',
    'parse-worker': 'shared/parse-worker.node.ts',
    // Bench only; beside parse-worker.js so the measured reader starts real workers.
    'bench-run': 'scripts/bench-run.ts',
  },
  outdir: 'dist/node',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
  // saxes and fast-xml-parser are bench baselines (devDependencies), not part of the app.
  external: ['saxes', 'fast-xml-parser'],
});
chmodSync('dist/node/export-review.js', 0o755);
