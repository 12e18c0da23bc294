/**
 * `Menu.buildFromTemplate` as Electron validates and expands it: every item needs a label, role or
 * type; roles bring their default accelerators (so a custom ⌘W beside the `close` role is a double
 * binding) and `appMenu` its macOS submenu.
 */
export interface MenuTemplateItem {
  label?: string;
  sublabel?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  enabled?: boolean;
  click?: (...args: unknown[]) => void;
  submenu?: MenuTemplateItem[];
}

const ROLE_ACCELERATORS: Record<string, (platform: NodeJS.Platform) => string | undefined> = {
  close: () => 'CommandOrControl+W',
  quit: (platform) => (platform === 'win32' ? undefined : 'CommandOrControl+Q'),
  copy: () => 'CommandOrControl+C',
  paste: () => 'CommandOrControl+V',
  selectAll: () => 'CommandOrControl+A',
  resetZoom: () => 'CommandOrControl+0',
  zoomIn: () => 'CommandOrControl+Plus',
  zoomOut: () => 'CommandOrControl+-',
  togglefullscreen: (platform) => (platform === 'darwin' ? 'Control+Command+F' : 'F11'),
  hide: () => 'Command+H',
  hideOthers: () => 'Command+Alt+H',
};

const APP_MENU: MenuTemplateItem[] = [
  { role: 'about' },
  { type: 'separator' },
  { role: 'hide' },
  { role: 'hideOthers' },
  { role: 'unhide' },
  { type: 'separator' },
  { role: 'quit' },
];

export interface FakeMenuItem extends MenuTemplateItem {
  enabled: boolean;
  submenu?: FakeMenuItem[];
}

/** The same key written the ways Electron accepts it: CmdOrCtrl and CommandOrControl, any case. */
export function normalizedAccelerator(accelerator: string, platform: NodeJS.Platform): string {
  const command = platform === 'darwin' ? 'command' : 'control';
  return accelerator
    .toLowerCase()
    .split('+')
    .map((part) => (part === 'cmdorctrl' || part === 'commandorcontrol' ? command : part === 'cmd' ? 'command' : part === 'ctrl' ? 'control' : part))
    .sort()
    .join('+');
}

function expand(template: MenuTemplateItem[], platform: NodeJS.Platform): FakeMenuItem[] {
  return template.map((item) => {
    if (!item.label && !item.role && !item.type) throw new Error('Invalid template for MenuItem: must have at least one of label, role or type');
    const submenu = item.submenu ?? (item.role === 'appMenu' && platform === 'darwin' ? APP_MENU : undefined);
    const accelerator = item.accelerator ?? (item.role ? ROLE_ACCELERATORS[item.role]?.(platform) : undefined);
    return { ...item, accelerator, enabled: item.enabled !== false, submenu: submenu && expand(submenu, platform) };
  });
}

export class FakeMenu {
  readonly items: FakeMenuItem[];

  constructor(
    template: MenuTemplateItem[],
    readonly platform: NodeJS.Platform,
  ) {
    this.items = expand(template, platform);
  }

  /** The item at a path of labels (without the `&` mnemonics), e.g. ['File', 'Open…']. */
  item(...labels: string[]): FakeMenuItem {
    let items = this.items;
    let found: FakeMenuItem | undefined;
    for (const label of labels) {
      found = items.find((item) => item.label?.replace(/&/g, '') === label || item.role === label);
      if (!found) throw new Error(`No menu item ${labels.join(' › ')}`);
      items = found.submenu ?? [];
    }
    return found as FakeMenuItem;
  }

  /** A click as Electron delivers it: nothing happens on a disabled item. */
  click(...labels: string[]): void {
    const item = this.item(...labels);
    if (item.enabled) item.click?.(item, undefined, {});
  }

  /** Every accelerator bound in the menu, normalised, once per item that binds it. */
  accelerators(): string[] {
    const all: string[] = [];
    const walk = (items: FakeMenuItem[]) => {
      for (const item of items) {
        if (item.accelerator) all.push(normalizedAccelerator(item.accelerator, this.platform));
        if (item.submenu) walk(item.submenu);
      }
    };
    walk(this.items);
    return all;
  }
}
