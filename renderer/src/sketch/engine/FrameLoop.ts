/** Counts as interacting for this long after the last pan, zoom or pen sample. */
const INTERACTION_MS = 400;
/** While interacting, a frame's own work (baking + blitting) aims to stay below this. */
const FRAME_TARGET_MS = 8;
/** Baking time per frame until the sheet has been shown complete once (nothing to interact with yet). */
export const OPEN_BUDGET_MS = 80;
/** How many frames `frameLog` remembers. */
const FRAME_LOG_SIZE = 240;
/** Most of an idle period that prefetching takes, so input arriving then waits at most this long. */
const PREFETCH_SLICE_MS = 12;

/** Where one frame's time went (ms). */
export interface FrameLogEntry {
  sceneMs: number;
  blitMs: number;
  liveMs: number;
  budgetMs: number;
}

/**
 * What the live layer asks for after painting: `repaint` marks it dirty again (a finished stroke
 * leaves it next frame), `wait` only asks for another frame (the scene is not showing it yet).
 */
export type LiveOutcome = 'repaint' | 'wait' | 'done';

/** What the frame loop asks of the engine each frame. */
export interface FrameHost {
  /** First thing in a frame: what goes out at most once a frame (a stroke's new points). */
  beforeFrame(): void;
  /** Whether the canvas has an area (a hidden host bakes nothing). */
  hasArea(): boolean;
  /** A pen stroke is being drawn (counts as interacting, and the engine is not idle). */
  drawing(): boolean;
  /** Bakes and blits the scene, baking until `deadline`; whether it is complete and what the blit cost. */
  paintScene(now: number, deadline: number, interacting: boolean): { complete: boolean; blitMs: number };
  /** The live layer holds ink that must go once the scene shows it (finishing strokes). */
  liveHeld(): boolean;
  /** Paints the live layer (`sceneComplete`: this frame's scene shows everything). */
  paintLive(sceneComplete: boolean): LiveOutcome;
  /** Bakes tiles near the view ahead of time until `deadline`; whether more are left. */
  prefetch(deadline: number): boolean;
}

/**
 * The engine's frame scheduling: at most one requestAnimationFrame pending, dirty flags for the
 * scene and the live layer, the per-frame baking budget (generous while opening, small while
 * someone interacts so input stays smooth, larger when idle), the frame log the benchmark reads,
 * idle waiters, and prefetching in idle periods once everything visible is done.
 */
export class FrameLoop {
  private handle = 0;
  private idleHandle = 0;
  private stopped = false;
  private sceneDirty = true;
  private liveDirty = false;
  private complete = false;
  /** The sheet has been shown complete once; until then frames bake with the opening budget. */
  private shownComplete = false;
  private lastInteraction = -Infinity;
  private lastBlitMs = 4;
  private lastMs = 0;
  private readonly frames = new Array<FrameLogEntry>(FRAME_LOG_SIZE);
  private frameCount = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly host: FrameHost,
    private readonly budgets: { interactingMs: number; idleMs: number },
  ) {}

  /** Whether the last scene frame showed everything visible. */
  get sceneComplete(): boolean {
    return this.complete;
  }

  /** How long the last frame took (ms). */
  get lastFrameMs(): number {
    return this.lastMs;
  }

  /** The scene must be painted again (the view moved, something was added or removed). */
  invalidateScene(): void {
    this.sceneDirty = true;
    this.request();
  }

  /** The live layer must be painted again (a pen sample, someone else's live stroke). */
  invalidateLive(): void {
    this.liveDirty = true;
    this.request();
  }

  /** Someone pans, zooms or draws now: frames keep their baking short for a while. */
  interacted(): void {
    this.lastInteraction = performance.now();
  }

  /** Asks for a frame (one at most is pending). */
  request(): void {
    if (this.handle === 0 && !this.stopped) {
      this.handle = requestAnimationFrame(this.frame);
    }
  }

  /** Resolves once the visible scene is fully painted and no stroke is in progress or settling. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) {
      return Promise.resolve();
    }
    this.request();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** What the last frames (up to 240) spent on the scene (baking + blitting), blitting, and the live layer. */
  frameLog(): FrameLogEntry[] {
    const n = Math.min(this.frameCount, this.frames.length);
    const out: FrameLogEntry[] = [];
    for (let i = this.frameCount - n; i < this.frameCount; i++) {
      const entry = this.frames[i % this.frames.length];
      if (entry) {
        out.push(entry);
      }
    }
    return out;
  }

  /** Cancels the pending frame and prefetch; no frame runs after this, and idle waiters are let go. */
  stop(): void {
    this.stopped = true;
    cancelAnimationFrame(this.handle);
    if (this.idleHandle) {
      cancelIdleCallback(this.idleHandle);
    }
    this.releaseWaiters();
  }

  private releaseWaiters(): void {
    for (const resolve of this.idleWaiters.splice(0)) {
      resolve();
    }
  }

  private isIdle(): boolean {
    return (
      this.complete && !this.sceneDirty && !this.host.drawing() && !this.host.liveHeld() && !this.liveDirty
    );
  }

  /** How long this frame may bake. */
  private budget(start: number, interacting: boolean): number {
    if (!this.shownComplete) {
      return OPEN_BUDGET_MS;
    }
    if (interacting) {
      // Leave room for this frame's blit (estimated from the last one) inside the frame target.
      return Math.min(
        this.budgets.interactingMs,
        Math.max(1.5, FRAME_TARGET_MS - this.lastBlitMs - (performance.now() - start)),
      );
    }
    return this.budgets.idleMs;
  }

  private readonly frame = (): void => {
    this.handle = 0;
    if (this.stopped) {
      return;
    }
    const start = performance.now();
    this.host.beforeFrame();
    const entry: FrameLogEntry = { sceneMs: 0, blitMs: 0, liveMs: 0, budgetMs: 0 };
    if (this.host.hasArea() && (this.sceneDirty || !this.complete)) {
      const interacting = start - this.lastInteraction < INTERACTION_MS || this.host.drawing();
      const budget = this.budget(start, interacting);
      this.sceneDirty = false;
      const result = this.host.paintScene(start, start + budget, interacting);
      this.complete = result.complete;
      this.lastBlitMs = result.blitMs;
      entry.sceneMs = performance.now() - start;
      entry.blitMs = result.blitMs;
      entry.budgetMs = budget;
      if (this.complete) {
        this.shownComplete = true;
      } else {
        this.request();
      }
    }
    if (this.liveDirty || this.host.liveHeld()) {
      const liveStart = performance.now();
      this.liveDirty = false;
      const outcome = this.host.paintLive(this.complete);
      if (outcome === 'repaint') {
        this.liveDirty = true;
        this.request();
      } else if (outcome === 'wait') {
        this.request();
      }
      entry.liveMs = performance.now() - liveStart;
    }
    this.lastMs = performance.now() - start;
    this.frames[this.frameCount++ % this.frames.length] = entry;
    if (this.isIdle()) {
      this.releaseWaiters();
      this.schedulePrefetch();
    }
  };

  private schedulePrefetch(): void {
    if (this.idleHandle || typeof requestIdleCallback !== 'function') {
      return;
    }
    this.idleHandle = requestIdleCallback((deadline) => {
      this.idleHandle = 0;
      if (this.stopped || !this.isIdle()) {
        return;
      }
      if (this.host.prefetch(performance.now() + Math.min(PREFETCH_SLICE_MS, deadline.timeRemaining()))) {
        this.schedulePrefetch();
      }
    });
  }
}
