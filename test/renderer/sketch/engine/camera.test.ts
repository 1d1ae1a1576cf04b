import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COORD_LIMIT } from '../../../../shared/sketch/sketchLayout.js';
import { bucketFor } from '../../../../shared/sketch/tileGrid.js';
import { MAX_ZOOM, MIN_ZOOM, type Rect, type View } from '../../../../shared/sketch/viewTransform.js';
import { Camera, KEY_ZOOM_STEP, ZOOM_SETTLE_MS } from '../../../../renderer/src/sketch/engine/Camera.js';
import type { ViewCause } from '../../../../renderer/src/sketch/engine/editorTypes.js';

/**
 * The engine's camera in Node: zooming keeps the point under the pointer fixed, steps are the sizes
 * people expect, fitting shows the sheet whole, views stay within limits, and the engine and the
 * listeners hear of every change once, in that order.
 */

/** An A3-landscape-ish sheet, as `sheetRect` gives it. */
const SHEET: Rect = { x: 0, y: 0, width: 4494, height: 3179 };

interface Harness {
  camera: Camera;
  /** What happened, in order: `moved`, `settled`, and `view:<cause>` from the listener. */
  events: string[];
  views: View[];
  target: { rect: Rect | null };
}

function harness(options: { size?: { width: number; height: number }; dpr?: number } = {}): Harness {
  const events: string[] = [];
  const views: View[] = [];
  const target: { rect: Rect | null } = { rect: SHEET };
  const camera = new Camera(
    {
      moved: () => events.push('moved'),
      settled: () => events.push('settled'),
      fitTarget: () => target.rect,
    },
    options.dpr ?? 1,
  );
  const size = options.size ?? { width: 1600, height: 900 };
  camera.resize(size, options.dpr ?? 1);
  camera.onChange((view: View, cause: ViewCause) => {
    events.push(`view:${cause}`);
    views.push(view);
  });
  return { camera, events, views, target };
}

function expectClose(actual: { x: number; y: number }, expected: { x: number; y: number }): void {
  expect(actual.x).toBeCloseTo(expected.x, 6);
  expect(actual.y).toBeCloseTo(expected.y, 6);
}

describe('Camera', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('zooming about a point keeps the scene point under it where it is', () => {
    const { camera } = harness();
    camera.set({ zoom: 0.7, x: 120, y: -40 });
    const at = { x: 1234, y: 321 };
    const before = camera.screenToScene(at);
    camera.zoomAt(at, 2.5);
    expect(camera.view.zoom).toBeCloseTo(1.75, 9);
    expectClose(camera.screenToScene(at), before);
    expectClose(camera.sceneToScreen(before), at);
  });

  it('a mouse wheel notch zooms by about 10 % about the pointer, both ways', () => {
    const { camera } = harness();
    camera.set({ zoom: 1, x: 0, y: 0 });
    const at = { x: 400, y: 300 };
    const anchor = camera.screenToScene(at);
    camera.wheelZoom(at, -100, 0);
    expect(camera.view.zoom).toBeGreaterThan(1.09);
    expect(camera.view.zoom).toBeLessThan(1.12);
    expectClose(camera.screenToScene(at), anchor);
    camera.wheelZoom(at, 100, 0);
    expect(camera.view.zoom).toBeCloseTo(1, 9);
    // A trackpad pinch's small delta stays proportional (well below a notch's step).
    camera.wheelZoom(at, -2, 0);
    expect(camera.view.zoom).toBeCloseTo(Math.exp(0.02), 9);
  });

  it('zoom keys and zoomBy step about the viewport centre', () => {
    const { camera } = harness();
    camera.set({ zoom: 1, x: 10, y: 20 });
    const centre = camera.centre();
    expect(centre).toEqual({ x: 800, y: 450 });
    const anchor = camera.screenToScene(centre);
    camera.keyZoom(1);
    expect(camera.view.zoom).toBeCloseTo(KEY_ZOOM_STEP, 9);
    expectClose(camera.screenToScene(centre), anchor);
    camera.keyZoom(-1);
    expect(camera.view.zoom).toBeCloseTo(1, 9);
    camera.zoomBy(0.5);
    expect(camera.view.zoom).toBeCloseTo(0.5, 9);
    expectClose(camera.screenToScene(centre), anchor);
  });

  it('a pinch step pans by the midpoint and zooms about where it is now', () => {
    const { camera } = harness();
    camera.set({ zoom: 1, x: 0, y: 0 });
    const from = { x: 500, y: 400 };
    const to = { x: 560, y: 380 };
    const grabbed = camera.screenToScene(from);
    camera.pinch(from, to, 1.5);
    expect(camera.view.zoom).toBeCloseTo(1.5, 9);
    // What was under the fingers stays under them.
    expectClose(camera.sceneToScreen(grabbed), to);
  });

  it('fit puts the whole sheet inside the viewport, centred, filling one side', () => {
    const { camera } = harness({ size: { width: 1600, height: 900 } });
    camera.fit();
    const topLeft = camera.sceneToScreen({ x: SHEET.x, y: SHEET.y });
    const bottomRight = camera.sceneToScreen({ x: SHEET.x + SHEET.width, y: SHEET.y + SHEET.height });
    expect(topLeft.x).toBeGreaterThanOrEqual(0);
    expect(topLeft.y).toBeGreaterThanOrEqual(0);
    expect(bottomRight.x).toBeLessThanOrEqual(1600);
    expect(bottomRight.y).toBeLessThanOrEqual(900);
    expectClose(
      { x: (topLeft.x + bottomRight.x) / 2, y: (topLeft.y + bottomRight.y) / 2 },
      { x: 800, y: 450 },
    );
    // The tighter side (height here) keeps a 16 px margin and no more.
    expect(topLeft.y).toBeCloseTo(16, 6);
    expect(900 - bottomRight.y).toBeCloseTo(16, 6);
  });

  it('fit shows the content on an endless canvas, and the plain viewport when nothing is drawn', () => {
    const { camera, target } = harness({ size: { width: 800, height: 600 } });
    target.rect = { x: 1000, y: 2000, width: 200, height: 100 };
    camera.fit();
    const area = camera.visibleArea();
    expect(area.x).toBeLessThanOrEqual(1000);
    expect(area.x + area.width).toBeGreaterThanOrEqual(1200);
    expect(area.y).toBeLessThanOrEqual(2000);
    expect(area.y + area.height).toBeGreaterThanOrEqual(2100);
    expect(camera.view.zoom).toBeCloseTo((800 - 32) / 200, 9);
    target.rect = null;
    camera.fit();
    expect(camera.view.zoom).toBeCloseTo(Math.min((800 - 32) / 800, (600 - 32) / 600), 9);
    expectClose(camera.sceneToScreen({ x: 400, y: 300 }), { x: 400, y: 300 });
  });

  it('keeps the zoom within limits and the visible centre within the coordinate range', () => {
    const { camera } = harness();
    camera.set({ zoom: 1e6, x: 0, y: 0 });
    expect(camera.view.zoom).toBe(MAX_ZOOM);
    camera.zoomAt({ x: 0, y: 0 }, 1e-9);
    expect(camera.view.zoom).toBe(MIN_ZOOM);
    camera.set({ zoom: Number.NaN, x: 0, y: 0 });
    expect(camera.view.zoom).toBe(1);
    camera.set({ zoom: 1, x: 0, y: 0 });
    camera.panBy(-10 * COORD_LIMIT, 10 * COORD_LIMIT);
    const centre = camera.screenToScene(camera.centre());
    expect(centre.x).toBeCloseTo(COORD_LIMIT / 2, 6);
    expect(centre.y).toBeCloseTo(-COORD_LIMIT / 2, 6);
  });

  it('tells the engine, then the listeners, once per change and never for no change', () => {
    const { camera, events, views } = harness();
    camera.set({ zoom: 2, x: 5, y: 6 });
    camera.set({ zoom: 2, x: 5, y: 6 });
    camera.panBy(10, 0);
    camera.panBy(0, 0);
    expect(events).toEqual(['moved', 'view:app', 'moved', 'view:person']);
    expect(views[1]).toEqual({ zoom: 2, x: 15, y: 6 });
    // Listeners get copies: changing one does not move the camera.
    views[1]!.x = 999;
    expect(camera.view.x).toBe(15);
  });

  it('a listener can unsubscribe', () => {
    const { camera, events } = harness();
    const heard: ViewCause[] = [];
    const off = camera.onChange((_, cause) => heard.push(cause));
    camera.panBy(1, 1);
    off();
    camera.panBy(1, 1);
    expect(heard).toEqual(['person']);
    expect(events.filter((e) => e.startsWith('view:'))).toHaveLength(2);
  });

  it('fits on the first resize with an area; later resizes keep the view and say so', () => {
    const events: string[] = [];
    const camera = new Camera(
      { moved: () => events.push('moved'), settled: () => undefined, fitTarget: () => SHEET },
      2,
    );
    camera.onChange((_, cause) => events.push(`view:${cause}`));
    // A hidden host: nothing to fit yet.
    expect(camera.resize({ width: 0, height: 0 }, 2)).toBe(false);
    camera.resized();
    expect(events).toEqual(['view:resize']);
    expect(camera.resize({ width: 1000, height: 800 }, 2)).toBe(true);
    camera.resized();
    expect(events).toEqual(['view:resize', 'moved', 'view:app']);
    const fitted = { ...camera.view };
    expect(camera.resize({ width: 1200, height: 800 }, 2)).toBe(true);
    camera.resized();
    expect(camera.view).toEqual(fitted);
    expect(events.at(-1)).toBe('view:resize');
    expect(camera.viewport).toEqual({ width: 1200, height: 800 });
    expect(camera.resize({ width: 1200, height: 800 }, 1)).toBe(true);
    expect(camera.dpr).toBe(1);
    expect(camera.resize({ width: 1200, height: 800 }, 1)).toBe(false);
  });

  it('an app view counts as fitted: a later first resize does not fit over it', () => {
    const camera = new Camera({ moved: () => undefined, settled: () => undefined, fitTarget: () => SHEET });
    camera.resize({ width: 100, height: 100 }, 1);
    camera.set({ zoom: 3, x: 1, y: 2 });
    camera.resize({ width: 900, height: 700 }, 1);
    camera.resized();
    expect(camera.view.zoom).toBe(3);
  });

  it('bakes at half-octave scales during a zoom gesture and tells the engine when it settles', () => {
    const { camera, events } = harness({ dpr: 2 });
    camera.set({ zoom: 1, x: 0, y: 0 });
    expect(camera.bakeScale(performance.now())).toBe(2);
    camera.wheelZoom({ x: 100, y: 100 }, -30, 0);
    const now = performance.now();
    expect(camera.inZoomGesture(now)).toBe(true);
    const deviceScale = camera.view.zoom * 2;
    expect(camera.bakeScale(now)).toBe(bucketFor(deviceScale));
    expect(camera.bakeScale(now)).not.toBe(deviceScale);
    // Another step restarts the settle timer.
    vi.advanceTimersByTime(ZOOM_SETTLE_MS - 50);
    camera.wheelZoom({ x: 100, y: 100 }, -30, 0);
    vi.advanceTimersByTime(ZOOM_SETTLE_MS - 50);
    expect(events).not.toContain('settled');
    vi.advanceTimersByTime(100);
    expect(events.filter((e) => e === 'settled')).toHaveLength(1);
    expect(camera.inZoomGesture(performance.now())).toBe(false);
    expect(camera.bakeScale(performance.now())).toBe(camera.view.zoom * 2);
  });

  it('a pan, or a zoom step that the limits stop, is no zoom gesture', () => {
    const { camera, events } = harness();
    camera.panBy(30, 30);
    camera.set({ zoom: MAX_ZOOM, x: 0, y: 0 });
    camera.zoomBy(2);
    expect(camera.inZoomGesture(performance.now())).toBe(false);
    vi.advanceTimersByTime(10 * ZOOM_SETTLE_MS);
    expect(events).not.toContain('settled');
  });

  it('dispose drops a pending settle', () => {
    const { camera, events } = harness();
    camera.zoomBy(1.5);
    camera.dispose();
    vi.advanceTimersByTime(10 * ZOOM_SETTLE_MS);
    expect(events).not.toContain('settled');
  });

  it('the visible area is the viewport in scene units', () => {
    const { camera } = harness({ size: { width: 1000, height: 500 } });
    camera.set({ zoom: 2, x: -100, y: 50 });
    const area = camera.visibleArea();
    expect(area.x).toBeCloseTo(50, 9);
    expect(area.y).toBeCloseTo(-25, 9);
    expect(area.width).toBeCloseTo(500, 9);
    expect(area.height).toBeCloseTo(250, 9);
  });
});
