import { describe, expect, it, vi } from 'vitest';

const made: unknown[] = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      made.push(options);
    }
  },
}));

describe('createMainWindow', () => {
  it('keeps the security baseline', async () => {
    const { createMainWindow } = await import('./window.js');
    createMainWindow('/app/preload.cjs', false);
    expect(made[0]).toMatchObject({
      webPreferences: {
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
  });
});
