import type * as Y from 'yjs';
import {
  COORD_LIMIT,
  MAX_STROKE_SIZE,
  MIN_STROKE_SIZE,
  strokesMap,
  type StrokeJson,
} from '../sketchLayout.js';
import { decodeStroke, encodeStroke } from '../strokeCodec.js';
import {
  decodeObject,
  encodeObject,
  normaliseAngle,
  type NewObject,
  type ObjectJson,
  type SketchObject,
} from '../objects/objectCodec.js';
import { isLineLike } from '../objects/objectFields.js';
import { localToScene, objectCentre, quantise } from '../objects/geometry.js';
import { MAX_OBJECT_STROKE_WIDTH, objectsMap } from '../objects/objectLayout.js';
import { kindOf } from '../objects/kinds/index.js';
import type { ItemRef } from '../objects/paintOrder.js';

/**
 * Moving, rotating and scaling selected items by one affine map of the scene (the selection
 * handles produce it). Strokes transform exactly, point by point. Objects are stored as rotated
 * boxes, which an arbitrary affine map (a non-uniform scale of a rotated box) cannot keep exactly:
 * a box keeps its shape kind and is scaled along its own axes, as Excalidraw and tldraw do, while
 * everything stored as points (lines, a speech bubble's tail) is transformed exactly.
 */

/**
 * An affine map as canvas `setTransform(a, b, c, d, e, f)` takes it: x' = a·x + c·y + e,
 * y' = b·x + d·y + f.
 */
export type Affine = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

/** The map that leaves everything where it is. */
export const IDENTITY_AFFINE: Affine = [1, 0, 0, 1, 0, 0];

/** The product m·n: applying it applies `n` first, then `m` (as canvas `transform` and DOMMatrix). */
export function composeAffine(m: Affine, n: Affine): Affine {
  const [a, b, c, d, e, f] = m;
  const [a2, b2, c2, d2, e2, f2] = n;
  return [
    a * a2 + c * b2,
    b * a2 + d * b2,
    a * c2 + c * d2,
    b * c2 + d * d2,
    a * e2 + c * f2 + e,
    b * e2 + d * f2 + f,
  ];
}

/** The inverse map, or null when `m` flattens the plane (or holds a non-finite number). */
export function invertAffine(m: Affine): Affine | null {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  if (det === 0 || !Number.isFinite(det) || !m.every(Number.isFinite)) {
    return null;
  }
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** The image of the point (x, y). */
export function applyAffine(m: Affine, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The determinant a·d − b·c: the factor by which `m` scales areas (negative: it mirrors). */
function affineDeterminant(m: Affine): number {
  return m[0] * m[3] - m[1] * m[2];
}

/** A translation by (tx, ty). */
export function affineTranslate(tx: number, ty: number): Affine {
  return [1, 0, 0, 1, tx, ty];
}

/** A rotation by `angle` radians (clockwise on screen, the y axis pointing down) about (cx, cy). */
export function affineRotate(angle: number, cx = 0, cy = 0): Affine {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy];
}

/** A scale by (sx, sy) along the scene axes about (cx, cy). */
export function affineScale(sx: number, sy: number, cx = 0, cy = 0): Affine {
  return [sx, 0, 0, sy, cx - sx * cx, cy - sy * cy];
}

/** The parts of an affine map: m = translate · rotate · skew · scale (see {@link affineFromTRS}). */
export interface AffineParts {
  tx: number;
  ty: number;
  /** Radians: the direction the map sends the x axis to. */
  rotation: number;
  /** Length of the image of the x axis (never negative). */
  scaleX: number;
  /** Negative when the map mirrors. */
  scaleY: number;
  /** Horizontal shear applied before the rotation (0 for any rotate/scale/translate combination). */
  skew: number;
}

/** Builds translate(tx, ty) · rotate(rotation) · [[1, skew], [0, 1]] · scale(scaleX, scaleY). */
export function affineFromTRS(
  tx: number,
  ty: number,
  rotation: number,
  scaleX = 1,
  scaleY = 1,
  skew = 0,
): Affine {
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  // Columns: R·(sx, 0) and R·(skew·sy, sy).
  return [cos * scaleX, sin * scaleX, (cos * skew - sin) * scaleY, (sin * skew + cos) * scaleY, tx, ty];
}

/** Splits a map into translation, rotation, scales and skew (the inverse of {@link affineFromTRS}). */
export function decomposeAffine(m: Affine): AffineParts {
  const [a, b, c, d, e, f] = m;
  const scaleX = Math.hypot(a, b);
  if (scaleX === 0) {
    // The x axis collapses: read the rotation from the y axis instead.
    return { tx: e, ty: f, rotation: Math.atan2(-c, d) + 0, scaleX: 0, scaleY: Math.hypot(c, d), skew: 0 };
  }
  const det = a * d - b * c;
  const scaleY = det / scaleX;
  return {
    tx: e,
    ty: f,
    // + 0 turns −0 into 0.
    rotation: Math.atan2(b, a) + 0,
    scaleX,
    scaleY,
    skew: scaleY === 0 ? 0 : (a * c + b * d) / (scaleX * scaleY),
  };
}

const LIMIT = COORD_LIMIT - 1;
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
/** The factor by which lengths grow on average: sizes and widths follow it. */
const lengthScale = (m: Affine): number => Math.sqrt(Math.abs(affineDeterminant(m)));

function checkedAffine(m: Affine): void {
  if (m.length !== 6 || !m.every(Number.isFinite)) {
    throw new RangeError('The transform has a non-finite number.');
  }
}

/**
 * A stroke's stored JSON with its points mapped by `m` (kept within ±(COORD_LIMIT − 1)) and its
 * size scaled by √|det m| (within the size limits); everything else kept. Throws a RangeError if
 * the entry is not a valid stroke or the map is not finite.
 */
export function transformStrokeJson(id: string, json: StrokeJson, m: Affine): StrokeJson {
  checkedAffine(m);
  const decoded = decodeStroke(id, json);
  if (!decoded.ok) {
    throw new RangeError(`Stroke ${id}: ${decoded.reason}`);
  }
  const { id: _id, points, ...style } = decoded.stroke;
  void _id;
  const xyp = points.xyp.slice();
  for (let i = 0; i < xyp.length; i += 3) {
    const [x, y] = applyAffine(m, xyp[i] ?? 0, xyp[i + 1] ?? 0);
    xyp[i] = clamp(x, -LIMIT, LIMIT);
    xyp[i + 1] = clamp(y, -LIMIT, LIMIT);
  }
  const size = clamp(style.size * lengthScale(m), MIN_STROKE_SIZE, MAX_STROKE_SIZE);
  return encodeStroke({ ...style, size, points: { xyp, hasPressure: points.hasPressure } });
}

type Pt = [number, number];
const clampPoint = ([x, y]: Pt): Pt => [clamp(x, -LIMIT, LIMIT), clamp(y, -LIMIT, LIMIT)];

/**
 * An object mapped by `m`, ready to store (positions quantised to 1/8 unit, kept on the scene).
 *
 * - Box kinds: the centre is mapped; w and h are scaled by the length of m's image of the box's own
 *   unit axes; the angle becomes angle + rotation(m), or rotation(m) − angle when m mirrors (the
 *   mirror image of a symmetric box tilted by α is tilted by −α). A mirrored image toggles flipY
 *   (mirroring = rotating by π and flipping vertically), so its pixels mirror exactly.
 * - Line-likes: every point mapped exactly in scene coordinates, stored unrotated and re-based.
 * - The speech bubble's tail tip maps exactly; font size, stroke width and corner radius scale by
 *   √|det m| within their limits.
 */
export function transformObject(object: SketchObject, m: Affine): NewObject {
  checkedAffine(m);
  const { id: _id, v: _v, ...rest } = object;
  void [_id, _v];
  const scale = lengthScale(m);
  const strokeWidth = clamp(object.strokeWidth * scale, 0, MAX_OBJECT_STROKE_WIDTH);
  if (isLineLike(object)) {
    const scene = object.points.map(([px, py]): Pt => {
      const [x, y] = clampPoint(applyAffine(m, ...localToScene(object, px, py)));
      return [quantise(x), quantise(y)];
    });
    // Quantised scene points minus a quantised minimum stay exact multiples of 1/8.
    const minX = Math.min(...scene.map((p) => p[0]));
    const minY = Math.min(...scene.map((p) => p[1]));
    const points = scene.map(([x, y]): Pt => [quantise(x - minX), quantise(y - minY)]);
    return {
      ...rest,
      x: minX,
      y: minY,
      w: Math.max(...points.map((p) => p[0])),
      h: Math.max(...points.map((p) => p[1])),
      angle: 0,
      strokeWidth,
      points,
    } as NewObject;
  }
  const [a, b, c, d] = m;
  const cos = Math.cos(object.angle);
  const sin = Math.sin(object.angle);
  // The images of the box's own unit axes (cos, sin) and (−sin, cos) under the linear part.
  const w = Math.min(2 * LIMIT, quantise(object.w * Math.hypot(a * cos + c * sin, b * cos + d * sin)));
  const h = Math.min(2 * LIMIT, quantise(object.h * Math.hypot(-a * sin + c * cos, -b * sin + d * cos)));
  const mirrored = affineDeterminant(m) < 0;
  const rotation = Math.atan2(b, a);
  const angle = normaliseAngle(mirrored ? rotation - object.angle : object.angle + rotation);
  const [cx, cy] = applyAffine(m, ...objectCentre(object));
  const x = clamp(quantise(cx - w / 2), -LIMIT, LIMIT - w);
  const y = clamp(quantise(cy - h / 2), -LIMIT, LIMIT - h);
  const box = { x, y, w, h, angle };
  const own = kindOf(object).transformed?.(object, {
    box,
    mapPoint: (px, py) => clampPoint(applyAffine(m, px, py)),
    scale,
    mirrored,
    limit: LIMIT,
  });
  // A kind clears an optional field (an image's flipY) by answering undefined for it.
  const merged = Object.entries({ ...rest, ...box, strokeWidth, ...own }).filter(
    ([, value]) => value !== undefined,
  );
  return Object.fromEntries(merged) as NewObject;
}

/**
 * Applies `m` to strokes and objects in one transaction with `origin`. Texts inside a transformed
 * object move with it even if not listed; connectors need nothing (their ends follow their bound
 * objects). Missing or malformed entries, and results that cannot be stored, are skipped, never
 * thrown: a peer may have changed them a moment ago. Returns the number of entries written.
 */
export function transformItems(doc: Y.Doc, refs: readonly ItemRef[], m: Affine, origin?: unknown): number {
  if (m.length !== 6 || !m.every(Number.isFinite)) {
    return 0;
  }
  const strokeIds = new Set<string>();
  const objectIds = new Set<string>();
  for (const ref of refs) {
    (ref.type === 'stroke' ? strokeIds : objectIds).add(ref.id);
  }
  if (objectIds.size > 0) {
    objectsMap(doc).forEach((value, id) => {
      const containerId = (value as { containerId?: unknown } | null)?.containerId;
      if (typeof containerId === 'string' && objectIds.has(containerId)) {
        objectIds.add(id);
      }
    });
  }
  const strokes: Array<[string, StrokeJson]> = [];
  for (const id of strokeIds) {
    try {
      strokes.push([id, transformStrokeJson(id, strokesMap(doc).get(id) as StrokeJson, m)]);
    } catch {
      // Not (or no longer) a valid stroke, or its transform cannot be stored: leave it.
    }
  }
  const objects: Array<[string, ObjectJson]> = [];
  for (const id of objectIds) {
    const decoded = decodeObject(id, objectsMap(doc).get(id));
    if (!decoded.ok) {
      continue;
    }
    try {
      objects.push([id, encodeObject(transformObject(decoded.value, m))]);
    } catch {
      // The result cannot be stored (say, too large for the scene): leave the object as it is.
    }
  }
  let written = 0;
  doc.transact(() => {
    for (const [id, json] of strokes) {
      if (strokesMap(doc).has(id)) {
        strokesMap(doc).set(id, json);
        written += 1;
      }
    }
    for (const [id, json] of objects) {
      if (objectsMap(doc).has(id)) {
        objectsMap(doc).set(id, json);
        written += 1;
      }
    }
  }, origin);
  return written;
}
