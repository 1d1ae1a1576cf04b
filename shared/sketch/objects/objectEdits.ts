import type * as Y from 'yjs';
import { strokesMap, type StrokeJson } from '../sketchLayout.js';
import { decodeStroke, encodeStroke, type Stroke } from '../strokeCodec.js';
import {
  decodeObject,
  encodeObject,
  type NewObject,
  type ObjectJson,
  type SketchObject,
} from './objectCodec.js';
import { objectIdSchema } from './objectFields.js';
import { resolveConnector } from './handDrawn.js';
import { normaliseLinePoints } from './geometry.js';
import { objectsMap, strokeGroupsMap } from './objectLayout.js';
import { topZByLayer, type ItemRef } from './paintOrder.js';

/**
 * Changes to the objects of a sketch document (layout in `objectLayout.ts`). Each runs in one Yjs
 * transaction (joining the caller's), so peers never see half of a change. Invalid input made by
 * this program throws a RangeError (a bug in the caller); an id that is not (or no longer) in the
 * document returns false or is skipped: a peer may have deleted it a moment ago.
 */

/** Makes a new unique id (random on clients, a fixed sequence in tests). */
export type IdMaker = () => string;

function checkedId(id: string): string {
  if (!objectIdSchema.safeParse(id).success) {
    throw new RangeError(`"${id.slice(0, 80)}" is not a valid object id.`);
  }
  return id;
}

/** Adds an object (validated). */
export function addObject(doc: Y.Doc, id: string, object: NewObject): void {
  const json = encodeObject(object);
  objectsMap(doc).set(checkedId(id), json);
}

/** Replaces an object as a whole; false if it is not there (any more). */
export function replaceObject(doc: Y.Doc, id: string, object: NewObject): boolean {
  const json = encodeObject(object);
  const map = objectsMap(doc);
  if (!map.has(id)) {
    return false;
  }
  map.set(id, json);
  return true;
}

/** Reads one object of the document, or undefined if it is missing or malformed. */
export function getObject(doc: Y.Doc, id: string): SketchObject | undefined {
  const value = objectsMap(doc).get(id);
  if (value === undefined) {
    return undefined;
  }
  const result = decodeObject(id, value);
  return result.ok ? result.value : undefined;
}

/** Changes some fields of an object (the entry is replaced); false if it is missing or malformed. */
export function updateObject(doc: Y.Doc, id: string, patch: Partial<NewObject>): boolean {
  const current = getObject(doc, id);
  if (!current) {
    return false;
  }
  const { id: _id, v: _v, ...rest } = current;
  void _id;
  void _v;
  return replaceObject(doc, id, { ...rest, ...patch } as NewObject);
}

/** Every valid object of the document, by id. */
function allObjects(doc: Y.Doc): Map<string, SketchObject> {
  const objects = new Map<string, SketchObject>();
  objectsMap(doc).forEach((value, id) => {
    const result = decodeObject(id, value);
    if (result.ok) {
      objects.set(id, result.value);
    }
  });
  return objects;
}

/**
 * A connector whose bound object is gone becomes a plain arrow along the path it was last drawn
 * with (its resolved ends when both objects are there now, else its fallback points).
 */
function detachedConnector(
  connector: Extract<SketchObject, { kind: 'connector' }>,
  objects: Map<string, SketchObject>,
): NewObject {
  const ends = resolveConnector(connector, (id) => objects.get(id));
  const {
    id: _id,
    v: _v,
    startBinding: _s,
    endBinding: _e,
    startAnchor: _sa,
    endAnchor: _ea,
    ...rest
  } = connector;
  void [_id, _v, _s, _e, _sa, _ea];
  if (!ends) {
    return { ...rest, kind: 'arrow' };
  }
  const line = normaliseLinePoints(0, 0, ends);
  return {
    ...rest,
    kind: 'arrow',
    angle: 0,
    x: line.x,
    y: line.y,
    w: line.w,
    h: line.h,
    points: line.points,
  };
}

/**
 * Deletes strokes and objects. Texts inside a deleted object go with it; connectors bound to a
 * deleted object become plain arrows where they were drawn. Returns how many entries were deleted.
 */
export function deleteItems(doc: Y.Doc, refs: readonly ItemRef[]): number {
  let deleted = 0;
  doc.transact(() => {
    const objects = allObjects(doc);
    const gone = new Set(refs.filter((r) => r.type === 'object').map((r) => r.id));
    for (const object of objects.values()) {
      if (object.kind === 'text' && object.containerId !== undefined && gone.has(object.containerId)) {
        gone.add(object.id);
      }
    }
    for (const object of objects.values()) {
      if (
        object.kind === 'connector' &&
        !gone.has(object.id) &&
        (gone.has(object.startBinding) || gone.has(object.endBinding))
      ) {
        objectsMap(doc).set(object.id, encodeObject(detachedConnector(object, objects)));
      }
    }
    for (const id of gone) {
      if (objectsMap(doc).has(id)) {
        objectsMap(doc).delete(id);
        deleted += 1;
      }
    }
    for (const ref of refs) {
      if (ref.type === 'stroke' && strokesMap(doc).has(ref.id)) {
        strokesMap(doc).delete(ref.id);
        strokeGroupsMap(doc).delete(ref.id);
        deleted += 1;
      }
    }
  });
  return deleted;
}

/** Puts items into one group (replacing any group they were in); returns how many were changed. */
export function groupItems(doc: Y.Doc, refs: readonly ItemRef[], groupId: string): number {
  checkedId(groupId);
  let changed = 0;
  doc.transact(() => {
    for (const ref of refs) {
      if (ref.type === 'stroke') {
        if (strokesMap(doc).has(ref.id)) {
          strokeGroupsMap(doc).set(ref.id, groupId);
          changed += 1;
        }
      } else if (updateObject(doc, ref.id, { groupId })) {
        changed += 1;
      }
    }
  });
  return changed;
}

/** Takes items out of their group; returns how many were changed. */
export function ungroupItems(doc: Y.Doc, refs: readonly ItemRef[]): number {
  let changed = 0;
  doc.transact(() => {
    for (const ref of refs) {
      if (ref.type === 'stroke') {
        if (strokeGroupsMap(doc).has(ref.id)) {
          strokeGroupsMap(doc).delete(ref.id);
          changed += 1;
        }
        continue;
      }
      const object = getObject(doc, ref.id);
      if (object?.groupId !== undefined) {
        const { id: _id, v: _v, groupId: _g, ...rest } = object;
        void [_id, _v, _g];
        replaceObject(doc, ref.id, rest as NewObject);
        changed += 1;
      }
    }
  });
  return changed;
}

/** Every item of a group (for selecting it whole). */
export function groupMembers(doc: Y.Doc, groupId: string): ItemRef[] {
  const members: ItemRef[] = [];
  strokeGroupsMap(doc).forEach((value, id) => {
    if (value === groupId && strokesMap(doc).has(id)) {
      members.push({ type: 'stroke', id });
    }
  });
  for (const object of allObjects(doc).values()) {
    if (object.groupId === groupId) {
      members.push({ type: 'object', id: object.id });
    }
  }
  return members;
}

/** Strokes and objects lifted out of a document (or a clipboard), ready to be placed again. */
export interface ItemSnapshot {
  strokes: Array<{ id: string; json: StrokeJson; groupId?: string }>;
  objects: Array<{ id: string; json: ObjectJson }>;
}

/** The stored entries of some items (malformed or missing ones left out). */
export function snapshotItems(doc: Y.Doc, refs: readonly ItemRef[]): ItemSnapshot {
  const snapshot: ItemSnapshot = { strokes: [], objects: [] };
  const seen = new Set<string>();
  for (const ref of refs) {
    const key = `${ref.type}:${ref.id}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    if (ref.type === 'stroke') {
      const value = strokesMap(doc).get(ref.id);
      if (decodeStroke(ref.id, value).ok) {
        const group = strokeGroupsMap(doc).get(ref.id);
        snapshot.strokes.push({
          id: ref.id,
          json: value as StrokeJson,
          ...(typeof group === 'string' && objectIdSchema.safeParse(group).success ? { groupId: group } : {}),
        });
      }
    } else {
      const object = getObject(doc, ref.id);
      if (object) {
        const { id: _id, ...json } = object;
        void _id;
        snapshot.objects.push({ id: ref.id, json });
      }
    }
  }
  return snapshot;
}

/** Moves a stroke's points by (dx, dy), keeping everything else. */
export function shiftStroke(
  id: string,
  json: StrokeJson,
  dx: number,
  dy: number,
  patch: Partial<Pick<Stroke, 'z' | 'author' | 'createdAt' | 'layer'>> = {},
): StrokeJson {
  const decoded = decodeStroke(id, json);
  if (!decoded.ok) {
    throw new RangeError(`Stroke ${id}: ${decoded.reason}`);
  }
  const { id: _id, points, ...style } = decoded.stroke;
  void _id;
  const xyp = points.xyp.slice();
  for (let i = 0; i < xyp.length; i += 3) {
    xyp[i] = (xyp[i] ?? 0) + dx;
    xyp[i + 1] = (xyp[i + 1] ?? 0) + dy;
  }
  return encodeStroke({ ...style, ...patch, points: { xyp, hasPressure: points.hasPressure } });
}

/** Options for placing copied items. */
export interface PlaceOptions {
  /** Offset added to every position. */
  dx: number;
  dy: number;
  newId: IdMaker;
  /** Author and time of the new entries. */
  author: string;
  now: number;
}

/**
 * Writes copies of items with new ids, moved by (dx, dy), on top of their layers (keeping their
 * order), with new group ids (items that shared a group share the new one). Connectors and texts
 * keep their links to objects copied with them; a connector whose other end was not copied becomes
 * a plain arrow, and a text whose container was not copied stands alone. Returns the new items.
 */
export function placeItems(doc: Y.Doc, snapshot: ItemSnapshot, options: PlaceOptions): ItemRef[] {
  const fresh = (): string => checkedId(options.newId());
  const idMap = new Map<string, string>();
  const newIdOf = (old: string): string => {
    let id = idMap.get(old);
    if (!id) {
      id = fresh();
      idMap.set(old, id);
    }
    return id;
  };
  for (const { id } of [...snapshot.strokes, ...snapshot.objects]) {
    newIdOf(id);
  }
  const groupMap = new Map<string, string>();
  const newGroup = (old: string | undefined): string | undefined => {
    if (old === undefined) {
      return undefined;
    }
    let id = groupMap.get(old);
    if (!id) {
      id = fresh();
      groupMap.set(old, id);
    }
    return id;
  };
  // Keep the copied items' paint order within each layer (z, then id, as comparePaint does).
  type Source =
    | { type: 'stroke'; entry: ItemSnapshot['strokes'][number] }
    | { type: 'object'; entry: ItemSnapshot['objects'][number] };
  const sources: Source[] = [
    ...snapshot.strokes.map((entry): Source => ({ type: 'stroke', entry })),
    ...snapshot.objects.map((entry): Source => ({ type: 'object', entry })),
  ];
  sources.sort(
    (a, b) =>
      a.entry.json.z - b.entry.json.z || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
  );
  const tops = topZByLayer(doc);
  // Encode everything first: an invalid copy (say, moved off the scene) throws before anything is
  // written, since a transaction that throws half-way would still keep its first half.
  const writes = sources.map((source) => {
    const layer = source.entry.json.layer;
    tops[layer] += 1;
    const z = tops[layer];
    const id = newIdOf(source.entry.id);
    if (source.type === 'stroke') {
      const { entry } = source;
      const json = shiftStroke(entry.id, entry.json, options.dx, options.dy, {
        z,
        author: options.author,
        createdAt: options.now,
      });
      return { type: 'stroke' as const, id, json, group: newGroup(entry.groupId) };
    }
    const json = encodeObject(placedObject(source.entry.json, idMap, newGroup, options, z));
    return { type: 'object' as const, id, json };
  });
  doc.transact(() => {
    for (const write of writes) {
      if (write.type === 'stroke') {
        strokesMap(doc).set(write.id, write.json);
        if (write.group) {
          strokeGroupsMap(doc).set(write.id, write.group);
        }
      } else {
        objectsMap(doc).set(write.id, write.json);
      }
    }
  });
  return writes.map(({ type, id }) => ({ type, id }));
}

function placedObject(
  json: ObjectJson,
  idMap: Map<string, string>,
  newGroup: (old: string | undefined) => string | undefined,
  options: PlaceOptions,
  z: number,
): NewObject {
  const { v: _v, groupId, ...rest } = json;
  void _v;
  const group = newGroup(groupId);
  const base = {
    ...rest,
    x: rest.x + options.dx,
    y: rest.y + options.dy,
    z,
    author: options.author,
    createdAt: options.now,
    ...(group ? { groupId: group } : {}),
  } as NewObject;
  if (base.kind === 'connector') {
    const start = idMap.get(base.startBinding);
    const end = idMap.get(base.endBinding);
    if (start && end) {
      return { ...base, startBinding: start, endBinding: end };
    }
    const { startBinding: _s, endBinding: _e, startAnchor: _sa, endAnchor: _ea, ...arrow } = base;
    void [_s, _e, _sa, _ea];
    return { ...arrow, kind: 'arrow' };
  }
  if (base.kind === 'text' && base.containerId !== undefined) {
    const container = idMap.get(base.containerId);
    if (container) {
      return { ...base, containerId: container };
    }
    const { containerId: _c, ...free } = base;
    void _c;
    return free;
  }
  return base;
}

/** Duplicates items, moved by (dx, dy), with new ids; returns the copies (to select them). */
export function duplicateItems(doc: Y.Doc, refs: readonly ItemRef[], options: PlaceOptions): ItemRef[] {
  return placeItems(doc, snapshotItems(doc, refs), options);
}
