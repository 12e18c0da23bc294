/**
 * `npm run security`: Doyensec's Electronegativity over electron/ and renderer/ together (its global
 * checks, such as CSP and navigation limits, need both in one scan), failing on any HIGH or MEDIUM
 * finding. PreloadJSCheck is excluded: it fires on any preload, and ours exposes one narrow API.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
const stage = mkdtempSync(join(tmpdir(), 'export-review-scan-'));
try {
  // Tests and the fake Electron they run the glue under (electron/testing) are not the app.
  const isAppSource = (path: string) => !path.endsWith('.test.ts') && !/[\\/]electron[\\/]testing([\\/]|$)/.test(path);
  for (const folder of ['electron', 'renderer']) cpSync(folder, join(stage, 'src', folder), { recursive: true, filter: isAppSource });
  const report = join(stage, 'findings.csv');
  const bin = join('node_modules', '.bin', 'electronegativity');
  // Offline it warns that it cannot fetch Electron's release list, and scans all the same.
  execFileSync(bin, ['-i', join(stage, 'src'), '-e', electronVersion, '-x', 'PreloadJSCheck', '-r', '-o', report], { stdio: ['ignore', 'ignore', 'inherit'] });
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const findings = rows.map((line) => line.split(','));
  console.log(`Electronegativity ${electronVersion}: ${findings.length} finding(s) over electron/ and renderer/`);
  for (const f of findings) console.log(`  ${f.join(' | ')}`);
  const serious = rows.filter((line) => /"(HIGH|MEDIUM)"/.test(line));
  if (serious.length) {
    console.error(`${serious.length} HIGH or MEDIUM finding(s).`);
    process.exitCode = 1;
  } else console.log('No HIGH or MEDIUM finding.');
} finally {
  rmSync(stage, { recursive: true, force: true });
}
