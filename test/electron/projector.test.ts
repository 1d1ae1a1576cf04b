import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createProjectorController,
  pickProjectorDisplay,
  projectorPlacement,
  type DisplayLike,
  type ProjectorWindowLike,
} from '../../electron/main/projector.js';
import { projectorWindowOptions } from '../../electron/main/windowOptions.js';
import { APP_ORIGIN } from './fakes.js';

const bounds = (x: number) => ({ x, y: 0, width: 1920, height: 1080 });
const laptop: DisplayLike = { id: 1, bounds: bounds(0), internal: true };
const beamer: DisplayLike = { id: 2, bounds: bounds(1920), internal: false };
const secondPanel: DisplayLike = { id: 3, bounds: bounds(3840), internal: true };

describe('pickProjectorDisplay', () => {
  it('returns null with a single display', () => {
    expect(pickProjectorDisplay([laptop], 1)).toBeNull();
    expect(pickProjectorDisplay([], 1)).toBeNull();
  });

  it('picks the non-primary display', () => {
    expect(pickProjectorDisplay([laptop, beamer], 1)).toBe(beamer);
    expect(pickProjectorDisplay([beamer, laptop], 1)).toBe(beamer);
  });

  it('never picks the primary display, even when it is the external one', () => {
    expect(pickProjectorDisplay([laptop, beamer], 2)).toBe(laptop);
  });

  it('prefers an external display over another built-in panel', () => {
    expect(pickProjectorDisplay([laptop, secondPanel, beamer], 1)).toBe(beamer);
  });

  it('treats displays without the internal flag as external', () => {
    const unknown: DisplayLike = { id: 9, bounds: bounds(0) };
    expect(pickProjectorDisplay([laptop, secondPanel, unknown], 1)).toBe(unknown);
  });
});

describe('projectorPlacement', () => {
  const base = projectorWindowOptions('/preload.cjs');

  it('covers the chosen display full screen', () => {
    expect(projectorPlacement(base, beamer)).toMatchObject({ ...beamer.bounds, fullscreen: true });
  });

  it('keeps the base window options without a display', () => {
    expect(projectorPlacement(base, null)).toEqual(base);
  });

  it('never touches webPreferences', () => {
    expect(projectorPlacement(base, beamer).webPreferences).toEqual(base.webPreferences);
  });
});

class FakeWindow implements ProjectorWindowLike {
  destroyed = false;
  readonly loaded: string[] = [];
  readonly handlers = new Map<string, () => void>();
  constructor(readonly options: BrowserWindowConstructorOptions) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show = vi.fn();
  focus = vi.fn();
  once(event: string, listener: () => void): this {
    this.handlers.set(event, listener);
    return this;
  }
  on(event: string, listener: () => void): this {
    this.handlers.set(event, listener);
    return this;
  }
}

function controller(displays: DisplayLike[]) {
  const windows: FakeWindow[] = [];
  const projector = createProjectorController({
    appOrigin: APP_ORIGIN,
    displays: () => displays,
    primaryDisplayId: () => 1,
    baseOptions: projectorWindowOptions('/preload.cjs'),
    createWindow: (options) => {
      const win = new FakeWindow(options);
      windows.push(win);
      return win;
    },
  });
  return { projector, windows };
}

describe('projector controller', () => {
  it('opens the wall of the event on the external display', async () => {
    const { projector, windows } = controller([laptop, beamer]);
    await projector.open('abc');
    expect(windows).toHaveLength(1);
    expect(windows[0]?.loaded).toEqual([`${APP_ORIGIN}/wall/abc`]);
    expect(windows[0]?.options).toMatchObject({ x: 1920, fullscreen: true });
    windows[0]?.handlers.get('ready-to-show')?.();
    expect(windows[0]?.show).toHaveBeenCalled();
  });

  it('shows a sketchnote in the same projector window', async () => {
    const { projector, windows } = controller([laptop, beamer]);
    await projector.open('abc');
    await projector.openSketch('sketch-1');
    expect(windows).toHaveLength(1);
    expect(windows[0]?.loaded).toEqual([`${APP_ORIGIN}/wall/abc`, `${APP_ORIGIN}/sketch/sketch-1/present`]);
  });

  it('opens a normal window when there is only one display', async () => {
    const { projector, windows } = controller([laptop]);
    await projector.open('abc');
    expect(windows[0]?.options.fullscreen).toBeUndefined();
  });

  it('reuses and focuses the open projector window for another event', async () => {
    const { projector, windows } = controller([laptop, beamer]);
    await projector.open('abc');
    await projector.open('def');
    expect(windows).toHaveLength(1);
    expect(windows[0]?.loaded).toEqual([`${APP_ORIGIN}/wall/abc`, `${APP_ORIGIN}/wall/def`]);
    expect(windows[0]?.focus).toHaveBeenCalled();
  });

  it('opens a new window after the old one was closed', async () => {
    const { projector, windows } = controller([laptop, beamer]);
    await projector.open('abc');
    windows[0]?.handlers.get('closed')?.();
    await projector.open('abc');
    expect(windows).toHaveLength(2);
  });

  it('stays on the app origin: the id is path-encoded, never a URL of its own', async () => {
    const { projector, windows } = controller([laptop]);
    await projector.open('../../evil');
    expect(new URL(windows[0]?.loaded[0] ?? '').origin).toBe(APP_ORIGIN);
  });
});
