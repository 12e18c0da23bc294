/**
 * Stands in for Electron's preload and main process in plain Chromium: `window.exportReview` is
 * defined by an init script whose every call goes through `page.exposeBinding` to the same
 * ReviewService the Electron main process drives (real read worker from dist/, real files, real CSV
 * on disk). Only the two native dialogs are stand-ins: the test says which path they "choose".
 */
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  API_NAME,
  answerInvoke,
  INVOKE_METHOD_NAMES,
  type InvokeHandlers,
  type InvokeMethod,
  type MenuCommand,
  type IpcResult,
  type Notice,
  type ReadEvent,
} from '../../shared/app/ipc-contract.js';
import { ReviewService } from '../../shared/app/review-service.node.js';

const READ_WORKER = pathToFileURL(resolve('dist/electron/read-worker.mjs'));
/** Who the test host's marks are by (the app uses the OS user name). */
export const REVIEWER = 'e2e.reviewer';

export class TestHost {
  private nextOpenPath: string | undefined;
  private nextSavePath: string | undefined;
  private nextReviewFile: string | undefined;
  private nextCompareFile: string | undefined;
  private whileSaveDialogOpen: (() => Promise<unknown>) | undefined;
  private delivery: Promise<unknown> = Promise.resolve();
  readonly service: ReviewService;
  readonly menuCommands: string[] = [];

  constructor(private readonly page: Page) {
    this.service = new ReviewService({ readWorkerUrl: READ_WORKER, reviewer: REVIEWER, emit: (event) => this.deliver(event) });
  }

  /** Events reach the page in order, as webContents.send would deliver them. */
  private deliver(event: ReadEvent): void {
    this.delivery = this.delivery
      .then(() => this.page.evaluate((e) => (window as unknown as { __deliverReadEvent: (e: ReadEvent) => void }).__deliverReadEvent(e), event))
      .catch(() => undefined);
  }

  /** What the next open dialog "chooses" (undefined: the user cancels). */
  chooseOnOpen(path: string | undefined): void {
    this.nextOpenPath = path;
  }

  /** What the next save dialog "chooses" (undefined: the user cancels); `whileOpen` runs while it is up. */
  chooseOnSave(path: string | undefined, whileOpen?: () => Promise<unknown>): void {
    this.nextSavePath = path;
    this.whileSaveDialogOpen = whileOpen;
  }

  /** What the next "compare with" dialog chooses (undefined: the user cancels). */
  chooseOnCompare(path: string | undefined): void {
    this.nextCompareFile = path;
  }

  /** What the next "review file" dialog chooses (undefined: the user cancels). */
  chooseOnReviewFile(path: string | undefined): void {
    this.nextReviewFile = path;
  }

  async sendMenuCommand(command: MenuCommand): Promise<void> {
    await this.page.evaluate((c) => (window as unknown as { __deliverMenuCommand: (c: string) => void }).__deliverMenuCommand(c), command);
  }

  /** The main process's handlers, with the same signatures (the contract's InvokeHandlers). */
  private readonly handlers: InvokeHandlers = {
    showOpenDialog: async () => {
      if (this.nextOpenPath) await this.service.open(this.nextOpenPath);
    },
    openPath: (path) => this.service.open(path),
    cancelRead: async () => this.service.cancel(),
    closeFile: async () => this.service.close(),
    getDetails: (readId, id) => this.service.details(readId, id),
    exportCsv: async (command) => {
      if (!this.nextSavePath) return { status: 'cancelled' };
      await this.whileSaveDialogOpen?.();
      return this.service.exportCsv(command, this.nextSavePath);
    },
    setMarks: (command) => this.service.setMarks(command),
    chooseReviewFile: async (readId) => {
      if (!this.nextReviewFile) return false;
      await this.service.useReviewFile(readId, this.nextReviewFile);
      return true;
    },
    compareWith: async (readId, path) => {
      const chosen = path ?? this.nextCompareFile;
      return chosen ? this.service.compareWith(readId, chosen) : '';
    },
    closeComparison: async (readId) => this.service.closeComparison(readId),
    getComparisonDetails: (readId, id) => this.service.comparisonDetails(readId, id),
    exportComparisonCsv: async (readId, level) => {
      if (!this.nextSavePath) return { status: 'cancelled' };
      return this.service.exportComparisonCsv(readId, level, this.nextSavePath);
    },
    listening: async () => undefined,
  };

  /** As the main process's IPC layer does: arguments checked, then a value or a refusal in words (never a rejection). */
  private invoke(method: string, args: unknown[]): Promise<IpcResult<unknown>> {
    if (!INVOKE_METHOD_NAMES.includes(method as InvokeMethod)) return Promise.resolve({ ok: false, message: `unknown method ${method}` });
    return answerInvoke(this.handlers, method as InvokeMethod, args);
  }

  /** A notice from the main process, as `webContents.send` on the notice channel delivers it. */
  async notify(notice: Notice): Promise<void> {
    await this.page.evaluate((n) => (window as unknown as { __deliverNotice: (n: Notice) => void }).__deliverNotice(n), notice);
  }

  async install(): Promise<void> {
    await this.page.exposeBinding('__exportReviewHost', (_source, method: string, ...args: unknown[]) => this.invoke(method, args));
    await this.page.addInitScript(
      ({ apiName, methods }) => {
        type Listener = (payload: unknown) => void;
        const paths: Record<string, string> = {};
        const readListeners = new Set<Listener>();
        const menuListeners = new Set<Listener>();
        const noticeListeners = new Set<Listener>();
        type Result = { ok: true; value: unknown } | { ok: false; message: string };
        const host = () => (window as unknown as { __exportReviewHost: (method: string, ...args: unknown[]) => Promise<Result> }).__exportReviewHost;
        // As the preload does: the value, or an Error carrying only the refusal's words.
        const call =
          (method: string) =>
          async (...args: unknown[]) => {
            const result = await host()(method, ...args);
            if (!result.ok) throw new Error(result.message);
            return result.value;
          };
        const subscribe = (listeners: Set<Listener>) => (listener: Listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        };
        Object.assign(window, {
          __testFilePaths: paths,
          __deliverReadEvent: (event: unknown) => readListeners.forEach((l) => l(event)),
          __deliverMenuCommand: (command: unknown) => menuListeners.forEach((l) => l(command)),
          __deliverNotice: (notice: unknown) => noticeListeners.forEach((l) => l(notice)),
        });
        const api = {
          ...Object.fromEntries(methods.map((method) => [method, call(method)])),
          // Electron's webUtils.getPathForFile gives a dropped file's path; here the test names them.
          getPathForFile: (file: { name: string }) => paths[file.name] ?? '',
          onReadEvent: subscribe(readListeners),
          onMenuCommand: subscribe(menuListeners),
          onNotice: subscribe(noticeListeners),
        };
        Object.defineProperty(window, apiName, { value: Object.freeze(api) });
      },
      { apiName: API_NAME, methods: INVOKE_METHOD_NAMES },
    );
  }

  async waitForDelivery(): Promise<void> {
    await this.delivery;
  }

  dispose(): void {
    this.service.dispose();
  }
}
