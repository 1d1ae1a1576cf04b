import { roundViewport, VIEWPORT_AWARENESS_KEY } from '../../../shared/sketch/viewportPresence.js';
import { visibleSceneRect, type Size, type View } from '../../../shared/sketch/viewTransform.js';

/** The recorder publishes its camera at most this often (4 per second): followers animate in between. */
export const VIEWPORT_PUBLISH_MS = 250;

/** What the publisher reads of the engine. */
export interface PublishedCamera {
  getView(): View;
  getViewport(): Size;
  onViewChange(listener: () => void): () => void;
}

/** The part of y-protocols' Awareness the publisher writes. */
export interface LocalPresence {
  setLocalStateField(field: string, value: unknown): void;
}

/**
 * Shares the recorder's visible scene rectangle in the sketch document's awareness
 * ({@link VIEWPORT_AWARENESS_KEY}) whenever the view or the canvas size changes, at most once per
 * {@link VIEWPORT_PUBLISH_MS} (the first change at once, the last one of a burst always), and only
 * when the rounded rectangle changed. Returns the stop function, which takes the camera back.
 * Runs on view changes only: nothing is added to the engine's frames.
 */
export function publishViewport(
  engine: PublishedCamera,
  presence: LocalPresence,
  intervalMs = VIEWPORT_PUBLISH_MS,
): () => void {
  let last = '';
  let lastSent = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const send = (): void => {
    timer = null;
    lastSent = Date.now();
    const viewport = engine.getViewport();
    if (viewport.width <= 0 || viewport.height <= 0) {
      return;
    }
    const rect = roundViewport(visibleSceneRect(engine.getView(), viewport));
    const key = `${rect.x},${rect.y},${rect.width},${rect.height}`;
    if (key !== last) {
      last = key;
      presence.setLocalStateField(VIEWPORT_AWARENESS_KEY, rect);
    }
  };
  const schedule = (): void => {
    if (timer !== null) {
      return;
    }
    const wait = lastSent + intervalMs - Date.now();
    if (wait <= 0) {
      send();
    } else {
      timer = setTimeout(send, wait);
    }
  };

  schedule();
  const off = engine.onViewChange(schedule);
  return () => {
    off();
    if (timer !== null) {
      clearTimeout(timer);
    }
    presence.setLocalStateField(VIEWPORT_AWARENESS_KEY, null);
  };
}
