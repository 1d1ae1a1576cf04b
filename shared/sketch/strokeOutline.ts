import { getStroke } from 'perfect-freehand';
import type { FreehandOptions } from './brushes.js';

/**
 * The outline of a stroke: perfect-freehand turns the stored points (with pressure) into a closed
 * polygon to fill (pressure-varying width, round or tapered ends), traced as a smooth path. One
 * place for the editor's tiles and every export (SVG, PDF, PNG), so they draw the same ink.
 */

const EASINGS: Record<FreehandOptions['easing'], (t: number) => number> = {
  linear: (t) => t,
  easeOutSine: (t) => Math.sin((t * Math.PI) / 2),
  easeInSine: (t) => 1 - Math.cos((t * Math.PI) / 2),
};

/** Anything that can take a path: a 2D context, Path2D, an SVG path builder, a PDF document. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
  closePath(): void;
}

/**
 * The outline polygon of a stroke as [x, y] pairs. `count` limits how many of the points are used
 * (live strokes grow in place); `extra` appends transient (predicted) points; `last: false` for a
 * stroke still being drawn.
 */
export function outlinePolygon(
  xyp: Float32Array,
  count: number,
  options: FreehandOptions,
  last: boolean,
  extra?: ReadonlyArray<readonly [number, number, number]>,
): number[][] {
  const input: number[][] = [];
  for (let i = 0; i < count; i++) {
    input.push([xyp[i * 3] ?? 0, xyp[i * 3 + 1] ?? 0, Math.max(0.02, xyp[i * 3 + 2] ?? 0)]);
  }
  if (extra) {
    for (const p of extra) {
      input.push([p[0], p[1], Math.max(0.02, p[2])]);
    }
  }
  return getStroke(input, {
    size: options.size,
    thinning: options.thinning,
    smoothing: options.smoothing,
    streamline: options.streamline,
    simulatePressure: options.simulatePressure,
    easing: EASINGS[options.easing],
    start: { cap: options.start.cap, taper: options.start.taper },
    end: { cap: options.end.cap, taper: options.end.taper },
    last,
  });
}

/** Traces the outline as a smooth closed path (quadratic curves through the edge midpoints). */
export function traceOutline(sink: PathSink, polygon: number[][]): void {
  const n = polygon.length;
  const first = polygon[0];
  const second = polygon[1];
  if (!first || !second) {
    return;
  }
  let px = first[0] ?? 0;
  let py = first[1] ?? 0;
  let qx = second[0] ?? 0;
  let qy = second[1] ?? 0;
  sink.moveTo((px + qx) / 2, (py + qy) / 2);
  for (let i = 1; i <= n; i++) {
    const next = polygon[(i + 1) % n];
    px = qx;
    py = qy;
    qx = next?.[0] ?? 0;
    qy = next?.[1] ?? 0;
    sink.quadraticCurveTo(px, py, (px + qx) / 2, (py + qy) / 2);
  }
  sink.closePath();
}
