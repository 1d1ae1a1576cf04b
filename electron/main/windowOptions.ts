import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * Window options, kept pure so a unit test can assert every security flag without an Electron
 * binary. Every flag is spelled out even where it equals Electron's default, so a future default
 * change (or a copy-pasted option) cannot silently weaken a window.
 */

/** The app's name as shown in title bars; the UI is German first. */
export const WINDOW_TITLE = 'Mitschrift';

/** Paper white behind the UI while it loads, so the window does not flash dark. */
const MAIN_BACKGROUND = '#f7f5f0';

/** The wall is shown on projectors in dim rooms: black until the page paints. */
const PROJECTOR_BACKGROUND = '#000000';

/** The web preferences every Mitschrift window shares (Electron security checklist items 2-12). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
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
    safeDialogs: true,
    spellcheck: true,
  };
}

/** Options for the main window: the whole UI, served by the in-process core. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    // Below this the session plan and the sketch toolbar no longer fit side by side.
    minWidth: 720,
    minHeight: 480,
    backgroundColor: MAIN_BACKGROUND,
    // Shown on 'ready-to-show', so the user never sees an empty frame.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** Options for the projector window that shows an event's wall on a second screen. */
export function projectorWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: `${WINDOW_TITLE} – Projektor`,
    width: 1280,
    height: 720,
    minWidth: 480,
    minHeight: 270,
    backgroundColor: PROJECTOR_BACKGROUND,
    autoHideMenuBar: true,
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/**
 * Returns `options` unchanged if their webPreferences are exactly {@link secureWebPreferences};
 * throws otherwise. The shell's one `new BrowserWindow` call goes through this, so no caller can
 * open a window with weaker (or merely different) preferences.
 */
export function assertSecureWindowOptions(
  options: BrowserWindowConstructorOptions,
  preloadPath: string,
): BrowserWindowConstructorOptions {
  const expected: Record<string, unknown> = { ...secureWebPreferences(preloadPath) };
  const actual: Record<string, unknown> = { ...options.webPreferences };
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  const differing = [...keys].filter((key) => actual[key] !== expected[key]).sort();
  if (differing.length > 0) {
    throw new Error(`Refusing to open a window with non-standard webPreferences: ${differing.join(', ')}.`);
  }
  return options;
}
