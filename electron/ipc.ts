/**
 * All ipcMain registration, in one place: one handler per invoke method of the contract, each
 * checking its sender and its arguments, then resolving an IpcResult (a value, or a refusal in words
 * the admin can read). Paths to write are only ever chosen in a save dialog shown here.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { answerInvoke, INVOKE_METHOD_NAMES, INVOKE_METHODS, type InvokeHandlers, type IpcResult, type OpenedFile } from '../shared/app/ipc-contract.js';
import type { ReviewService } from '../shared/app/review-service.node.js';
import { chooseCsvTarget, chooseExportFile, chooseReviewFile } from './dialogs.js';

export interface IpcDependencies {
  service: ReviewService;
  window: () => BrowserWindow | undefined;
  isTrusted: (event: IpcMainInvokeEvent) => boolean;
  openWithDialog: () => Promise<void>;
  openPath: (path: string) => Promise<string | null>;
  listening: () => void;
}

const NOT_OUR_WINDOW = 'Refused: this message does not come from the Export Review window.';

const NO_LONGER_OPEN = 'That file is no longer open.';

/** The window and the open file, when `readId` is still the file open in it (a dialog needs both). */
function windowWithFile(deps: IpcDependencies, readId: number): { window: BrowserWindow; file: OpenedFile } | undefined {
  const window = deps.window();
  const file = deps.service.openFile;
  return window && file && file.readId === readId ? { window, file } : undefined;
}

function handlers(deps: IpcDependencies): InvokeHandlers {
  return {
    showOpenDialog: () => deps.openWithDialog(),
    openPath: (path) => deps.openPath(path),
    cancelRead: async () => deps.service.cancel(),
    closeFile: async () => deps.service.close(),
    getDetails: (readId, id) => deps.service.details(readId, id),
    exportCsv: async (command) => {
      const open = windowWithFile(deps, command.readId);
      if (!open) return { status: 'failed', message: NO_LONGER_OPEN };
      const target = await chooseCsvTarget(open.window, open.file.path, open.file.name);
      if (!target) return { status: 'cancelled' };
      // The service answers "no longer open" itself when another file was opened while the dialog was up.
      return deps.service.exportCsv(command, target);
    },
    setMarks: (command) => deps.service.setMarks(command),
    chooseReviewFile: async (readId) => {
      const open = windowWithFile(deps, readId);
      if (!open) throw new Error(NO_LONGER_OPEN);
      const path = await chooseReviewFile(open.window, open.file.path, open.file.name);
      if (!path) return false;
      await deps.service.useReviewFile(readId, path);
      return true;
    },
    compareWith: async (readId, path) => {
      const open = windowWithFile(deps, readId);
      if (!open) return NO_LONGER_OPEN;
      const chosen = path ?? (await chooseExportFile(open.window, `Compare ${open.file.name} with…`));
      return chosen ? deps.service.compareWith(readId, chosen) : '';
    },
    closeComparison: async (readId) => deps.service.closeComparison(readId),
    getComparisonDetails: (readId, id) => deps.service.comparisonDetails(readId, id),
    exportComparisonCsv: async (readId, level) => {
      const open = windowWithFile(deps, readId);
      if (!open) return { status: 'failed', message: NO_LONGER_OPEN };
      const target = await chooseCsvTarget(open.window, open.file.path, `comparison-${open.file.name}`);
      if (!target) return { status: 'cancelled' };
      return deps.service.exportComparisonCsv(readId, level, target);
    },
    listening: async () => deps.listening(),
  };
}

export function registerIpc(deps: IpcDependencies): void {
  const implementations = handlers(deps);
  for (const method of INVOKE_METHOD_NAMES) {
    ipcMain.handle(INVOKE_METHODS[method].channel, (event, ...args: unknown[]): Promise<IpcResult<unknown>> => {
      if (!deps.isTrusted(event)) return Promise.resolve({ ok: false, message: NOT_OUR_WINDOW });
      return answerInvoke(implementations, method, args);
    });
  }
}
