/**
 * `npm start` runs this first. Electron's binary comes from its own download step (node_modules/electron/
 * install.js), which package.json's allowScripts keeps out of `npm install` so that installs work on
 * machines that cannot reach Electron's download host (CI, this project's build machines). On a user's
 * machine the binary is fetched here, once, on first start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function installedBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

if (!installedBinary()) {
  console.log('Fetching the Electron binary (first start only)...');
  const result = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' });
  if (result.status !== 0 || !installedBinary()) {
    console.error('\nCould not fetch Electron. Check the network (or a proxy: ELECTRON_GET_USE_PROXY, HTTPS_PROXY) and run `npm start` again.');
    process.exit(1);
  }
}
