import type { ObjectKindModule } from './kindModule.js';
import { roundedRect } from './outlines.js';
import { shapeSvg } from './shapeSvg.js';

/** A rectangle, optionally with rounded corners (`cornerRadius`). */
export const rectKind: ObjectKindModule<'rect'> = {
  kind: 'rect',
  outline: (object) => roundedRect(object.w, object.h, object.cornerRadius ?? 0),
  extraBoundsPoints: () => [],
  svg: shapeSvg,
};
