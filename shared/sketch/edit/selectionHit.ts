import type { SketchObject } from '../objects/objectCodec.js';
import type { Box } from '../objects/geometry.js';
import { localToScene } from '../objects/geometry.js';
import { objectGeometry, type ObjectLookup, type Polyline } from '../objects/handDrawn.js';
import { kindOf } from '../objects/kinds/index.js';

/**
 * Hit tests for selecting and erasing: which strokes and objects a click, a lasso, a selection box
 * or an eraser swipe touches. Everything is in scene units, pure arithmetic on flat number arrays
 * (x, y pairs for paths and polygons; x, y, pressure triples for stroke points), so it runs in a
 * worker or a test as well as in the renderer.
 *
 * A "path" is a polyline of one or more points. Distances are measured segment to segment, not
 * point to point: pointer events arrive tens of units apart when the hand moves fast, and a swipe
 * whose two samples lie on both sides of a thin line must still touch it.
 */

/** Squared distance from the point (px, py) to the segment (ax, ay)–(bx, by). */
export function pointSegmentDistanceSq(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const vx = bx - ax;
  const vy = by - ay;
  const lengthSq = vx * vx + vy * vy;
  let t = lengthSq > 0 ? ((px - ax) * vx + (py - ay) * vy) / lengthSq : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const dx = ax + t * vx - px;
  const dy = ay + t * vy - py;
  return dx * dx + dy * dy;
}

/** Squared distance between the segments a–b and c–d (0 when they cross). */
export function segmentDistanceSq(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): number {
  // A proper crossing has each segment's ends strictly on both sides of the other; touching and
  // collinear cases come out as 0 from the end-point distances below.
  const o1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const o2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
  const o3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
  const o4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
  if (((o1 < 0 && o2 > 0) || (o1 > 0 && o2 < 0)) && ((o3 < 0 && o4 > 0) || (o3 > 0 && o4 < 0))) {
    return 0;
  }
  return Math.min(
    pointSegmentDistanceSq(ax, ay, cx, cy, dx, dy),
    pointSegmentDistanceSq(bx, by, cx, cy, dx, dy),
    pointSegmentDistanceSq(cx, cy, ax, ay, bx, by),
    pointSegmentDistanceSq(dx, dy, ax, ay, bx, by),
  );
}

/** The bounding box of a flat x, y path as [minX, minY, maxX, maxY]; null for no points. */
function pathBounds(path: ReadonlyArray<number>): [number, number, number, number] | null {
  const n = Math.floor(path.length / 2);
  if (n < 1) {
    return null;
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n * 2; i += 2) {
    const x = path[i] ?? 0;
    const y = path[i + 1] ?? 0;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Whether a polyline (`count` points, `stride` numbers per point, x and y first) comes within
 * `reach` of a path (flat x, y pairs). One point on either side counts as a degenerate segment.
 */
export function polylineNearPath(
  coords: ArrayLike<number>,
  stride: number,
  count: number,
  closed: boolean,
  path: ReadonlyArray<number>,
  reach: number,
): boolean {
  const bounds = pathBounds(path);
  const n = Math.min(count, Math.floor(coords.length / stride));
  if (!bounds || n < 1 || !(reach >= 0)) {
    return false;
  }
  const [minX, minY, maxX, maxY] = bounds;
  const pathCount = Math.floor(path.length / 2);
  const pathSegments = Math.max(1, pathCount - 1);
  const reachSq = reach * reach;
  const segments = n === 1 ? 1 : closed && n > 2 ? n : n - 1;
  for (let s = 0; s < segments; s++) {
    const i = s * stride;
    const j = ((s + 1) % n) * stride;
    const ax = coords[i] ?? 0;
    const ay = coords[i + 1] ?? 0;
    const bx = n === 1 ? ax : (coords[j] ?? 0);
    const by = n === 1 ? ay : (coords[j + 1] ?? 0);
    // Most segments of a long stroke are far from a short eraser path: skip them by box first.
    if (
      Math.min(ax, bx) > maxX + reach ||
      Math.max(ax, bx) < minX - reach ||
      Math.min(ay, by) > maxY + reach ||
      Math.max(ay, by) < minY - reach
    ) {
      continue;
    }
    for (let k = 0; k < pathSegments; k++) {
      const cx = path[k * 2] ?? 0;
      const cy = path[k * 2 + 1] ?? 0;
      const last = pathCount === 1 ? k : k + 1;
      const dx = path[last * 2] ?? 0;
      const dy = path[last * 2 + 1] ?? 0;
      if (segmentDistanceSq(ax, ay, bx, by, cx, cy, dx, dy) <= reachSq) {
        return true;
      }
    }
  }
  return false;
}

/** Whether (x, y) lies inside a polygon of flat x, y pairs (even-odd rule; closed implicitly). */
export function pointInPolygon(x: number, y: number, polygon: ReadonlyArray<number>): boolean {
  const n = Math.floor(polygon.length / 2);
  if (n < 3) {
    return false;
  }
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = polygon[i * 2] ?? 0;
    const yi = polygon[i * 2 + 1] ?? 0;
    const xj = polygon[j * 2] ?? 0;
    const yj = polygon[j * 2 + 1] ?? 0;
    // Half-open in y, so a vertex exactly at y is counted once, not twice.
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** The share of a stroke's points a lasso must hold for the stroke to count as lassoed. */
const LASSO_STROKE_SHARE = 0.9;

/**
 * Whether at least 90% of a stroke's points lie inside a lasso: a hand-drawn lasso often clips a
 * stroke's tail, and asking for every point would make lasso selection feel broken.
 */
export function strokeInLasso(xyp: ArrayLike<number>, count: number, lasso: ReadonlyArray<number>): boolean {
  const n = Math.min(count, Math.floor(xyp.length / 3));
  const bounds = pathBounds(lasso);
  if (n < 1 || !bounds || lasso.length < 6) {
    return false;
  }
  const [minX, minY, maxX, maxY] = bounds;
  const needed = Math.ceil(n * LASSO_STROKE_SHARE - 1e-9);
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const x = xyp[i * 3] ?? 0;
    const y = xyp[i * 3 + 1] ?? 0;
    if (x >= minX && x <= maxX && y >= minY && y <= maxY && pointInPolygon(x, y, lasso)) {
      inside += 1;
      if (inside >= needed) {
        return true;
      }
    } else if (i + 1 - inside > n - needed) {
      // Too many points outside already: the rest cannot make up for it.
      return false;
    }
  }
  return inside >= needed;
}

/** Whether all four corners of a box lie inside a lasso (how a lasso selects objects). */
export function boxInLasso(box: Box, lasso: ReadonlyArray<number>): boolean {
  const { x, y, width, height } = box;
  return (
    pointInPolygon(x, y, lasso) &&
    pointInPolygon(x + width, y, lasso) &&
    pointInPolygon(x + width, y + height, lasso) &&
    pointInPolygon(x, y + height, lasso)
  );
}

/** Whether `inner` lies wholly within `outer` (box selection takes only enclosed items, as Excalidraw). */
export function boxContains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Whether a click at (x, y) within `tolerance` touches a stroke's ink (its centre line ± radius). */
export function hitTestStroke(
  xyp: ArrayLike<number>,
  count: number,
  strokeRadius: number,
  x: number,
  y: number,
  tolerance: number,
): boolean {
  return polylineNearPath(xyp, 3, count, false, [x, y], Math.max(0, strokeRadius) + Math.max(0, tolerance));
}

/** The four corners of an object's rotated box as a flat polygon. */
function rotatedBoxPolygon(object: Pick<SketchObject, 'x' | 'y' | 'w' | 'h' | 'angle'>): number[] {
  return [
    ...localToScene(object, 0, 0),
    ...localToScene(object, object.w, 0),
    ...localToScene(object, object.w, object.h),
    ...localToScene(object, 0, object.h),
  ];
}

/** What of an object can be hit: filled areas (inside counts) and lines (near counts). */
interface HitShapes {
  areas: number[][];
  lines: Array<{ points: number[]; closed: boolean; halfWidth: number }>;
}

/**
 * The hit shapes of an object. Filled shapes are hit inside, unfilled ones only near their lines,
 * as in Excalidraw; text and images are hit anywhere in their rotated box. A hatched fill counts as
 * filled (to the eye it is), its area taken from the outline; an object with nothing visible at all
 * (no fill, no stroke) keeps its box outline, or it could never be clicked again.
 */
function hitShapes(object: SketchObject, lookup?: ObjectLookup): HitShapes {
  if (kindOf(object).hitsWholeBox === true) {
    return { areas: [rotatedBoxPolygon(object)], lines: [] };
  }
  const geometry = objectGeometry(object, lookup);
  const halfWidth = object.strokeWidth / 2;
  const shapes: HitShapes = {
    areas: geometry.solids.map((p) => p.points),
    lines: [
      ...geometry.strokes.map((p: Polyline) => ({ points: p.points, closed: p.closed, halfWidth })),
      ...geometry.solids.map((p) => ({ points: p.points, closed: true, halfWidth: 0 })),
    ],
  };
  if (geometry.fill) {
    shapes.areas.push(geometry.fill.points);
  } else if (object.fillColour !== null && geometry.hatches.length > 0) {
    const outline = geometry.strokes[0]?.points;
    const closedLine = object.kind === 'line' && object.closed === true;
    if (outline && (closedLine || !('points' in object))) {
      shapes.areas.push(outline);
    } else if (!('points' in object)) {
      shapes.areas.push(rotatedBoxPolygon(object));
    }
  }
  if (shapes.areas.length === 0 && shapes.lines.length === 0 && !('points' in object)) {
    shapes.lines.push({ points: rotatedBoxPolygon(object), closed: true, halfWidth: 0 });
  }
  return shapes;
}

/**
 * Whether a path (flat x, y pairs, one point or more) comes within `radius` of what an object
 * draws: inside a filled area or a text/image box, or near an outline (its stroke width included).
 */
export function pathHitsObject(
  object: SketchObject,
  path: ReadonlyArray<number>,
  radius: number,
  lookup?: ObjectLookup,
): boolean {
  const pathCount = Math.floor(path.length / 2);
  if (pathCount < 1) {
    return false;
  }
  const reach = Math.max(0, radius);
  const shapes = hitShapes(object, lookup);
  for (const area of shapes.areas) {
    for (let i = 0; i < pathCount; i++) {
      if (pointInPolygon(path[i * 2] ?? 0, path[i * 2 + 1] ?? 0, area)) {
        return true;
      }
    }
    // A path can cross an area without a point inside it: then it meets the area's edge.
    if (polylineNearPath(area, 2, area.length / 2, true, path, reach)) {
      return true;
    }
  }
  return shapes.lines.some((line) =>
    polylineNearPath(line.points, 2, line.points.length / 2, line.closed, path, reach + line.halfWidth),
  );
}

/** Whether a click at (x, y) within `tolerance` hits an object (see {@link pathHitsObject}). */
export function hitTestObject(
  object: SketchObject,
  x: number,
  y: number,
  tolerance: number,
  lookup?: ObjectLookup,
): boolean {
  return pathHitsObject(object, [x, y], tolerance, lookup);
}
