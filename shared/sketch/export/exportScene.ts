import type * as Y from 'yjs';
import { freehandOptions, BRUSHES } from '../brushes.js';
import { readAsset, type Asset } from '../objects/assets.js';
import { unionBoxes, type Box } from '../objects/geometry.js';
import { objectBounds } from '../objects/objectBounds.js';
import type { SketchObject } from '../objects/objectCodec.js';
import { readSketchScene, scenePaintOrder, type RejectedEntry } from '../objects/sketchScene.js';
import { readLayerSettings, readSheetMeta, sheetRect, type SheetFormat } from '../sketchLayout.js';
import type { Stroke } from '../strokeCodec.js';
import { outlinePolygon } from '../strokeOutline.js';

/**
 * What an export draws: the sheet (or, for an infinite canvas, the drawing's extent), its paper
 * colour, and every visible stroke and object in paint order with the alpha its layer gives it.
 * Pure (a Y.Doc in, plain data out); the SVG, PDF and PNG writers all start from this.
 */

/** One stroke or object to draw, with its scene box (for culling tiles) and its layer's alpha. */
export type ExportItem =
  | { type: 'stroke'; stroke: Stroke; outline: number[][]; box: Box; alpha: number }
  | { type: 'object'; object: SketchObject; box: Box; alpha: number };

/** Everything an export draws. */
export interface ExportScene {
  /** The exported area in scene units (96 per inch). */
  area: Box;
  format: SheetFormat;
  /** Paper colour, '#rrggbb'. */
  background: string;
  items: ExportItem[];
  /** Every valid object by id (a text's container, a connector's ends). */
  objects: Map<string, SketchObject>;
  /** Images' data by asset id (valid entries only). */
  assets: Map<string, Asset>;
  /** Malformed entries left out, with the reason. */
  rejected: RejectedEntry[];
}

/** The margin around the drawing when an infinite canvas is exported (scene units). */
const INFINITE_MARGIN = 48;
/** The area of an empty infinite canvas: a 16:9 screen. */
const EMPTY_AREA: Box = { x: 0, y: 0, width: 1920, height: 1080 };

/** The scene box a stroke can paint into (its points grown by the widest its outline can get). */
function strokeBox(stroke: Stroke, outline: number[][]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x = 0, y = 0] of outline) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (minX > maxX) {
    const xyp = stroke.points.xyp;
    minX = maxX = xyp[0] ?? 0;
    minY = maxY = xyp[1] ?? 0;
  }
  return { x: minX - 1, y: minY - 1, width: maxX - minX + 2, height: maxY - minY + 2 };
}

/** The scene box an object can paint into: its bounds, grown by its line width and arrowheads. */
function objectBox(object: SketchObject, objects: Map<string, SketchObject>): Box {
  if (object.kind === 'text' && object.containerId !== undefined) {
    const container = objects.get(object.containerId);
    if (container) {
      const b = objectBounds(container);
      return grow(b, object.fontSize);
    }
  }
  if (object.kind === 'connector') {
    // Its ends follow the bound objects: take their boxes too.
    const boxes = [object.startBinding, object.endBinding]
      .map((id) => objects.get(id))
      .filter((o): o is SketchObject => o !== undefined)
      .map(objectBounds);
    const box = unionBoxes([objectBounds(object), ...boxes]) ?? objectBounds(object);
    return grow(box, object.strokeWidth * 6 + 12);
  }
  const b = objectBounds(object);
  const extra =
    object.kind === 'text'
      ? object.fontSize * 2
      : object.strokeWidth * (object.kind === 'line' || object.kind === 'arrow' ? 6 : 1) + 12;
  return grow(b, extra);
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** Whether two boxes overlap. */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Reads what an export of this sketch document draws. Hidden layers are left out; a layer's
 * opacity multiplies its items' alpha (as the editor paints them). Never throws on bad entries:
 * they are listed in `rejected`.
 */
export function readExportScene(doc: Y.Doc): ExportScene {
  const scene = readSketchScene(doc);
  const meta = readSheetMeta(doc);
  const layers = readLayerSettings(doc);
  const objects = new Map(scene.objects.map((o) => [o.id, o]));
  const items: ExportItem[] = [];
  const assets = new Map<string, Asset>();
  for (const entry of scenePaintOrder(scene)) {
    const layer = layers[entry.item.layer];
    if (!layer.visible || !(layer.opacity > 0)) {
      continue;
    }
    if (entry.type === 'stroke') {
      const stroke = entry.item;
      const count = Math.floor(stroke.points.xyp.length / 3);
      const outline = outlinePolygon(
        stroke.points.xyp,
        count,
        freehandOptions(stroke, stroke.points.hasPressure),
        true,
      );
      items.push({
        type: 'stroke',
        stroke,
        outline,
        box: strokeBox(stroke, outline),
        alpha: layer.opacity * BRUSHES[stroke.brush].opacity,
      });
    } else {
      const object = entry.item;
      if (object.kind === 'image' && !assets.has(object.assetId)) {
        const asset = readAsset(doc, object.assetId);
        if (asset.ok) {
          assets.set(object.assetId, asset.value);
        }
      }
      items.push({ type: 'object', object, box: objectBox(object, objects), alpha: layer.opacity });
    }
  }
  const sheet = sheetRect(meta.format);
  let area: Box;
  if (sheet) {
    area = sheet;
  } else {
    const content = unionBoxes(items.map((i) => i.box));
    area = content ? grow(content, INFINITE_MARGIN) : EMPTY_AREA;
  }
  return {
    area,
    format: meta.format,
    background: meta.background,
    items,
    objects,
    assets,
    rejected: scene.rejected,
  };
}
