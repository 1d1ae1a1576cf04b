import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { VIEWPORT_AWARENESS_KEY } from '../../../shared/sketch/viewportPresence.js';
import {
  clampView,
  fitRect,
  panBy,
  visibleSceneRect,
  type Rect,
  type Size,
  type View,
} from '../../../shared/sketch/viewTransform.js';
import {
  CameraDirector,
  type DirectedEngine,
  type FrameClock,
} from '../../../renderer/src/sketch/cameraDirector.js';
import type { ViewCause } from '../../../renderer/src/sketch/engine/editorTypes.js';

const SHEET: Rect = { x: 0, y: 0, width: 4494, height: 3179 };

/** The engine's camera without a canvas: the same view maths, listeners told the cause. */
class FakeEngine implements DirectedEngine {
  view: View = { zoom: 1, x: 0, y: 0 };
  viewport: Size = { width: 390, height: 700 };
  sheet: Rect | null = SHEET;
  moves = 0;
  private readonly viewListeners = new Set<(view: View, cause: ViewCause) => void>();
  private readonly sceneListeners = new Set<() => void>();
  getView = (): View => ({ ...this.view });
  getViewport = (): Size => ({ ...this.viewport });
  overviewRect = (): Rect | null => this.sheet;
  fit = (cause: ViewCause = 'app'): void => this.set(fitRect(this.sheet ?? SHEET, this.viewport), cause);
  moveView = (view: View): void => {
    this.moves += 1;
    this.set(view, 'app');
  };
  onViewChange(listener: (view: View, cause: ViewCause) => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }
  onSceneChange(listener: () => void): () => void {
    this.sceneListeners.add(listener);
    return () => this.sceneListeners.delete(listener);
  }
  /** A person's finger, mouse or wheel. */
  personPans(dx: number, dy: number): void {
    this.set(panBy(this.view, dx, dy, this.viewport), 'person');
  }
  resize(viewport: Size): void {
    this.viewport = viewport;
    for (const listener of this.viewListeners) {
      listener(this.getView(), 'resize');
    }
  }
  sceneChanged(): void {
    for (const listener of this.sceneListeners) {
      listener();
    }
  }
  private set(view: View, cause: ViewCause): void {
    const next = clampView(view, this.viewport);
    if (next.zoom === this.view.zoom && next.x === this.view.x && next.y === this.view.y) {
      return;
    }
    this.view = next;
    for (const listener of this.viewListeners) {
      listener(this.getView(), cause);
    }
  }
}

/** Animation frames by hand: `run` plays them at 60 per second. */
class FakeClock implements FrameClock {
  private next = 1;
  private now = 0;
  readonly pending = new Map<number, (now: number) => void>();
  request(callback: (now: number) => void): number {
    const handle = this.next++;
    this.pending.set(handle, callback);
    return handle;
  }
  cancel(handle: number): void {
    this.pending.delete(handle);
  }
  /** Plays frames until none is requested (or `limit`); how many ran. */
  run(limit = 1000): number {
    let frames = 0;
    while (this.pending.size > 0 && frames < limit) {
      this.now += 16;
      const callbacks = [...this.pending.values()];
      this.pending.clear();
      for (const callback of callbacks) {
        callback(this.now);
      }
      frames += 1;
    }
    return frames;
  }
}

/** This device's awareness, and a way to play a peer's presence into it as the network would. */
function presence(): {
  local: awarenessProtocol.Awareness;
  peer(state: Record<string, unknown> | null, clientId?: number): void;
} {
  const local = new awarenessProtocol.Awareness(new Y.Doc());
  const peers = new Map<number, awarenessProtocol.Awareness>();
  return {
    local,
    peer(state, clientId = 77) {
      let remote = peers.get(clientId);
      if (!remote) {
        const doc = new Y.Doc();
        doc.clientID = clientId;
        remote = new awarenessProtocol.Awareness(doc);
        peers.set(clientId, remote);
      }
      remote.setLocalState(state);
      awarenessProtocol.applyAwarenessUpdate(
        local,
        awarenessProtocol.encodeAwarenessUpdate(remote, [clientId]),
        'network',
      );
    },
  };
}

function setup(mode: 'sheet' | 'follow' = 'sheet') {
  const engine = new FakeEngine();
  const clock = new FakeClock();
  const people = presence();
  const director = new CameraDirector(mode, clock);
  const detach = director.attach({ engine, presence: people.local });
  return { engine, clock, people, director, detach };
}

const corner: Rect = { x: 3800, y: 2600, width: 640, height: 360 };

describe('the camera of a viewer or the projector', () => {
  it('shows the whole sheet on open and again after a resize or turn, until the person pans', () => {
    const { engine, director } = setup();
    expect(engine.view).toEqual(fitRect(SHEET, { width: 390, height: 700 }));
    engine.resize({ width: 844, height: 390 });
    expect(engine.view).toEqual(fitRect(SHEET, { width: 844, height: 390 }));
    engine.personPans(40, 0);
    expect(director.getState().mode).toBe('free');
    const panned = engine.getView();
    engine.resize({ width: 390, height: 844 });
    expect(engine.view).toEqual(panned);
    director.setMode('sheet');
    expect(engine.view).toEqual(fitRect(SHEET, { width: 390, height: 844 }));
  });

  it('fits again when the endless canvas grows, not when a stroke lands inside the sheet', () => {
    const { engine } = setup();
    engine.sheet = null;
    engine.sceneChanged();
    const before = engine.getView();
    engine.sheet = { x: 0, y: 0, width: 9000, height: 3000 };
    engine.sceneChanged();
    expect(engine.view).not.toEqual(before);
    expect(engine.view).toEqual(fitRect(engine.sheet, engine.viewport));
  });

  it("follows the recorder's camera smoothly and says when nobody draws", () => {
    const { engine, clock, people, director } = setup('follow');
    expect(director.getState()).toEqual({ mode: 'follow', recorder: null });
    expect(clock.pending.size).toBe(0);
    people.peer({ user: { name: 'Mia' }, [VIEWPORT_AWARENESS_KEY]: corner });
    expect(director.getState().recorder).toEqual({ name: 'Mia' });
    const start = engine.getView();
    clock.run(1);
    // One frame moves part of the way, not all of it.
    expect(engine.view).not.toEqual(start);
    const targetZoom = fitRect(corner, engine.viewport, 0).zoom;
    const moved = Math.log(engine.view.zoom / start.zoom) / Math.log(targetZoom / start.zoom);
    expect(moved).toBeGreaterThan(0.05);
    expect(moved).toBeLessThan(0.5);
    const frames = clock.run();
    expect(frames).toBeGreaterThan(10);
    expect(clock.pending.size).toBe(0);
    const seen = visibleSceneRect(engine.view, engine.viewport);
    // The recorder's rectangle fills the phone's width and is centred in it.
    expect(seen.x).toBeCloseTo(corner.x, 3);
    expect(seen.width).toBeCloseTo(corner.width, 3);
    expect(seen.y + seen.height / 2).toBeCloseTo(corner.y + corner.height / 2, 3);
    // The recorder leaves: the view stays, the status says nobody draws.
    people.peer(null);
    expect(director.getState()).toEqual({ mode: 'follow', recorder: null });
    expect(clock.pending.size).toBe(0);
  });

  it("stops following at the person's own pan or zoom, and the animation stops with it", () => {
    const { engine, clock, people, director } = setup('follow');
    people.peer({ [VIEWPORT_AWARENESS_KEY]: corner });
    clock.run(3);
    engine.personPans(30, 30);
    expect(director.getState().mode).toBe('free');
    expect(clock.pending.size).toBe(0);
    const mine = engine.getView();
    people.peer({ [VIEWPORT_AWARENESS_KEY]: { ...corner, x: 100 } });
    clock.run();
    expect(engine.view).toEqual(mine);
    director.setMode('follow');
    clock.run();
    expect(visibleSceneRect(engine.view, engine.viewport).x).toBeCloseTo(100, 3);
  });

  it('ignores a malformed camera from a peer and keeps following a valid one', () => {
    const { engine, clock, people, director } = setup('follow');
    for (const bad of ['all', { x: 1 }, { x: 0, y: 0, width: -1, height: 1 }, [1, 2, 3, 4], null]) {
      people.peer({ [VIEWPORT_AWARENESS_KEY]: bad, user: { name: 'Mallory' } }, 66);
    }
    expect(director.getState().recorder).toBeNull();
    expect(clock.run()).toBe(0);
    people.peer({ [VIEWPORT_AWARENESS_KEY]: corner, user: { name: 'Ada' } }, 88);
    expect(director.getState().recorder).toEqual({ name: 'Ada' });
    clock.run();
    // Ada's camera breaks: the view stays where it was, nobody else is followed.
    const there = engine.getView();
    people.peer({ [VIEWPORT_AWARENESS_KEY]: { x: 'NaN' }, user: { name: 'Ada' } }, 88);
    expect(director.getState().recorder).toBeNull();
    expect(clock.run()).toBe(0);
    expect(engine.view).toEqual(there);
  });

  it('costs nothing per frame when not following: no frames requested in the whole-sheet mode', () => {
    const { engine, clock, people } = setup('sheet');
    people.peer({ [VIEWPORT_AWARENESS_KEY]: corner });
    people.peer({ [VIEWPORT_AWARENESS_KEY]: { ...corner, x: 10 } });
    expect(clock.pending.size).toBe(0);
    expect(engine.moves).toBe(0);
  });

  it('detaches: no more listening or moving', () => {
    const { engine, clock, people, director, detach } = setup('follow');
    people.peer({ [VIEWPORT_AWARENESS_KEY]: corner });
    detach();
    expect(clock.pending.size).toBe(0);
    const view = engine.getView();
    people.peer({ [VIEWPORT_AWARENESS_KEY]: { ...corner, x: 5 } });
    engine.personPans(10, 0);
    expect(director.getState().mode).toBe('follow');
    expect(clock.run()).toBe(0);
    expect(engine.view).toEqual(panBy(view, 10, 0, engine.viewport));
  });
});
