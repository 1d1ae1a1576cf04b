import { geometrySvg, type SvgContext } from '../../export/svgParts.js';
import type { SketchObject } from '../objectCodec.js';

/** The SVG of a shape or line: its polyline geometry (fill, hatches, strokes, arrowheads). */
export function shapeSvg(object: SketchObject, context: SvgContext): string {
  return geometrySvg(object, context.geometry(object), context.alpha);
}
