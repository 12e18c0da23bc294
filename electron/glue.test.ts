/**
 * The built main process and preload (dist/electron), laid out as electron-builder packages them and
 * run under the fake Electron of electron/testing: what a real user's app does, short of pixels.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { INVOKE_METHOD_NAMES, INVOKE_METHODS, IPC } from '../shared/app/ipc-contract.js';

const INVOKE_CHANNELS = INVOKE_METHOD_NAMES.map((method) => INVOKE_METHODS[method].channel);
import { identityLabel } from '../shared/model/resolve-identity.js';
import { unpackMarks } from '../shared/review/packed-marks.js';
import { marksOfUpdate } from '../shared/review/review-update.js';
import { loadTruth, makeTempDir, samplePath } from '../shared/testing/samples.node.js';
import { cancellableEvent, type FakeBrowserWindow } from './testing/fake-electron.js';
import { eventually, operationCounts, PageStandIn } from './testing/page-stand-in.js';
import { startPackagedApp, storedRecentFiles, type PackagedApp, type PackagedAppOptions } from './testing/packaged-app.js';

const SAMPLE = 'aad-connector-utf8.xml';
const truth = loadTruth().find((t) => t.file === SAMPLE);
if (!truth) throw new Error(`${SAMPLE} is missing from truth.json`);

const running: PackagedApp[] = [];
afterEach(() => {
  for (const app of running.splice(0)) app.stop();
});

async function launch(options: PackagedAppOptions = {}): Promise<PackagedApp> {
  const app = await startPackagedApp(options);
  running.push(app);
  return app;
}

/** Launched and ready, with the page loaded and listening. */
async function launchWithPage(options: PackagedAppOptions = {}): Promise<{ app: PackagedApp; window: FakeBrowserWindow; page: PageStandIn }> {
  const app = await launch(options);
  await app.ready();
  const window = app.fake.windows[0] as FakeBrowserWindow;
  return { app, window, page: await PageStandIn.of(window) };
}

function tempCopyOfSample(name = SAMPLE): { path: string; remove: () => void } {
  const temp = makeTempDir();
  const path = join(temp.dir, name);
  copyFileSync(samplePath(SAMPLE), path);
  return { path, remove: temp.remove };
}

describe('the window', () => {
  it('keeps the security baseline, denies every permission, navigation, redirect and new window', async () => {
    const { app, window } = await launchWithPage();
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: join(app.appPath, 'dist', 'electron', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    expect(window.isVisible()).toBe(true);
    const contents = window.webContents;
    expect(contents.pageNavigates('https://example.com/')).toBe(false);
    expect(contents.pageNavigates('file:///etc/passwd', contents.mainFrame.addChild('about:blank'))).toBe(false);
    expect(contents.redirects('https://example.com/')).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const attach = cancellableEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
    expect(app.fake.permissionHandlers.check?.(contents, 'notifications', 'file://', {})).toBe(false);
    let granted: boolean | undefined;
    (app.fake.permissionHandlers.request as (...args: unknown[]) => void)(contents, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
  });
});

describe('IPC', () => {
  it('registers every invoke channel of the contract, once', async () => {
    const { app } = await launchWithPage();
    expect([...app.fake.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(() => app.fake.ipcMain.handle(IPC.openPath, () => null)).toThrow("Attempted to register a second handler for 'export-review:open-path'");
  });

  it('refuses every channel to a foreign window, a stale frame and an iframe, and answers the trusted page', async () => {
    const { app, window, page } = await launchWithPage();
    const foreign = new app.fake.BrowserWindow({ webPreferences: { sandbox: true, contextIsolation: true } });
    await foreign.loadFile(join(app.appPath, 'dist', 'renderer', 'index.html'));
    const iframe = window.webContents.mainFrame.addChild(window.webContents.mainFrame.url);
    const stale = window.webContents.mainFrame;
    const senders = { foreign: foreign.webContents.mainFrame, iframe: iframe };
    for (const channel of INVOKE_CHANNELS)
      for (const [who, frame] of Object.entries(senders))
        expect(await frame.ipc.invoke(channel), `${channel} from ${who}`).toEqual({
          ok: false,
          message: 'Refused: this message does not come from the Export Review window.',
        });
    expect(await stale.ipc.invoke(IPC.cancelRead)).toEqual({ ok: true });

    await window.loadFile(join(app.appPath, 'dist', 'renderer', 'index.html'));
    expect(await stale.ipc.invoke(IPC.cancelRead)).toMatchObject({ ok: false });
    expect(await PageStandIn.of(window).then((fresh) => fresh.api.cancelRead())).toBeUndefined();
    await expect(page.api.cancelRead()).rejects.toThrow(/^Refused: this message does not come from the Export Review window\.$/);
  });

  it('refuses malformed arguments with a message, never a rejection', async () => {
    const { window } = await launchWithPage();
    const ipc = window.webContents.mainFrame.ipc;
    expect(await ipc.invoke(IPC.getDetails, '1', 5)).toEqual({ ok: false, message: 'Refused: invalid arguments for export-review:get-details.' });
    expect(await ipc.invoke(IPC.openPath, { path: '/etc' })).toMatchObject({ ok: false });
  });
});

describe('reading a sample through the handlers', () => {
  it('opens the command-line file once the page listens, with the counts of truth.json, and details by id', async () => {
    const { window, page } = await launchWithPage({ args: [samplePath(SAMPLE)] });
    const { readId, end, rows } = await page.finishedRead(SAMPLE);
    expect(end.type).toBe('done');
    expect(rows).toHaveLength(truth.objects);
    expect(operationCounts(rows)).toEqual(truth.operations);
    expect(window.getTitle()).toBe(`${SAMPLE} — Export Review`);

    for (const [id, label] of Object.entries(truth.deletes)) {
      const details = await page.api.getDetails(readId, id);
      expect(details.record.kind).toBe('pending-change');
      if (details.record.kind === 'pending-change') expect(identityLabel(details.record.identity, details.record.dn)).toBe(label);
    }
    await expect(page.api.getDetails(readId + 1, Object.keys(truth.deletes)[0] as string)).rejects.toThrow(/^That file is no longer open\.$/);
  });

  it('exports the CSV to the path the save dialog chose, and cancels with the dialog', async () => {
    const { app, page } = await launchWithPage({ args: [samplePath(SAMPLE)] });
    const { readId } = await page.finishedRead(SAMPLE);
    const target = makeTempDir();
    try {
      const path = join(target.dir, 'deletes.csv');
      app.fake.answerSaveDialog(() => path);
      const ids = Object.keys(truth.deletes);
      expect(await page.api.exportCsv({ readId, level: 'object', scope: 'shown', ids })).toEqual({ status: 'written', path, rows: 3, objects: 3 });
      expect(readFileSync(path, 'utf8').trim().split('\r\n')).toHaveLength(4);

      app.fake.answerSaveDialog(() => undefined);
      expect(await page.api.exportCsv({ readId, level: 'object', scope: 'shown', ids })).toEqual({ status: 'cancelled' });
      expect(app.fake.dialogCalls.filter((c) => c.kind === 'save').every((c) => c.parent === app.fake.windows[0])).toBe(true);
    } finally {
      target.remove();
    }
  });

  it('says so when another file was opened while the save dialog was up, and writes nothing', async () => {
    const { app, page } = await launchWithPage({ args: [samplePath(SAMPLE)] });
    const { readId } = await page.finishedRead(SAMPLE);
    const target = makeTempDir();
    try {
      const path = join(target.dir, 'late.csv');
      app.fake.answerSaveDialog(async () => {
        await page.api.openPath(samplePath('mim-sql-deltas-only.xml'));
        return path;
      });
      const outcome = await page.api.exportCsv({ readId, level: 'object', scope: 'shown', ids: Object.keys(truth.deletes) });
      expect(outcome).toEqual({ status: 'failed', message: 'That file is no longer open.' });
      expect(existsSync(path)).toBe(false);
    } finally {
      target.remove();
    }
  });
});

describe('review marks through the handlers', () => {
  it('marks pending changes only, saves them beside the export as the app quits, and restores them at the next start', async () => {
    const copy = tempCopyOfSample('export.xml');
    try {
      const { app, page } = await launchWithPage({ args: [copy.path] });
      const { readId } = await page.finishedRead('export.xml');
      const review = await eventually(() => page.events.find((e) => e.type === 'review'), 'the review marks');
      expect(review).toMatchObject({ review: { packedMarks: '', storage: { kind: 'beside-export', path: `${copy.path}.review.json` } } });
      const [chen, eve] = Object.keys(truth.deletes) as [string, string];
      const outcome = await page.api.setMarks({ readId, ids: [chen, eve, '{0000000B-1111-4A4A-9B9B-000000001011}'], action: 'approved', note: 'HR confirmed' });
      expect(outcome.notMarkable).toBe(1);
      expect(unpackMarks(outcome.packedChanges).map(([id, mark]) => [id, mark?.verdict, mark?.note])).toEqual([
        [chen, 'approved', 'HR confirmed'],
        [eve, 'approved', 'HR confirmed'],
      ]);
      // Quitting within the second before the batched save: the marks are written as the app goes.
      expect(existsSync(`${copy.path}.review.json`)).toBe(false);
      app.fake.app.quit();
      expect(Object.keys((JSON.parse(readFileSync(`${copy.path}.review.json`, 'utf8')) as { marks: object }).marks)).toEqual([chen, eve]);
      app.stop();

      const again = await launchWithPage({ args: [copy.path] });
      await again.page.finishedRead('export.xml');
      const restored = await eventually(() => again.page.events.find((e) => e.type === 'review'), 'the restored marks');
      expect(restored.type === 'review' && [...(marksOfUpdate(restored.review).marks?.keys() ?? [])]).toEqual([chen, eve]);
    } finally {
      copy.remove();
    }
  });

  it('uses the review file the dialog chose, and File › Review File… asks the page for it', async () => {
    const copy = tempCopyOfSample('export.xml');
    try {
      const { app, page } = await launchWithPage({ args: [copy.path] });
      const { readId } = await page.finishedRead('export.xml');
      const chosen = join(copy.path, '..', 'team.review.json');
      app.fake.answerSaveDialog(() => chosen);
      expect(await page.api.chooseReviewFile(readId)).toBe(true);
      await eventually(() => page.events.find((e) => e.type === 'review' && e.review.storage.kind === 'chosen'), 'the chosen review file');
      app.fake.answerSaveDialog(() => undefined);
      expect(await page.api.chooseReviewFile(readId)).toBe(false);
      await expect(page.api.chooseReviewFile(readId + 1)).rejects.toThrow(/^That file is no longer open\.$/);

      const commands: string[] = [];
      page.api.onMenuCommand((command) => commands.push(command));
      app.fake.applicationMenu?.click('File', 'Review File…');
      await eventually(() => commands.includes('choose-review-file'), 'the menu command');
    } finally {
      copy.remove();
    }
  });
});

describe('files that arrive from outside the page', () => {
  it('holds a second launch made during the first page load, and opens only the latest file', async () => {
    const app = await launch({ args: [samplePath(SAMPLE)] });
    await app.ready();
    const window = app.fake.windows[0] as FakeBrowserWindow;
    window.minimize();
    app.fake.app.emit('second-instance', cancellableEvent(), ['export-review-app', samplePath('mim-sql-deltas-only.xml')], '/');
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(true);
    const page = await PageStandIn.of(window);
    const { rows } = await page.finishedRead('mim-sql-deltas-only.xml');
    expect(rows).toHaveLength(5);
    expect(page.startedNames()).toEqual(['mim-sql-deltas-only.xml']);
  });

  it('tells the page when a second launch names a file that cannot be opened', async () => {
    const { app, page } = await launchWithPage();
    app.fake.app.emit('second-instance', cancellableEvent(), ['export-review-app', '/nowhere/export.xml'], '/');
    await eventually(() => page.notices.length > 0, 'a notice');
    expect(page.notices).toEqual([{ kind: 'error', text: 'export.xml does not exist or cannot be read.' }]);
  });

  it('drops a vanished file from Open Recent and says so', async () => {
    const copy = tempCopyOfSample('vanishing.xml');
    try {
      const { app, page } = await launchWithPage({ args: [copy.path] });
      await page.finishedRead('vanishing.xml');
      expect(storedRecentFiles(app)).toEqual([copy.path]);
      expect(app.fake.recentDocuments).toEqual([copy.path]);
      rmSync(copy.path);
      app.fake.applicationMenu?.click('File', 'Open Recent', 'vanishing.xml');
      await eventually(() => page.notices.length > 0, 'a notice');
      expect(page.notices[0]).toEqual({ kind: 'error', text: 'vanishing.xml does not exist or cannot be read. It was removed from Open Recent.' });
      expect(storedRecentFiles(app)).toEqual([]);
      expect(app.fake.applicationMenu?.item('File', 'Open Recent', 'No recent files').enabled).toBe(false);
    } finally {
      copy.remove();
    }
  });

  it('says so when the open dialog names a file that cannot be read', async () => {
    const { app, page } = await launchWithPage();
    app.fake.answerOpenDialog(() => '/nowhere/picked.xml');
    await page.api.showOpenDialog();
    await eventually(() => page.notices.length > 0, 'a notice');
    expect(page.notices).toEqual([{ kind: 'error', text: 'picked.xml does not exist or cannot be read.' }]);
  });
});

describe('menus', () => {
  for (const platform of ['win32', 'linux', 'darwin'] as const) {
    it(`binds each accelerator once on ${platform}, and File › Open… opens the chosen file`, async () => {
      const { app, window, page } = await launchWithPage({ platform });
      const menu = app.fake.applicationMenu;
      if (!menu) throw new Error('no application menu');
      const accelerators = menu.accelerators();
      expect(accelerators.filter((a, i) => accelerators.indexOf(a) !== i)).toEqual([]);
      expect(accelerators).toContain(platform === 'darwin' ? 'command+w' : 'control+w');
      expect(menu.item('File', 'Export CSV…').enabled).toBe(true);
      if (platform === 'darwin') expect(menu.item('File', 'Close File').accelerator).toBe('Shift+CmdOrCtrl+W');

      app.fake.answerOpenDialog(() => samplePath(SAMPLE));
      menu.click('File', 'Open…');
      const { rows } = await page.finishedRead(SAMPLE);
      expect(rows).toHaveLength(truth.objects);
      expect(app.fake.dialogCalls[0]).toEqual({ kind: 'open', parent: window });
    });
  }
});

describe('app events', () => {
  it('quits when the last window closes on Windows and Linux', async () => {
    const { app, window } = await launchWithPage({ platform: 'linux' });
    window.close();
    expect(app.fake.quitRequested).toBe(true);
  });

  it('stays on macOS with no window: Export CSV… is disabled, File › Open… and activate open a window', async () => {
    const { app, window } = await launchWithPage({ platform: 'darwin' });
    window.close();
    expect(app.fake.quitRequested).toBe(false);
    expect(app.fake.applicationMenu?.item('File', 'Export CSV…').enabled).toBe(false);

    app.fake.answerOpenDialog(() => samplePath(SAMPLE));
    app.fake.applicationMenu?.click('File', 'Open…');
    const second = await eventually(() => app.fake.windows[0], 'a new window');
    expect(second).not.toBe(window);
    const page = await PageStandIn.of(second);
    expect((await page.finishedRead(SAMPLE)).rows).toHaveLength(truth.objects);
    expect(app.fake.applicationMenu?.item('File', 'Export CSV…').enabled).toBe(true);

    second.close();
    app.fake.app.emit('activate', cancellableEvent(), false);
    expect(app.fake.windows).toHaveLength(1);
  });

  it('opens a Finder "Open with" file given before ready, and one given with no window open', async () => {
    const app = await launch({ platform: 'darwin' });
    const early = cancellableEvent();
    app.fake.app.emit('open-file', early, samplePath(SAMPLE));
    expect(early.defaultPrevented).toBe(true);
    await app.ready();
    const first = await PageStandIn.of(app.fake.windows[0] as FakeBrowserWindow);
    expect((await first.finishedRead(SAMPLE)).rows).toHaveLength(truth.objects);

    (app.fake.windows[0] as FakeBrowserWindow).close();
    app.fake.app.emit('open-file', cancellableEvent(), samplePath('mim-sql-deltas-only.xml'));
    const window = await eventually(() => app.fake.windows[0], 'a window for the file');
    const page = await PageStandIn.of(window);
    expect((await page.finishedRead('mim-sql-deltas-only.xml')).rows).toHaveLength(5);
  });

  it('leaves at once when another instance holds the lock', async () => {
    const app = await launch({ singleInstanceLock: false, args: [samplePath(SAMPLE)] });
    expect(app.fake.quitRequested).toBe(true);
    expect(app.fake.app.listenerCount('second-instance')).toBe(0);
  });
});

describe('the packaged layout', () => {
  for (const folder of ['JOHNSM~1', '[x]', '100% done', 'jörg']) {
    it(`works installed under a folder named ${folder}: IPC trusted, workers from app.asar.unpacked`, async () => {
      const { app, window, page } = await launchWithPage({ folder, args: [samplePath(SAMPLE)] });
      expect(window.webContents.mainFrame.url).toMatch(/^file:\/\/\//);
      expect(existsSync(join(app.appPath, 'dist', 'electron', 'read-worker.mjs'))).toBe(false);
      const { end, rows } = await page.finishedRead(SAMPLE);
      expect(end.type).toBe('done');
      expect(operationCounts(rows)).toEqual(truth.operations);
    });
  }
});
