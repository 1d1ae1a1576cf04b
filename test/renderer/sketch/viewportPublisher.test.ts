import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readSharedViewport, VIEWPORT_AWARENESS_KEY } from '../../../shared/sketch/viewportPresence.js';
import type { Size, View } from '../../../shared/sketch/viewTransform.js';
import {
  publishViewport,
  VIEWPORT_PUBLISH_MS,
  type PublishedCamera,
} from '../../../renderer/src/sketch/viewportPublisher.js';

/** A recorder's camera: change it with `move`, which tells the listeners as the engine does. */
function camera(): PublishedCamera & { move(view: View, viewport?: Size): void } {
  let view: View = { zoom: 1, x: 0, y: 0 };
  let viewport: Size = { width: 1280, height: 720 };
  const listeners = new Set<() => void>();
  return {
    getView: () => view,
    getViewport: () => viewport,
    onViewChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    move(next, size = viewport) {
      view = next;
      viewport = size;
      for (const listener of listeners) {
        listener();
      }
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("publishing the recorder's camera", () => {
  it('publishes the visible rectangle at once, then at most four times a second, the last one always', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    let sent = 0;
    awareness.on('change', () => (sent += 1));
    const recorder = camera();
    const stop = publishViewport(recorder, awareness);
    expect(readSharedViewport(awareness.getLocalState())).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(sent).toBe(1);
    // A pinch of one second: 60 view changes.
    for (let i = 1; i <= 60; i++) {
      recorder.move({ zoom: 1 + i / 20, x: -i * 10, y: -i * 5 });
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(VIEWPORT_PUBLISH_MS);
    expect(sent).toBeGreaterThanOrEqual(4);
    expect(sent).toBeLessThanOrEqual(1 + 1000 / VIEWPORT_PUBLISH_MS + 1);
    // The last view is what others see: zoom 4, shifted by (-600, -300) px.
    expect(readSharedViewport(awareness.getLocalState())).toEqual({
      x: 150,
      y: 75,
      width: 320,
      height: 180,
    });
    // A resize changes what the canvas shows without a pan: published too.
    recorder.move({ zoom: 4, x: -600, y: -300 }, { width: 640, height: 720 });
    vi.advanceTimersByTime(VIEWPORT_PUBLISH_MS);
    expect(readSharedViewport(awareness.getLocalState())?.width).toBe(160);
    // Nothing new, nothing sent.
    const before = sent;
    recorder.move({ zoom: 4, x: -600, y: -300 });
    vi.advanceTimersByTime(VIEWPORT_PUBLISH_MS * 2);
    expect(sent).toBe(before);
    // Stopping takes the camera back, and later changes are not published.
    stop();
    expect(awareness.getLocalState()?.[VIEWPORT_AWARENESS_KEY]).toBeNull();
    recorder.move({ zoom: 2, x: 0, y: 0 });
    vi.advanceTimersByTime(VIEWPORT_PUBLISH_MS * 2);
    expect(awareness.getLocalState()?.[VIEWPORT_AWARENESS_KEY]).toBeNull();
  });

  it('publishes nothing while the canvas has no size', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    const recorder = camera();
    recorder.move({ zoom: 1, x: 0, y: 0 }, { width: 0, height: 0 });
    publishViewport(recorder, awareness);
    expect(awareness.getLocalState()?.[VIEWPORT_AWARENESS_KEY]).toBeUndefined();
  });
});
