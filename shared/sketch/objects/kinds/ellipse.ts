import type { ObjectKindModule } from './kindModule.js';
import { ellipsePoints } from './outlines.js';
import { shapeSvg } from './shapeSvg.js';

/** An ellipse filling its box. */
export const ellipseKind: ObjectKindModule<'ellipse'> = {
  kind: 'ellipse',
  outline: (object) => ellipsePoints(object.w, object.h),
  extraBoundsPoints: () => [],
  svg: shapeSvg,
};
