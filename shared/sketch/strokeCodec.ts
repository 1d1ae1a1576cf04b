import { decodePoints, encodePoints, type StrokePoints } from './pointCodec.js';
import {
  MAX_POINTS_PER_ENTRY,
  STROKE_FORMAT_VERSION,
  strokeIdSchema,
  strokeJsonSchema,
  type BrushKind,
  type LayerId,
  type StrokeJson,
} from './sketchLayout.js';

/** How a stroke looks, as chosen in the brush settings when it was drawn. */
export interface StrokeStyle {
  brush: BrushKind;
  colour: string;
  size: number;
  pressureOn: boolean;
  smoothing: number;
}

/** A stroke as the renderer uses it: the stored fields with decoded points. */
export interface Stroke extends StrokeStyle {
  id: string;
  layer: LayerId;
  author: string;
  createdAt: number;
  z: number;
  points: StrokePoints;
}

/** A decoded stroke, or why the stored value was refused. Never throws. */
export type StrokeResult = { ok: true; stroke: Stroke } | { ok: false; reason: string };

/**
 * Builds the stored JSON of a stroke. Throws on invalid input (our own code must not produce it);
 * the result always passes {@link decodeStroke}.
 */
export function encodeStroke(stroke: Omit<Stroke, 'id'>): StrokeJson {
  const { n, points } = encodePoints(stroke.points.xyp, stroke.points.hasPressure);
  return strokeJsonSchema.parse({
    v: STROKE_FORMAT_VERSION,
    brush: stroke.brush,
    colour: stroke.colour,
    size: stroke.size,
    pressureOn: stroke.pressureOn,
    smoothing: stroke.smoothing,
    layer: stroke.layer,
    author: stroke.author,
    createdAt: Math.round(stroke.createdAt),
    z: stroke.z,
    n,
    points,
  });
}

/**
 * Reads one entry of the `strokes` map. Anything malformed (unknown version or brush, wrong types,
 * NaN/Infinity, absurd sizes, too many points, coordinates beyond ±2^20, broken base64) comes back
 * as a reason, so one bad entry from a buggy or hostile client never breaks rendering.
 */
export function decodeStroke(id: string, value: unknown): StrokeResult {
  if (!strokeIdSchema.safeParse(id).success) {
    return { ok: false, reason: 'the id is not a valid stroke id' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'the entry is not a JSON object' };
  }
  const version = (value as { v?: unknown }).v;
  if (version !== STROKE_FORMAT_VERSION) {
    return { ok: false, reason: `unknown format version ${JSON.stringify(version) ?? 'undefined'}` };
  }
  const parsed = strokeJsonSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}` };
  }
  const json = parsed.data;
  const points = decodePoints(json.n, json.points);
  if (!points.ok) {
    return { ok: false, reason: points.reason };
  }
  return {
    ok: true,
    stroke: {
      id,
      brush: json.brush,
      colour: json.colour,
      size: json.size,
      pressureOn: json.pressureOn,
      smoothing: json.smoothing,
      layer: json.layer,
      author: json.author,
      createdAt: json.createdAt,
      z: json.z,
      points: points.points,
    },
  };
}

/**
 * Splits interleaved (x, y, p) points into pieces of at most `maxPoints` points for saving; each
 * piece starts with the last point of the one before, so the ink stays connected.
 */
export function splitPoints(xyp: Float32Array, maxPoints = MAX_POINTS_PER_ENTRY): Float32Array[] {
  const count = Math.floor(xyp.length / 3);
  if (count <= maxPoints) {
    return [xyp];
  }
  const pieces: Float32Array[] = [];
  let start = 0;
  while (start < count - 1) {
    const end = Math.min(count, start + maxPoints);
    pieces.push(xyp.slice(start * 3, end * 3));
    start = end - 1;
  }
  return pieces;
}
