import type * as Y from 'yjs';
import { strokesMap } from '../sketchLayout.js';
import { decodeStroke, type Stroke } from '../strokeCodec.js';
import { decodeObject, type SketchObject } from './objectCodec.js';
import { objectIdSchema } from './objectFields.js';
import { objectsMap, strokeGroupsMap } from './objectLayout.js';
import { comparePaint, objectPaintRank, type OrderedItem } from './paintOrder.js';
import { paintRank } from '../sketchLayout.js';

/** An entry that was not drawn, and why. */
export interface RejectedEntry {
  /** The map it sits in. */
  map: 'strokes' | 'objects';
  id: string;
  reason: string;
}

/** Everything drawable in a sketch document, decoded and validated. */
export interface SketchScene {
  /** Valid strokes, in paint order. */
  strokes: Stroke[];
  /** Valid objects, in paint order. */
  objects: SketchObject[];
  /** The group of each stroke that has one (valid group ids of existing strokes only). */
  strokeGroups: Map<string, string>;
  /** Every entry left out, with the reason. */
  rejected: RejectedEntry[];
}

/**
 * Reads the strokes and objects of a sketch document. Never throws: each malformed entry (unknown
 * object kind, NaN, coordinates of 10^9, giant text, broken point data, …) is left out and listed
 * in `rejected` with its reason, and every valid entry is returned, so one bad value from a buggy
 * or hostile client does not break the sketch for anyone.
 */
export function readSketchScene(doc: Y.Doc): SketchScene {
  const rejected: RejectedEntry[] = [];
  const strokes: Stroke[] = [];
  strokesMap(doc).forEach((value, id) => {
    const result = decodeStroke(id, value);
    if (result.ok) {
      strokes.push(result.stroke);
    } else {
      rejected.push({ map: 'strokes', id, reason: result.reason });
    }
  });
  const objects: SketchObject[] = [];
  objectsMap(doc).forEach((value, id) => {
    const result = decodeObject(id, value);
    if (result.ok) {
      objects.push(result.value);
    } else {
      rejected.push({ map: 'objects', id, reason: result.reason });
    }
  });
  const strokeIds = new Set(strokes.map((s) => s.id));
  const strokeGroups = new Map<string, string>();
  strokeGroupsMap(doc).forEach((value, id) => {
    if (strokeIds.has(id) && typeof value === 'string' && objectIdSchema.safeParse(value).success) {
      strokeGroups.set(id, value);
    }
  });
  strokes.sort((a, b) => comparePaint(strokeItem(a), strokeItem(b)));
  objects.sort((a, b) => comparePaint(objectItem(a), objectItem(b)));
  return { strokes, objects, strokeGroups, rejected };
}

/** The ordering fields of a decoded stroke. */
function strokeItem(stroke: Stroke): OrderedItem {
  return {
    type: 'stroke',
    id: stroke.id,
    layer: stroke.layer,
    z: stroke.z,
    rank: paintRank(stroke.layer, stroke.brush),
  };
}

/** The ordering fields of a decoded object. */
function objectItem(object: SketchObject): OrderedItem {
  return {
    type: 'object',
    id: object.id,
    layer: object.layer,
    z: object.z,
    rank: objectPaintRank(object.layer),
  };
}

/** Strokes and objects of a scene merged into one paint order. */
export function scenePaintOrder(
  scene: Pick<SketchScene, 'strokes' | 'objects'>,
): Array<{ type: 'stroke'; item: Stroke } | { type: 'object'; item: SketchObject }> {
  const merged = [
    ...scene.strokes.map((item) => ({ type: 'stroke' as const, item, order: strokeItem(item) })),
    ...scene.objects.map((item) => ({ type: 'object' as const, item, order: objectItem(item) })),
  ];
  merged.sort((a, b) => comparePaint(a.order, b.order));
  return merged.map((entry) =>
    entry.type === 'stroke' ? { type: 'stroke', item: entry.item } : { type: 'object', item: entry.item },
  );
}
