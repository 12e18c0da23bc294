/** The native menu. Commands that need the renderer's state (filters, selection) are sent to it. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';

export interface MenuActions {
  open: () => void;
  openRecent: (path: string) => void;
  clearRecent: () => void;
  exportCsv: () => void;
  chooseReviewFile: () => void;
  compareWith: () => void;
  find: () => void;
  close: () => void;
  about: () => void;
}

/**
 * `hasWindow`: Export CSV… needs one (macOS runs on without a window). On macOS ⌘W belongs to the
 * window's Close role, so closing the file is ⇧⌘W there; elsewhere Ctrl+W closes the file.
 */
export function buildMenu(actions: MenuActions, recent: string[], hasWindow: boolean): Menu {
  const isMac = process.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((path) => ({ label: basename(path), sublabel: path, click: () => actions.openRecent(path) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: actions.clearRecent },
      ]
    : [{ label: 'No recent files', enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: actions.open },
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Export CSV…', accelerator: 'CmdOrCtrl+E', click: actions.exportCsv, enabled: hasWindow },
        { label: 'Review File…', click: actions.chooseReviewFile, enabled: hasWindow },
        { label: 'Compare with…', click: actions.compareWith, enabled: hasWindow },
        { type: 'separator' },
        isMac
          ? { label: 'Close File', accelerator: 'Shift+CmdOrCtrl+W', click: actions.close, enabled: hasWindow }
          : { label: 'Close', accelerator: 'CmdOrCtrl+W', click: actions.close },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: actions.find },
      ],
    },
    { label: '&View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: '&Help', submenu: [{ label: 'About Export Review', click: actions.about }] },
  ];
  return Menu.buildFromTemplate(template);
}
