import {
  clampView,
  type Point,
  type Rect,
  type Size,
  type View,
} from '../../../shared/sketch/viewTransform.js';

/**
 * Geometry of the minimap (pure, for tests): which scene area it shows, how tall it is, and how a
 * click in it moves the view.
 */

export const MINIMAP_WIDTH = 200;
const MINIMAP_MIN_HEIGHT = 70;
const MINIMAP_MAX_HEIGHT = 160;

/** Minimap height (CSS px) for the sheet or content box: its aspect ratio, within limits. */
export function minimapHeight(
  overview: Rect | null,
  width = MINIMAP_WIDTH,
  min = MINIMAP_MIN_HEIGHT,
  max = MINIMAP_MAX_HEIGHT,
): number {
  if (!overview || overview.width <= 0 || overview.height <= 0) {
    return Math.round((min + max) / 2);
  }
  return Math.round(Math.min(max, Math.max(min, (width * overview.height) / overview.width)));
}

/** The smallest rectangle around both (either may be null). */
export function unionRect(a: Rect | null, b: Rect | null): Rect | null {
  if (!a) {
    return b;
  }
  if (!b) {
    return a;
  }
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/**
 * The scene area the minimap shows: the sheet (or content) and the visible part of the scene,
 * with a margin, grown to the minimap's aspect ratio (centred), so nothing is distorted.
 */
export function minimapScene(overview: Rect | null, visible: Rect, size: Size, marginFraction = 0.04): Rect {
  const box = unionRect(overview, visible) ?? visible;
  const margin = Math.max(box.width, box.height) * marginFraction;
  let width = Math.max(1e-6, box.width + 2 * margin);
  let height = Math.max(1e-6, box.height + 2 * margin);
  const aspect = size.width / Math.max(1, size.height);
  if (width / height > aspect) {
    height = width / aspect;
  } else {
    width = height * aspect;
  }
  return {
    x: box.x + box.width / 2 - width / 2,
    y: box.y + box.height / 2 - height / 2,
    width,
    height,
  };
}

/** A scene rectangle in minimap pixels. */
export function sceneRectToMinimap(scene: Rect, size: Size, rect: Rect): Rect {
  const sx = size.width / scene.width;
  const sy = size.height / scene.height;
  return {
    x: (rect.x - scene.x) * sx,
    y: (rect.y - scene.y) * sy,
    width: rect.width * sx,
    height: rect.height * sy,
  };
}

/** The scene point under a minimap pixel. */
export function minimapToScene(scene: Rect, size: Size, p: Point): Point {
  return {
    x: scene.x + (p.x / Math.max(1, size.width)) * scene.width,
    y: scene.y + (p.y / Math.max(1, size.height)) * scene.height,
  };
}

/** The view with the same zoom that puts `centre` (scene units) in the middle of the viewport. */
export function centreViewOn(view: View, viewport: Size, centre: Point): View {
  return clampView(
    {
      zoom: view.zoom,
      x: viewport.width / 2 - centre.x * view.zoom,
      y: viewport.height / 2 - centre.y * view.zoom,
    },
    viewport,
  );
}
