import type * as Y from 'yjs';
import { BRUSHES } from '../brushes.js';
import { readSheetMeta } from '../sketchLayout.js';
import type { Stroke } from '../strokeCodec.js';
import { decodeAsset, type Asset } from '../objects/assets.js';
import type { ObjectOfKind, SketchObject } from '../objects/objectCodec.js';
import { DEFAULT_LINE_HEIGHT, defaultVerticalAlign, type Arrowhead } from '../objects/objectFields.js';
import { localToScene } from '../objects/geometry.js';
import { hashString, objectGeometry } from '../objects/handDrawn.js';
import { assetsMap } from '../objects/objectLayout.js';
import { kindOf } from '../objects/kinds/index.js';
import type { ExcalidrawWriter } from '../objects/kinds/kindModule.js';
import { readSketchScene, scenePaintOrder, type RejectedEntry } from '../objects/sketchScene.js';
import { splitStoredColour } from './colours.js';
import {
  EXCALIDRAW_FONT,
  EXCALIDRAW_TYPE,
  EXCALIDRAW_VERSION,
  FREEDRAW_SIZE_FACTOR,
  type MitschriftData,
} from './excalidrawFormat.js';

/**
 * Exports a sketchnote as an `.excalidraw` file that Excalidraw opens (every field its restore
 * reads, with sane defaults; seed and versionNonce from a hash of the id, so the same sketch gives
 * the same file):
 *
 * - strokes → freedraw (points relative to the first point, pressures when the pen had them, else
 *   `simulatePressure`; pressure off → `strokeOptions.variability: 'constant'`), in paint order;
 * - rect, ellipse → rectangle (rounded via `roundness`), ellipse; a diamond container → diamond;
 * - line, arrow → line, arrow; a connector → an arrow bound at both ends (`boundElements` of the
 *   shapes list it); its points are the stored fallback points, which the editor keeps current;
 * - text → text (hand → Excalifont, sans and serif → Nunito), bound to its container where
 *   Excalidraw can bind text; image → image plus its file in `files`;
 * - speech bubbles, banners and hexagon/cloud containers have no Excalidraw equivalent: they become
 *   closed polygon lines of their outline, with the object in `customData` for a lossless re-import;
 * - a group → `groupIds: [group]`; brush, layer, author and creation time go to
 *   `customData.mitschrift`.
 *
 * Malformed entries of the document are left out and returned in `skipped`.
 */

/** One exported element (Excalidraw's element JSON). */
export type ExcalidrawElementJson = Record<string, unknown> & { id: string; type: string };

/** An exported file. */
export interface ExcalidrawFileJson {
  type: typeof EXCALIDRAW_TYPE;
  version: typeof EXCALIDRAW_VERSION;
  source: string;
  elements: ExcalidrawElementJson[];
  appState: { viewBackgroundColor: string };
  files: Record<
    string,
    { mimeType: string; id: string; dataURL: string; created: number; lastRetrieved: number }
  >;
}

/** How the file is labelled. */
export interface ExcalidrawExportOptions {
  /** The `source` field (Excalidraw writes its URL there). */
  source: string;
}

const seedOf = (id: string, salt: string): number => hashString(`${id}:${salt}`) & 0x7fffffff || 1;
/** Up to 6 decimals: enough for 1/8-unit points, without float noise like 60.00000000000001. */
const tidy = (n: number): number => {
  const r = Math.round(n * 1e6) / 1e6;
  return r === 0 ? 0 : r;
};

function baseElement(
  id: string,
  type: string,
  fields: {
    x: number;
    y: number;
    width: number;
    height: number;
    angle?: number;
    strokeColor: string;
    backgroundColor?: string;
    fillStyle?: string;
    strokeWidth: number;
    strokeStyle?: string;
    roughness: number;
    opacity: number;
    groupId: string | undefined;
    roundness?: { type: number; value?: number } | null;
    updated: number;
    customData: MitschriftData;
  },
): ExcalidrawElementJson {
  return {
    id,
    type,
    x: tidy(fields.x),
    y: tidy(fields.y),
    width: tidy(fields.width),
    height: tidy(fields.height),
    angle: fields.angle ?? 0,
    strokeColor: fields.strokeColor,
    backgroundColor: fields.backgroundColor ?? 'transparent',
    fillStyle: fields.fillStyle ?? 'solid',
    strokeWidth: fields.strokeWidth,
    strokeStyle: fields.strokeStyle ?? 'solid',
    roughness: fields.roughness,
    opacity: tidy(fields.opacity),
    groupIds: fields.groupId ? [fields.groupId] : [],
    frameId: null,
    index: null,
    roundness: fields.roundness ?? null,
    seed: seedOf(id, 'seed'),
    version: 1,
    versionNonce: seedOf(id, 'nonce'),
    isDeleted: false,
    boundElements: null,
    updated: fields.updated,
    link: null,
    locked: false,
    customData: { mitschrift: fields.customData },
  };
}

function strokeElement(stroke: Stroke, groupId: string | undefined): ExcalidrawElementJson {
  const { xyp, hasPressure } = stroke.points;
  const count = xyp.length / 3;
  const x0 = xyp[0] ?? 0;
  const y0 = xyp[1] ?? 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const points: Array<[number, number]> = [];
  const pressures: number[] = [];
  for (let i = 0; i < count; i++) {
    const x = (xyp[i * 3] ?? 0) - x0;
    const y = (xyp[i * 3 + 1] ?? 0) - y0;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    points.push([x, y]);
    if (hasPressure) {
      pressures.push(Math.round((xyp[i * 3 + 2] ?? 0.5) * 10000) / 10000);
    }
  }
  const { hex, alpha } = splitStoredColour(stroke.colour);
  const brushOpacity = BRUSHES[stroke.brush].opacity;
  const factor = stroke.pressureOn ? FREEDRAW_SIZE_FACTOR.variable : FREEDRAW_SIZE_FACTOR.constant;
  return {
    ...baseElement(stroke.id, 'freedraw', {
      x: x0,
      y: y0,
      width: maxX - minX,
      height: maxY - minY,
      // The colour keeps its own alpha; the element's opacity carries the brush's (a highlighter's 35 %).
      strokeColor: alpha < 1 ? stroke.colour.toLowerCase() : hex,
      strokeWidth: stroke.size / factor,
      roughness: 0,
      opacity: brushOpacity * 100,
      groupId,
      updated: stroke.createdAt,
      customData: {
        v: 1,
        layer: stroke.layer,
        author: stroke.author,
        createdAt: stroke.createdAt,
        brush: stroke.brush,
      },
    }),
    points,
    pressures,
    simulatePressure: !hasPressure,
    strokeOptions: {
      variability: stroke.pressureOn ? 'variable' : 'constant',
      streamline: tidy(0.15 + 0.7 * stroke.smoothing),
    },
  };
}

const HEADS: Record<Arrowhead, string> = {
  arrow: 'arrow',
  triangle: 'triangle',
  bar: 'bar',
  dot: 'circle',
  diamond: 'diamond',
};

/** Element types an Excalidraw arrow can bind to and text can sit in. */
const BINDABLE = new Set(['rectangle', 'ellipse', 'diamond', 'image', 'text']);
const TEXT_CONTAINERS = new Set(['rectangle', 'ellipse', 'diamond', 'arrow']);

/** Writes our objects as Excalidraw elements; each kind's module chooses which of its mappings fits. */
class Exporter implements ExcalidrawWriter {
  readonly elements: ExcalidrawElementJson[] = [];
  readonly files: ExcalidrawFileJson['files'] = {};
  private readonly typeById = new Map<string, string>();
  private readonly bound = new Map<string, Array<{ id: string; type: 'arrow' | 'text' }>>();

  constructor(
    objects: Map<string, SketchObject>,
    private readonly assets: (id: string) => Asset | undefined,
  ) {
    // Element types are known before any element is written, so bindings can check their target.
    for (const object of objects.values()) {
      this.typeById.set(object.id, kindOf(object).excalidrawType(object));
    }
  }

  private common(
    object: SketchObject,
    type: string,
    extra: Partial<MitschriftData> = {},
  ): ExcalidrawElementJson {
    const stroke = splitStoredColour(object.strokeColour);
    return baseElement(object.id, type, {
      x: object.x,
      y: object.y,
      width: object.w,
      height: object.h,
      angle: object.angle,
      strokeColor: stroke.alpha < 1 ? object.strokeColour.toLowerCase() : stroke.hex,
      backgroundColor: object.fillColour === null ? 'transparent' : object.fillColour.toLowerCase(),
      fillStyle: object.fillStyle === 'crossHatch' ? 'cross-hatch' : (object.fillStyle ?? 'solid'),
      strokeWidth: object.strokeWidth,
      strokeStyle: object.strokeStyle ?? 'solid',
      roughness: object.style === 'handDrawn' ? 1 : 0,
      opacity: object.opacity * 100,
      groupId: object.groupId,
      updated: object.createdAt,
      customData: { v: 1, layer: object.layer, author: object.author, createdAt: object.createdAt, ...extra },
    });
  }

  private bind(targetId: string, id: string, type: 'arrow' | 'text'): void {
    const list = this.bound.get(targetId) ?? [];
    list.push({ id, type });
    this.bound.set(targetId, list);
  }

  add(object: SketchObject): void {
    kindOf(object).toExcalidraw(object, this);
  }

  box(object: SketchObject, type: string, fields: Record<string, unknown> = {}): void {
    this.elements.push({ ...this.common(object, type), ...fields });
  }

  /** A shape Excalidraw lacks: a closed polygon line of its exact outline, the object in customData. */
  approximate(object: SketchObject): void {
    const outline = objectGeometry({ ...object, style: 'clean', strokeWidth: 1 }).strokes[0]?.points ?? [];
    const points: Array<[number, number]> = [];
    for (let i = 0; i + 1 < outline.length; i += 2) {
      points.push([outline[i] ?? 0, outline[i + 1] ?? 0]);
    }
    const first = points[0];
    if (!first || points.length < 2) {
      return;
    }
    points.push(first);
    const [x0, y0] = first;
    const relative = points.map(([x, y]): [number, number] => [tidy(x - x0), tidy(y - y0)]);
    const xs = relative.map((p) => p[0]);
    const ys = relative.map((p) => p[1]);
    const { id: _id, ...json } = object;
    void _id;
    const element = this.common(object, 'line', { object: json, origin: [tidy(x0), tidy(y0)] });
    this.elements.push({
      ...element,
      x: tidy(x0),
      y: tidy(y0),
      width: tidy(Math.max(...xs) - Math.min(...xs)),
      height: tidy(Math.max(...ys) - Math.min(...ys)),
      angle: 0,
      points: relative,
      polygon: true,
      startArrowhead: null,
      endArrowhead: null,
      startBinding: null,
      endBinding: null,
    });
  }

  linear(object: ObjectOfKind<'line' | 'arrow' | 'connector'>): void {
    // Excalidraw's first point is the element's origin and it rotates about the points' box centre;
    // ours rotates about the stored box centre. Place the origin so both give the same scene points.
    const [p0x, p0y] = object.points[0] ?? [0, 0];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [px, py] of object.points) {
      minX = Math.min(minX, px);
      maxX = Math.max(maxX, px);
      minY = Math.min(minY, py);
      maxY = Math.max(maxY, py);
    }
    const bx = (minX + maxX) / 2;
    const by = (minY + maxY) / 2;
    const [sbx, sby] = localToScene(object, bx, by);
    const x = sbx - (bx - p0x);
    const y = sby - (by - p0y);
    const type = object.kind === 'line' ? 'line' : 'arrow';
    const extra: Partial<MitschriftData> = {};
    let startBinding: unknown = null;
    let endBinding: unknown = null;
    if (object.kind === 'connector') {
      for (const [end, target, anchor] of [
        ['start', object.startBinding, object.startAnchor],
        ['end', object.endBinding, object.endAnchor],
      ] as const) {
        if (BINDABLE.has(this.typeById.get(target) ?? '')) {
          const binding = { elementId: target, fixedPoint: anchor ?? [0.5, 0.5], mode: 'orbit' };
          if (end === 'start') {
            startBinding = binding;
          } else {
            endBinding = binding;
          }
          this.bind(target, object.id, 'arrow');
        } else {
          extra[end === 'start' ? 'startBinding' : 'endBinding'] = target;
        }
      }
    }
    this.elements.push({
      ...this.common(object, type, extra),
      x: tidy(x),
      y: tidy(y),
      width: tidy(maxX - minX),
      height: tidy(maxY - minY),
      points: object.points.map(([px, py]) => [tidy(px - p0x), tidy(py - p0y)]),
      roundness: object.curved ? { type: 2 } : null,
      startArrowhead: object.startArrowhead ? HEADS[object.startArrowhead] : null,
      endArrowhead: object.endArrowhead ? HEADS[object.endArrowhead] : null,
      startBinding,
      endBinding,
      ...(type === 'line'
        ? { polygon: object.kind === 'line' && object.closed === true }
        : { elbowed: false }),
    });
  }

  text(object: ObjectOfKind<'text'>): void {
    const containerType =
      object.containerId === undefined ? undefined : this.typeById.get(object.containerId);
    const bindable = containerType !== undefined && TEXT_CONTAINERS.has(containerType);
    const extra: Partial<MitschriftData> = {
      ...(object.fontFamily === 'serif' ? { fontFamily: 'serif' } : {}),
      ...(object.containerId !== undefined && !bindable ? { containerId: object.containerId } : {}),
    };
    if (bindable && object.containerId !== undefined) {
      this.bind(object.containerId, object.id, 'text');
    }
    this.elements.push({
      ...this.common(object, 'text', extra),
      backgroundColor: 'transparent',
      text: object.text,
      originalText: object.text,
      fontSize: object.fontSize,
      fontFamily: EXCALIDRAW_FONT[object.fontFamily],
      textAlign: object.align,
      verticalAlign: object.verticalAlign ?? defaultVerticalAlign(object.containerId !== undefined),
      containerId: bindable ? object.containerId : null,
      autoResize: true,
      lineHeight: object.lineHeight ?? DEFAULT_LINE_HEIGHT,
    });
  }

  image(object: ObjectOfKind<'image'>): void {
    const asset = this.assets(object.assetId);
    if (asset && !this.files[asset.id]) {
      this.files[asset.id] = {
        mimeType: asset.mimeType,
        id: asset.id,
        dataURL: `data:${asset.mimeType};base64,${asset.dataBase64}`,
        created: object.createdAt,
        lastRetrieved: object.createdAt,
      };
    }
    this.elements.push({
      ...this.common(object, 'image'),
      backgroundColor: 'transparent',
      fileId: object.assetId,
      status: asset ? 'saved' : 'error',
      scale: [object.flipX ? -1 : 1, object.flipY ? -1 : 1],
      crop: null,
    });
  }

  /** Fills in `boundElements` of the shapes that arrows and texts are bound to. */
  finish(): void {
    for (const element of this.elements) {
      const bound = this.bound.get(element.id);
      if (bound) {
        element['boundElements'] = bound;
      }
    }
  }
}

/** The `.excalidraw` file of a sketch document, and the entries left out as malformed. */
export function exportExcalidraw(
  doc: Y.Doc,
  options: ExcalidrawExportOptions,
): { file: ExcalidrawFileJson; skipped: RejectedEntry[] } {
  const scene = readSketchScene(doc);
  const objects = new Map(scene.objects.map((o) => [o.id, o]));
  const assets = (id: string): Asset | undefined => {
    const result = decodeAsset(id, assetsMap(doc).get(id));
    return result.ok ? result.value : undefined;
  };
  const exporter = new Exporter(objects, assets);
  for (const entry of scenePaintOrder(scene)) {
    if (entry.type === 'stroke') {
      exporter.elements.push(strokeElement(entry.item, scene.strokeGroups.get(entry.item.id)));
    } else {
      exporter.add(entry.item);
    }
  }
  exporter.finish();
  return {
    file: {
      type: EXCALIDRAW_TYPE,
      version: EXCALIDRAW_VERSION,
      source: options.source,
      elements: exporter.elements,
      appState: { viewBackgroundColor: readSheetMeta(doc).background },
      files: exporter.files,
    },
    skipped: scene.rejected,
  };
}

/** The file's text (compact JSON: a sketchnote's points would make an indented file huge). */
export function serialiseExcalidraw(file: ExcalidrawFileJson): string {
  return JSON.stringify(file);
}
