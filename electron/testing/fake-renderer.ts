/**
 * The renderer side of the fake Electron: frames, `ipcRenderer`, `contextBridge`, `webUtils`, and a
 * preload run as a sandboxed renderer runs it (only `electron`, `events`, `timers` and `url` can be
 * required; anything else fails with Electron's "module not found").
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const nodeRequire = createRequire(import.meta.url);
const SANDBOX_MODULES = new Set(['events', 'timers', 'url']);

type Listener = (event: { sender: FakeIpcRenderer }, ...args: unknown[]) => void;

/** The part of ipcMain a renderer reaches: the handler registered for a channel. */
export type InvokeHandler = (event: InvokeEvent, ...args: unknown[]) => unknown;
export interface InvokeEvent {
  sender: unknown;
  senderFrame: FakeFrame | null;
  frameId: number;
  processId: number;
  type: 'frame';
}

let nextFrameId = 1;

export class FakeFrame {
  readonly routingId = nextFrameId++;
  readonly processId = 1;
  readonly frames: FakeFrame[] = [];
  /** Set when the frame navigated away or was removed: Electron then gives a null `senderFrame`. */
  detached = false;
  readonly ipc: FakeIpcRenderer;

  constructor(
    public url: string,
    readonly parent: FakeFrame | null,
    sender: unknown,
    handlerOf: (channel: string) => InvokeHandler | undefined,
  ) {
    this.ipc = new FakeIpcRenderer(this, sender, handlerOf);
  }

  get top(): FakeFrame {
    return this.parent ? this.parent.top : this;
  }

  /** An iframe inside this frame (no preload runs there: nodeIntegrationInSubFrames is off). */
  addChild(url: string): FakeFrame {
    const child = new FakeFrame(url, this, this.ipc.sender, this.ipc.handlerOf);
    this.frames.push(child);
    return child;
  }
}

export class FakeIpcRenderer extends EventEmitter {
  constructor(
    readonly frame: FakeFrame,
    readonly sender: unknown,
    readonly handlerOf: (channel: string) => InvokeHandler | undefined,
  ) {
    super();
  }

  /** As Electron: arguments and result are structured-cloned; a failure reaches the page prefixed. */
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const cloned = structuredClone(args);
    const handler = this.handlerOf(channel);
    const failed = (error: unknown) => new Error(`Error invoking remote method '${channel}': ${String(error)}`);
    if (!handler) throw failed(new Error(`No handler registered for '${channel}'`));
    const event: InvokeEvent = {
      sender: this.sender,
      senderFrame: this.frame.detached ? null : this.frame,
      frameId: this.frame.routingId,
      processId: this.frame.processId,
      type: 'frame',
    };
    try {
      return structuredClone(await handler(event, ...cloned));
    } catch (error) {
      throw failed(error);
    }
  }

  /** A message from `webContents.send`, already cloned. */
  deliver(channel: string, args: unknown[]): void {
    this.emit(channel, { sender: this }, ...args);
  }

  override on(channel: string, listener: Listener): this {
    return super.on(channel, listener);
  }
}

/** Values crossing the context bridge are copied; functions are passed as callable proxies. */
function bridged(value: unknown): unknown {
  if (typeof value === 'function') {
    return (...args: unknown[]) => {
      const result: unknown = value(...args.map((arg) => (typeof arg === 'function' ? arg : structuredClone(arg))));
      if (result instanceof Promise)
        return result.then(
          (resolved: unknown) => structuredClone(resolved),
          (error: unknown) => Promise.reject(new Error(error instanceof Error ? error.message : String(error))),
        );
      return typeof result === 'function' ? result : structuredClone(result);
    };
  }
  if (typeof value === 'object' && value !== null) return Object.freeze(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bridged(v)])));
  return structuredClone(value);
}

/** One loaded document: what the preload exposed in the main world, and the frame it runs in. */
export class FakePage {
  readonly mainWorld: Record<string, unknown> = {};

  constructor(readonly frame: FakeFrame) {}

  /** The renderer modules `require('electron')` gives a sandboxed preload. */
  electronModule(): Record<string, unknown> {
    return {
      ipcRenderer: this.frame.ipc,
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          if (key in this.mainWorld) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
          this.mainWorld[key] = bridged(api);
        },
      },
      // The DOM File a drop gives; here a plain object that carries its path.
      webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
    };
  }

  runSandboxedPreload(preloadPath: string): void {
    const electron = this.electronModule();
    const require = (name: string): unknown => {
      if (name === 'electron') return electron;
      if (SANDBOX_MODULES.has(name)) return nodeRequire(name);
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} as unknown };
    // A sandboxed preload is a CommonJS script: `import` statements would be a syntax error here too.
    const run = new Function('require', 'module', 'exports', readFileSync(preloadPath, 'utf8')) as (...args: unknown[]) => void;
    run(require, module, module.exports);
  }
}
