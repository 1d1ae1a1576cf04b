import * as Y from 'yjs';
import { fitRect } from '../../../../shared/sketch/viewTransform.js';
import { SHEET_SIZES, strokesMap } from '../../../../shared/sketch/sketchLayout.js';
import { decodeStroke } from '../../../../shared/sketch/strokeCodec.js';
import { SketchEngine } from '../engine/SketchEngine.js';
import {
  quantile,
  driveFrames,
  durationStats,
  frames,
  penPoint,
  prepareInWorker,
  round,
  type PreparedDoc,
} from './benchDriver.js';

/**
 * Benchmark harness for our ink engine (`?bench=mitschrift`). bench/canvas.ts calls these through
 * `window.__bench`; each returns plain JSON.
 */

let host: HTMLElement;
let prepared: PreparedDoc | null = null;
let engine: SketchEngine | null = null;
let doc: Y.Doc | null = null;
let seed = 0;

function requireEngine(): SketchEngine {
  if (!engine) {
    throw new Error('open() first');
  }
  return engine;
}

/** p95 of the engine's own per-frame timings over the last frames of a phase. */
function summariseFrames(e: SketchEngine): Record<string, number> {
  const log = e.frameLog();
  return {
    frames: log.length,
    sceneP95Ms: round(
      quantile(
        log.map((f) => f.sceneMs),
        0.95,
      ),
    ),
    blitP95Ms: round(
      quantile(
        log.map((f) => f.blitMs),
        0.95,
      ),
    ),
    liveP95Ms: round(
      quantile(
        log.map((f) => f.liveMs),
        0.95,
      ),
    ),
  };
}

function pointer(
  type: string,
  init: PointerEventInit & { coalesced?: PointerEventInit[]; predicted?: PointerEventInit[] },
): PointerEvent {
  const base = {
    pointerId: 7,
    pointerType: 'pen',
    isPrimary: true,
    bubbles: true,
    cancelable: true,
    composed: true,
    button: 0,
    buttons: 1,
  };
  const { coalesced, predicted, ...rest } = init;
  return new PointerEvent(type, {
    ...base,
    ...rest,
    coalescedEvents: coalesced?.map((c) => new PointerEvent(type, { ...base, ...c })),
    predictedEvents: predicted?.map((p) => new PointerEvent(type, { ...base, ...p })),
  });
}

const api = {
  async prepare(options: { strokes: number; seed: number }) {
    prepared = await prepareInWorker(options.strokes, options.seed);
    seed = options.seed;
    return {
      prepareMs: prepared.prepareMs,
      updateBytes: prepared.update.byteLength,
      points: prepared.points,
    };
  },

  /** Document update given → strokes decoded, indexed and the fitted sheet fully rendered. */
  async open() {
    if (!prepared) {
      throw new Error('prepare() first');
    }
    const update = prepared.update;
    const start = performance.now();
    doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const applied = performance.now();
    engine = new SketchEngine(host, { doc, author: 'bench' });
    const attached = performance.now();
    await engine.whenIdle();
    const rendered = performance.now();
    return {
      openMs: round(rendered - start),
      applyUpdateMs: round(applied - start),
      decodeIndexMs: round(attached - applied),
      firstRenderMs: round(rendered - attached),
      stats: engine.stats(),
    };
  },

  async zoom(options: { frames: number; factor: number; maxMs: number }) {
    const e = requireEngine();
    const viewport = e.getViewport();
    const centre = { x: viewport.width / 2, y: viewport.height / 2 };
    const half = Math.floor(options.frames / 2);
    const report = await driveFrames(
      options.frames,
      (i) => {
        const deltaY = Math.log(options.factor) / -0.01;
        host.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: i < half ? deltaY : -deltaY,
            ctrlKey: true,
            clientX: centre.x,
            clientY: centre.y,
            bubbles: true,
            cancelable: true,
          }),
        );
      },
      options.maxMs,
    );
    return { ...report, endZoom: e.getView().zoom, engineFrames: summariseFrames(e) };
  },

  async setView(options: { zoom: number; cx: number; cy: number } | { fit: true }) {
    const e = requireEngine();
    if ('fit' in options) {
      e.fit();
    } else {
      const viewport = e.getViewport();
      e.setView({
        zoom: options.zoom,
        x: viewport.width / 2 - options.cx * options.zoom,
        y: viewport.height / 2 - options.cy * options.zoom,
      });
    }
    const start = performance.now();
    await e.whenIdle();
    await frames(2);
    return { settleMs: round(performance.now() - start), view: e.getView() };
  },

  async draw(options: { strokes: number; framesPerStroke: number; samplesPerFrame: number; maxMs: number }) {
    const e = requireEngine();
    const viewport = e.getViewport();
    const cx = viewport.width / 2;
    const cy = viewport.height / 2;
    const moveMs: number[] = [];
    const downUpMs: number[] = [];
    const perStroke = options.framesPerStroke + 2;
    const before = e.stats().strokes;
    const report = await driveFrames(
      options.strokes * perStroke,
      (i) => {
        const s = Math.floor(i / perStroke);
        const f = i % perStroke;
        if (f === 0) {
          const p = penPoint(s, 0, 0, cx, cy, options.framesPerStroke);
          const t0 = performance.now();
          host.dispatchEvent(
            pointer('pointerdown', {
              clientX: p.x,
              clientY: p.y,
              pressure: p.pressure,
              tiltX: p.tiltX,
              tiltY: p.tiltY,
            }),
          );
          downUpMs.push(performance.now() - t0);
        } else if (f <= options.framesPerStroke) {
          const coalesced: PointerEventInit[] = [];
          for (let k = 1; k <= options.samplesPerFrame; k++) {
            const p = penPoint(s, f - 1, k / options.samplesPerFrame, cx, cy, options.framesPerStroke);
            coalesced.push({
              clientX: p.x,
              clientY: p.y,
              pressure: p.pressure,
              tiltX: p.tiltX,
              tiltY: p.tiltY,
            });
          }
          const last = coalesced[coalesced.length - 1] ?? {};
          const ahead = penPoint(s, f, 0.5, cx, cy, options.framesPerStroke);
          const t0 = performance.now();
          host.dispatchEvent(
            pointer('pointermove', {
              ...last,
              coalesced,
              predicted: [{ clientX: ahead.x, clientY: ahead.y, pressure: ahead.pressure }],
            }),
          );
          moveMs.push(performance.now() - t0);
        } else {
          const p = penPoint(s, options.framesPerStroke, 0, cx, cy, options.framesPerStroke);
          const t0 = performance.now();
          host.dispatchEvent(pointer('pointerup', { clientX: p.x, clientY: p.y, pressure: 0, buttons: 0 }));
          downUpMs.push(performance.now() - t0);
        }
      },
      options.maxMs,
    );
    const engineFrames = summariseFrames(e);
    await e.whenIdle();
    return {
      ...report,
      engineFrames,
      pointerMove: durationStats(moveMs),
      downUp: durationStats(downUpMs),
      strokesAdded: e.stats().strokes - before,
    };
  },

  async pan(options: { frames: number; dx: number; dy: number; maxMs: number }) {
    const e = requireEngine();
    const half = Math.floor(options.frames / 2);
    return driveFrames(
      options.frames,
      (i) => {
        // Right along the sheet, then down.
        const deltaX = i < half ? options.dx : 0;
        const deltaY = i < half ? 0 : options.dy;
        host.dispatchEvent(new WheelEvent('wheel', { deltaX, deltaY, bubbles: true, cancelable: true }));
      },
      options.maxMs,
    ).then(async (report) => {
      const engineFrames = summariseFrames(e);
      await e.whenIdle();
      return { ...report, engineFrames };
    });
  },

  stats() {
    return engine?.stats() ?? null;
  },

  /** Where synthetic stroke `index` starts (for screenshots of real content). */
  contentPoint(options: { index: number }) {
    const result = doc ? decodeStroke('x', strokesMap(doc).get(`syn-${seed}-${options.index}`)) : null;
    return result?.ok ? { x: result.stroke.points.xyp[0] ?? 0, y: result.stroke.points.xyp[1] ?? 0 } : null;
  },

  /** For screenshots: fit or a given view of a fresh sheet, fully rendered. */
  sheetSize() {
    return SHEET_SIZES.a0;
  },

  fitView() {
    const e = requireEngine();
    return fitRect({ x: 0, y: 0, ...SHEET_SIZES.a0 }, e.getViewport());
  },
};

export function installBench(root: HTMLElement): void {
  host = document.createElement('div');
  host.style.position = 'absolute';
  host.style.inset = '0';
  root.append(host);
  (window as unknown as { __bench: typeof api }).__bench = api;
  document.title = 'bench ready';
}
