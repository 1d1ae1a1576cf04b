import { fitRect, screenToScene, type Rect, type Size, type View } from './viewTransform.js';

/**
 * Following someone's camera smoothly (a viewer or the projector following the recorder): the
 * target is the recorder's visible rectangle fitted into this screen's own aspect ratio, and each
 * frame moves part of the way there, the zoom on a log scale (so zooming by 8x takes as long as
 * 1/8x) and the centre in scene units. Frame-rate independent: two 8 ms steps land where one 16 ms
 * step does. Pure, so tests drive it without a browser.
 */

/** Time constant of the move: after this long about 63 % of the way is done, after 4x about 98 %. */
const FOLLOW_TIME_CONSTANT_MS = 120;
/** A longer gap between frames (a background tab, a stalled frame) counts as this much. */
const MAX_STEP_MS = 100;
/** Close enough to snap: the centre within half a pixel, the zoom within 0.1 %. */
const ARRIVED_PX = 0.5;
const ARRIVED_LOG_ZOOM = 0.001;

/** The view that shows `rect` (someone's visible scene rectangle) whole and centred in `viewport`. */
export function followView(rect: Rect, viewport: Size): View {
  return fitRect(rect, viewport, 0);
}

/** One frame of the move from `current` towards `target`, `dtMs` after the last; `arrived` once there. */
export function stepToward(
  current: View,
  target: View,
  viewport: Size,
  dtMs: number,
  timeConstantMs = FOLLOW_TIME_CONSTANT_MS,
): { view: View; arrived: boolean } {
  const middle = { x: viewport.width / 2, y: viewport.height / 2 };
  const from = screenToScene(current, middle);
  const to = screenToScene(target, middle);
  const fromLog = Math.log(current.zoom);
  const toLog = Math.log(target.zoom);
  const k = 1 - Math.exp(-Math.min(MAX_STEP_MS, Math.max(0, dtMs)) / timeConstantMs);
  const logZoom = fromLog + (toLog - fromLog) * k;
  const zoom = Math.exp(logZoom);
  const cx = from.x + (to.x - from.x) * k;
  const cy = from.y + (to.y - from.y) * k;
  const arrived =
    Math.abs(toLog - logZoom) < ARRIVED_LOG_ZOOM &&
    Math.hypot(to.x - cx, to.y - cy) * target.zoom < ARRIVED_PX;
  if (arrived) {
    return { view: { ...target }, arrived: true };
  }
  return { view: { zoom, x: middle.x - cx * zoom, y: middle.y - cy * zoom }, arrived: false };
}
