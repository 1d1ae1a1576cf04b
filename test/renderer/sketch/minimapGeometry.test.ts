import { describe, expect, it } from 'vitest';
import { visibleSceneRect } from '../../../shared/sketch/viewTransform.js';
import {
  centreViewOn,
  minimapHeight,
  minimapScene,
  minimapToScene,
  sceneRectToMinimap,
  unionRect,
} from '../../../renderer/src/sketch/minimapGeometry.js';

describe('minimap geometry', () => {
  it('takes the aspect ratio of the sheet, within limits', () => {
    expect(minimapHeight({ x: 0, y: 0, width: 4494, height: 3179 })).toBe(141);
    expect(minimapHeight({ x: 0, y: 0, width: 6000, height: 2000 })).toBe(70);
    expect(minimapHeight({ x: 0, y: 0, width: 100, height: 1000 })).toBe(160);
    expect(minimapHeight(null)).toBe(115);
  });

  it('shows the sheet and the visible part, undistorted', () => {
    const sheet = { x: 0, y: 0, width: 1000, height: 500 };
    const size = { width: 200, height: 100 };
    const inside = minimapScene(sheet, { x: 100, y: 100, width: 200, height: 100 }, size, 0);
    expect(inside).toEqual(sheet);
    const outside = minimapScene(sheet, { x: 1500, y: 0, width: 500, height: 250 }, size, 0);
    expect(outside.x).toBe(0);
    expect(outside.width).toBe(2000);
    expect(outside.width / outside.height).toBeCloseTo(2);
    expect(unionRect(null, sheet)).toBe(sheet);
  });

  it('maps between the minimap and the scene', () => {
    const scene = { x: -100, y: -50, width: 1000, height: 500 };
    const size = { width: 200, height: 100 };
    expect(sceneRectToMinimap(scene, size, { x: 400, y: 200, width: 100, height: 50 })).toEqual({
      x: 100,
      y: 50,
      width: 20,
      height: 10,
    });
    expect(minimapToScene(scene, size, { x: 100, y: 50 })).toEqual({ x: 400, y: 200 });
  });

  it('recentres the view keeping the zoom', () => {
    const viewport = { width: 800, height: 600 };
    const view = centreViewOn({ zoom: 2, x: 0, y: 0 }, viewport, { x: 500, y: 300 });
    expect(view.zoom).toBe(2);
    const visible = visibleSceneRect(view, viewport);
    expect(visible.x + visible.width / 2).toBeCloseTo(500);
    expect(visible.y + visible.height / 2).toBeCloseTo(300);
  });
});
