import { z } from 'zod';
import { CONTAINER_SHAPES, commonFields } from '../objectFields.js';
import type { ObjectKindModule, Pt } from './kindModule.js';
import { ELLIPSE_TEXT_INSETS, ellipseEdge } from './outlines.js';
import { shapeSvg } from './shapeSvg.js';

/** The stored container and its shape. */
export const containerSchema = z.object({
  ...commonFields,
  kind: z.literal('container'),
  shape: z.enum(CONTAINER_SHAPES),
});

/** A sketchnote frame around content: a diamond, hexagon or cloud (`shape`). */
export const containerKind: ObjectKindModule<'container'> = {
  kind: 'container',
  outline: ({ w, h, shape }) => {
    if (shape === 'diamond') {
      return [
        [w / 2, 0],
        [w, h / 2],
        [w / 2, h],
        [0, h / 2],
      ];
    }
    if (shape === 'hexagon') {
      return [
        [w * 0.25, 0],
        [w * 0.75, 0],
        [w, h / 2],
        [w * 0.75, h],
        [w * 0.25, h],
        [0, h / 2],
      ];
    }
    return cloudPoints(w, h);
  },
  holdsText: true,
  bindsConnectors: true,
  extraBoundsPoints: () => [],
  // A diamond's edge is |x|/cx + |y|/cy = 1; hexagon and cloud are close enough to their ellipse.
  edgeAlong: (object, dx, dy) => {
    if (object.shape !== 'diamond') {
      return ellipseEdge(object, dx, dy);
    }
    const k = Math.abs(dx) / Math.max(object.w / 2, 1e-9) + Math.abs(dy) / Math.max(object.h / 2, 1e-9);
    return k === 0 ? 0 : 1 / k;
  },
  // A cloud holds text as its ellipse does; a diamond in its middle half; a hexagon between its points.
  textInsets: ({ shape }) =>
    shape === 'cloud' ? ELLIPSE_TEXT_INSETS : shape === 'diamond' ? [0.25, 0.25] : [0.2, 0.1],
  fromBox: (base, settings) => ({ ...base, kind: 'container', shape: settings.containerShape }),
  svg: shapeSvg,
  // Excalidraw has diamonds; hexagons and clouds go as polygons that our import restores.
  excalidrawType: (object) => (object.shape === 'diamond' ? 'diamond' : 'line'),
  toExcalidraw: (object, out) =>
    object.shape === 'diamond' ? out.box(object, 'diamond') : out.approximate(object),
};

function cloudPoints(w: number, h: number): Pt[] {
  const rx = w / 2;
  const ry = h / 2;
  const perimeter = Math.PI * (rx + ry);
  const bumps = Math.max(6, Math.min(16, Math.round(perimeter / Math.max(1, Math.min(w, h) * 0.45))));
  // The bumps sit on an ellipse a little inside the box and bulge out to about its edge.
  const inner: Pt[] = Array.from({ length: bumps }, (_, i): Pt => {
    const a = (i / bumps) * Math.PI * 2;
    return [rx + rx * 0.82 * Math.cos(a), ry + ry * 0.82 * Math.sin(a)];
  });
  const points: Pt[] = [];
  for (let i = 0; i < bumps; i++) {
    const [ax, ay] = inner[i] ?? [0, 0];
    const [bx, by] = inner[(i + 1) % bumps] ?? [0, 0];
    const mx = (ax + bx) / 2;
    const my = (ay + by) / 2;
    const nx = mx - rx;
    const ny = my - ry;
    const nl = Math.hypot(nx, ny) || 1;
    const bulge = Math.hypot(bx - ax, by - ay) * 0.55;
    const qx = mx + (nx / nl) * bulge;
    const qy = my + (ny / nl) * bulge;
    for (let s = 0; s < 8; s++) {
      const t = s / 8;
      const u = 1 - t;
      points.push([u * u * ax + 2 * u * t * qx + t * t * bx, u * u * ay + 2 * u * t * qy + t * t * by]);
    }
  }
  return points;
}
