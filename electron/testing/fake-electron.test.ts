/** The fake keeps to what Electron documents, where the glue tests rely on it. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../shared/testing/samples.node.js';
import { FakeElectron } from './fake-electron.js';
import { FakeFrame, FakePage } from './fake-renderer.js';
import { chromiumCommittedUrl, electronLoadFileUrl } from './chromium-file-url.js';

const fake = () => new FakeElectron({ appPath: '/opt/app', userData: '/tmp/user-data', packaged: true, platform: 'linux' });

describe('the fake Electron', () => {
  it('refuses windows and the session before ready, as Electron does', async () => {
    const electron = fake();
    expect(() => new electron.BrowserWindow({})).toThrow('Cannot create BrowserWindow before app is ready');
    expect(() => (electron.session as { defaultSession: unknown }).defaultSession).toThrow('Session can only be received when app is ready');
    await electron.makeReady();
    expect(new electron.BrowserWindow({}).webContents.mainFrame.url).toBe('about:blank');
  });

  it('refuses a second handler, and prefixes a failed invoke as ipcRenderer does', async () => {
    const electron = fake();
    electron.ipcMain.handle('c', () => {
      throw new Error('no');
    });
    expect(() => electron.ipcMain.handle('c', () => 1)).toThrow("Attempted to register a second handler for 'c'");
    const frame = new FakeFrame('file:///opt/app/index.html', null, {}, (channel) => electron.handlers.get(channel));
    await expect(frame.ipc.invoke('c')).rejects.toThrow("Error invoking remote method 'c': Error: no");
    await expect(frame.ipc.invoke('missing')).rejects.toThrow("Error invoking remote method 'missing': Error: No handler registered for 'missing'");
    await expect(frame.ipc.invoke('c', () => 1)).rejects.toThrow(/could not be cloned/);
  });

  it('runs a preload sandboxed: only electron, events, timers and url can be required', () => {
    const temp = makeTempDir();
    try {
      const page = new FakePage(new FakeFrame('file:///x', null, {}, () => undefined));
      const preload = join(temp.dir, 'preload.cjs');
      writeFileSync(preload, "require('events'); require('timers'); require('url'); require('electron').contextBridge.exposeInMainWorld('api', { n: 1 });");
      page.runSandboxedPreload(preload);
      expect(page.mainWorld['api']).toEqual({ n: 1 });
      writeFileSync(preload, "require('fs');");
      expect(() => page.runSandboxedPreload(preload)).toThrow('module not found: fs');
      writeFileSync(preload, "import { x } from 'electron';");
      expect(() => page.runSandboxedPreload(preload)).toThrow(SyntaxError);
    } finally {
      temp.remove();
    }
  });

  it('builds the loadFile URL as Electron does and spells it as Chromium commits it', () => {
    const url = (path: string) => chromiumCommittedUrl(electronLoadFileUrl('/opt/app', path));
    expect(url('/opt/JOHNSM~1/[x]/index.html')).toBe('file:///opt/JOHNSM~1/[x]/index.html');
    expect(url('/opt/100% done/jörg/index.html')).toBe('file:///opt/100%%20done/j%C3%B6rg/index.html');
    expect(url('index.html')).toBe('file:///opt/app/index.html');
    expect(chromiumCommittedUrl(electronLoadFileUrl('C:\\Users\\JOHNSM~1\\app', 'index.html'))).toBe('file:///C:/Users/JOHNSM~1/app/index.html');
  });
});
