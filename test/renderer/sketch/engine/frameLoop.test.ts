import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FrameLoop,
  OPEN_BUDGET_MS,
  type FrameHost,
  type LiveOutcome,
} from '../../../../renderer/src/sketch/engine/FrameLoop.js';

/**
 * The engine's frame scheduling in Node, with a hand-cranked requestAnimationFrame and idle
 * callback: one frame per request however many come, the baking budget for opening, interacting
 * and idle frames, the live layer's repaints, idle waiters, prefetching and stopping.
 */

/** Callbacks queued by the stubbed requestAnimationFrame / requestIdleCallback, run by hand. */
class Queue<T extends (...args: never[]) => void> {
  private readonly pending = new Map<number, T>();
  private next = 1;
  readonly request = (callback: T): number => {
    const id = this.next++;
    this.pending.set(id, callback);
    return id;
  };
  readonly cancel = (id: number): void => {
    this.pending.delete(id);
  };
  get size(): number {
    return this.pending.size;
  }
  /** Runs what is queued now (callbacks queued meanwhile wait for the next run). */
  run(...args: Parameters<T>): number {
    const callbacks = [...this.pending.values()];
    this.pending.clear();
    for (const callback of callbacks) {
      callback(...args);
    }
    return callbacks.length;
  }
}

/** A scriptable engine side: what each paint answers, and what the loop asked for. */
class FakeHost implements FrameHost {
  area = true;
  pen = false;
  held = false;
  sceneAnswers: Array<{ complete: boolean; blitMs: number }> = [];
  liveAnswers: LiveOutcome[] = [];
  prefetchAnswers: boolean[] = [];
  readonly scenes: Array<{ budget: number; interacting: boolean }> = [];
  readonly lives: boolean[] = [];
  readonly prefetches: number[] = [];
  before = 0;
  beforeFrame(): void {
    this.before += 1;
  }
  hasArea(): boolean {
    return this.area;
  }
  drawing(): boolean {
    return this.pen;
  }
  paintScene(now: number, deadline: number, interacting: boolean): { complete: boolean; blitMs: number } {
    this.scenes.push({ budget: deadline - now, interacting });
    return this.sceneAnswers.shift() ?? { complete: true, blitMs: 1 };
  }
  liveHeld(): boolean {
    return this.held;
  }
  paintLive(sceneComplete: boolean): LiveOutcome {
    this.lives.push(sceneComplete);
    return this.liveAnswers.shift() ?? 'done';
  }
  prefetch(deadline: number): boolean {
    this.prefetches.push(deadline - performance.now());
    return this.prefetchAnswers.shift() ?? false;
  }
}

let frames: Queue<FrameRequestCallback>;
let idle: Queue<IdleRequestCallback>;

function setup(budgets = { interactingMs: 6, idleMs: 24 }): { loop: FrameLoop; host: FakeHost } {
  const host = new FakeHost();
  return { loop: new FrameLoop(host, budgets), host };
}

/** Runs frames until none is requested (at most `limit`); how many ran. */
function settle(limit = 50): number {
  let n = 0;
  while (frames.size > 0 && n < limit) {
    n += frames.run(performance.now());
  }
  return n;
}

const idleDeadline = (ms: number): IdleDeadline => ({ didTimeout: false, timeRemaining: () => ms });

describe('FrameLoop', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] });
    frames = new Queue<FrameRequestCallback>();
    idle = new Queue<IdleRequestCallback>();
    vi.stubGlobal('requestAnimationFrame', frames.request);
    vi.stubGlobal('cancelAnimationFrame', frames.cancel);
    vi.stubGlobal('requestIdleCallback', idle.request);
    vi.stubGlobal('cancelIdleCallback', idle.cancel);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks for one frame however many changes come before it', () => {
    const { loop, host } = setup();
    loop.invalidateScene();
    loop.invalidateScene();
    loop.invalidateLive();
    loop.request();
    expect(frames.size).toBe(1);
    frames.run(performance.now());
    expect(host.before).toBe(1);
    expect(host.scenes).toHaveLength(1);
    expect(host.lives).toEqual([true]);
    expect(frames.size).toBe(0);
  });

  it('bakes with the opening budget until the sheet was shown complete, frame after frame', () => {
    const { loop, host } = setup();
    host.sceneAnswers = [
      { complete: false, blitMs: 2 },
      { complete: false, blitMs: 2 },
      { complete: true, blitMs: 2 },
    ];
    loop.invalidateScene();
    expect(settle()).toBe(3);
    expect(host.scenes.map((s) => s.budget)).toEqual([OPEN_BUDGET_MS, OPEN_BUDGET_MS, OPEN_BUDGET_MS]);
    expect(loop.sceneComplete).toBe(true);
    // Complete and clean: nothing more is baked.
    loop.request();
    settle();
    expect(host.scenes).toHaveLength(3);
    // Then idle frames get the idle budget, smooth.
    loop.invalidateScene();
    settle();
    expect(host.scenes[3]).toEqual({ budget: 24, interacting: false });
  });

  it('keeps frames short while someone interacts, leaving room for the blit', () => {
    const { loop, host } = setup({ interactingMs: 6, idleMs: 24 });
    loop.invalidateScene();
    settle();
    loop.interacted();
    loop.invalidateScene();
    settle();
    // The last blit took 1 ms: min(6, 8 - 1) = 6.
    expect(host.scenes.at(-1)).toEqual({ budget: 6, interacting: true });
    host.sceneAnswers = [{ complete: true, blitMs: 5 }];
    loop.invalidateScene();
    settle();
    loop.invalidateScene();
    settle();
    // Now the blit takes 5 ms: 8 - 5 = 3.
    expect(host.scenes.at(-1)).toEqual({ budget: 3, interacting: true });
    host.sceneAnswers = [{ complete: true, blitMs: 7.5 }];
    loop.invalidateScene();
    settle();
    loop.invalidateScene();
    settle();
    // Never below 1.5 ms, or nothing would ever be baked.
    expect(host.scenes.at(-1)?.budget).toBe(1.5);
    vi.advanceTimersByTime(401);
    loop.invalidateScene();
    settle();
    expect(host.scenes.at(-1)).toEqual({ budget: 24, interacting: false });
    // A stroke being drawn counts as interacting however long ago the last sample came.
    host.pen = true;
    loop.invalidateScene();
    frames.run(performance.now());
    expect(host.scenes.at(-1)?.interacting).toBe(true);
  });

  it('bakes nothing while the canvas has no area, and is not idle then', async () => {
    const { loop, host } = setup();
    host.area = false;
    let idleNow = false;
    void loop.whenIdle().then(() => {
      idleNow = true;
    });
    settle();
    await Promise.resolve();
    expect(host.scenes).toHaveLength(0);
    expect(idleNow).toBe(false);
    host.area = true;
    loop.request();
    settle();
    await Promise.resolve();
    expect(idleNow).toBe(true);
  });

  it('paints the live layer when dirty or holding ink, and again as it asks', () => {
    const { loop, host } = setup();
    loop.invalidateScene();
    settle();
    expect(host.lives).toEqual([]);
    host.liveAnswers = ['repaint', 'wait', 'done'];
    host.held = true;
    loop.request();
    settle();
    host.held = false;
    // 'repaint' and 'wait' each asked for one more frame; 'done' (not held) stops.
    expect(host.lives).toEqual([true, true, true]);
    loop.invalidateLive();
    settle();
    expect(host.lives).toHaveLength(4);
    // The live layer is told when the scene of this frame is not complete yet.
    host.sceneAnswers = [{ complete: false, blitMs: 1 }];
    loop.invalidateScene();
    loop.invalidateLive();
    frames.run(performance.now());
    expect(host.lives.at(-1)).toBe(false);
  });

  it('resolves idle waiters once everything is painted and nothing is drawn or held', async () => {
    const { loop, host } = setup();
    host.pen = true;
    let resolved = 0;
    void loop.whenIdle().then(() => (resolved += 1));
    settle();
    await Promise.resolve();
    expect(resolved).toBe(0);
    host.pen = false;
    loop.request();
    settle();
    await Promise.resolve();
    expect(resolved).toBe(1);
    // Already idle: resolves at once, without a frame.
    await loop.whenIdle();
    expect(frames.size).toBe(0);
  });

  it('logs the last 240 frames, oldest first', () => {
    const { loop, host } = setup();
    host.sceneAnswers = Array.from({ length: 300 }, (_, i) => ({ complete: i === 299, blitMs: i }));
    loop.invalidateScene();
    settle(400);
    const log = loop.frameLog();
    expect(log).toHaveLength(240);
    expect(log[0]?.blitMs).toBe(60);
    expect(log.at(-1)?.blitMs).toBe(299);
    expect(log.every((e) => e.budgetMs === OPEN_BUDGET_MS)).toBe(true);
    expect(loop.lastFrameMs).toBeGreaterThanOrEqual(0);
  });

  it('prefetches in idle periods, in slices of at most 12 ms, while there is more', () => {
    const { loop, host } = setup();
    host.prefetchAnswers = [true, false];
    loop.invalidateScene();
    settle();
    expect(idle.size).toBe(1);
    idle.run(idleDeadline(40));
    idle.run(idleDeadline(5));
    expect(host.prefetches).toEqual([12, 5]);
    expect(idle.size).toBe(0);
    // Not idle any more when the callback comes: nothing is prefetched.
    loop.request();
    settle();
    loop.invalidateScene();
    idle.run(idleDeadline(40));
    expect(host.prefetches).toHaveLength(2);
  });

  it('stop cancels the pending frame and prefetch, runs nothing later and lets waiters go', async () => {
    const { loop, host } = setup();
    loop.invalidateScene();
    settle();
    expect(idle.size).toBe(1);
    host.pen = true;
    const waiting = loop.whenIdle();
    expect(frames.size).toBe(1);
    loop.stop();
    expect(frames.size).toBe(0);
    expect(idle.size).toBe(0);
    await waiting;
    loop.invalidateScene();
    loop.invalidateLive();
    expect(frames.size).toBe(0);
    expect(host.scenes).toHaveLength(1);
  });
});
