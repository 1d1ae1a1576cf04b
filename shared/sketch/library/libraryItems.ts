import * as Y from 'yjs';
import { z } from 'zod';
import { affineScale, transformObject, transformStrokeJson } from '../edit/transform.js';
import { readExportScene } from '../export/exportScene.js';
import { sketchSvgParts } from '../export/svgExport.js';
import { clipboardText, pasteItems, type ClipboardContent } from '../objects/clipboard.js';
import { decodeObject, encodeObject, type ObjectJson } from '../objects/objectCodec.js';
import { metaMap, MIN_STROKE_SIZE, type LayerId, type StrokeJson } from '../sketchLayout.js';
import { encodeStroke } from '../strokeCodec.js';
import type { IconDefinition } from './iconCatalogue.js';

/**
 * Turns library entries (built-in icons, a recorder's stamps and templates) into clipboard text
 * (objects/clipboard.ts), so that placing one is an ordinary paste: new ids, on top of the layer,
 * undoable, synced, validated like any pasted content.
 */

/** How a placed icon is drawn. */
export interface IconPlacement {
  /** The icon's box side in scene units. */
  size: number;
  /** The pen colour, '#rrggbb'. */
  colour: string;
  layer: LayerId;
  author: string;
  now: number;
}

/** Longest step between two points of an icon's stroke, in box units. */
const MAX_STEP = 2.5;

/**
 * A line with points added along its straight parts: the stroke outline (perfect-freehand) rounds
 * off corners between far-apart points, so a speech bubble's few corners would come out as a blob.
 */
function densified(line: readonly number[]): number[] {
  const out: number[] = [line[0] ?? 0, line[1] ?? 0];
  for (let i = 2; i + 1 < line.length; i += 2) {
    const x0 = line[i - 2] ?? 0;
    const y0 = line[i - 1] ?? 0;
    const x1 = line[i] ?? 0;
    const y1 = line[i + 1] ?? 0;
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / MAX_STEP));
    for (let k = 1; k <= steps; k += 1) {
      out.push(x0 + ((x1 - x0) * k) / steps, y0 + ((y1 - y0) * k) / steps);
    }
  }
  return out;
}

/** The line width of an icon, relative to its size (a fineliner on a hand-sized icon). */
const ICON_LINE_SHARE = 0.04;

/**
 * An icon as clipboard text: one fineliner stroke per pen line, all in one group, `size` scene
 * units across, in the given colour and layer.
 */
export function iconClipboard(icon: IconDefinition, placement: IconPlacement): string {
  const scale = placement.size / 100;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const line of icon.lines) {
    for (let i = 0; i + 1 < line.length; i += 2) {
      minX = Math.min(minX, (line[i] ?? 0) * scale);
      minY = Math.min(minY, (line[i + 1] ?? 0) * scale);
      maxX = Math.max(maxX, (line[i] ?? 0) * scale);
      maxY = Math.max(maxY, (line[i + 1] ?? 0) * scale);
    }
  }
  const strokes = icon.lines.map((line, index) => {
    const dense = densified(line);
    const count = Math.floor(dense.length / 2);
    const xyp = new Float32Array(count * 3);
    for (let i = 0; i < count; i += 1) {
      xyp[i * 3] = (dense[i * 2] ?? 0) * scale - minX;
      xyp[i * 3 + 1] = (dense[i * 2 + 1] ?? 0) * scale - minY;
      xyp[i * 3 + 2] = 0.5;
    }
    const stroke: StrokeJson = encodeStroke({
      brush: 'fineliner',
      colour: placement.colour,
      size: Math.max(MIN_STROKE_SIZE, placement.size * ICON_LINE_SHARE),
      pressureOn: false,
      smoothing: 0,
      layer: placement.layer,
      author: placement.author,
      // One after the other, so a time-lapse shows the icon being drawn line by line.
      createdAt: placement.now + index,
      z: index,
      points: { xyp, hasPressure: false },
    });
    return { id: `${icon.id}-${index}`, groupId: icon.id, stroke };
  });
  return clipboardText({ width: maxX - minX, height: maxY - minY, strokes, objects: [] });
}

const looseClipboardSchema = z.object({
  width: z.number().min(0),
  height: z.number().min(0),
  strokes: z.array(z.object({ id: z.string(), groupId: z.string().optional(), stroke: z.unknown() })),
  objects: z.array(z.object({ id: z.string(), object: z.unknown() })),
  assets: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Clipboard text with every item scaled by `factor` about the box's top-left (a template made on
 * an A3 sheet applied to an A0 one). Entries that are not valid are left out (the paste would
 * refuse them anyway); null when the text is not clipboard JSON.
 */
export function scaledClipboard(text: string, factor: number): string | null {
  let parsed: z.infer<typeof looseClipboardSchema>;
  try {
    const result = looseClipboardSchema.safeParse(JSON.parse(text));
    if (!result.success) {
      return null;
    }
    parsed = result.data;
  } catch {
    return null;
  }
  const m = affineScale(factor, factor);
  const strokes: Array<ClipboardContent['strokes'][number]> = [];
  for (const entry of parsed.strokes) {
    try {
      strokes.push({
        id: entry.id,
        ...(entry.groupId ? { groupId: entry.groupId } : {}),
        stroke: transformStrokeJson(entry.id, entry.stroke as StrokeJson, m),
      });
    } catch {
      // Not a valid stroke: left out, as a paste would.
    }
  }
  const objects: Array<{ id: string; object: ObjectJson }> = [];
  for (const entry of parsed.objects) {
    const decoded = decodeObject(entry.id, entry.object);
    if (decoded.ok) {
      objects.push({ id: entry.id, object: encodeObject(transformObject(decoded.value, m)) });
    }
  }
  return clipboardText({
    width: parsed.width * factor,
    height: parsed.height * factor,
    strokes,
    objects,
    ...(parsed.assets ? { assets: parsed.assets } : {}),
  });
}

/** The box of clipboard text (its `width` and `height`), or null when it is not clipboard JSON. */
export function clipboardBox(text: string): { width: number; height: number } | null {
  try {
    const result = looseClipboardSchema.pick({ width: true, height: true }).safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** Margin around a preview's content, as a share of its larger side. */
const PREVIEW_MARGIN = 0.06;

/**
 * A small SVG picture of clipboard text (the library's thumbnails of stamps and templates), drawn
 * by the same SVG export as the sketchnote; text in the browser's fallback face. Null when
 * nothing in it can be drawn.
 */
export function clipboardPreviewSvg(text: string, pixels: number): string | null {
  const doc = new Y.Doc();
  metaMap(doc).set('format', 'infinite');
  let counter = 0;
  const result = pasteItems(doc, text, {
    at: { x: 0, y: 0 },
    newId: () => `p${counter++}`,
    author: 'preview',
    now: 0,
  });
  if (!result.ok || result.added.length === 0) {
    return null;
  }
  const scene = readExportScene(doc);
  const side = Math.max(scene.area.width, scene.area.height, 1);
  const margin = side * PREVIEW_MARGIN;
  const area = {
    x: scene.area.x - margin + (scene.area.width - side) / 2,
    y: scene.area.y - margin + (scene.area.height - side) / 2,
    width: side + 2 * margin,
    height: side + 2 * margin,
  };
  return [
    ...sketchSvgParts(
      { ...scene, area },
      { area, width: String(pixels), height: String(pixels), background: '#ffffff' },
      { mode: 'text' },
    ),
  ].join('');
}
