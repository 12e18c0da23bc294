/**
 * The main window, with the security baseline of Electron's checklist written out at the one place
 * a BrowserWindow is made (where reviewers and Electronegativity look): isolation, sandbox, no Node
 * in the page, no insecure content, no webviews, no middle-click navigation.
 */
import { BrowserWindow, type WebContents } from 'electron';

export function createMainWindow(preloadPath: string, dark: boolean): BrowserWindow {
  return new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Export Review',
    backgroundColor: dark ? '#1f2329' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
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
      spellcheck: false,
    },
  });
}

/** Only our own page, in every web contents: no navigation of any frame, no redirect, no new window, no webview. */
export function denyNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
