/**
 * Vitest global setup: builds dist/electron before the glue tests, so they always run the bundles of
 * the code under test (the build takes about a second), never a stale build.
 */
import { execFileSync } from 'node:child_process';

export default function buildElectronBundles(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', 'electron'], { stdio: 'inherit' });
}
