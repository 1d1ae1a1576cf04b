import type { ObjectKindModule } from './kindModule.js';
import { shapeSvg } from './shapeSvg.js';

/** A straight or curved line, optionally closed (a polygon); bounds from its points, no box outline. */
export const lineKind: ObjectKindModule<'line'> = {
  kind: 'line',
  outline: () => null,
  extraBoundsPoints: () => [],
  svg: shapeSvg,
};
