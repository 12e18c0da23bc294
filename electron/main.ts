/**
 * The Electron main process: the app's lifecycle, one window, the menu, the IPC handlers and the
 * review service. Everything that is not Electron glue lives in shared/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, Menu, nativeTheme, session, type BrowserWindow } from 'electron';
import { IPC, type MenuCommand, type Notice, type ReadEvent, type SendChannels } from '../shared/app/ipc-contract.js';
import { ReviewService } from '../shared/app/review-service.node.js';
import { osUserName } from '../shared/review/os-user.node.js';
import { appPaths } from './app-paths.js';
import { fileFromCommandLine } from './command-line.js';
import { chooseExportFile, showAbout } from './dialogs.js';
import { registerIpc } from './ipc.js';
import { buildMenu } from './menu.js';
import { PageGate } from './page-gate.js';
import { clearRecentFiles, forgetFile, recentFiles, rememberFile } from './recent-files.js';
import { senderCheck } from './trusted-sender.js';
import { createMainWindow, denyNavigation } from './window.js';

let window: BrowserWindow | undefined;

function send<C extends keyof SendChannels>(channel: C, payload: SendChannels[C]): void {
  if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
}

/** Mirrors each read on the window: title and taskbar progress. */
function followRead(event: ReadEvent): void {
  if (!window || window.isDestroyed()) return;
  if (event.type === 'started') window.setTitle(`${event.file.name} — Export Review`);
  else if (event.type === 'progress') window.setProgressBar(event.progress.totalBytes ? event.progress.bytesRead / event.progress.totalBytes : 0);
  else if (event.type === 'failed') window.setProgressBar(1, { mode: 'error' });
  else if (event.type === 'closed') {
    window.setTitle('Export Review');
    window.setProgressBar(-1);
  } else if (event.type !== 'rows') window.setProgressBar(-1);
}

const service = new ReviewService({
  readWorkerUrl: appPaths.readWorker,
  reviewer: osUserName(),
  // Marks of an export whose own folder is read-only (a share, a CD) are kept here instead.
  reviewFallbackFolder: join(app.getPath('userData'), 'review-marks'),
  emit: (event) => {
    followRead(event);
    send(IPC.readEvent, event);
  },
});

/** Opens `path` now; returns why it was refused, or null. The renderer's own drops come here. */
async function openPath(path: string): Promise<string | null> {
  const refused = await service.open(path);
  if (!refused) {
    rememberFile(path);
    refreshMenu();
  }
  return refused;
}

/** Files asked for outside the page (menu, dialog, command line, OS) reach it through the gate. */
const gate = new PageGate({
  open: (path) => {
    openPath(path)
      .then((refused) => {
        if (!refused) return;
        const vanishedRecent = recentFiles().includes(path) && !existsSync(path);
        if (vanishedRecent) {
          forgetFile(path);
          refreshMenu();
        }
        gate.notify({ kind: 'error', text: vanishedRecent ? `${refused} It was removed from Open Recent.` : refused });
      })
      .catch((error: unknown) => gate.notify({ kind: 'error', text: `Could not open ${path}: ${error instanceof Error ? error.message : String(error)}` }));
  },
  notify: (notice: Notice) => send(IPC.notice, notice),
});

/** The window to show a file in, made when there is none (macOS keeps running without one). */
function ensureWindow(): BrowserWindow {
  return window ?? createWindow();
}

function requestOpen(path: string): void {
  gate.requestOpen(path);
  if (app.isReady()) ensureWindow();
}

async function openWithDialog(): Promise<void> {
  const parent = window?.isVisible() ? window : undefined;
  if (!parent) ensureWindow();
  const path = await chooseExportFile(parent);
  if (path) requestOpen(path);
}

function command(name: MenuCommand): void {
  send(IPC.menuCommand, name);
}

function refreshMenu(): void {
  Menu.setApplicationMenu(
    buildMenu(
      {
        open: () => void openWithDialog(),
        openRecent: requestOpen,
        clearRecent: () => {
          clearRecentFiles();
          refreshMenu();
        },
        exportCsv: () => command('export-csv'),
        chooseReviewFile: () => command('choose-review-file'),
        compareWith: () => command('compare-with'),
        find: () => command('find'),
        close: () => service.close(),
        about: () => void showAbout(window),
      },
      recentFiles(),
      window !== undefined,
    ),
  );
}

function createWindow(): BrowserWindow {
  const made = createMainWindow(appPaths.preload, nativeTheme.shouldUseDarkColors);
  window = made;
  made.once('ready-to-show', () => made.show());
  // A crashed or reloading page has no listeners until it says so again.
  made.webContents.on('render-process-gone', () => gate.pageGone());
  made.on('closed', () => {
    if (window === made) window = undefined;
    gate.pageGone();
    service.dispose();
    refreshMenu();
  });
  void made.loadFile(appPaths.rendererIndex);
  refreshMenu();
  return made;
}

const startFile = fileFromCommandLine(process.argv, app.isPackaged);
if (startFile) gate.requestOpen(startFile);

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', (_event, argv) => {
    const path = fileFromCommandLine(argv, app.isPackaged);
    if (path) requestOpen(path);
    const shown = ensureWindow();
    if (shown.isMinimized()) shown.restore();
    shown.focus();
  });
  // macOS "Open with" and dropping a file on the dock icon; before ready it waits for the first window.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    requestOpen(path);
  });
  app.on('web-contents-created', (_event, contents) => denyNavigation(contents));
  app.whenReady().then(() => {
    // The page needs no permission: camera, notifications, ... are all refused, asked or checked.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    registerIpc({
      service,
      window: () => window,
      isTrusted: senderCheck(appPaths.rendererIndex, () => window?.webContents),
      openWithDialog,
      openPath,
      listening: () => gate.pageListening(),
    });
    createWindow();
    app.on('activate', () => ensureWindow());
  });
  // Marks not yet saved (they are at most a second behind) are written before the app goes.
  app.on('before-quit', () => service.flushReview());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
