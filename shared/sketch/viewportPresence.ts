import { z } from 'zod';
import { COORD_LIMIT } from './sketchLayout.js';
import type { Rect } from './viewTransform.js';

/**
 * The recorder's camera in a sketch document's awareness: whoever draws (the editor, never a viewer
 * or the projector) publishes the scene rectangle its canvas shows under {@link VIEWPORT_AWARENESS_KEY},
 * a few times a second at most, so viewers and the projector can follow it ("Zeichner:in folgen").
 * What a peer publishes is untrusted: it is parsed here, and a malformed one is ignored.
 */

/** The awareness field holding the visible scene rectangle `{x, y, width, height}` (or null). */
export const VIEWPORT_AWARENESS_KEY = 'viewport';

// zod's numbers refuse NaN and ±Infinity.
const coordinate = z
  .number()
  .min(-2 * COORD_LIMIT)
  .max(2 * COORD_LIMIT);
const extent = z
  .number()
  .positive()
  .max(4 * COORD_LIMIT);

/** A visible scene rectangle as a peer publishes it. */
const sharedViewportSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: extent,
  height: extent,
});

/** What of a peer's awareness state a follower reads: the rectangle and, for the status, a name. */
const followedStateSchema = z.object({
  [VIEWPORT_AWARENESS_KEY]: sharedViewportSchema,
  user: z
    .object({ name: z.string().max(100).catch('') })
    .nullish()
    .catch(null),
});

/** Someone who publishes a viewport: the awareness client id, the rectangle, a display name (may be empty). */
export interface Recorder {
  clientId: number;
  rect: Rect;
  name: string;
}

/** The visible rectangle a peer's awareness state carries, or null when it has none or a malformed one. */
export function readSharedViewport(state: unknown): Rect | null {
  const parsed = followedStateSchema.safeParse(state);
  return parsed.success ? parsed.data[VIEWPORT_AWARENESS_KEY] : null;
}

/**
 * Whom to follow among the peers' states: the one followed so far (`current`) while it still
 * publishes a valid viewport, else the first valid one (awareness keeps states in the order they
 * first appeared, so that is whoever has been drawing longest). Never `self`. Null when nobody does.
 */
export function pickRecorder(
  states: ReadonlyMap<number, unknown>,
  self: number,
  current: number | null,
): Recorder | null {
  // Usually only the followed recorder's own state changed: read that one first.
  const kept = current === null || current === self ? null : readRecorder(current, states.get(current));
  if (kept) {
    return kept;
  }
  for (const [clientId, state] of states) {
    const recorder = clientId === self ? null : readRecorder(clientId, state);
    if (recorder) {
      return recorder;
    }
  }
  return null;
}

function readRecorder(clientId: number, state: unknown): Recorder | null {
  const parsed = followedStateSchema.safeParse(state);
  return parsed.success
    ? { clientId, rect: parsed.data[VIEWPORT_AWARENESS_KEY], name: parsed.data.user?.name.trim() ?? '' }
    : null;
}

/** The rectangle as it is published: rounded to a tenth of a scene unit (small, and equal when unchanged). */
export function roundViewport(rect: Rect): Rect {
  // `+ 0` turns -0 into 0 (a view at the origin publishes 0, not -0).
  const round = (n: number): number => Math.round(n * 10) / 10 + 0;
  return { x: round(rect.x), y: round(rect.y), width: round(rect.width), height: round(rect.height) };
}
