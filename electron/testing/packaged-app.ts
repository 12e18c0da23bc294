/**
 * Lays out the built app as electron-builder packages it, then starts the built main process under
 * the fake Electron, in this process:
 *
 *   <install>/resources/app.asar/           package.json, dist/electron/{main.js,preload.cjs}, dist/renderer/
 *   <install>/resources/app.asar.unpacked/  dist/electron/{read,parse}-worker.mjs, and a package.json saying
 *                                           "commonjs", so a worker loads only if its own name says ESM
 *
 * app.asar is a plain folder here (Node cannot read the archive) holding one addition of the test's:
 * node_modules/electron, which hands the main process the fake.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FakeElectron } from './fake-electron.js';

const FAKE_KEY = '__exportReviewFakeElectron';
const DIST = resolve('dist');

export interface PackagedAppOptions {
  /** The folder name to install under, e.g. `JOHNSM~1`: the layout goes in a temporary folder of that name. */
  folder?: string;
  platform?: NodeJS.Platform;
  /** Arguments after the executable, as a user or the OS passes them. */
  args?: string[];
  /** False: another instance holds the single-instance lock. */
  singleInstanceLock?: boolean;
}

export interface PackagedApp {
  fake: FakeElectron;
  installDir: string;
  appPath: string;
  /** Electron's `ready`, and the window the app then makes. */
  ready(): Promise<void>;
  stop(): void;
}

function layOut(installDir: string): string {
  const appPath = join(installDir, 'resources', 'app.asar');
  const unpacked = join(installDir, 'resources', 'app.asar.unpacked');
  const built = join(DIST, 'electron');
  mkdirSync(join(appPath, 'dist', 'electron'), { recursive: true });
  mkdirSync(join(unpacked, 'dist', 'electron'), { recursive: true });
  for (const file of ['main.js', 'preload.cjs']) cpSync(join(built, file), join(appPath, 'dist', 'electron', file));
  for (const file of ['read-worker.mjs', 'parse-worker.mjs']) cpSync(join(built, file), join(unpacked, 'dist', 'electron', file));
  // The renderer's build is only loaded by URL here; a unit-test run without it gets a stand-in page.
  const renderer = join(appPath, 'dist', 'renderer');
  if (existsSync(join(DIST, 'renderer'))) cpSync(join(DIST, 'renderer'), renderer, { recursive: true });
  else {
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Export Review</title>');
  }
  cpSync(resolve('package.json'), join(appPath, 'package.json'));
  writeFileSync(join(unpacked, 'package.json'), JSON.stringify({ type: 'commonjs' }));

  const shim = join(appPath, 'node_modules', 'electron');
  mkdirSync(shim, { recursive: true });
  writeFileSync(join(shim, 'package.json'), JSON.stringify({ name: 'electron', type: 'module', exports: './index.js' }));
  const names = ['app', 'ipcMain', 'dialog', 'Menu', 'nativeTheme', 'session', 'BrowserWindow'];
  writeFileSync(join(shim, 'index.js'), `const fake = globalThis.${FAKE_KEY}.module();\n${names.map((n) => `export const ${n} = fake.${n};`).join('\n')}\n`);
  return appPath;
}

/**
 * A module Node loads natively (vitest.config.ts externalizes this temporary folder) that imports the
 * built main as Electron would; the test runner's own import cannot take a path holding `%`.
 */
function nativeLauncher(root: string): string {
  const launcher = join(root, 'native-import.mjs');
  writeFileSync(launcher, 'export default (url) => import(url);\n');
  return launcher;
}

export async function startPackagedApp(options: PackagedAppOptions = {}): Promise<PackagedApp> {
  const root = mkdtempSync(join(tmpdir(), 'export-review-glue-'));
  const installDir = join(root, options.folder ?? 'Export Review');
  const appPath = layOut(installDir);
  const userData = join(installDir, 'user-data');
  mkdirSync(userData);
  const platform = options.platform ?? process.platform;
  const fake = new FakeElectron({ appPath, userData, packaged: true, platform });
  fake.singleInstanceLock = options.singleInstanceLock ?? true;

  const saved = { argv: process.argv, platform: Object.getOwnPropertyDescriptor(process, 'platform') };
  const restore = () => {
    process.argv = saved.argv;
    if (saved.platform) Object.defineProperty(process, 'platform', saved.platform);
  };
  (globalThis as Record<string, unknown>)[FAKE_KEY] = fake;
  process.argv = [join(installDir, 'export-review-app'), ...(options.args ?? [])];
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
  try {
    const { default: importNatively } = (await import(/* @vite-ignore */ nativeLauncher(root))) as { default: (url: string) => Promise<unknown> };
    await importNatively(pathToFileURL(join(appPath, 'dist', 'electron', 'main.js')).href);
  } catch (error) {
    restore();
    throw error;
  }
  return {
    fake,
    installDir,
    appPath,
    ready: () => fake.makeReady(),
    stop: () => {
      for (const window of [...fake.windows]) window.close();
      restore();
    },
  };
}

/** The recent-files list the app keeps in its user-data folder. */
export function storedRecentFiles(app: PackagedApp): string[] {
  return JSON.parse(readFileSync(join(app.fake.options.userData, 'recent-files.json'), 'utf8')) as string[];
}
