import type * as Y from 'yjs';
import { z } from 'zod';
import { strokeJsonSchema, type StrokeJson } from '../sketchLayout.js';
import { decodeStroke } from '../strokeCodec.js';
import { addAsset, assetJsonSchema, decodeAsset, type AssetJson } from './assets.js';
import { decodeObject, isPlainObject, type ObjectJson, type SketchObject } from './objectCodec.js';
import { objectIdSchema } from './objectFields.js';
import { placeItems, shiftStroke, snapshotItems, type IdMaker, type ItemSnapshot } from './objectEdits.js';
import { unionBoxes, type Box } from './geometry.js';
import { objectBounds } from './objectBounds.js';
import { assetsMap } from './objectLayout.js';
import type { ItemRef } from './paintOrder.js';

/**
 * Copy and paste of strokes and objects, within one sketchnote and between sketchnotes (also in
 * another window or on another device, through the system clipboard). The clipboard holds JSON of
 * this shape under the type {@link SKETCH_CLIPBOARD_MIME}:
 *
 *   {
 *     "type": "mitschrift/sketch-clipboard", "version": 1,
 *     "width": 420, "height": 180,        // the selection's box; positions are relative to its top-left
 *     "strokes": [{ "id": "…", "groupId"?: "…", "stroke": StrokeJson }],   // as stored, points moved
 *     "objects": [{ "id": "…", "object": ObjectJson }],                      // as stored, x/y moved
 *     "assets": { "<assetId>": AssetJson }                                  // images the objects use
 *   }
 *
 * The ids are the originals: a paste gives every item a new id and keeps the links among the
 * pasted items (connector ends, text containers, groups). Pasted content is untrusted: each entry
 * is validated like a document entry, and bad ones are left out with a reason.
 */

/** The clipboard type of copied strokes and objects. */
export const SKETCH_CLIPBOARD_MIME = 'application/x-mitschrift-sketch+json';
const SKETCH_CLIPBOARD_TYPE = 'mitschrift/sketch-clipboard';
/** Largest clipboard text accepted (images included). */
const MAX_CLIPBOARD_CHARS = 64 * 1024 * 1024;
/** Most items in one paste. */
const MAX_CLIPBOARD_ITEMS = 50_000;

const clipboardSchema = z.object({
  type: z.literal(SKETCH_CLIPBOARD_TYPE),
  version: z.literal(1),
  width: z.number().min(0),
  height: z.number().min(0),
  strokes: z
    .array(z.object({ id: objectIdSchema, groupId: objectIdSchema.optional(), stroke: z.unknown() }))
    .max(MAX_CLIPBOARD_ITEMS),
  objects: z.array(z.object({ id: objectIdSchema, object: z.unknown() })).max(MAX_CLIPBOARD_ITEMS),
  assets: z.record(objectIdSchema, z.unknown()),
});

function snapshotBounds(snapshot: ItemSnapshot): Box | null {
  const boxes: Box[] = [];
  for (const { id, json } of snapshot.strokes) {
    const decoded = decodeStroke(id, json);
    const summary = decoded.ok ? decoded.stroke.points.summary : undefined;
    if (summary) {
      boxes.push({
        x: summary.minX,
        y: summary.minY,
        width: summary.maxX - summary.minX,
        height: summary.maxY - summary.minY,
      });
    }
  }
  for (const { id, json } of snapshot.objects) {
    boxes.push(objectBounds({ ...json, id } as SketchObject));
  }
  return unionBoxes(boxes);
}

/**
 * The clipboard text of some strokes and objects (with the images they use), positions relative
 * to the top-left of their box; null when none of them exists.
 */
export function copyItems(doc: Y.Doc, refs: readonly ItemRef[]): string | null {
  return copyItemsWithBox(doc, refs)?.text ?? null;
}

/** As {@link copyItems}, with the box the positions are relative to (where the items sit on the scene). */
export function copyItemsWithBox(doc: Y.Doc, refs: readonly ItemRef[]): { text: string; box: Box } | null {
  const snapshot = snapshotItems(doc, refs);
  const box = snapshotBounds(snapshot);
  if (!box) {
    return null;
  }
  const images = new Map<string, unknown>();
  // Only moved, keeping ids: the paste makes the new ids.
  const strokes = snapshot.strokes.map(({ id, json, groupId }) => ({
    id,
    ...(groupId ? { groupId } : {}),
    stroke: shiftStroke(id, json, -box.x, -box.y),
  }));
  const objects = snapshot.objects.map(({ id, json }) => ({
    id,
    object: { ...json, x: json.x - box.x, y: json.y - box.y },
  }));
  for (const { json } of snapshot.objects) {
    if (json.kind === 'image' && !images.has(json.assetId)) {
      const asset = assetsMap(doc).get(json.assetId);
      if (decodeAsset(json.assetId, asset).ok) {
        images.set(json.assetId, asset);
      }
    }
  }
  return {
    text: clipboardText({
      width: box.width,
      height: box.height,
      strokes,
      objects,
      assets: Object.fromEntries(images),
    }),
    box,
  };
}

/** What a clipboard text holds (see the format above); positions relative to the box's top-left. */
export interface ClipboardContent {
  width: number;
  height: number;
  strokes: ReadonlyArray<{ id: string; groupId?: string; stroke: StrokeJson }>;
  objects: ReadonlyArray<{ id: string; object: ObjectJson }>;
  assets?: Readonly<Record<string, unknown>>;
}

/**
 * The clipboard text of prepared items: what a copy writes, and what the library's icons,
 * stamps and templates (shared/sketch/library/) hand to the same paste.
 */
export function clipboardText(content: ClipboardContent): string {
  return JSON.stringify({
    type: SKETCH_CLIPBOARD_TYPE,
    version: 1,
    width: content.width,
    height: content.height,
    strokes: content.strokes,
    objects: content.objects,
    assets: content.assets ?? {},
  });
}

/** What a paste did. */
export type PasteResult =
  | {
      ok: true;
      /** The new items, in paint order (to select them). */
      added: ItemRef[];
      /** Clipboard entries left out, and why. */
      rejected: Array<{ id: string; reason: string }>;
    }
  | { ok: false; reason: string };

/** Where and by whom a paste is made. */
export interface PasteOptions {
  /** Scene position of the top-left of the pasted box. */
  at: { x: number; y: number };
  newId: IdMaker;
  author: string;
  now: number;
}

/** Whether a text is (probably) this app's clipboard JSON, before parsing it. */
export function isSketchClipboard(text: string): boolean {
  return (
    text.length < MAX_CLIPBOARD_CHARS &&
    text.trimStart().startsWith('{') &&
    text.includes(SKETCH_CLIPBOARD_TYPE)
  );
}

/**
 * Pastes clipboard text into a sketch document: every item gets a new id, sits at `at` (keeping
 * relative positions) on top of its layer, and belongs to the paster. Images come along unless the
 * document has them already. Never throws: bad clipboard text gives a reason, bad entries are
 * listed in `rejected`.
 */
export function pasteItems(doc: Y.Doc, text: string, options: PasteOptions): PasteResult {
  if (text.length > MAX_CLIPBOARD_CHARS) {
    return { ok: false, reason: `the clipboard holds more than ${MAX_CLIPBOARD_CHARS} characters` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the clipboard is not JSON: ${(error as Error).message}` };
  }
  const parsed = clipboardSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: 'the clipboard does not hold Mitschrift sketch items' };
  }
  const data = parsed.data;
  const rejected: Array<{ id: string; reason: string }> = [];
  const snapshot: ItemSnapshot = { strokes: [], objects: [] };
  for (const entry of data.strokes) {
    const result = decodeStroke(entry.id, entry.stroke);
    if (result.ok) {
      snapshot.strokes.push({
        id: entry.id,
        json: strokeJsonSchema.parse(entry.stroke),
        ...(entry.groupId ? { groupId: entry.groupId } : {}),
      });
    } else {
      rejected.push({ id: entry.id, reason: result.reason });
    }
  }
  const assets = new Map<string, AssetJson>();
  for (const [id, value] of Object.entries(data.assets)) {
    if (!isPlainObject(value)) {
      continue;
    }
    const asset = assetsMap(doc).has(id) ? { ok: true as const } : decodeAsset(id, value, { verify: true });
    if (!asset.ok) {
      rejected.push({ id, reason: `image: ${asset.reason}` });
    } else if (!assetsMap(doc).has(id)) {
      assets.set(id, assetJsonSchema.parse(value));
    }
  }
  for (const entry of data.objects) {
    const result = decodeObject(entry.id, entry.object);
    if (!result.ok) {
      rejected.push({ id: entry.id, reason: result.reason });
      continue;
    }
    const { id: _id, ...objectJson } = result.value;
    void _id;
    if (
      objectJson.kind === 'image' &&
      !assets.has(objectJson.assetId) &&
      !assetsMap(doc).has(objectJson.assetId)
    ) {
      rejected.push({ id: entry.id, reason: 'its image is not on the clipboard' });
      continue;
    }
    snapshot.objects.push({ id: entry.id, json: objectJson });
  }
  try {
    let added: ItemRef[] = [];
    doc.transact(() => {
      added = placeItems(doc, snapshot, {
        dx: options.at.x,
        dy: options.at.y,
        newId: options.newId,
        author: options.author,
        now: options.now,
      });
      for (const [id, asset] of assets) {
        addAsset(doc, id, asset);
      }
    });
    return { ok: true, added, rejected };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
