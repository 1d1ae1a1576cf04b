import { z } from 'zod';
import { quantise } from '../geometry.js';
import { commonFields, extentSchema } from '../objectFields.js';
import type { ObjectKindModule } from './kindModule.js';
import { roundedRect } from './outlines.js';
import { shapeSvg } from './shapeSvg.js';

/** The stored rectangle. */
export const rectSchema = z.object({
  ...commonFields,
  kind: z.literal('rect'),
  cornerRadius: extentSchema.optional(),
});

/** A rectangle, optionally with rounded corners (`cornerRadius`). */
export const rectKind: ObjectKindModule<'rect'> = {
  kind: 'rect',
  outline: (object) => roundedRect(object.w, object.h, object.cornerRadius ?? 0),
  holdsText: true,
  bindsConnectors: true,
  extraBoundsPoints: () => [],
  // A clean box gets slightly rounded corners, as in Excalidraw; a hand-drawn one stays square.
  fromBox: (base, settings) => ({
    ...base,
    kind: 'rect',
    ...(settings.style === 'clean' ? { cornerRadius: quantise(Math.min(base.w, base.h) * 0.08) } : {}),
  }),
  transformed: (object, t) =>
    object.cornerRadius === undefined
      ? {}
      : { cornerRadius: quantise(Math.min(object.cornerRadius * t.scale, 2 * t.limit)) },
  svg: shapeSvg,
  excalidrawType: () => 'rectangle',
  toExcalidraw: (object, out) =>
    out.box(object, 'rectangle', {
      roundness: object.cornerRadius ? { type: 3, value: object.cornerRadius } : null,
    }),
};
