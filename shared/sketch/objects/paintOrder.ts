import type * as Y from 'yjs';
import { LAYER_IDS, paintRank, strokeJsonSchema, strokesMap, type LayerId } from '../sketchLayout.js';
import { objectJsonSchema } from './objectCodec.js';
import { objectsMap } from './objectLayout.js';

/**
 * One paint order over strokes and objects. Within a layer everything is ordered by ascending `z`,
 * ties broken by id; highlighter strokes paint in that order too (with a multiply blend, see
 * paintRank), and objects paint like ink. So an item's place is (rank, z, id), where rank is
 * `paintRank(layer, brush)` for a stroke and `paintRank(layer, 'fineliner')` for an object (the
 * layer's rank), and a change of z only ever moves an item among the items of its own layer.
 */

/** A stroke or an object, by id. */
export interface ItemRef {
  type: 'stroke' | 'object';
  id: string;
}

/** An item with what orders it. */
export interface OrderedItem extends ItemRef {
  layer: LayerId;
  rank: number;
  z: number;
}

/** The paint rank of objects on a layer (the layer's). */
export function objectPaintRank(layer: LayerId): number {
  return paintRank(layer, 'fineliner');
}

/** Compares two items in paint order (negative: `a` paints first). */
export function comparePaint(a: OrderedItem, b: OrderedItem): number {
  return (
    a.rank - b.rank ||
    a.z - b.z ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    (a.type === b.type ? 0 : a.type === 'stroke' ? -1 : 1)
  );
}

/** The ordering fields of one stored stroke, or null if the entry is not a valid stroke. */
function strokeOrder(id: string, value: unknown): OrderedItem | null {
  const parsed = strokeJsonSchema.safeParse(value);
  if (!parsed.success) {
    return null;
  }
  const { layer, z, brush } = parsed.data;
  return { type: 'stroke', id, layer, z, rank: paintRank(layer, brush) };
}

/** The ordering fields of one stored object, or null if the entry is not a valid object. */
function objectOrder(id: string, value: unknown): OrderedItem | null {
  const parsed = objectJsonSchema.safeParse(value);
  if (!parsed.success) {
    return null;
  }
  const { layer, z } = parsed.data;
  return { type: 'object', id, layer, z, rank: objectPaintRank(layer) };
}

/** Every valid stroke and object of a sketch in paint order (malformed entries left out). */
export function paintOrder(doc: Y.Doc): OrderedItem[] {
  const items: OrderedItem[] = [];
  strokesMap(doc).forEach((value, id) => {
    const item = strokeOrder(id, value);
    if (item) {
      items.push(item);
    }
  });
  objectsMap(doc).forEach((value, id) => {
    const item = objectOrder(id, value);
    if (item) {
      items.push(item);
    }
  });
  return items.sort(comparePaint);
}

/** The highest z on a layer (strokes and objects), or 0 on an empty layer. */
export function topZ(doc: Y.Doc, layer: LayerId): number {
  let top = -Infinity;
  for (const item of paintOrder(doc)) {
    if (item.layer === layer) {
      top = Math.max(top, item.z);
    }
  }
  return top === -Infinity ? 0 : top;
}

/** The highest z of every layer (0 for an empty one), for placing many new items at once. */
export function topZByLayer(doc: Y.Doc): Record<LayerId, number> {
  const tops = Object.fromEntries(LAYER_IDS.map((l) => [l, -Infinity])) as Record<LayerId, number>;
  for (const item of paintOrder(doc)) {
    tops[item.layer] = Math.max(tops[item.layer], item.z);
  }
  for (const layer of LAYER_IDS) {
    if (tops[layer] === -Infinity) {
      tops[layer] = 0;
    }
  }
  return tops;
}

/** Rewrites the z of one stored item (the entry is replaced, as every edit is). */
function writeZ(doc: Y.Doc, item: ItemRef, z: number): void {
  const map = item.type === 'stroke' ? strokesMap(doc) : objectsMap(doc);
  const value = map.get(item.id);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    map.set(item.id, { ...(value as Record<string, unknown>), z });
  }
}

const key = (ref: ItemRef): string => `${ref.type}:${ref.id}`;

/**
 * Gives the `moved` items of one rank group z values that put the group in `order`, leaving every
 * other item's z alone (each run of moved items goes evenly between its fixed neighbours). If the
 * numbers run out of precision (many moves between the same two items), the whole group is
 * renumbered 1..n instead. Returns how many items were rewritten.
 */
function assignZ(doc: Y.Doc, order: OrderedItem[], moved: Set<string>): number {
  const z = order.map((item) => item.z);
  const movedAt = (n: number): boolean => {
    const item = order[n];
    return item !== undefined && moved.has(key(item));
  };
  let i = 0;
  while (i < order.length) {
    if (!movedAt(i)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < order.length && movedAt(j)) {
      j += 1;
    }
    // Moved run [i, j) between fixed neighbours i-1 and j.
    const count = j - i;
    const below = i > 0 ? z[i - 1] : undefined;
    const above = j < order.length ? z[j] : undefined;
    for (let k = 0; k < count; k++) {
      if (below !== undefined && above !== undefined) {
        z[i + k] = below + ((above - below) * (k + 1)) / (count + 1);
      } else if (below !== undefined) {
        z[i + k] = below + k + 1;
      } else if (above !== undefined) {
        z[i + k] = above - count + k;
      } else {
        z[i + k] = k + 1;
      }
    }
    i = j;
  }
  const increasing = z.every((value, n) => n === 0 || value > (z[n - 1] ?? -Infinity));
  let written = 0;
  doc.transact(() => {
    order.forEach((item, n) => {
      const next = increasing ? (z[n] ?? item.z) : n + 1;
      if (next !== item.z) {
        writeZ(doc, item, next);
        written += 1;
      }
    });
  });
  return written;
}

type Reorder = (group: OrderedItem[], isSelected: (item: OrderedItem) => boolean) => OrderedItem[];

/** Applies a reordering to every rank group that holds a selected item; returns items rewritten. */
function reorder(doc: Y.Doc, refs: readonly ItemRef[], rearrange: Reorder): number {
  const selected = new Set(refs.map(key));
  const groups = new Map<number, OrderedItem[]>();
  for (const item of paintOrder(doc)) {
    const group = groups.get(item.rank) ?? [];
    group.push(item);
    groups.set(item.rank, group);
  }
  let written = 0;
  doc.transact(() => {
    for (const group of groups.values()) {
      if (!group.some((item) => selected.has(key(item)))) {
        continue;
      }
      const next = rearrange(group, (item) => selected.has(key(item)));
      if (next.every((item, n) => item === group[n])) {
        continue;
      }
      const moved = new Set(next.filter((item) => selected.has(key(item))).map(key));
      written += assignZ(doc, next, moved);
    }
  });
  return written;
}

/** Whether the item at an index of a (changing) list is selected. */
function selectedAt(order: OrderedItem[], sel: (item: OrderedItem) => boolean): (n: number) => boolean {
  return (n) => {
    const item = order[n];
    return item !== undefined && sel(item);
  };
}

/** Puts the items above everything else of their layer (and rank), keeping their own order. */
export function bringToFront(doc: Y.Doc, refs: readonly ItemRef[]): number {
  return reorder(doc, refs, (group, sel) => [...group.filter((i) => !sel(i)), ...group.filter(sel)]);
}

/** Puts the items beneath everything else of their layer (and rank), keeping their own order. */
export function sendToBack(doc: Y.Doc, refs: readonly ItemRef[]): number {
  return reorder(doc, refs, (group, sel) => [...group.filter(sel), ...group.filter((i) => !sel(i))]);
}

/** Moves each run of selected items one place up: above the next unselected item. */
export function bringForward(doc: Y.Doc, refs: readonly ItemRef[]): number {
  return reorder(doc, refs, (group, sel) => {
    const order = [...group];
    const selAt = selectedAt(order, sel);
    let i = order.length - 1;
    while (i >= 0) {
      if (!selAt(i)) {
        i -= 1;
        continue;
      }
      let start = i;
      while (start > 0 && selAt(start - 1)) {
        start -= 1;
      }
      const [passed] = order.splice(i + 1, 1);
      if (passed) {
        order.splice(start, 0, passed);
      }
      i = start - 1;
    }
    return order;
  });
}

/** Moves each run of selected items one place down: beneath the previous unselected item. */
export function sendBackward(doc: Y.Doc, refs: readonly ItemRef[]): number {
  return reorder(doc, refs, (group, sel) => {
    const order = [...group];
    const selAt = selectedAt(order, sel);
    let i = 0;
    while (i < order.length) {
      if (!selAt(i)) {
        i += 1;
        continue;
      }
      let end = i;
      while (end + 1 < order.length && selAt(end + 1)) {
        end += 1;
      }
      const [passed] = i > 0 ? order.splice(i - 1, 1) : [];
      if (passed) {
        order.splice(end, 0, passed);
      }
      i = end + 1;
    }
    return order;
  });
}
