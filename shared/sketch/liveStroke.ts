import { z } from 'zod';
import { decodePoints, encodePoints } from './pointCodec.js';
import {
  BRUSH_KINDS,
  LAYER_IDS,
  MAX_POINTS,
  MAX_STROKE_SIZE,
  MIN_STROKE_SIZE,
  pointsBase64Length,
  strokeIdSchema,
  type BrushKind,
  type LayerId,
} from './sketchLayout.js';

/**
 * A stroke in progress, shared through y-websocket awareness (field `ink`) so others see it while
 * it is drawn. The awareness state is replaced, not merged, and each update is sent whole, so it
 * carries a window of the stroke: points [from, from + n) of stroke `id`, in the stored point
 * format. Receivers write chunks into place; points they already have are overwritten.
 *
 * Presence is state, not a stream: the core sends each person's newest state after a short batching
 * window (server/sync/outbox.ts) and drops presence beyond its rate limit, so a receiver may never
 * see some chunks. Each chunk therefore covers at least the stroke's last
 * {@link LIVE_OVERLAP_POINTS} points, new and already sent ({@link liveChunkStart}): a receiver
 * that missed fewer points than that still has the whole stroke. One that missed more, or joined mid-stroke, has a gap and shows nothing more of
 * that stroke until the person's next one. `null` means the pen is up. The finished stroke then
 * arrives in the document under the same id.
 */

/** Live strokes longer than this are not previewed further (the finished stroke still arrives). */
const MAX_LIVE_POINTS = 5 * MAX_POINTS;

/**
 * Points every chunk covers at least (see the module comment). A pen reports 2 to 4 points a frame, so
 * this bridges several lost chunks; a chunk of 32 points is about 250 bytes.
 */
export const LIVE_OVERLAP_POINTS = 32;

/**
 * Where the next chunk of a stroke with `count` points starts when the previous chunks held points
 * up to `published`: the last {@link LIVE_OVERLAP_POINTS} points, or from the last point sent if
 * more than that are new (so the line joins up), never before the first point.
 */
export function liveChunkStart(published: number, count: number): number {
  return Math.max(0, Math.min(published - 1, count - LIVE_OVERLAP_POINTS));
}

const liveStrokeChunkSchema = z.object({
  id: strokeIdSchema,
  brush: z.enum(BRUSH_KINDS),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/),
  size: z.number().min(MIN_STROKE_SIZE).max(MAX_STROKE_SIZE),
  pressureOn: z.boolean(),
  smoothing: z.number().min(0).max(1),
  layer: z.enum(LAYER_IDS),
  from: z.number().int().min(0).max(MAX_LIVE_POINTS),
  n: z.number().int().min(1).max(MAX_POINTS),
  points: z.string().max(pointsBase64Length(MAX_POINTS, true)),
});
export type LiveStrokeChunk = z.infer<typeof liveStrokeChunkSchema>;

export interface LiveStrokeStyle {
  brush: BrushKind;
  colour: string;
  size: number;
  pressureOn: boolean;
  smoothing: number;
  layer: LayerId;
}

/** The chunk with points [from, to) of a stroke in progress. */
export function liveChunk(
  id: string,
  style: LiveStrokeStyle,
  xyp: Float32Array,
  hasPressure: boolean,
  from: number,
  to: number,
): LiveStrokeChunk {
  const { n, points } = encodePoints(xyp.subarray(from * 3, to * 3), hasPressure);
  return { id, ...style, from, n, points };
}

/** One other person's stroke in progress, rebuilt from awareness chunks. */
export class LiveStrokeBuffer {
  id = '';
  style: LiveStrokeStyle | null = null;
  xyp = new Float32Array(256 * 3);
  count = 0;
  hasPressure = false;
  /** Whether the buffer holds a contiguous stroke from its first point. */
  valid = false;

  /** Applies an awareness value (a chunk or null); returns whether the visible stroke changed. */
  apply(value: unknown): boolean {
    if (value === null || value === undefined) {
      const had = this.valid && this.count > 0;
      this.reset('');
      return had;
    }
    const parsed = liveStrokeChunkSchema.safeParse(value);
    if (!parsed.success) {
      return false;
    }
    const chunk = parsed.data;
    if (chunk.id !== this.id) {
      this.reset(chunk.id);
      this.valid = chunk.from === 0;
    }
    if (!this.valid || chunk.from > this.count || chunk.from + chunk.n > MAX_LIVE_POINTS) {
      return false;
    }
    const decoded = decodePoints(chunk.n, chunk.points);
    if (!decoded.ok) {
      return false;
    }
    const { brush, colour, size, pressureOn, smoothing, layer } = chunk;
    this.style = { brush, colour, size, pressureOn, smoothing, layer };
    this.hasPressure = decoded.points.hasPressure;
    const end = chunk.from + chunk.n;
    if (end * 3 > this.xyp.length) {
      const grown = new Float32Array(Math.max(end * 3, this.xyp.length * 2));
      grown.set(this.xyp.subarray(0, this.count * 3));
      this.xyp = grown;
    }
    this.xyp.set(decoded.points.xyp, chunk.from * 3);
    this.count = Math.max(this.count, end);
    return true;
  }

  private reset(id: string): void {
    this.id = id;
    this.style = null;
    this.count = 0;
    this.valid = false;
  }
}
