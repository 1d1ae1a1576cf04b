import type { PathSink } from '../../../../shared/sketch/strokeOutline.js';

/**
 * Stroke geometry: the perfect-freehand outline lives in `shared/sketch/strokeOutline.ts` (the
 * exports draw the same ink); here the simplified centre line used when zoomed far out.
 */

export { outlinePolygon, traceOutline, type PathSink } from '../../../../shared/sketch/strokeOutline.js';

/**
 * Traces the centre line, skipping points closer than `tolerance` to the last one kept: the far
 * zoomed-out level of detail, drawn with a round-capped line of the stroke's mean width.
 */
export function traceCentreline(sink: PathSink, xyp: Float32Array, count: number, tolerance: number): void {
  if (count < 1) {
    return;
  }
  let lx = xyp[0] ?? 0;
  let ly = xyp[1] ?? 0;
  sink.moveTo(lx, ly);
  const t2 = tolerance * tolerance;
  let drawn = false;
  for (let i = 1; i < count; i++) {
    const x = xyp[i * 3] ?? 0;
    const y = xyp[i * 3 + 1] ?? 0;
    const dx = x - lx;
    const dy = y - ly;
    if (dx * dx + dy * dy >= t2 || (i === count - 1 && (dx !== 0 || dy !== 0))) {
      sink.lineTo(x, y);
      lx = x;
      ly = y;
      drawn = true;
    }
  }
  if (!drawn) {
    // A dot: a zero-length segment still gets round caps.
    sink.lineTo(lx + 0.01, ly);
  }
}

/** Bounding box of the points (without the stroke's width). */
export function pointsBounds(
  xyp: Float32Array,
  count: number,
): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = xyp[i * 3] ?? 0;
    const y = xyp[i * 3 + 1] ?? 0;
    if (x < minX) {
      minX = x;
    }
    if (x > maxX) {
      maxX = x;
    }
    if (y < minY) {
      minY = y;
    }
    if (y > maxY) {
      maxY = y;
    }
  }
  return { minX, minY, maxX, maxY };
}
