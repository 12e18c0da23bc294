/**
 * A fake of the Electron main-process API members Export Review uses, behaving as Electron documents
 * them where the glue depends on it: windows and sessions refuse to exist before `ready`, a second
 * `ipcMain.handle` on a channel throws, everything sent is structured-cloned, `loadFile` commits the
 * URL Chromium would, and each page runs the preload sandboxed. Tests drive the app's events
 * (second instance, open-file, activate) and answer its dialogs.
 */
import { EventEmitter } from 'node:events';
import { chromiumCommittedUrl, electronLoadFileUrl } from './chromium-file-url.js';
import { FakeFrame, FakePage, type InvokeHandler } from './fake-renderer.js';
import { FakeMenu, type MenuTemplateItem } from './fake-menu.js';

export interface FakeElectronOptions {
  appPath: string;
  userData: string;
  packaged: boolean;
  platform: NodeJS.Platform;
}

/** An event a listener may cancel, as Electron passes to will-navigate, open-file, … */
export function cancellableEvent(): { defaultPrevented: boolean; preventDefault: () => void } {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

type DialogAnswer = () => string | undefined | Promise<string | undefined>;

export class FakeElectron {
  readonly windows: FakeBrowserWindow[] = [];
  readonly handlers = new Map<string, InvokeHandler>();
  readonly recentDocuments: string[] = [];
  readonly dialogCalls: { kind: 'open' | 'save' | 'message'; parent: FakeBrowserWindow | undefined }[] = [];
  readonly permissionHandlers: { request?: unknown; check?: (...args: unknown[]) => boolean } = {};
  applicationMenu: FakeMenu | null = null;
  private openAnswers: DialogAnswer[] = [];
  private saveAnswers: DialogAnswer[] = [];
  private isReady = false;
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  quitRequested = false;
  singleInstanceLock = true;

  constructor(readonly options: FakeElectronOptions) {
    // Field initializers run before parameter properties are set: options are read here or lazily.
    this.app.isPackaged = options.packaged;
  }

  /** Electron's `ready`: whenReady resolves and windows may be made. */
  makeReady(): Promise<void> {
    this.isReady = true;
    this.app.emit('ready');
    this.resolveReady();
    return this.readyPromise;
  }

  answerOpenDialog(answer: DialogAnswer): void {
    this.openAnswers.push(answer);
  }

  answerSaveDialog(answer: DialogAnswer): void {
    this.saveAnswers.push(answer);
  }

  private requireReady(message: string): void {
    if (!this.isReady) throw new Error(message);
  }

  private async answer(queue: DialogAnswer[], kind: 'open' | 'save', parent: unknown): Promise<string | undefined> {
    this.dialogCalls.push({ kind, parent: parent instanceof FakeBrowserWindow ? parent : undefined });
    const next = queue.shift();
    if (!next) throw new Error(`The test did not expect a ${kind} dialog`);
    return next();
  }

  readonly app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getAppPath: () => this.options.appPath,
    getPath: (name: string) => (name === 'userData' ? this.options.userData : `${this.options.userData}/${name}`),
    getVersion: () => '0.1.0',
    isReady: () => this.isReady,
    whenReady: () => this.readyPromise,
    requestSingleInstanceLock: () => this.singleInstanceLock,
    addRecentDocument: (path: string) => this.recentDocuments.push(path),
    clearRecentDocuments: () => this.recentDocuments.splice(0),
    // As Electron documents: `before-quit` first (cancellable), then every window is closed.
    quit: () => {
      const event = cancellableEvent();
      this.app.emit('before-quit', event);
      if (event.defaultPrevented) return;
      this.quitRequested = true;
      for (const window of [...this.windows]) window.close();
    },
  });

  readonly ipcMain = {
    handle: (channel: string, handler: InvokeHandler) => {
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => this.handlers.delete(channel),
  };

  readonly dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      const path = await this.answer(this.openAnswers, 'open', args[0]);
      return { canceled: path === undefined, filePaths: path === undefined ? [] : [path] };
    },
    showSaveDialog: async (...args: unknown[]) => {
      const path = await this.answer(this.saveAnswers, 'save', args[0]);
      return { canceled: path === undefined, filePath: path ?? '' };
    },
    showMessageBox: async (...args: unknown[]) => {
      this.dialogCalls.push({ kind: 'message', parent: args[0] instanceof FakeBrowserWindow ? args[0] : undefined });
      return { response: 0, checkboxChecked: false };
    },
  };

  readonly Menu = {
    buildFromTemplate: (template: MenuTemplateItem[]) => new FakeMenu(template, this.options.platform),
    setApplicationMenu: (menu: FakeMenu | null) => (this.applicationMenu = menu),
    getApplicationMenu: () => this.applicationMenu,
  };

  readonly nativeTheme = { shouldUseDarkColors: false };

  readonly session = Object.defineProperty({}, 'defaultSession', {
    get: () => {
      this.requireReady('Session can only be received when app is ready');
      return {
        setPermissionRequestHandler: (handler: unknown) => (this.permissionHandlers.request = handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (this.permissionHandlers.check = handler),
      };
    },
  });

  /** `BrowserWindow`, bound to this fake. */
  readonly BrowserWindow = ((fake: FakeElectron) =>
    class extends FakeBrowserWindow {
      constructor(options: WindowOptions) {
        fake.requireReady('Cannot create BrowserWindow before app is ready');
        super(fake, options);
      }
      static getAllWindows(): FakeBrowserWindow[] {
        return [...fake.windows];
      }
    })(this);

  /** What `import … from 'electron'` gives the main process. */
  module(): Record<string, unknown> {
    const { app, ipcMain, dialog, Menu, nativeTheme, session, BrowserWindow } = this;
    return { app, ipcMain, dialog, Menu, nativeTheme, session, BrowserWindow };
  }

  /** Closing the last window, as Electron does it: `window-all-closed`, or quit when nobody listens. */
  windowClosed(window: FakeBrowserWindow): void {
    this.windows.splice(this.windows.indexOf(window), 1);
    if (this.windows.length > 0) return;
    if (this.app.listenerCount('window-all-closed') > 0) this.app.emit('window-all-closed');
    else this.quitRequested = true;
  }
}

export interface WindowOptions {
  show?: boolean;
  webPreferences?: { preload?: string; sandbox?: boolean; contextIsolation?: boolean };
  [option: string]: unknown;
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  title = '';
  progress: number | undefined;
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;

  constructor(
    readonly fake: FakeElectron,
    readonly options: WindowOptions,
  ) {
    super();
    this.visible = options.show !== false;
    this.webContents = new FakeWebContents(fake, this);
    fake.windows.push(this);
    fake.app.emit('web-contents-created', cancellableEvent(), this.webContents);
  }

  loadFile(path: string): Promise<void> {
    return this.webContents.loadFile(path);
  }
  show(): void {
    this.visible = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  getTitle(): string {
    return this.title;
  }
  setProgressBar(progress: number): void {
    this.progress = progress;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    if (this.destroyed) return;
    const event = cancellableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    this.fake.windowClosed(this);
  }
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame: FakeFrame;
  page: FakePage | undefined;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  private destroyed = false;
  private readyToShowSent = false;

  constructor(
    readonly fake: FakeElectron,
    readonly window: FakeBrowserWindow,
  ) {
    super();
    this.mainFrame = this.newFrame('about:blank');
  }

  private newFrame(url: string): FakeFrame {
    return new FakeFrame(url, null, this, (channel) => this.fake.handlers.get(channel));
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.mainFrame.detached = true;
    this.emit('destroyed');
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** Delivered after the current task, structured-cloned, to the page loaded now: before it listens, lost. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const cloned = structuredClone(args);
    const frame = this.mainFrame;
    setImmediate(() => {
      if (!frame.detached) frame.ipc.deliver(channel, cloned);
    });
  }

  /** As Electron: the URL `loadFile` builds, Chromium's spelling of it, the preload, then the load events. */
  loadFile(path: string): Promise<void> {
    const url = chromiumCommittedUrl(electronLoadFileUrl(this.fake.options.appPath, path));
    const preferences = this.window.options.webPreferences ?? {};
    if (preferences.sandbox !== true || preferences.contextIsolation !== true) throw new Error('This fake runs sandboxed, isolated pages only');
    return new Promise((resolve) => {
      setImmediate(() => {
        if (this.destroyed) return resolve();
        this.mainFrame.detached = true;
        this.mainFrame = this.newFrame(url);
        this.page = new FakePage(this.mainFrame);
        if (preferences.preload) this.page.runSandboxedPreload(preferences.preload);
        this.emit('did-finish-load');
        if (!this.readyToShowSent) {
          this.readyToShowSent = true;
          this.window.emit('ready-to-show');
        }
        resolve();
      });
    });
  }

  /** A navigation the page starts (a link, `location = …`): the events Electron emits, and whether it went ahead. */
  pageNavigates(url: string, frame: FakeFrame = this.mainFrame): boolean {
    const event = cancellableEvent();
    if (frame === this.mainFrame) this.emit('will-navigate', event, url);
    this.emit('will-frame-navigate', Object.assign(event, { url, frame, isMainFrame: frame === this.mainFrame }));
    if (event.defaultPrevented) return false;
    frame.detached = true;
    return true;
  }

  /** A server redirect during a navigation. */
  redirects(url: string): boolean {
    const event = cancellableEvent();
    this.emit('will-redirect', event, url);
    return !event.defaultPrevented;
  }
}
