import { COORD_LIMIT } from './sketchLayout.js';

/**
 * The view of a sketch: a uniform zoom and a pan, mapping scene units to CSS pixels of the canvas:
 *
 *   screenX = sceneX · zoom + x,   screenY = sceneY · zoom + y
 *
 * Pure functions, shared by the ink engine, the later fabric object layer (as the matrix
 * `[zoom, 0, 0, zoom, x, y]`, fabric's `viewportTransform`) and tests.
 */
export interface View {
  zoom: number;
  x: number;
  y: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_ZOOM = 1 / 64;
export const MAX_ZOOM = 32;

export function sceneToScreen(view: View, p: Point): Point {
  return { x: p.x * view.zoom + view.x, y: p.y * view.zoom + view.y };
}

export function screenToScene(view: View, p: Point): Point {
  return { x: (p.x - view.x) / view.zoom, y: (p.y - view.y) / view.zoom };
}

/** The 2D affine matrix [a, b, c, d, e, f] of the view (canvas `setTransform`, fabric's viewportTransform). */
export function viewMatrix(view: View): [number, number, number, number, number, number] {
  return [view.zoom, 0, 0, view.zoom, view.x, view.y];
}

/** Keeps the zoom within limits and the visible centre within the coordinate range. */
export function clampView(view: View, viewport: Size): View {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(view.zoom) ? view.zoom : 1));
  const centre = screenToScene(
    { zoom, x: view.x, y: view.y },
    { x: viewport.width / 2, y: viewport.height / 2 },
  );
  const limit = COORD_LIMIT / 2;
  const cx = Math.min(limit, Math.max(-limit, Number.isFinite(centre.x) ? centre.x : 0));
  const cy = Math.min(limit, Math.max(-limit, Number.isFinite(centre.y) ? centre.y : 0));
  return { zoom, x: viewport.width / 2 - cx * zoom, y: viewport.height / 2 - cy * zoom };
}

/** Moves the view by a screen distance. */
export function panBy(view: View, dx: number, dy: number, viewport: Size): View {
  return clampView({ zoom: view.zoom, x: view.x + dx, y: view.y + dy }, viewport);
}

/** Zooms by `factor` keeping the scene point under `screenPoint` where it is. */
export function zoomAt(view: View, screenPoint: Point, factor: number, viewport: Size): View {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom * factor));
  const anchor = screenToScene(view, screenPoint);
  return clampView(
    { zoom, x: screenPoint.x - anchor.x * zoom, y: screenPoint.y - anchor.y * zoom },
    viewport,
  );
}

/** Sets an absolute zoom around a screen point. */
export function zoomTo(view: View, screenPoint: Point, zoom: number, viewport: Size): View {
  return zoomAt(view, screenPoint, zoom / view.zoom, viewport);
}

/** The view that shows `rect` whole and centred, with `margin` CSS pixels around it. */
export function fitRect(rect: Rect, viewport: Size, margin = 16): View {
  const width = Math.max(1, viewport.width - 2 * margin);
  const height = Math.max(1, viewport.height - 2 * margin);
  const zoom = Math.min(
    MAX_ZOOM,
    Math.max(MIN_ZOOM, Math.min(width / Math.max(rect.width, 1e-6), height / Math.max(rect.height, 1e-6))),
  );
  return clampView(
    {
      zoom,
      x: viewport.width / 2 - (rect.x + rect.width / 2) * zoom,
      y: viewport.height / 2 - (rect.y + rect.height / 2) * zoom,
    },
    viewport,
  );
}

/** The scene rectangle the viewport shows. */
export function visibleSceneRect(view: View, viewport: Size): Rect {
  return {
    x: -view.x / view.zoom,
    y: -view.y / view.zoom,
    width: viewport.width / view.zoom,
    height: viewport.height / view.zoom,
  };
}

/**
 * Most pixels of wheel delta one event counts. A mouse notch reports 100-120 px and must step about
 * 10 % (as tldraw and Excalidraw do), while a trackpad pinch, which Chromium reports as ctrl+wheel
 * with deltas of a few pixels, stays proportional below the cap.
 */
const WHEEL_ZOOM_MAX_PIXELS = 10;

/** Zoom factor of one wheel event: ctrl+wheel (and trackpad pinch, which Chromium reports as it) zooms. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const capped = Math.max(-WHEEL_ZOOM_MAX_PIXELS, Math.min(WHEEL_ZOOM_MAX_PIXELS, pixels));
  return Math.exp(-capped * 0.01);
}

/** Whether two rectangles overlap (touching edges do not count). */
export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
