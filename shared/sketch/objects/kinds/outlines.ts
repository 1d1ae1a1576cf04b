import type { Pt } from './kindModule.js';

/** Outlines several kinds share, in the object's own frame. */

/** A rectangle with rounded corners (7 points per corner, clockwise from the top edge's end). */
export function roundedRect(w: number, h: number, radius: number): Pt[] {
  const r = Math.max(0, Math.min(radius, w / 2, h / 2));
  if (r === 0) {
    return [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
    ];
  }
  const points: Pt[] = [];
  const corners: Array<[number, number, number]> = [
    [w - r, r, -Math.PI / 2],
    [w - r, h - r, 0],
    [r, h - r, Math.PI / 2],
    [r, r, Math.PI],
  ];
  for (const [cx, cy, from] of corners) {
    for (let i = 0; i <= 6; i++) {
      const a = from + (i / 6) * (Math.PI / 2);
      points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
  }
  return points;
}

/** An ellipse filling the box, dense enough to look round at any size. */
export function ellipsePoints(w: number, h: number): Pt[] {
  const rx = w / 2;
  const ry = h / 2;
  const perimeter = Math.PI * (rx + ry);
  const n = Math.max(24, Math.min(180, Math.round(perimeter / 8)));
  return Array.from({ length: n }, (_, i): Pt => {
    const a = (i / n) * Math.PI * 2;
    return [rx + rx * Math.cos(a), ry + ry * Math.sin(a)];
  });
}

/** Where a ray from the centre along (dx, dy) leaves the ellipse filling the box, as a factor of (dx, dy). */
export function ellipseEdge(box: { w: number; h: number }, dx: number, dy: number): number {
  const k = Math.hypot(dx / Math.max(box.w / 2, 1e-9), dy / Math.max(box.h / 2, 1e-9));
  return k === 0 ? 0 : 1 / k;
}

/** Text insets of an ellipse: the largest centred rectangle of its aspect inside it. */
export const ELLIPSE_TEXT_INSETS: readonly [number, number] = [
  (1 - Math.SQRT1_2) / 2,
  (1 - Math.SQRT1_2) / 2,
];
