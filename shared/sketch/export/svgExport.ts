import type { SketchObject } from '../objects/objectCodec.js';
import { objectGeometry } from '../objects/handDrawn.js';
import { kindOf } from '../objects/kinds/index.js';
import { placeText } from '../objects/textLayout.js';
import { boxesOverlap, type ExportItem, type ExportScene } from './exportScene.js';
import { strokeSvg, svgOpen, type SvgContext, type SvgFrame, type SvgTextMode } from './svgParts.js';

/**
 * The sketchnote as SVG: strokes as filled paths (their perfect-freehand outlines), shapes and
 * lines as paths, images as embedded data, text either as `<text>` (selectable, searchable; the
 * shipped faces embedded as @font-face data URLs) or as outlined glyph paths (for rasterisers that
 * cannot read WOFF2, see `server/export/`). Each object kind writes its own SVG
 * (`objects/kinds/`). Pure string building: no DOM, no Node.
 */

/** The SVG of one item of the scene. */
function itemSvg(item: ExportItem, context: Omit<SvgContext, 'alpha'>): string {
  if (item.type === 'stroke') {
    return strokeSvg(item.stroke, item.outline, item.alpha);
  }
  if (!(item.object.opacity > 0)) {
    return '';
  }
  return kindOf(item.object).svg(item.object, { ...context, alpha: item.alpha });
}

/**
 * Writes the SVG of the items that overlap `frame.area` (all of them for the whole sheet; a tile's
 * share for tiled rasterising). `cache` keeps each item's SVG between tiles.
 */
export function* sketchSvgParts(
  scene: ExportScene,
  frame: SvgFrame,
  text: SvgTextMode,
  cache?: Map<ExportItem, string>,
): Generator<string> {
  yield svgOpen(frame);
  const lookup = (id: string): SketchObject | undefined => scene.objects.get(id);
  const context: Omit<SvgContext, 'alpha'> = {
    objects: scene.objects,
    assets: scene.assets,
    text,
    geometry: (object) => objectGeometry(object, lookup),
    placeText: (object) =>
      placeText(object, object.containerId !== undefined ? lookup(object.containerId) : undefined),
  };
  for (const item of scene.items) {
    if (!boxesOverlap(item.box, frame.area)) {
      continue;
    }
    let svg = cache?.get(item);
    if (svg === undefined) {
      svg = itemSvg(item, context);
      cache?.set(item, svg);
    }
    if (svg) {
      yield svg;
      yield '\n';
    }
  }
  yield '</svg>\n';
}
