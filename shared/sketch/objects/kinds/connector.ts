import { z } from 'zod';
import { commonFields, lineFields, objectIdSchema, ratioSchema } from '../objectFields.js';
import type { ObjectKindModule } from './kindModule.js';
import { shapeSvg } from './shapeSvg.js';

/** The stored connector: an arrow bound to two objects, optionally at fixed anchors (fractions of their boxes). */
export const connectorSchema = z.object({
  ...commonFields,
  kind: z.literal('connector'),
  ...lineFields,
  startBinding: objectIdSchema,
  endBinding: objectIdSchema,
  startAnchor: z.tuple([ratioSchema, ratioSchema]).optional(),
  endAnchor: z.tuple([ratioSchema, ratioSchema]).optional(),
});

/** A connector: an arrow whose ends follow two bound objects (its points are the fallback); bounds from its points, no box outline. */
export const connectorKind: ObjectKindModule<'connector'> = {
  kind: 'connector',
  outline: () => null,
  extraBoundsPoints: () => [],
  svg: shapeSvg,
  excalidrawType: () => 'arrow',
  toExcalidraw: (object, out) => out.linear(object),
};
