/**
 * The preload: exposes exactly the typed API of shared/app/ipc-contract.ts, never ipcRenderer itself.
 * Bundled as CommonJS (sandboxed preloads cannot be ES modules).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { API_NAME, IPC, type DroppedFile, type ExportReviewApi, type InvokeChannels, type IpcResult, type SendChannels } from '../shared/app/ipc-contract.js';

/** Resolves the handler's value, or rejects with the refusal's own words (see IpcResult). */
async function invoke<C extends keyof InvokeChannels>(channel: C, ...args: InvokeChannels[C]['request']): Promise<InvokeChannels[C]['response']> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as IpcResult<InvokeChannels[C]['response']>;
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function subscribe<C extends keyof SendChannels>(channel: C, listener: (payload: SendChannels[C]) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: SendChannels[C]) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const api: ExportReviewApi = {
  showOpenDialog: () => invoke(IPC.showOpenDialog),
  openPath: (path) => invoke(IPC.openPath, path),
  // File.path is gone from current Electron; webUtils is the supported way.
  getPathForFile: (file: DroppedFile) => webUtils.getPathForFile(file as File),
  cancelRead: () => invoke(IPC.cancelRead),
  closeFile: () => invoke(IPC.closeFile),
  getDetails: (readId, id) => invoke(IPC.getDetails, readId, id),
  exportCsv: (command) => invoke(IPC.exportCsv, command),
  listening: () => invoke(IPC.listening),
  onReadEvent: (listener) => subscribe(IPC.readEvent, listener),
  onMenuCommand: (listener) => subscribe(IPC.menuCommand, listener),
  onNotice: (listener) => subscribe(IPC.notice, listener),
};

contextBridge.exposeInMainWorld(API_NAME, api);
