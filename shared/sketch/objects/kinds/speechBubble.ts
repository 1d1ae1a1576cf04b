import { z } from 'zod';
import { COORD_LIMIT } from '../../sketchLayout.js';
import { localToScene, quantise, sceneToLocal } from '../geometry.js';
import { BEYOND, commonFields, pointSchema } from '../objectFields.js';
import type { ObjectKindModule, Pt } from './kindModule.js';
import { roundedRect } from './outlines.js';
import { shapeSvg } from './shapeSvg.js';

/** The stored speech bubble: a box and the tip of its tail (relative to x, y), which must be on the scene too. */
export const speechBubbleSchema = z
  .object({ ...commonFields, kind: z.literal('speechBubble'), tail: pointSchema })
  .superRefine((value, ctx) => {
    if (Math.abs(value.x + value.tail[0]) > COORD_LIMIT || Math.abs(value.y + value.tail[1]) > COORD_LIMIT) {
      ctx.addIssue({ code: 'custom', path: ['tail'], message: BEYOND });
    }
  });

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** A rounded box with a tail pointing at `tail` (relative to x, y); the tip counts for the bounds. */
export const speechBubbleKind: ObjectKindModule<'speechBubble'> = {
  kind: 'speechBubble',
  outline: (object) => speechBubblePoints(object.w, object.h, object.tail),
  holdsText: true,
  bindsConnectors: true,
  extraBoundsPoints: (object) => [[object.tail[0], object.tail[1]]],
  // The tail points down and a little right of the left edge, where a speaker would stand.
  fromBox: (base) => ({
    ...base,
    kind: 'speechBubble',
    tail: [quantise(base.w * 0.22), quantise(base.h * 1.35)],
  }),
  transformed: (object, t) => {
    const [tx, ty] = t.mapPoint(...localToScene(object, object.tail[0], object.tail[1]));
    const [lx, ly] = sceneToLocal(t.box, tx, ty);
    // Keep the tip on the scene after rounding, as the schema requires of x + tail.
    return {
      tail: [
        quantise(clamp(lx, -t.limit - t.box.x, t.limit - t.box.x)),
        quantise(clamp(ly, -t.limit - t.box.y, t.limit - t.box.y)),
      ],
    };
  },
  svg: shapeSvg,
  excalidrawType: () => 'line',
  toExcalidraw: (object, out) => out.approximate(object),
};

function speechBubblePoints(w: number, h: number, tail: readonly [number, number]): Pt[] {
  const r = Math.min(w, h) * 0.2;
  const [tx, ty] = tail;
  const inside = tx >= 0 && tx <= w && ty >= 0 && ty <= h;
  const base = roundedRect(w, h, r);
  if (inside || w <= 2 * r || h <= 2 * r) {
    return base;
  }
  // Which edge the tail leaves from: the one facing the tip, relative to the box's proportions.
  const dx = (tx - w / 2) / w;
  const dy = (ty - h / 2) / h;
  const edge = Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 1 : 3) : dy > 0 ? 2 : 0; // top, right, bottom, left
  const length = edge % 2 === 0 ? w : h;
  const width = Math.min(Math.min(w, h) * 0.3, length - 2 * r);
  const along = Math.min(Math.max(edge % 2 === 0 ? tx : ty, r + width / 2), length - r - width / 2);
  const bases: [Pt, Pt] =
    edge === 0
      ? [
          [along - width / 2, 0],
          [along + width / 2, 0],
        ]
      : edge === 1
        ? [
            [w, along - width / 2],
            [w, along + width / 2],
          ]
        : edge === 2
          ? [
              [along + width / 2, h],
              [along - width / 2, h],
            ]
          : [
              [0, along + width / 2],
              [0, along - width / 2],
            ];
  // roundedRect walks clockwise from the end of the top edge; each corner has 7 points, and the
  // straight edges run between corners: top edge is before corner 0, right before corner 1, …
  const points: Pt[] = [];
  const cornerStart = (corner: number): number => corner * 7;
  for (let corner = 0; corner < 4; corner++) {
    // Edge `corner` (top, right, bottom, left) runs into corner `corner` (TR, BR, BL, TL).
    if (corner === edge) {
      points.push(bases[0], [tx, ty], bases[1]);
    }
    points.push(...base.slice(cornerStart(corner), cornerStart(corner) + 7));
  }
  return points;
}
