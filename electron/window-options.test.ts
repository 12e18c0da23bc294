import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options.js';

describe('mainWindowOptions', () => {
  it('keeps the security baseline', () => {
    const web = mainWindowOptions('/app/preload.cjs', false).webPreferences;
    expect(web).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/app/preload.cjs',
    });
  });
});
