import { z } from 'zod';
import { idSchema } from '../docs/docName.js';

/**
 * The IPC contract between the Electron main process and the preload bridge. Main validates every
 * argument with `args`; the renderer only ever sees {@link DesktopApi} through `window.mitschrift`.
 * Everything else the renderer needs goes over HTTP and y-websocket to the core, as in a browser.
 */

/** The UI languages. */
export const languageSchema = z.enum(['de', 'en']);
/** A UI language. */
export type Language = z.infer<typeof languageSchema>;

/** Facts about the desktop host, shown in Settings. */
const appInfoSchema = z.object({
  version: z.string(),
  electron: z.string(),
  platform: z.string(),
  dataDir: z.string(),
});
/** Facts about the desktop host. */
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Commands the native menu sends to the renderer. */
export const menuCommandSchema = z.enum(['new-event', 'open-events', 'open-settings']);
/** A native menu command. */
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** Invoke channels (renderer → main), each with its argument tuple and result schema. */
export const ipcInvokeContract = {
  'app:info': { args: z.tuple([]), result: appInfoSchema },
  'window:open-projector': { args: z.tuple([idSchema]), result: z.void() },
  'window:open-sketch-projector': { args: z.tuple([idSchema]), result: z.void() },
  'menu:set-language': { args: z.tuple([languageSchema]), result: z.void() },
} as const;

/** The name of an invoke channel. */
export type IpcInvokeChannel = keyof typeof ipcInvokeContract;
/** The argument tuple of an invoke channel. */
export type IpcArgs<C extends IpcInvokeChannel> = z.infer<(typeof ipcInvokeContract)[C]['args']>;
/** The result of an invoke channel. */
export type IpcResult<C extends IpcInvokeChannel> = z.infer<(typeof ipcInvokeContract)[C]['result']>;

/** The name under which the preload exposes {@link DesktopApi} on `window`. */
export const DESKTOP_API_KEY = 'mitschrift';

/** What the desktop shell adds to the browser UI. The renderer feature-detects it. */
export interface DesktopApi {
  /** Version and data folder of the desktop app. */
  getAppInfo(): Promise<AppInfo>;
  /** Opens (or focuses) the projector window on an event's wall view. */
  openProjector(eventId: string): Promise<void>;
  /** Opens (or focuses) the projector window on a sketchnote, mirrored live while it is drawn. */
  openSketchProjector(sketchId: string): Promise<void>;
  /** Switches the native menu's language. */
  setMenuLanguage(language: Language): Promise<void>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The names of the DesktopApi methods, for tests that compare the bridge with the contract. */
export const DESKTOP_API_METHODS = [
  'getAppInfo',
  'openProjector',
  'openSketchProjector',
  'setMenuLanguage',
  'onMenuCommand',
] as const;
