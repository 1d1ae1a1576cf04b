import { boxAround, localToScene, type Box } from './geometry.js';
import { kindOf } from './kinds/index.js';
import type { SketchObject } from './objectCodec.js';

/** The scene box around an object, rotation included (for line-likes, around their points). */
export function objectBounds(object: SketchObject): Box {
  const corners: Array<[number, number]> =
    'points' in object
      ? object.points.map(([px, py]) => localToScene(object, px, py))
      : [
          localToScene(object, 0, 0),
          localToScene(object, object.w, 0),
          localToScene(object, object.w, object.h),
          localToScene(object, 0, object.h),
        ];
  for (const [px, py] of kindOf(object).extraBoundsPoints(object)) {
    corners.push(localToScene(object, px, py));
  }
  return boxAround(corners);
}
