import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '../../shared/ipc/contract.js';
import { MENU_STRINGS } from './menuStrings.js';

/** What the menu's own items do; index.ts forwards them to the focused window's renderer. */
export interface MenuActions {
  sendCommand(command: MenuCommand): void;
}

/** Platform facts the template depends on. */
export interface MenuOptions {
  /** 'darwin' gets the macOS app menu; everything else gets Settings and Quit in the File menu. */
  platform: NodeJS.Platform;
  /** Reload and developer tools, for unpackaged development builds only. */
  devTools: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The native menu as a plain template: standard roles for editing, zoom and windows, plus the
 * app's commands, all labelled in `language`.
 */
export function buildMenuTemplate(
  language: Language,
  actions: MenuActions,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const t = MENU_STRINGS[language];
  const isMac = options.platform === 'darwin';
  const command = (name: MenuCommand) => () => actions.sendCommand(name);
  const settingsItem: MenuItemConstructorOptions = {
    id: 'open-settings',
    label: t.settings,
    accelerator: 'CmdOrCtrl+,',
    click: command('open-settings'),
  };

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    label: 'Mitschrift',
    submenu: [
      { role: 'about', label: t.about },
      separator,
      settingsItem,
      separator,
      { role: 'services', label: t.services },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      separator,
      { role: 'quit', label: t.quit },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    role: 'fileMenu',
    label: t.file,
    submenu: [
      { id: 'new-event', label: t.newEvent, accelerator: 'CmdOrCtrl+N', click: command('new-event') },
      {
        id: 'open-events',
        label: t.openEvents,
        accelerator: 'CmdOrCtrl+Shift+E',
        click: command('open-events'),
      },
      separator,
      ...(isMac
        ? [{ role: 'close', label: t.close } satisfies MenuItemConstructorOptions]
        : [settingsItem, separator, { role: 'quit', label: t.quit } satisfies MenuItemConstructorOptions]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    role: 'editMenu',
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      separator,
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    role: 'viewMenu',
    label: t.view,
    submenu: [
      // A reload drops unsynced input state and the dev tools are for developers: not in releases.
      ...(options.devTools
        ? [
            { role: 'reload', label: t.reload } satisfies MenuItemConstructorOptions,
            { role: 'toggleDevTools', label: t.toggleDevTools } satisfies MenuItemConstructorOptions,
            separator,
          ]
        : []),
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      separator,
      { role: 'togglefullscreen', label: t.toggleFullScreen },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: t.window,
    submenu: [
      { role: 'minimize', label: t.minimize },
      // 'zoom' and 'front' are macOS-only roles.
      ...(isMac
        ? [
            { role: 'zoom', label: t.zoom } satisfies MenuItemConstructorOptions,
            separator,
            { role: 'front', label: t.front } satisfies MenuItemConstructorOptions,
          ]
        : [{ role: 'close', label: t.close } satisfies MenuItemConstructorOptions]),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: t.help,
    // On macOS "About" lives in the app menu.
    submenu: isMac ? [] : [{ role: 'about', label: t.about }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
