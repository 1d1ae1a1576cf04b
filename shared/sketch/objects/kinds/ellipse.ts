import { z } from 'zod';
import { commonFields } from '../objectFields.js';
import type { ObjectKindModule } from './kindModule.js';
import { ELLIPSE_TEXT_INSETS, ellipseEdge, ellipsePoints } from './outlines.js';
import { shapeSvg } from './shapeSvg.js';

/** The stored ellipse. */
export const ellipseSchema = z.object({ ...commonFields, kind: z.literal('ellipse') });

/** An ellipse filling its box. */
export const ellipseKind: ObjectKindModule<'ellipse'> = {
  kind: 'ellipse',
  outline: (object) => ellipsePoints(object.w, object.h),
  holdsText: true,
  bindsConnectors: true,
  extraBoundsPoints: () => [],
  edgeAlong: ellipseEdge,
  textInsets: () => ELLIPSE_TEXT_INSETS,
  roughAsEllipse: true,
  fromBox: (base) => ({ ...base, kind: 'ellipse' }),
  svg: shapeSvg,
  excalidrawType: () => 'ellipse',
  toExcalidraw: (object, out) => out.box(object, 'ellipse'),
};
