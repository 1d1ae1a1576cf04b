import { followView, stepToward } from '../../../shared/sketch/viewFollow.js';
import { pickRecorder, type Recorder } from '../../../shared/sketch/viewportPresence.js';
import type { Rect, Size, View } from '../../../shared/sketch/viewTransform.js';
import type { ViewCause } from './engine/editorTypes.js';

/**
 * Who moves a watcher's camera (the read-only viewer, the projector): `sheet` keeps the whole sheet
 * in view (again after every resize, turn of the phone or change of the sheet), `follow` moves
 * smoothly to whatever the recorder's canvas shows, `free` leaves it to the person, which any pan
 * or zoom of theirs switches to.
 */
export type CameraMode = 'sheet' | 'follow' | 'free';

/** What the controls show: the mode, and whom `follow` follows (null: nobody is drawing). */
export interface CameraState {
  readonly mode: CameraMode;
  /** The recorder's display name ('' when unnamed), or null when nobody publishes a camera. */
  readonly recorder: { readonly name: string } | null;
}

/** What the director needs of the engine (SketchEngine has all of it). */
export interface DirectedEngine {
  getView(): View;
  getViewport(): Size;
  fit(cause?: ViewCause): void;
  moveView(view: View): void;
  overviewRect(): Rect | null;
  onViewChange(listener: (view: View, cause: ViewCause) => void): () => void;
  onSceneChange(listener: () => void): () => void;
}

/** The part of y-protocols' Awareness the director reads. */
interface PeerPresence {
  readonly clientID: number;
  getStates(): Map<number, unknown>;
  on(event: 'change', listener: (changes: PresenceChanges) => void): void;
  off(event: 'change', listener: (changes: PresenceChanges) => void): void;
}

/** Which awareness client ids changed. */
export interface PresenceChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Animation frames (requestAnimationFrame in the browser; a fake in tests). */
export interface FrameClock {
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
}

const browserClock: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/** What the director watches besides the engine. */
export interface CameraSources {
  engine: DirectedEngine;
  /** The sketch document's awareness (others' cameras); null: following is never possible. */
  presence: PeerPresence | null;
  /** Subscribes to changes of the sheet's format (returns the unsubscribe). */
  onPaperChange?: (listener: () => void) => () => void;
}

function sameRect(a: Rect | null, b: Rect | null): boolean {
  return (
    a === b ||
    (a !== null && b !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height)
  );
}

/**
 * Moves a watcher's camera by its {@link CameraMode}. Framework-free; the React hook `useCamera`
 * creates one per view and attaches it to the engine once it runs. Costs the canvas nothing while
 * it does not move the camera: its animation frames run only until the view has arrived.
 */
export class CameraDirector {
  private state: CameraState;
  private readonly listeners = new Set<() => void>();
  private sources: CameraSources | null = null;
  private detachers: Array<() => void> = [];
  private recorder: Recorder | null = null;
  private target: View | null = null;
  private frame = 0;
  private lastFrameAt: number | null = null;
  private fittedRect: Rect | null = null;

  constructor(
    mode: CameraMode = 'sheet',
    private readonly clock: FrameClock = browserClock,
  ) {
    this.state = { mode, recorder: null };
  }

  /** The current state (the same object until it changes, for useSyncExternalStore). */
  readonly getState = (): CameraState => this.state;

  /** Calls `listener` after every state change; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts directing this engine (and reading this presence); returns the detach. */
  attach(sources: CameraSources): () => void {
    this.detach();
    this.sources = sources;
    const { engine, presence } = sources;
    this.detachers.push(engine.onViewChange(this.onView), engine.onSceneChange(this.onScene));
    if (sources.onPaperChange) {
      this.detachers.push(sources.onPaperChange(this.onPaper));
    }
    if (presence) {
      presence.on('change', this.onPresence);
      this.detachers.push(() => presence.off('change', this.onPresence));
    }
    this.refreshRecorder();
    this.apply();
    return () => this.detach();
  }

  /** Chooses a mode (the controls); choosing `sheet` or `follow` moves the camera at once. */
  setMode(mode: CameraMode): void {
    this.update({ mode });
    this.apply();
  }

  private detach(): void {
    for (const off of this.detachers.splice(0)) {
      off();
    }
    this.stopMoving();
    this.sources = null;
    this.fittedRect = null;
  }

  private update(patch: Partial<CameraState>): void {
    const next = { ...this.state, ...patch };
    if (next.mode === this.state.mode && next.recorder === this.state.recorder) {
      return;
    }
    this.state = next;
    for (const listener of this.listeners) {
      listener();
    }
  }

  /** Brings the camera where the mode wants it. */
  private apply(): void {
    const engine = this.sources?.engine;
    if (!engine) {
      return;
    }
    switch (this.state.mode) {
      case 'sheet':
        this.stopMoving();
        this.fittedRect = engine.overviewRect();
        engine.fit('app');
        break;
      case 'follow':
        this.followRecorder();
        break;
      case 'free':
        this.stopMoving();
        break;
    }
  }

  private readonly onView = (_view: View, cause: ViewCause): void => {
    if (cause === 'person') {
      if (this.state.mode !== 'free') {
        this.stopMoving();
        this.update({ mode: 'free' });
      }
      return;
    }
    if (cause === 'resize' && this.state.mode !== 'free') {
      this.apply();
    }
  };

  /** On an endless canvas the whole sheet is all ink: fit again when that grows. */
  private readonly onScene = (): void => {
    if (
      this.state.mode === 'sheet' &&
      !sameRect(this.sources?.engine.overviewRect() ?? null, this.fittedRect)
    ) {
      this.apply();
    }
  };

  private readonly onPaper = (): void => {
    if (this.state.mode === 'sheet') {
      this.apply();
    }
  };

  private readonly onPresence = (changes: PresenceChanges): void => {
    const current = this.recorder?.clientId;
    if (
      current !== undefined &&
      !changes.added.includes(current) &&
      !changes.updated.includes(current) &&
      !changes.removed.includes(current)
    ) {
      // Someone else's presence (a live stroke, a name): the one followed is unchanged.
      return;
    }
    if (this.refreshRecorder() && this.state.mode === 'follow') {
      this.followRecorder();
    }
  };

  /** Re-reads whom to follow; true when the followed camera changed. */
  private refreshRecorder(): boolean {
    const presence = this.sources?.presence;
    let next: Recorder | null = null;
    if (presence) {
      next = pickRecorder(presence.getStates(), presence.clientID, this.recorder?.clientId ?? null);
    }
    const before = this.recorder;
    this.recorder = next;
    if ((before?.name ?? null) !== (next?.name ?? null)) {
      this.update({ recorder: next === null ? null : { name: next.name } });
    }
    return before?.clientId !== next?.clientId || !sameRect(before?.rect ?? null, next?.rect ?? null);
  }

  private followRecorder(): void {
    const engine = this.sources?.engine;
    if (!engine || !this.recorder) {
      // Nobody to follow: the camera stays where it is (the controls say so).
      this.stopMoving();
      return;
    }
    const viewport = engine.getViewport();
    if (viewport.width <= 0 || viewport.height <= 0) {
      return;
    }
    this.target = followView(this.recorder.rect, viewport);
    if (this.frame === 0) {
      this.lastFrameAt = null;
      this.frame = this.clock.request(this.tick);
    }
  }

  private readonly tick = (now: number): void => {
    this.frame = 0;
    const engine = this.sources?.engine;
    const target = this.target;
    if (!engine || !target || this.state.mode !== 'follow') {
      return;
    }
    const dt = this.lastFrameAt === null ? 16 : now - this.lastFrameAt;
    this.lastFrameAt = now;
    const before = engine.getView();
    const step = stepToward(before, target, engine.getViewport(), dt);
    engine.moveView(step.view);
    const after = engine.getView();
    // The engine keeps the view within its limits; a step that changes nothing will not arrive either.
    const stuck = dt > 0 && after.zoom === before.zoom && after.x === before.x && after.y === before.y;
    if (step.arrived || stuck) {
      this.target = null;
      return;
    }
    this.frame = this.clock.request(this.tick);
  };

  private stopMoving(): void {
    if (this.frame !== 0) {
      this.clock.cancel(this.frame);
      this.frame = 0;
    }
    this.target = null;
  }
}
