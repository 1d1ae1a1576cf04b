import type { ObjectKindModule, Pt } from './kindModule.js';
import { shapeSvg } from './shapeSvg.js';

/** A ribbon with notched ends. */
export const bannerKind: ObjectKindModule<'banner'> = {
  kind: 'banner',
  outline: (object) => bannerPoints(object.w, object.h),
  extraBoundsPoints: () => [],
  svg: shapeSvg,
};

function bannerPoints(w: number, h: number): Pt[] {
  const d = Math.min(h * 0.35, w * 0.15);
  return [
    [0, 0],
    [w, 0],
    [w - d, h / 2],
    [w, h],
    [0, h],
    [d, h / 2],
  ];
}
