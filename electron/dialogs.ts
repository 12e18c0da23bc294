/** Native dialogs: the only way the renderer's actions reach a path on disk. */
import { app, dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions } from 'electron';
import { dirname, join } from 'node:path';
import { proposedCsvName } from '../shared/csv/csv-file-name.js';

/** Shown over the window, or on its own when there is none yet (macOS, File › Open… with no window). */
export async function chooseExportFile(window: BrowserWindow | undefined, title = 'Open a csexport file'): Promise<string | undefined> {
  const options: OpenDialogOptions = {
    title,
    properties: ['openFile'],
    filters: [
      { name: 'csexport XML', extensions: ['xml'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
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

/** An existing review file continues that review; a new name starts one there. */
export async function chooseReviewFile(window: BrowserWindow, exportPath: string, exportName: string): Promise<string | undefined> {
  const result = await dialog.showSaveDialog(window, {
    title: `Review file for ${exportName}`,
    message: 'Choose an existing review file to continue that review, or a new name to start one.',
    buttonLabel: 'Use this file',
    defaultPath: join(dirname(exportPath), `${exportName}.review.json`),
    filters: [{ name: 'Export Review marks', extensions: ['json'] }],
  });
  return result.canceled ? undefined : result.filePath;
}

export async function showAbout(window: BrowserWindow | undefined): Promise<void> {
  const options: MessageBoxOptions = {
    type: 'info',
    title: 'About Export Review',
    message: `Export Review ${app.getVersion()}`,
    detail:
      'Review what an Azure AD Connect or MIM staging server is about to export: pending adds, updates and deletes from csexport "Connector" export.xml /f:x, resolved to UPN, display name and mail.\n\n' +
      `Electron ${process.versions.electron}, Node ${process.versions.node}`,
  };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
