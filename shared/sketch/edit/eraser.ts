import type * as Y from 'yjs';
import { STROKE_ID_PATTERN, strokesMap, type StrokeJson } from '../sketchLayout.js';
import { decodeStroke, encodeStroke, splitPoints } from '../strokeCodec.js';
import type { SketchObject } from '../objects/objectCodec.js';
import type { ObjectLookup } from '../objects/handDrawn.js';
import { objectsMap, strokeGroupsMap } from '../objects/objectLayout.js';
import { pathHitsObject, polylineNearPath } from './selectionHit.js';

/**
 * The eraser: whole-item hits (the stroke and object eraser) and the partial stroke eraser, which
 * cuts away only the ink under the eraser and keeps the rest as new strokes.
 *
 * The eraser's path is its centre polyline since the last pointer event, as flat x, y pairs in
 * scene units; testing the segments between samples (not just the samples) means a fast swipe
 * cannot jump over a thin line.
 */

/** Whether an eraser path of radius `eraserRadius` touches a stroke's ink (centre line ± radius). */
export function eraserPathHitsStroke(
  xyp: ArrayLike<number>,
  count: number,
  strokeRadius: number,
  path: ReadonlyArray<number>,
  eraserRadius: number,
): boolean {
  return polylineNearPath(xyp, 3, count, false, path, Math.max(0, strokeRadius) + Math.max(0, eraserRadius));
}

/** Whether an eraser path touches an object's outline or fill (text and images: their rotated box). */
export function eraserPathHitsObject(
  object: SketchObject,
  path: ReadonlyArray<number>,
  eraserRadius: number,
  lookup?: ObjectLookup,
): boolean {
  return pathHitsObject(object, path, eraserRadius, lookup);
}

/** What is left of a stroke after the partial eraser. */
export interface ErasedStroke {
  /** False when no part of the stroke was within reach; `pieces` is then just the original. */
  changed: boolean;
  /** The remaining runs of the stroke, in drawing order, as x, y, pressure triples. */
  pieces: Float32Array[];
}

/**
 * How far from the eraser's centre the stroke's centre line is cut, as a share of the stroke's
 * radius added to the eraser's. At 0.5 a cut piece's round end still reaches half a stroke radius
 * into the eraser's circle, so the cut looks flush with the eraser's edge rather than leaving a
 * visible gap, and a stroke that the eraser grazes by less than half its width keeps its ink.
 */
export const ERASE_STROKE_RADIUS_SHARE = 0.5;

/**
 * Remaining pieces shorter than this (scene units) are dropped: a sliver left where a stroke's end
 * lay just outside the eraser would still paint a full-size round dot of ink.
 */
const MIN_PIECE_LENGTH = 1;

/**
 * The parameter interval [t0, t1] ⊆ [0, 1] of the segment p + t·v (t in 0..1) lying within `r` of
 * the segment c–d, or null. The set of points within r of a segment (a capsule) is convex, so this
 * is one interval: the union of the segment's intervals in the two end discs and the middle band.
 */
function capsuleInterval(
  px: number,
  py: number,
  vx: number,
  vy: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
  r: number,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (a: number, b: number): void => {
    const t0 = Math.max(0, a);
    const t1 = Math.min(1, b);
    if (t0 <= t1) {
      lo = Math.min(lo, t0);
      hi = Math.max(hi, t1);
    }
  };
  const vv = vx * vx + vy * vy;
  const disc = (qx: number, qy: number): void => {
    const wx = px - qx;
    const wy = py - qy;
    const c = wx * wx + wy * wy - r * r;
    if (vv === 0) {
      if (c <= 0) {
        take(0, 1);
      }
      return;
    }
    const b = vx * wx + vy * wy;
    const d = b * b - vv * c;
    if (d >= 0) {
      const root = Math.sqrt(d);
      take((-b - root) / vv, (-b + root) / vv);
    }
  };
  disc(cx, cy);
  const ex = dx - cx;
  const ey = dy - cy;
  const length = Math.hypot(ex, ey);
  if (length > 0) {
    disc(dx, dy);
    // The band: 0 ≤ along ≤ length and |across| ≤ r, clipped one slab at a time (Liang–Barsky).
    const ux = ex / length;
    const uy = ey / length;
    let t0 = 0;
    let t1 = 1;
    const slab = (start: number, rate: number, min: number, max: number): void => {
      if (rate === 0) {
        if (start < min || start > max) {
          t0 = 1;
          t1 = 0;
        }
        return;
      }
      const a = (min - start) / rate;
      const b = (max - start) / rate;
      t0 = Math.max(t0, Math.min(a, b));
      t1 = Math.min(t1, Math.max(a, b));
    };
    slab((px - cx) * ux + (py - cy) * uy, vx * ux + vy * uy, 0, length);
    slab(-(px - cx) * uy + (py - cy) * ux, -vx * uy + vy * ux, -r, r);
    take(t0, t1);
  }
  return lo <= hi ? [lo, hi] : null;
}

function asFloat32(xyp: ArrayLike<number>, count: number): Float32Array {
  if (xyp instanceof Float32Array && xyp.length === count * 3) {
    return xyp;
  }
  return Float32Array.from({ length: count * 3 }, (_, i) => xyp[i] ?? 0);
}

/**
 * Cuts away the parts of a stroke's centre line within `eraserRadius + strokeRadius / 2` of the
 * eraser path (see {@link ERASE_STROKE_RADIUS_SHARE}); each cut ends at an interpolated point
 * (pressure too) exactly on the boundary. Returns the remaining pieces in drawing order, pieces
 * shorter than {@link MIN_PIECE_LENGTH} dropped.
 */
export function erasePartOfStroke(
  xyp: ArrayLike<number>,
  count: number,
  strokeRadius: number,
  path: ReadonlyArray<number>,
  eraserRadius: number,
): ErasedStroke {
  const n = Math.max(0, Math.min(count, Math.floor(xyp.length / 3)));
  const pathCount = Math.floor(path.length / 2);
  const reach = Math.max(0, eraserRadius) + Math.max(0, strokeRadius) * ERASE_STROKE_RADIUS_SHARE;
  const unchanged = (): ErasedStroke => ({ changed: false, pieces: [asFloat32(xyp, n)] });
  if (n < 1 || pathCount < 1 || !eraserPathHitsStroke(xyp, n, strokeRadius, path, eraserRadius)) {
    return unchanged();
  }
  const X = (i: number): number => xyp[i * 3] ?? 0;
  const Y = (i: number): number => xyp[i * 3 + 1] ?? 0;
  const P = (i: number): number => xyp[i * 3 + 2] ?? 0;
  if (n === 1) {
    return polylineNearPath(xyp, 3, 1, false, path, reach) ? { changed: true, pieces: [] } : unchanged();
  }
  // Removed stretches along the stroke, as positions s = i + t (segment i, t in 0..1).
  const removed: Array<[number, number]> = [];
  const pathSegments = Math.max(1, pathCount - 1);
  for (let i = 0; i < n - 1; i++) {
    const px = X(i);
    const py = Y(i);
    const vx = X(i + 1) - px;
    const vy = Y(i + 1) - py;
    for (let k = 0; k < pathSegments; k++) {
      const last = pathCount === 1 ? k : k + 1;
      const hit = capsuleInterval(
        px,
        py,
        vx,
        vy,
        path[k * 2] ?? 0,
        path[k * 2 + 1] ?? 0,
        path[last * 2] ?? 0,
        path[last * 2 + 1] ?? 0,
        reach,
      );
      if (hit) {
        removed.push([i + hit[0], i + hit[1]]);
      }
    }
  }
  // A bare touch (a single point of tangency) removes nothing worth a cut.
  const stretches = removed.filter(([a, b]) => b - a > 1e-9).sort((a, b) => a[0] - b[0]);
  if (stretches.length === 0) {
    return unchanged();
  }
  const merged: Array<[number, number]> = [];
  for (const [a, b] of stretches) {
    const top = merged[merged.length - 1];
    if (top && a <= top[1] + 1e-9) {
      top[1] = Math.max(top[1], b);
    } else {
      merged.push([a, b]);
    }
  }
  // What is kept: the gaps between removed stretches, within [0, n − 1].
  const kept: Array<[number, number]> = [];
  let from = 0;
  for (const [a, b] of merged) {
    if (a > from) {
      kept.push([from, a]);
    }
    from = Math.max(from, b);
  }
  if (from < n - 1) {
    kept.push([from, n - 1]);
  }
  const at = (s: number, out: number[]): void => {
    const i = Math.min(n - 2, Math.floor(s));
    const t = s - i;
    if (t <= 0) {
      out.push(X(i), Y(i), P(i));
    } else if (t >= 1) {
      out.push(X(i + 1), Y(i + 1), P(i + 1));
    } else {
      out.push(X(i) + (X(i + 1) - X(i)) * t, Y(i) + (Y(i + 1) - Y(i)) * t, P(i) + (P(i + 1) - P(i)) * t);
    }
  };
  const pieces: Float32Array[] = [];
  for (const [a, b] of kept) {
    const values: number[] = [];
    at(a, values);
    for (let i = Math.floor(a) + 1; i < b; i++) {
      values.push(X(i), Y(i), P(i));
    }
    at(b, values);
    let length = 0;
    for (let j = 3; j < values.length; j += 3) {
      length += Math.hypot(
        (values[j] ?? 0) - (values[j - 3] ?? 0),
        (values[j + 1] ?? 0) - (values[j - 2] ?? 0),
      );
    }
    if (length >= MIN_PIECE_LENGTH) {
      pieces.push(Float32Array.from(values));
    }
  }
  return { changed: true, pieces };
}

/** Options of {@link erasePartial}. */
export interface ErasePartialOptions {
  /** Makes the id of each new stroke entry (random on clients, a fixed sequence in tests). */
  newId: () => string;
  /** The pieces' author; by default the original's, since the ink is still theirs. */
  author?: string;
}

/**
 * The z values of `count` pieces replacing a stroke at `z`: spread evenly in (z, next), where next
 * is the lowest z above it on its layer (at most z + 1), so the pieces keep the original's place
 * among every other item, and their drawing order among themselves. Only items with exactly the
 * original's z (normally none: new items take a fresh z) may end up beneath the pieces instead of
 * above. If the gap is too narrow for the numbers (many edits in one spot) the pieces share z,
 * ordered by id.
 */
function pieceZs(doc: Y.Doc, layer: string, z: number, count: number): number[] {
  let next = z + 1;
  const consider = (value: unknown): void => {
    if (value !== null && typeof value === 'object') {
      const entry = value as { layer?: unknown; z?: unknown };
      if (entry.layer === layer && typeof entry.z === 'number' && entry.z > z && entry.z < next) {
        next = entry.z;
      }
    }
  };
  strokesMap(doc).forEach(consider);
  objectsMap(doc).forEach(consider);
  const zs = Array.from({ length: count }, (_, i) => z + ((next - z) * (i + 1)) / (count + 1));
  const distinct = zs.every((value, i) => value > z && value < next && (i === 0 || value > (zs[i - 1] ?? z)));
  return distinct ? zs : zs.map(() => z);
}

/**
 * Replaces a stored stroke by the pieces left after erasing (same style, layer, createdAt and by
 * default author; see pieceZs for z), keeping its group, in one transaction with `origin` (so an
 * undo manager tracking that origin undoes it in one step). No pieces deletes the stroke. Returns
 * the new ids; none when the stroke is missing or malformed (a peer may have just deleted it).
 */
export function erasePartial(
  doc: Y.Doc,
  strokeId: string,
  pieces: readonly Float32Array[],
  options: ErasePartialOptions,
  origin?: unknown,
): string[] {
  const decoded = decodeStroke(strokeId, strokesMap(doc).get(strokeId));
  if (!decoded.ok) {
    return [];
  }
  const { id: _id, points, ...style } = decoded.stroke;
  void _id;
  // Entries are limited in length; a long piece is stored as several, like a long stroke is.
  const parts = pieces.flatMap((piece) => (piece.length >= 3 ? splitPoints(piece) : []));
  const zs = pieceZs(doc, style.layer, style.z, parts.length);
  // Encode everything before writing: invalid input throws with the document untouched.
  const writes: Array<{ id: string; json: StrokeJson }> = parts.map((xyp, i) => {
    const id = options.newId();
    if (!STROKE_ID_PATTERN.test(id)) {
      throw new RangeError(`"${id.slice(0, 80)}" is not a valid stroke id.`);
    }
    const json = encodeStroke({
      ...style,
      author: options.author ?? style.author,
      z: zs[i] ?? style.z,
      points: { xyp, hasPressure: points.hasPressure },
    });
    return { id, json };
  });
  const group = strokeGroupsMap(doc).get(strokeId);
  doc.transact(() => {
    strokesMap(doc).delete(strokeId);
    strokeGroupsMap(doc).delete(strokeId);
    for (const { id, json } of writes) {
      strokesMap(doc).set(id, json);
      if (group !== undefined) {
        strokeGroupsMap(doc).set(id, group);
      }
    }
  }, origin);
  return writes.map((w) => w.id);
}
