import type { SvgContext } from '../../export/svgParts.js';
import type { ObjectKind, ObjectOfKind } from '../objectCodec.js';

/** A point [x, y]. */
export type Pt = [number, number];

/**
 * Everything the shared code knows about one object kind, in one module (as tldraw's ShapeUtil):
 * its outline and bounds, and how it is written as SVG. A new kind is one file in this folder,
 * listed in `index.ts`; painting on screen stays in the renderer (`ObjectPainter`).
 */
export interface ObjectKindModule<K extends ObjectKind> {
  readonly kind: K;
  /** The exact closed outline in the object's own frame (origin x, y; unrotated), or null (lines, text, images). */
  outline(object: ObjectOfKind<K>): Pt[] | null;
  /** Points of the own frame the bounds must include besides the box or the line's points. */
  extraBoundsPoints(object: ObjectOfKind<K>): Pt[];
  /** The object as SVG (scene coordinates), for the SVG, PDF and PNG exports. */
  svg(object: ObjectOfKind<K>, context: SvgContext): string;
}
