import type { BrowserWindowConstructorOptions } from 'electron';
import { sketchPresentPath, wallPath } from '../../shared/routes/deepLinks.js';

/**
 * The projector window: one at most, showing an event's wall or a sketchnote being drawn, full screen on an external display
 * when there is one. The Electron parts (screen, BrowserWindow) come in through
 * {@link ProjectorDeps} so the decisions are testable without a display server.
 */

/** The parts of Electron's Display the choice looks at. */
export interface DisplayLike {
  readonly id: number;
  readonly bounds: { x: number; y: number; width: number; height: number };
  /** True for a laptop's built-in panel. */
  readonly internal?: boolean;
}

/**
 * The display to project on: a non-primary display, preferring an external one over another
 * built-in panel; null when the primary display is the only one.
 */
export function pickProjectorDisplay<D extends DisplayLike>(
  displays: readonly D[],
  primaryId: number,
): D | null {
  const others = displays.filter((display) => display.id !== primaryId);
  return others.find((display) => display.internal !== true) ?? others[0] ?? null;
}

/** The parts of Electron's BrowserWindow the projector uses. */
export interface ProjectorWindowLike {
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

/** What the projector needs from Electron and from the running app. */
export interface ProjectorDeps<W extends ProjectorWindowLike> {
  appOrigin: string;
  displays(): readonly DisplayLike[];
  primaryDisplayId(): number;
  /** Base options (projectorWindowOptions); placement is added here. */
  baseOptions: BrowserWindowConstructorOptions;
  createWindow(options: BrowserWindowConstructorOptions): W;
}

/** Window options placing the projector on `display`, full screen; windowed when there is none. */
export function projectorPlacement(
  base: BrowserWindowConstructorOptions,
  display: DisplayLike | null,
): BrowserWindowConstructorOptions {
  if (!display) {
    return base;
  }
  const { x, y, width, height } = display.bounds;
  return { ...base, x, y, width, height, fullscreen: true };
}

/** Opens or focuses the projector window. */
export interface ProjectorController {
  /** Shows the wall of `eventId`, reusing the open projector window if there is one. */
  open(eventId: string): Promise<void>;
  /** Shows the sketchnote `sketchId` (mirrored live), reusing the open projector window if there is one. */
  openSketch(sketchId: string): Promise<void>;
}

/** Creates the controller that keeps at most one projector window. */
export function createProjectorController<W extends ProjectorWindowLike>(
  deps: ProjectorDeps<W>,
): ProjectorController {
  let current: W | null = null;
  const show = async (path: string): Promise<void> => {
    const url = new URL(path, deps.appOrigin).toString();
    if (current && !current.isDestroyed()) {
      await current.loadURL(url);
      current.focus();
      return;
    }
    const display = pickProjectorDisplay(deps.displays(), deps.primaryDisplayId());
    const win = deps.createWindow(projectorPlacement(deps.baseOptions, display));
    current = win;
    win.on('closed', () => {
      if (current === win) {
        current = null;
      }
    });
    win.once('ready-to-show', () => win.show());
    await win.loadURL(url);
  };
  return {
    open: (eventId) => show(wallPath(eventId)),
    openSketch: (sketchId) => show(sketchPresentPath(sketchId)),
  };
}
