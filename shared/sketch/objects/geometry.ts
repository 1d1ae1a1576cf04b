import type { SketchObject } from './objectCodec.js';

/** An axis-aligned box in scene units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The centre an object rotates about: the middle of its unrotated box. */
export function objectCentre(object: Pick<SketchObject, 'x' | 'y' | 'w' | 'h'>): [number, number] {
  return [object.x + object.w / 2, object.y + object.h / 2];
}

/** Maps a point of the object's own frame (origin at x, y; unrotated) to scene coordinates. */
export function localToScene(
  object: Pick<SketchObject, 'x' | 'y' | 'w' | 'h' | 'angle'>,
  lx: number,
  ly: number,
): [number, number] {
  const cx = object.w / 2;
  const cy = object.h / 2;
  if (object.angle === 0) {
    return [object.x + lx, object.y + ly];
  }
  const cos = Math.cos(object.angle);
  const sin = Math.sin(object.angle);
  const dx = lx - cx;
  const dy = ly - cy;
  return [object.x + cx + dx * cos - dy * sin, object.y + cy + dx * sin + dy * cos];
}

/** Maps a scene point into the object's own frame (the inverse of {@link localToScene}). */
export function sceneToLocal(
  object: Pick<SketchObject, 'x' | 'y' | 'w' | 'h' | 'angle'>,
  sx: number,
  sy: number,
): [number, number] {
  const cx = object.w / 2;
  const cy = object.h / 2;
  const dx = sx - object.x - cx;
  const dy = sy - object.y - cy;
  if (object.angle === 0) {
    return [dx + cx, dy + cy];
  }
  const cos = Math.cos(-object.angle);
  const sin = Math.sin(-object.angle);
  return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
}

/** The smallest box around some points. */
export function boxAround(points: ReadonlyArray<readonly [number, number]>): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (minX > maxX) {
    return { x: 0, y: 0, width: 0, height: 0 };
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The union of boxes, or null for none. */
export function unionBoxes(boxes: Iterable<Box>): Box | null {
  const corners: Array<[number, number]> = [];
  for (const b of boxes) {
    corners.push([b.x, b.y], [b.x + b.width, b.y + b.height]);
  }
  return corners.length ? boxAround(corners) : null;
}

/**
 * Re-bases the points of a line-like object so their minimum is (0, 0): returns the new origin,
 * box size and points. The rotation centre moves with the box, so callers keep `angle` only for
 * unrotated input or input whose rotation centre is the box centre (as Excalidraw's is).
 */
export function normaliseLinePoints(
  x: number,
  y: number,
  points: ReadonlyArray<readonly [number, number]>,
): { x: number; y: number; w: number; h: number; points: Array<[number, number]> } {
  const box = boxAround(points);
  return {
    x: x + box.x,
    y: y + box.y,
    w: box.width,
    h: box.height,
    points: points.map(([px, py]): [number, number] => [px - box.x, py - box.y]),
  };
}

/** Rounds to the stroke quantum (1/8 scene unit), so objects and strokes share one grid. */
export function quantise(value: number): number {
  const q = Math.round(value * 8) / 8;
  return q === 0 ? 0 : q;
}
