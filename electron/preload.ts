/**
 * The preload: exposes exactly the typed API of shared/app/ipc-contract.ts, never ipcRenderer itself.
 * Each invoke method comes from the contract's INVOKE_METHODS table. Bundled as CommonJS (sandboxed
 * preloads cannot be ES modules).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  API_NAME,
  INVOKE_METHOD_NAMES,
  INVOKE_METHODS,
  IPC,
  type DroppedFile,
  type ExportReviewApi,
  type InvokeMethods,
  type IpcResult,
  type SendChannels,
} from '../shared/app/ipc-contract.js';

/** Resolves the handler's value, or rejects with the refusal's own words (see IpcResult). */
async function invoke(channel: string, args: unknown[]): Promise<unknown> {
  const result = (await ipcRenderer.invoke(channel, ...args)) as IpcResult<unknown>;
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function subscribe<C extends keyof SendChannels>(channel: C, listener: (payload: SendChannels[C]) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: SendChannels[C]) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const invokers = Object.fromEntries(
  INVOKE_METHOD_NAMES.map((method) => [method, (...args: unknown[]) => invoke(INVOKE_METHODS[method].channel, args)]),
) as unknown as InvokeMethods;

const api: ExportReviewApi = {
  ...invokers,
  // File.path is gone from current Electron; webUtils is the supported way.
  getPathForFile: (file: DroppedFile) => webUtils.getPathForFile(file as File),
  onReadEvent: (listener) => subscribe(IPC.readEvent, listener),
  onMenuCommand: (listener) => subscribe(IPC.menuCommand, listener),
  onNotice: (listener) => subscribe(IPC.notice, listener),
};

contextBridge.exposeInMainWorld(API_NAME, api);
