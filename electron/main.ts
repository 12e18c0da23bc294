/**
 * The Electron main process: one window, the menu, the IPC handlers and the review service.
 * Everything that is not Electron glue lives in shared/.
 */
import { app, Menu, nativeTheme, session, type BrowserWindow } from 'electron';
import { IPC, type MenuCommand, type ReadEvent, type SendChannels } from '../shared/ipc-contract.js';
import { ReviewService } from '../shared/review-service.node.js';
import { appPaths } from './app-paths.js';
import { chooseExportFile, showAbout } from './dialogs.js';
import { registerIpc } from './ipc.js';
import { buildMenu } from './menu.js';
import { clearRecentFiles, recentFiles, rememberFile } from './recent-files.js';
import { senderCheck } from './trusted-sender.js';
import { createMainWindow } from './window.js';
import { fileFromCommandLine } from './command-line.js';

let window: BrowserWindow | undefined;
let pendingPath = fileFromCommandLine(process.argv, app.isPackaged);

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
  emit: (event) => {
    followRead(event);
    send(IPC.readEvent, event);
  },
});

async function openPath(path: string): Promise<string | null> {
  const refused = await service.open(path);
  if (!refused) {
    rememberFile(path);
    refreshMenu();
  }
  return refused;
}

async function openWithDialog(): Promise<void> {
  if (!window) return;
  const path = await chooseExportFile(window);
  if (path) await openPath(path);
}

function command(name: MenuCommand): void {
  send(IPC.menuCommand, name);
}

function refreshMenu(): void {
  Menu.setApplicationMenu(
    buildMenu(
      {
        open: () => void openWithDialog(),
        openRecent: (path) => void openPath(path),
        clearRecent: () => {
          clearRecentFiles();
          refreshMenu();
        },
        exportCsv: () => command('export-csv'),
        find: () => command('find'),
        close: () => service.close(),
        about: () => window && void showAbout(window),
      },
      recentFiles(),
      window,
    ),
  );
}

function createWindow(): void {
  window = createMainWindow(appPaths.preload, nativeTheme.shouldUseDarkColors);
  const contents = window.webContents;
  // Only our own page: no navigation, no new windows.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => {
    window = undefined;
    service.dispose();
  });
  contents.once('did-finish-load', () => {
    if (pendingPath) void openPath(pendingPath);
    pendingPath = undefined;
  });
  void window.loadFile(appPaths.rendererIndex);
  refreshMenu();
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', (_event, argv) => {
    const path = fileFromCommandLine(argv, app.isPackaged);
    if (path) void openPath(path);
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  // macOS "Open with" and dropping a file on the dock icon.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (window) void openPath(path);
    else pendingPath = path;
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(() => {
    // The page needs no permission: camera, notifications, ... are all refused.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    registerIpc({ service, window: () => window, isTrusted: senderCheck(appPaths.rendererIndex, () => window?.webContents), openWithDialog, openPath });
    createWindow();
    app.on('activate', () => {
      if (!window) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
