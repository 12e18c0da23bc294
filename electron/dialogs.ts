/** Native dialogs: the only way the renderer's actions reach a path on disk. */
import { app, dialog, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { proposedCsvName } from '../shared/ipc-contract.js';

export async function chooseExportFile(window: BrowserWindow): Promise<string | undefined> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Open a csexport file',
    properties: ['openFile'],
    filters: [
      { name: 'csexport XML', extensions: ['xml'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return result.canceled ? undefined : result.filePaths[0];
}

export async function chooseCsvTarget(window: BrowserWindow, sourcePath: string, sourceName: string): Promise<string | undefined> {
  const result = await dialog.showSaveDialog(window, {
    title: 'Export CSV',
    defaultPath: join(dirname(sourcePath), proposedCsvName(sourceName, new Date())),
    filters: [{ name: 'CSV (UTF-8)', extensions: ['csv'] }],
  });
  return result.canceled ? undefined : result.filePath;
}

export async function showAbout(window: BrowserWindow): Promise<void> {
  await dialog.showMessageBox(window, {
    type: 'info',
    title: 'About Export Review',
    message: `Export Review ${app.getVersion()}`,
    detail:
      'Review what an Azure AD Connect or MIM staging server is about to export: pending adds, updates and deletes from csexport "Connector" export.xml /f:x, resolved to UPN, display name and mail.\n\n' +
      `Electron ${process.versions.electron}, Node ${process.versions.node}`,
  });
}
