import { describe, expect, it } from 'vitest';
import {
  clampView,
  fitRect,
  MAX_ZOOM,
  MIN_ZOOM,
  panBy,
  sceneToScreen,
  screenToScene,
  viewMatrix,
  visibleSceneRect,
  wheelZoomFactor,
  zoomAt,
  type View,
} from '../../../shared/sketch/viewTransform.js';

const viewport = { width: 1600, height: 900 };

describe('view transform', () => {
  it('maps scene to screen and back', () => {
    const view: View = { zoom: 2.5, x: -300, y: 120 };
    for (const p of [
      { x: 0, y: 0 },
      { x: 4494, y: 3179 },
      { x: -12.5, y: 7.25 },
    ]) {
      const back = screenToScene(view, sceneToScreen(view, p));
      expect(back.x).toBeCloseTo(p.x, 9);
      expect(back.y).toBeCloseTo(p.y, 9);
    }
    expect(sceneToScreen(view, { x: 100, y: 100 })).toEqual({ x: -50, y: 370 });
    expect(viewMatrix(view)).toEqual([2.5, 0, 0, 2.5, -300, 120]);
  });

  it('zooms around the pointer: the scene point under it stays put', () => {
    const view: View = { zoom: 0.8, x: 40, y: -60 };
    const at = { x: 1234, y: 567 };
    const before = screenToScene(view, at);
    const zoomed = zoomAt(view, at, 1.7, viewport);
    expect(zoomed.zoom).toBeCloseTo(1.36, 12);
    const after = screenToScene(zoomed, at);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });

  it('clamps zoom and keeps the centre within the coordinate range', () => {
    expect(zoomAt({ zoom: 1, x: 0, y: 0 }, { x: 0, y: 0 }, 1e6, viewport).zoom).toBe(MAX_ZOOM);
    expect(zoomAt({ zoom: 1, x: 0, y: 0 }, { x: 0, y: 0 }, 1e-6, viewport).zoom).toBe(MIN_ZOOM);
    const far = clampView({ zoom: 1, x: -1e9, y: 1e9 }, viewport);
    const centre = screenToScene(far, { x: 800, y: 450 });
    expect(Math.abs(centre.x)).toBeLessThanOrEqual(2 ** 19);
    expect(Math.abs(centre.y)).toBeLessThanOrEqual(2 ** 19);
    expect(clampView({ zoom: NaN, x: NaN, y: 0 }, viewport).zoom).toBe(1);
  });

  it('fits a sheet whole and centred, with a margin', () => {
    const sheet = { x: 0, y: 0, width: 4494, height: 3179 };
    const view = fitRect(sheet, viewport, 16);
    const shown = visibleSceneRect(view, viewport);
    expect(shown.x).toBeLessThanOrEqual(0);
    expect(shown.y).toBeLessThanOrEqual(0);
    expect(shown.x + shown.width).toBeGreaterThanOrEqual(4494);
    expect(shown.y + shown.height).toBeGreaterThanOrEqual(3179);
    // Height limits: 868 px for 3179 units.
    expect(view.zoom).toBeCloseTo(868 / 3179, 9);
    const centre = sceneToScreen(view, { x: 2247, y: 1589.5 });
    expect(centre.x).toBeCloseTo(800, 9);
    expect(centre.y).toBeCloseTo(450, 9);
  });

  it('pans by screen pixels', () => {
    expect(panBy({ zoom: 2, x: 10, y: 20 }, 5, -7, viewport)).toEqual({ zoom: 2, x: 15, y: 13 });
  });

  it('turns wheel deltas into zoom factors: a mouse notch steps about 10 %, a pinch stays proportional', () => {
    // A mouse notch (100 px, 3 lines, a page) zooms by about 10 %, never the x2.7 it once did.
    expect(wheelZoomFactor(-100, 0)).toBeCloseTo(Math.exp(0.1), 9);
    expect(wheelZoomFactor(100, 0)).toBeCloseTo(Math.exp(-0.1), 9);
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(Math.exp(0.1), 9);
    expect(wheelZoomFactor(1, 2)).toBeCloseTo(Math.exp(-0.1), 9);
    expect(wheelZoomFactor(-1e6, 0)).toBeCloseTo(Math.exp(0.1), 9);
    // A trackpad pinch reports a few pixels per event: proportional, and in and out cancel.
    expect(wheelZoomFactor(-4, 0)).toBeCloseTo(Math.exp(0.04), 9);
    expect(wheelZoomFactor(-4, 0) * wheelZoomFactor(4, 0)).toBeCloseTo(1, 12);
    // Six notches from 100 % stay well inside 50 %..200 %.
    expect(Math.pow(wheelZoomFactor(-120, 0), 6)).toBeLessThan(2);
    expect(wheelZoomFactor(0, 0)).toBe(1);
  });
});
