import { z } from 'zod';
import { commonFields, lineFields } from '../objectFields.js';
import type { ObjectKindModule } from './kindModule.js';
import { shapeSvg } from './shapeSvg.js';

/** The stored arrow. */
export const arrowSchema = z.object({ ...commonFields, kind: z.literal('arrow'), ...lineFields });

/** An arrow: a line with arrowheads; bounds from its points, no box outline. */
export const arrowKind: ObjectKindModule<'arrow'> = {
  kind: 'arrow',
  outline: () => null,
  extraBoundsPoints: () => [],
  svg: shapeSvg,
  excalidrawType: () => 'arrow',
  toExcalidraw: (object, out) => out.linear(object),
};
