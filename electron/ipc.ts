/**
 * All ipcMain registration, in one place: every handler checks its sender and its arguments,
 * then calls the review service. Paths to write are only ever chosen in a save dialog shown here.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC, type InvokeChannels } from '../shared/ipc-contract.js';
import type { ReviewService } from '../shared/review-service.node.js';
import { chooseCsvTarget } from './dialogs.js';
import { isCsvExportCommand, isObjectId, isReadId } from './validate-arguments.js';

type Handler<C extends keyof InvokeChannels> = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<InvokeChannels[C]['response']>;

export interface IpcDependencies {
  service: ReviewService;
  window: () => BrowserWindow | undefined;
  isTrusted: (event: IpcMainInvokeEvent) => boolean;
  openWithDialog: () => Promise<void>;
  openPath: (path: string) => Promise<string | null>;
}

export function registerIpc(deps: IpcDependencies): void {
  const handle = <C extends keyof InvokeChannels>(channel: C, handler: Handler<C>) => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!deps.isTrusted(event)) throw new Error('Refused: this message does not come from the Export Review window.');
      return handler(event, ...args);
    });
  };

  handle(IPC.showOpenDialog, () => deps.openWithDialog());
  handle(IPC.openPath, async (_event, path) => (typeof path === 'string' ? deps.openPath(path) : 'That is not a file path.'));
  handle(IPC.cancelRead, async () => deps.service.cancel());
  handle(IPC.closeFile, async () => deps.service.close());
  handle(IPC.getDetails, async (_event, readId, id) => {
    if (!isReadId(readId) || !isObjectId(id)) throw new Error('Invalid details request.');
    return deps.service.details(readId, id);
  });
  handle(IPC.exportCsv, async (_event, command) => {
    if (!isCsvExportCommand(command)) return { status: 'failed', message: 'Invalid export request.' };
    const window = deps.window();
    const file = deps.service.openFile;
    if (!window || !file || file.readId !== command.readId) return { status: 'failed', message: 'That file is no longer open.' };
    const target = await chooseCsvTarget(window, file.path, file.name);
    if (!target) return { status: 'cancelled' };
    return deps.service.exportCsv(command, target);
  });
}
