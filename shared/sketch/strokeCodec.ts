import { decodePoints, encodePoints, type StrokePoints } from './pointCodec.js';
import {
  AUTHOR_ID_PATTERN,
  BRUSH_KINDS,
  COLOUR_PATTERN,
  LAYER_IDS,
  MAX_CREATED_AT,
  MAX_POINTS,
  MAX_POINTS_PER_ENTRY,
  MAX_STROKE_SIZE,
  MIN_STROKE_SIZE,
  pointsBase64Length,
  STROKE_FORMAT_VERSION,
  STROKE_ID_PATTERN,
  strokeJsonSchema,
  type BrushKind,
  type LayerId,
  type StrokeJson,
} from './sketchLayout.js';

/** How a stroke looks, as chosen in the brush settings when it was drawn. */
interface StrokeStyle {
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
  if (typeof id !== 'string' || !STROKE_ID_PATTERN.test(id)) {
    return { ok: false, reason: 'the id is not a valid stroke id' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'the entry is not a JSON object' };
  }
  const version = (value as { v?: unknown }).v;
  if (version !== STROKE_FORMAT_VERSION) {
    return { ok: false, reason: `unknown format version ${JSON.stringify(version) ?? 'undefined'}` };
  }
  let json: StrokeJson;
  if (surelyValid(value)) {
    json = value;
  } else {
    const parsed = strokeJsonSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, reason: `${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}` };
    }
    json = parsed.data;
  }
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

const BRUSH_SET: ReadonlySet<unknown> = new Set(BRUSH_KINDS);
const LAYER_SET: ReadonlySet<unknown> = new Set(LAYER_IDS);
const MAX_POINTS_TEXT = pointsBase64Length(MAX_POINTS, true);

function between(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && value >= min && value <= max;
}

/**
 * A hand-written check that accepts only what {@link strokeJsonSchema} accepts (a unit test holds
 * the two to that). Opening a sheet validates every stroke, and zod without code generation (which
 * the renderer's CSP forbids) costs several microseconds per object; this costs a fraction. Values
 * it does not accept go through zod, which then gives the reason.
 */
export function surelyValid(value: object): value is StrokeJson {
  const v = value as Record<string, unknown>;
  return (
    v['v'] === STROKE_FORMAT_VERSION &&
    BRUSH_SET.has(v['brush']) &&
    typeof v['colour'] === 'string' &&
    COLOUR_PATTERN.test(v['colour']) &&
    between(v['size'], MIN_STROKE_SIZE, MAX_STROKE_SIZE) &&
    typeof v['pressureOn'] === 'boolean' &&
    between(v['smoothing'], 0, 1) &&
    LAYER_SET.has(v['layer']) &&
    typeof v['author'] === 'string' &&
    AUTHOR_ID_PATTERN.test(v['author']) &&
    Number.isSafeInteger(v['createdAt']) &&
    between(v['createdAt'], 0, MAX_CREATED_AT) &&
    between(v['z'], -1e15, 1e15) &&
    Number.isSafeInteger(v['n']) &&
    between(v['n'], 1, MAX_POINTS) &&
    typeof v['points'] === 'string' &&
    v['points'].length <= MAX_POINTS_TEXT
  );
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
