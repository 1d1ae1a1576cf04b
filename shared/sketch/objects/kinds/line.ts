import { z } from 'zod';
import { commonFields, lineFields } from '../objectFields.js';
import type { ObjectKindModule } from './kindModule.js';
import { shapeSvg } from './shapeSvg.js';

/** The stored line: points, arrowheads, and whether it closes into a polygon. */
export const lineSchema = z.object({
  ...commonFields,
  kind: z.literal('line'),
  ...lineFields,
  closed: z.boolean().optional(),
});

/** A straight or curved line, optionally closed (a polygon); bounds from its points, no box outline. */
export const lineKind: ObjectKindModule<'line'> = {
  kind: 'line',
  outline: () => null,
  extraBoundsPoints: () => [],
  svg: shapeSvg,
  excalidrawType: () => 'line',
  toExcalidraw: (object, out) => out.linear(object),
};
