import { describe, expect, it } from 'vitest';
import { followView, stepToward } from '../../../shared/sketch/viewFollow.js';
import { visibleSceneRect, type Size, type View } from '../../../shared/sketch/viewTransform.js';

const phone: Size = { width: 390, height: 700 };
const laptop: Size = { width: 1280, height: 720 };

/** Steps at `dtMs` until arrived (at most `limit` frames); the views on the way. */
function run(from: View, to: View, viewport: Size, dtMs: number, limit = 1000): View[] {
  const path: View[] = [];
  let view = from;
  for (let i = 0; i < limit; i++) {
    const step = stepToward(view, to, viewport, dtMs);
    view = step.view;
    path.push(view);
    if (step.arrived) {
      return path;
    }
  }
  throw new Error(`not arrived after ${limit} frames`);
}

describe('following a camera', () => {
  it("fits the recorder's rectangle whole into this screen's own aspect ratio, centred", () => {
    const wide = { x: 1000, y: 500, width: 1600, height: 900 };
    for (const viewport of [phone, laptop]) {
      const view = followView(wide, viewport);
      const seen = visibleSceneRect(view, viewport);
      // All of it visible, and one side exactly filling the screen.
      expect(seen.x).toBeLessThanOrEqual(wide.x + 1e-6);
      expect(seen.y).toBeLessThanOrEqual(wide.y + 1e-6);
      expect(seen.x + seen.width).toBeGreaterThanOrEqual(wide.x + wide.width - 1e-6);
      expect(seen.y + seen.height).toBeGreaterThanOrEqual(wide.y + wide.height - 1e-6);
      expect(Math.min(seen.width / wide.width, seen.height / wide.height)).toBeCloseTo(1, 9);
      expect(seen.x + seen.width / 2).toBeCloseTo(wide.x + wide.width / 2, 6);
      expect(seen.y + seen.height / 2).toBeCloseTo(wide.y + wide.height / 2, 6);
    }
    // On the phone (portrait) the width decides: 390 px for 1600 units.
    expect(followView(wide, phone).zoom).toBeCloseTo(390 / 1600, 9);
  });

  it('moves smoothly: each frame closer, never past the target, arriving exactly', () => {
    const from: View = { zoom: 0.25, x: 10, y: 20 };
    const to = followView({ x: 3000, y: 2000, width: 400, height: 300 }, laptop);
    const path = run(from, to, laptop, 16);
    expect(path.at(-1)).toEqual(to);
    const distance = (v: View): number => {
      const a = visibleSceneRect(v, laptop);
      const b = visibleSceneRect(to, laptop);
      return (
        Math.abs(Math.log(v.zoom / to.zoom)) +
        Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2) / 1000
      );
    };
    for (let i = 1; i < path.length; i++) {
      expect(distance(path[i]!)).toBeLessThan(distance(path[i - 1]!));
    }
    // The zoom moves monotonically from 0.25 up to the target's.
    const zooms = path.map((v) => v.zoom);
    expect(zooms.every((z, i) => i === 0 || z >= zooms[i - 1]!)).toBe(true);
    expect(Math.max(...zooms)).toBeLessThanOrEqual(to.zoom);
    // About a second at 60 frames per second (not a jump, not a crawl).
    expect(path.length).toBeGreaterThan(20);
    expect(path.length).toBeLessThan(120);
  });

  it('is independent of the frame rate', () => {
    const from: View = { zoom: 1, x: 0, y: 0 };
    const to: View = { zoom: 4, x: -2000, y: -900 };
    const once = stepToward(from, to, laptop, 16).view;
    const twice = stepToward(stepToward(from, to, laptop, 8).view, to, laptop, 8).view;
    expect(twice.zoom).toBeCloseTo(once.zoom, 9);
    expect(twice.x).toBeCloseTo(once.x, 6);
    expect(twice.y).toBeCloseTo(once.y, 6);
    // No time, no move; a long stall moves as far as a tenth of a second, never past the target.
    expect(stepToward(from, to, laptop, 0).view).toEqual(from);
    const stalled = stepToward(from, to, laptop, 60_000);
    expect(stalled.view.zoom).toBeLessThan(to.zoom);
    expect(stalled.view.zoom).toBeGreaterThan(from.zoom);
  });
});
