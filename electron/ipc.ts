/**
 * All ipcMain registration, in one place: every handler checks its sender and its arguments, then
 * calls the review service, and always resolves an IpcResult: a value, or a refusal in words the
 * admin can read. Paths to write are only ever chosen in a save dialog shown here.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC, type InvokeChannels, type IpcResult } from '../shared/app/ipc-contract.js';
import type { ReviewService } from '../shared/app/review-service.node.js';
import { chooseCsvTarget } from './dialogs.js';
import { argumentChecks } from './validate-arguments.js';

type Handler<C extends keyof InvokeChannels> = (...args: InvokeChannels[C]['request']) => Promise<InvokeChannels[C]['response']>;

export interface IpcDependencies {
  service: ReviewService;
  window: () => BrowserWindow | undefined;
  isTrusted: (event: IpcMainInvokeEvent) => boolean;
  openWithDialog: () => Promise<void>;
  openPath: (path: string) => Promise<string | null>;
  listening: () => void;
}

const NOT_OUR_WINDOW = 'Refused: this message does not come from the Export Review window.';

async function settle<T>(work: () => Promise<T>): Promise<IpcResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function registerIpc(deps: IpcDependencies): void {
  const handle = <C extends keyof InvokeChannels>(channel: C, handler: Handler<C>) => {
    const check = argumentChecks[channel];
    ipcMain.handle(channel, (event, ...args: unknown[]): Promise<IpcResult<InvokeChannels[C]['response']>> => {
      if (!deps.isTrusted(event)) return Promise.resolve({ ok: false, message: NOT_OUR_WINDOW });
      if (!check(args)) return Promise.resolve({ ok: false, message: `Refused: invalid arguments for ${channel}.` });
      return settle(() => handler(...args));
    });
  };

  handle(IPC.showOpenDialog, () => deps.openWithDialog());
  handle(IPC.openPath, (path) => deps.openPath(path));
  handle(IPC.cancelRead, async () => deps.service.cancel());
  handle(IPC.closeFile, async () => deps.service.close());
  handle(IPC.getDetails, (readId, id) => deps.service.details(readId, id));
  handle(IPC.exportCsv, async (command) => {
    const window = deps.window();
    const file = deps.service.openFile;
    if (!window || !file || file.readId !== command.readId) return { status: 'failed', message: 'That file is no longer open.' };
    const target = await chooseCsvTarget(window, file.path, file.name);
    if (!target) return { status: 'cancelled' };
    // The service answers "no longer open" itself when another file was opened while the dialog was up.
    return deps.service.exportCsv(command, target);
  });
  handle(IPC.listening, async () => deps.listening());
}
