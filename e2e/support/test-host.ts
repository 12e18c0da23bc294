/**
 * Stands in for Electron's preload and main process in plain Chromium: `window.exportReview` is
 * defined by an init script whose every call goes through `page.exposeBinding` to the same
 * ReviewService the Electron main process drives (real read worker from dist/, real files, real CSV
 * on disk). Only the two native dialogs are stand-ins: the test says which path they "choose".
 */
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_NAME, type ReadEvent } from '../../shared/ipc-contract.js';
import { ReviewService } from '../../shared/review-service.node.js';

const READ_WORKER = pathToFileURL(resolve('dist/electron/read-worker.js'));

export class TestHost {
  private nextOpenPath: string | undefined;
  private nextSavePath: string | undefined;
  private delivery: Promise<unknown> = Promise.resolve();
  readonly service: ReviewService;
  readonly menuCommands: string[] = [];

  constructor(private readonly page: Page) {
    this.service = new ReviewService({ readWorkerUrl: READ_WORKER, emit: (event) => this.deliver(event) });
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

  /** What the next save dialog "chooses" (undefined: the user cancels). */
  chooseOnSave(path: string | undefined): void {
    this.nextSavePath = path;
  }

  async sendMenuCommand(command: 'export-csv' | 'find'): Promise<void> {
    await this.page.evaluate((c) => (window as unknown as { __deliverMenuCommand: (c: string) => void }).__deliverMenuCommand(c), command);
  }

  async install(): Promise<void> {
    await this.page.exposeBinding('__exportReviewHost', async (_source, method: string, ...args: unknown[]) => {
      switch (method) {
        case 'showOpenDialog':
          if (this.nextOpenPath) await this.service.open(this.nextOpenPath);
          return undefined;
        case 'openPath':
          return this.service.open(args[0] as string);
        case 'cancelRead':
          return this.service.cancel();
        case 'closeFile':
          return this.service.close();
        case 'getDetails':
          return this.service.details(args[0] as number, args[1] as string);
        case 'exportCsv': {
          if (!this.nextSavePath) return { status: 'cancelled' };
          return this.service.exportCsv(args[0] as Parameters<ReviewService['exportCsv']>[0], this.nextSavePath);
        }
        default:
          throw new Error(`unknown method ${method}`);
      }
    });
    await this.page.addInitScript(
      ({ apiName }) => {
        type Listener = (payload: unknown) => void;
        const paths: Record<string, string> = {};
        const readListeners = new Set<Listener>();
        const menuListeners = new Set<Listener>();
        const host = () => (window as unknown as { __exportReviewHost: (method: string, ...args: unknown[]) => Promise<unknown> }).__exportReviewHost;
        const call =
          (method: string) =>
          (...args: unknown[]) =>
            host()(method, ...args);
        Object.assign(window, {
          __testFilePaths: paths,
          __deliverReadEvent: (event: unknown) => readListeners.forEach((l) => l(event)),
          __deliverMenuCommand: (command: unknown) => menuListeners.forEach((l) => l(command)),
        });
        const api = {
          showOpenDialog: call('showOpenDialog'),
          openPath: call('openPath'),
          cancelRead: call('cancelRead'),
          closeFile: call('closeFile'),
          getDetails: call('getDetails'),
          exportCsv: call('exportCsv'),
          // Electron's webUtils.getPathForFile gives a dropped file's path; here the test names them.
          getPathForFile: (file: { name: string }) => paths[file.name] ?? '',
          onReadEvent: (listener: Listener) => {
            readListeners.add(listener);
            return () => readListeners.delete(listener);
          },
          onMenuCommand: (listener: Listener) => {
            menuListeners.add(listener);
            return () => menuListeners.delete(listener);
          },
        };
        Object.defineProperty(window, apiName, { value: Object.freeze(api) });
      },
      { apiName: API_NAME },
    );
  }

  async waitForDelivery(): Promise<void> {
    await this.delivery;
  }

  dispose(): void {
    this.service.dispose();
  }
}
