import type { ObjectKindModule } from './kindModule.js';
import { shapeSvg } from './shapeSvg.js';

/** A connector: an arrow whose ends follow two bound objects (its points are the fallback); bounds from its points, no box outline. */
export const connectorKind: ObjectKindModule<'connector'> = {
  kind: 'connector',
  outline: () => null,
  extraBoundsPoints: () => [],
  svg: shapeSvg,
};
