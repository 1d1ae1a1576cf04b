import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  safeStorage,
  screen,
  session,
  shell,
  utilityProcess,
  type BrowserWindowConstructorOptions,
} from 'electron';
import type { Language, MenuCommand } from '../../shared/ipc/contract.js';
import { superviseCore, type SupervisedCore } from './coreSupervisor.js';
import { registerIpcHandlers, sendMenuCommand, type IpcHandlers } from './ipc.js';
import { findJoinLinkInArgv, joinUrlWithPath, parseJoinLink, PROTOCOL_SCHEME } from './joinLinks.js';
import { buildMenuTemplate } from './menu.js';
import { menuLanguageFor } from './menuStrings.js';
import { createProjectorController, type ProjectorController } from './projector.js';
import { publishTokenVault } from './publishTokenVault.js';
import { installSessionGuards, installWebContentsGuards, isExternalLink } from './security.js';
import { assertSecureWindowOptions, mainWindowOptions, projectorWindowOptions } from './windowOptions.js';

/**
 * The Electron shell: it starts the core in-process on loopback and shows the UI the core serves,
 * exactly as a browser would, plus a menu, a projector window and mitschrift:// links. All
 * decisions live in the pure modules next to this file; this one only wires Electron to them.
 */

const APP_USER_MODEL_ID = 'de.mitschrift.app';
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererDir = join(import.meta.dirname, '../renderer');

let core: SupervisedCore | null = null;
let mainWindow: BrowserWindow | null = null;
let projector: ProjectorController | null = null;
/** A link that arrived before the window could show it (launch argv, or macOS open-url at launch). */
let pendingPath: string | null = findJoinLinkInArgv(process.argv);
let coreClosed = false;
let closingCore: Promise<void> | null = null;

// Every renderer sandboxed, whatever a window's options say (checklist item 4).
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the workspace; it receives our argv through 'second-instance'.
  app.quit();
} else {
  registerProtocolClient();
  if (process.platform === 'win32') {
    app.setAppUserModelId(APP_USER_MODEL_ID);
  }
  app.on('second-instance', (_event, argv) => {
    const path = findJoinLinkInArgv(argv);
    if (path !== null) {
      openPath(path);
    } else {
      focusMainWindow();
    }
  });
  // macOS delivers links as events, also at launch (before 'ready'), so this is registered early.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const path = parseJoinLink(url);
    if (path === null) {
      console.warn('Ignored a mitschrift:// link that is not a valid deep link.');
      return;
    }
    openPath(path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') {
      app.quit();
    }
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) {
      createMainWindow();
    }
  });
  app.on('before-quit', (event) => {
    if (!core || coreClosed) {
      return;
    }
    // Hold the quit until the core has flushed every document and released the workspace lock.
    event.preventDefault();
    closingCore ??= core
      .close()
      .catch((error: unknown) => console.error(`Closing the core failed: ${String(error)}`))
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

/** Registers mitschrift:// with the OS; unpackaged runs pass the app path so the link reaches it. */
function registerProtocolClient(): void {
  const appPath = process.argv[1];
  // process.execPath and [] are Electron's defaults; an unpackaged run adds the app folder.
  const args = process.defaultApp && appPath !== undefined ? [resolve(appPath)] : [];
  // Whatever arrives this way goes through parseJoinLink, which only yields four in-app routes.
  app.setAsDefaultProtocolClient(PROTOCOL_SCHEME, process.execPath, args);
}

/** Starts the core, then guards, IPC, menu and the main window, all bound to the core's origin. */
async function start(): Promise<void> {
  try {
    // The core runs in its own process (server/core/coreProcess.ts), so a failure there cannot take
    // the window down; the supervisor restarts it on the same port with the same token.
    // The portal token: encrypted with safeStorage here, only in memory in the core.
    const tokenVault = publishTokenVault(safeStorage, join(app.getPath('userData'), 'ckan-token.enc'));
    const keptToken = tokenVault.load();
    core = await superviseCore({
      fork: () =>
        utilityProcess.fork(join(import.meta.dirname, 'coreProcess.js'), [], {
          serviceName: 'Mitschrift core',
        }),
      launch: {
        host: '127.0.0.1',
        port: 0,
        dataDir: join(app.getPath('userData'), 'workspace'),
        // A fresh secret per launch: the window gets it through the join URL, nothing else needs it.
        token: randomBytes(32).toString('base64url'),
        rendererDir,
        publishTokenStorage: 'memory',
        ...(keptToken ? { publishToken: keptToken } : {}),
      },
      onPublishToken: (token) => tokenVault.save(token),
      onRestarted: (origin) => console.error(`The core runs again at ${origin}.`),
      onFatal: (message) => {
        coreClosed = true;
        fail(new Error(message));
      },
    });
  } catch (error) {
    fail(error);
    return;
  }
  const appOrigin = core.origin;
  installSessionGuards(session.defaultSession, appOrigin);
  app.on('web-contents-created', (_event, contents) => {
    installWebContentsGuards(contents, appOrigin, openInBrowser);
  });
  projector = createProjectorController({
    appOrigin,
    displays: () => screen.getAllDisplays(),
    primaryDisplayId: () => screen.getPrimaryDisplay().id,
    baseOptions: projectorWindowOptions(preloadPath),
    createWindow: openWindow,
  });
  registerIpcHandlers(ipcMain, ipcHandlers(core), appOrigin);
  setMenu(menuLanguageFor(app.getLocale()));
  createMainWindow();
}

/** Shows why the app cannot run (for example: the workspace is locked) and quits. */
function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Mitschrift could not start: ${message}`);
  const title =
    menuLanguageFor(app.getLocale()) === 'de' ? 'Mitschrift kann nicht starten' : 'Mitschrift cannot start';
  dialog.showErrorBox(title, message);
  // If the core did start (a later step failed), release the workspace lock before leaving.
  const closing = core && !coreClosed ? core.close() : Promise.resolve();
  closing
    .catch((closeError: unknown) => console.error(`Closing the core failed: ${String(closeError)}`))
    .finally(() => app.exit(1));
}

/** The main-process side of every IPC channel; ipc.ts validates sender and arguments first. */
function ipcHandlers(running: SupervisedCore): IpcHandlers {
  return {
    'app:info': () => ({
      version: app.getVersion(),
      electron: process.versions.electron,
      platform: process.platform,
      dataDir: running.dataDir,
    }),
    'window:open-projector': async (eventId) => {
      await projector?.open(eventId);
    },
    'window:open-sketch-projector': async (sketchId) => {
      await projector?.openSketch(sketchId);
    },
    'menu:set-language': (language) => {
      setMenu(language);
    },
  };
}

/** Builds and installs the native menu in `language`. */
function setMenu(language: Language): void {
  const template = buildMenuTemplate(
    language,
    { sendCommand },
    { platform: process.platform, devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Delivers a menu command to the main window's renderer, opening the window if needed. */
function sendCommand(command: MenuCommand): void {
  // Commands are for the main UI, also when the projector window has the focus.
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : createMainWindow();
  if (!win) {
    return;
  }
  focusWindow(win);
  const contents = win.webContents;
  if (contents.isLoading()) {
    contents.once('did-finish-load', () => sendMenuCommand(contents, command));
  } else {
    sendMenuCommand(contents, command);
  }
}

/** The one place windows are made: anything but the vetted web preferences is refused. */
function openWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow(assertSecureWindowOptions(options, preloadPath));
}

/** Opens the main window on the join URL, or on the pending deep link behind it. */
function createMainWindow(): BrowserWindow | null {
  if (!core) {
    return null;
  }
  const win = openWindow(mainWindowOptions(preloadPath));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) {
      mainWindow = null;
    }
  });
  const path = pendingPath;
  pendingPath = null;
  // The join URL carries the token once; the core answers with a cookie and a same-origin redirect.
  const url = path === null ? core.joinUrl : joinUrlWithPath(core.joinUrl, path);
  win.loadURL(url).catch((error: unknown) => {
    console.error(`Loading the UI failed: ${String(error)}`);
    win.show();
  });
  return win;
}

/** Shows an in-app path from a mitschrift:// link, now or once the core runs. */
function openPath(path: string): void {
  if (!core) {
    pendingPath = path;
    return;
  }
  if (!mainWindow || mainWindow.isDestroyed()) {
    pendingPath = path;
    createMainWindow();
    return;
  }
  focusWindow(mainWindow);
  mainWindow.loadURL(new URL(path, core.origin).toString()).catch((error: unknown) => {
    console.error(`Opening the link failed: ${String(error)}`);
  });
}

/** Brings the main window to the front, if there is one. */
function focusMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    focusWindow(mainWindow);
  }
}

/** Restores, shows and focuses one window. */
function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) {
    win.restore();
  }
  win.show();
  win.focus();
}

/** The only way out to the system browser; the guards already checked the URL, this checks again. */
function openInBrowser(url: string): Promise<void> {
  if (!isExternalLink(url)) {
    return Promise.reject(new Error('Only https: links open in the browser.'));
  }
  return shell.openExternal(url);
}
