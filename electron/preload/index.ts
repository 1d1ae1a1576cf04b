import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  DESKTOP_API_KEY,
  menuCommandSchema,
  type AppInfo,
  type DesktopApi,
  type IpcArgs,
  type IpcInvokeChannel,
  type IpcResult,
  type Language,
  type MenuCommand,
} from '../../shared/ipc/contract.js';

/**
 * The sandboxed preload: it exposes exactly {@link DesktopApi} and nothing else (checklist item 20).
 * Each method calls one fixed channel; the renderer never gets ipcRenderer, a channel name or an
 * event object. Main validates every argument again, so this file only shapes the calls.
 */

/** Invokes one contract channel with its typed arguments; private to this module on purpose. */
function invoke<C extends IpcInvokeChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResult<C>>;
}

/** Version and data folder of the desktop app. */
function getAppInfo(): Promise<AppInfo> {
  return invoke('app:info');
}

/** Opens (or focuses) the projector window on an event's wall view. */
async function openProjector(eventId: string): Promise<void> {
  await invoke('window:open-projector', eventId);
}

/** Switches the native menu's language. */
async function setMenuLanguage(language: Language): Promise<void> {
  await invoke('menu:set-language', language);
}

/** Subscribes to native menu commands; returns the unsubscribe function. */
function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  // The renderer gets the validated command only, never the IpcRendererEvent (which carries sender).
  const relay = (_event: IpcRendererEvent, command: unknown): void => {
    const parsed = menuCommandSchema.safeParse(command);
    if (parsed.success) {
      listener(parsed.data);
    }
  };
  ipcRenderer.on('menu:command', relay);
  return () => {
    ipcRenderer.removeListener('menu:command', relay);
  };
}

/** Opens (or focuses) the projector window on a sketchnote. */
async function openSketchProjector(sketchId: string): Promise<void> {
  await invoke('window:open-sketch-projector', sketchId);
}

const api: DesktopApi = { getAppInfo, openProjector, openSketchProjector, setMenuLanguage, onMenuCommand };

contextBridge.exposeInMainWorld(DESKTOP_API_KEY, api);
