import type { PreparedDoc } from './syntheticDoc.js';

/**
 * Shared parts of the canvas benchmark harnesses (bench/canvas.ts drives them through
 * `window.__bench`): the synthetic document, a per-frame driver that measures frame times inside
 * the page, and the pen path drawn in the drawing test.
 */

export interface FrameReport {
  /** Frames measured. */
  frames: number;
  /** Main-thread time per frame: from its first rAF callback to the end of its rendering work. */
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** rAF-to-rAF intervals (vsync-quantised at 60 Hz in headless Chromium). */
  intervalP50: number;
  intervalP95: number;
  intervalMax: number;
  /** Intervals longer than 1.5 frames. */
  droppedFrames: number;
  /** The phase hit its time budget before all frames ran. */
  timedOut: boolean;
  wallMs: number;
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

const round = (v: number): number => Math.round(v * 100) / 100;

/**
 * Runs `perFrame(i)` in `frames` consecutive animation frames and measures each frame's main-thread
 * work: from the start of the frame's first rAF callback (this driver re-registers before doing
 * anything, so it always runs first) to a message posted from that callback, which runs only after
 * the frame's rendering (the other rAF callbacks, style, paint, canvas raster, commit).
 * rAF-to-rAF intervals are recorded as well.
 */
export function driveFrames(
  frames: number,
  perFrame: (i: number) => void,
  maxMs: number,
): Promise<FrameReport> {
  return new Promise((resolve) => {
    const times: number[] = [];
    const intervals: number[] = [];
    const started = performance.now();
    let last = 0;
    let i = 0;
    let pending = 0;
    let done = false;
    let timedOut = false;
    const finish = (): void => {
      resolve({
        frames: times.length,
        p50: round(quantile(times, 0.5)),
        p95: round(quantile(times, 0.95)),
        max: round(Math.max(...times)),
        mean: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
        intervalP50: round(quantile(intervals, 0.5)),
        intervalP95: round(quantile(intervals, 0.95)),
        intervalMax: round(Math.max(0, ...intervals)),
        droppedFrames: intervals.filter((v) => v > 25).length,
        timedOut,
        wallMs: round(performance.now() - started),
      });
    };
    const tick = (ts: number): void => {
      const frameStart = performance.now();
      if (last > 0) {
        intervals.push(ts - last);
      }
      last = ts;
      if (i >= frames || frameStart - started > maxMs) {
        timedOut = i < frames;
        done = true;
        if (pending === 0) {
          finish();
        }
        return;
      }
      requestAnimationFrame(tick);
      perFrame(i++);
      pending += 1;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        times.push(performance.now() - frameStart);
        pending -= 1;
        channel.port1.close();
        if (done && pending === 0) {
          finish();
        }
      };
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(tick);
  });
}

/** Waits for `n` animation frames. */
export function frames(n = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = (): void => {
      n -= 1;
      if (n <= 0) {
        resolve();
      } else {
        requestAnimationFrame(step);
      }
    };
    requestAnimationFrame(step);
  });
}

/**
 * The pen path of stroke `s` at frame `f` of the drawing test: a loopy handwriting-like scribble of
 * about 120 CSS pixels around (cx, cy), with a pressure swell. `sub` (0..1) interpolates between
 * frames for the coalesced samples.
 */
export function penPoint(
  s: number,
  f: number,
  sub: number,
  cx: number,
  cy: number,
  framesPerStroke: number,
): { x: number; y: number; pressure: number; tiltX: number; tiltY: number } {
  const t = (f + sub) / framesPerStroke;
  const ox = cx + ((s % 4) - 1.5) * 150;
  const oy = cy + (Math.floor(s / 4) % 2) * 110 - 55;
  const x = ox - 60 + t * 120 + Math.sin(t * Math.PI * 6 + s) * 14;
  const y = oy + Math.cos(t * Math.PI * 6 + s) * 22 + Math.sin(t * 2.3 + s) * 6;
  const pressure = 0.25 + 0.55 * Math.sin(Math.PI * Math.min(1, Math.max(0, t)));
  return { x, y, pressure, tiltX: 20 + 5 * Math.sin(t * 4), tiltY: -10 };
}

/** Statistics of per-call durations in ms. */
export function durationStats(values: number[]): { mean: number; p95: number; max: number; n: number } {
  return {
    mean: round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)),
    p95: round(quantile(values, 0.95)),
    max: round(values.length ? Math.max(...values) : NaN),
    n: values.length,
  };
}

export { round };
export type { PreparedDoc };

/** Builds the synthetic document in a worker (see prepareWorker.ts). */
export function prepareInWorker(strokes: number, seed: number): Promise<PreparedDoc> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./prepareWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<PreparedDoc>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ strokes, seed });
  });
}
