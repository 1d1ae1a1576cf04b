import type * as Y from 'yjs';
import { objectsMap } from '../objects/objectLayout.js';
import type { ItemRef } from '../objects/paintOrder.js';
import { metaMap, sheetRect, strokesMap, type SheetFormat } from '../sketchLayout.js';
import type { Rect } from '../viewTransform.js';
import { affineScale, affineTranslate, composeAffine, transformItems, type Affine } from './transform.js';

/**
 * Changing a drawn sheet's format (A0 to 16:9, say). The papers differ in size and shape, so a
 * drawing made on one can stick out of the other; the editor asks before it happens, and offers to
 * fit the drawing onto the new paper (scaled uniformly and centred), as a print dialog's "fit to
 * page" does, instead of silently leaving ink outside the sheet.
 */

/** Share of the new paper's shorter side kept free around a fitted drawing. */
const FIT_MARGIN = 0.04;

/** What changing to a format would do to the drawing. */
export type FormatChange =
  /** Nothing drawn, an infinite canvas, or everything already on the new paper. */
  | { kind: 'fits' }
  /** The drawing sticks out of the new paper; `fit` maps it onto the paper. */
  | { kind: 'outside'; fit: Affine; scale: number };

/** Whether `inner` lies within `outer` (edges may touch; a rounding's worth of slack). */
function contains(outer: Rect, inner: Rect): boolean {
  const slack = 0.5;
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

/** What changing to `format` does to a drawing with bounds `content` (null: nothing drawn). */
export function planFormatChange(content: Rect | null, format: SheetFormat): FormatChange {
  const paper = sheetRect(format);
  if (!paper || !content || contains(paper, content)) {
    return { kind: 'fits' };
  }
  const margin = FIT_MARGIN * Math.min(paper.width, paper.height);
  const room = { width: paper.width - 2 * margin, height: paper.height - 2 * margin };
  const scale = Math.min(
    room.width / Math.max(1e-6, content.width),
    room.height / Math.max(1e-6, content.height),
  );
  const cx = content.x + content.width / 2;
  const cy = content.y + content.height / 2;
  // Scale about the drawing's centre, then move that centre to the paper's.
  const fit = composeAffine(
    affineTranslate(paper.x + paper.width / 2 - cx, paper.y + paper.height / 2 - cy),
    affineScale(scale, scale, cx, cy),
  );
  return { kind: 'outside', fit, scale };
}

/** Every stroke and object of the document, for a transform of the whole drawing. */
function allItems(doc: Y.Doc): ItemRef[] {
  const refs: ItemRef[] = [];
  strokesMap(doc).forEach((_value, id) => refs.push({ type: 'stroke', id }));
  objectsMap(doc).forEach((_value, id) => refs.push({ type: 'object', id }));
  return refs;
}

/**
 * Sets the sheet's format in one transaction (one undo step, one update for everyone); with `fit`,
 * the whole drawing (every layer, locked ones too, so a background stays under its ink) is mapped
 * by it first.
 */
export function changeSheetFormat(
  doc: Y.Doc,
  format: SheetFormat,
  fit: Affine | null,
  origin?: unknown,
): void {
  doc.transact(() => {
    if (fit) {
      transformItems(doc, allItems(doc), fit, origin);
    }
    metaMap(doc).set('format', format);
  }, origin);
}
