import type { ObjectKindModule } from './kindModule.js';
import { shapeSvg } from './shapeSvg.js';

/** An arrow: a line with arrowheads; bounds from its points, no box outline. */
export const arrowKind: ObjectKindModule<'arrow'> = {
  kind: 'arrow',
  outline: () => null,
  extraBoundsPoints: () => [],
  svg: shapeSvg,
};
