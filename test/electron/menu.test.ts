import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/main/menu.js';
import { MENU_STRINGS, menuLanguageFor } from '../../electron/main/menuStrings.js';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function build(language: 'de' | 'en', platform: NodeJS.Platform = 'linux', devTools = false) {
  const sendCommand = vi.fn();
  const template = buildMenuTemplate(language, { sendCommand }, { platform, devTools });
  return { template, items: flatten(template), sendCommand };
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

/** Calls an item's click handler the way Electron does. */
function click(item: MenuItemConstructorOptions | undefined): void {
  const handler = item?.click as (() => void) | undefined;
  if (!handler) {
    throw new Error(`Menu item ${item?.label} has no click handler`);
  }
  handler();
}

describe('menu template', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'has the standard menus and edit/view roles on %s',
    (platform) => {
      const { template, items } = build('de', platform);
      expect(roles(template)).toEqual(
        expect.arrayContaining(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']),
      );
      expect(roles(items)).toEqual(
        expect.arrayContaining([
          'undo',
          'redo',
          'cut',
          'copy',
          'paste',
          'selectAll',
          'togglefullscreen',
          'zoomIn',
          'zoomOut',
          'resetZoom',
          'minimize',
          'quit',
          'about',
        ]),
      );
    },
  );

  it('puts the app menu first on macOS only', () => {
    expect(build('de', 'darwin').template[0]?.role).toBe('appMenu');
    expect(roles(build('de', 'linux').template)).not.toContain('appMenu');
    expect(roles(build('de', 'win32').template)).not.toContain('appMenu');
  });

  it('leaves reload and the developer tools out of release builds', () => {
    expect(roles(build('de').items)).not.toEqual(expect.arrayContaining(['reload']));
    expect(roles(build('de').items)).not.toContain('toggleDevTools');
    expect(roles(build('de', 'linux', true).items)).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('"Neues Event" (CmdOrCtrl+N) sends the new-event command', () => {
    const { items, sendCommand } = build('de');
    const item = items.find((i) => i.label === 'Neues Event');
    expect(item?.accelerator).toBe('CmdOrCtrl+N');
    click(item);
    expect(sendCommand).toHaveBeenCalledExactlyOnceWith('new-event');
  });

  it.each(['new-event', 'open-events', 'open-settings'] as const)('has an item that sends %s', (command) => {
    for (const platform of ['linux', 'darwin'] as const) {
      const { items, sendCommand } = build('en', platform);
      click(items.find((i) => i.id === command));
      expect(sendCommand).toHaveBeenCalledExactlyOnceWith(command);
    }
  });

  it.each(['de', 'en'] as const)('labels every item in %s from the strings table', (language) => {
    const { items } = build(language, 'darwin', true);
    const labels = new Set(Object.values(MENU_STRINGS[language]));
    for (const item of items) {
      if (item.type === 'separator') {
        continue;
      }
      // The macOS app menu carries the product name, which is the same in both languages.
      if (item.role === 'appMenu') {
        expect(item.label).toBe('Mitschrift');
        continue;
      }
      expect(labels, `${String(item.role ?? item.id)} in ${language}`).toContain(item.label);
    }
  });

  it('really switches language: German and English labels differ', () => {
    expect(build('de').items.map((i) => i.label)).toContain('Bearbeiten');
    expect(build('en').items.map((i) => i.label)).toContain('Edit');
    expect(build('en').items.map((i) => i.label)).toContain('New event');
    expect(build('en').items.map((i) => i.label)).not.toContain('Neues Event');
  });

  it('has the same keys and no empty label in both languages', () => {
    expect(Object.keys(MENU_STRINGS.en).sort()).toEqual(Object.keys(MENU_STRINGS.de).sort());
    for (const strings of Object.values(MENU_STRINGS)) {
      for (const label of Object.values(strings)) {
        expect(label.trim()).not.toBe('');
      }
    }
  });
});

describe('menuLanguageFor', () => {
  it.each([
    ['de', 'de'],
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ])('%s → %s', (locale, language) => {
    expect(menuLanguageFor(locale)).toBe(language);
  });
});
