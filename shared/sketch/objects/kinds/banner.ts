import { z } from 'zod';
import { commonFields } from '../objectFields.js';
import type { ObjectKindModule, Pt } from './kindModule.js';
import { shapeSvg } from './shapeSvg.js';

/** The stored banner. */
export const bannerSchema = z.object({ ...commonFields, kind: z.literal('banner') });

/** A ribbon with notched ends. */
export const bannerKind: ObjectKindModule<'banner'> = {
  kind: 'banner',
  outline: (object) => bannerPoints(object.w, object.h),
  holdsText: true,
  bindsConnectors: true,
  extraBoundsPoints: () => [],
  fromBox: (base) => ({ ...base, kind: 'banner' }),
  svg: shapeSvg,
  // Excalidraw has no ribbon: a polygon that our import turns back into a banner.
  excalidrawType: () => 'line',
  toExcalidraw: (object, out) => out.approximate(object),
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
