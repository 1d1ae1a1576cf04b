import { Canvas, PencilBrush, Point, type Path } from 'fabric';
import * as Y from 'yjs';
import { paintColour } from '../../../../shared/sketch/brushes.js';
import { SHEET_SIZES, strokesMap } from '../../../../shared/sketch/sketchLayout.js';
import { decodeStroke } from '../../../../shared/sketch/strokeCodec.js';
import { fitRect, viewMatrix } from '../../../../shared/sketch/viewTransform.js';
import {
  driveFrames,
  durationStats,
  frames,
  penPoint,
  prepareInWorker,
  round,
  type PreparedDoc,
} from './benchDriver.js';

/**
 * Benchmark harness for stock fabric.js 7 (`?bench=fabric-stock`): the same synthetic document,
 * each stroke a fabric.Path built exactly as PencilBrush builds one on mouse-up (decimate,
 * getSmoothPathFromPoints, stroked centre line of constant width), default canvas settings
 * (objectCaching, renderOnAddRemove, skipOffscreen, target finding on every move). New strokes are
 * drawn with the real PencilBrush through synthesized mouse events (fabric's default event mode),
 * one event per frame as the browser would deliver them.
 */

let root: HTMLElement;
let prepared: PreparedDoc | null = null;
let canvas: Canvas | null = null;
let brush: PencilBrush | null = null;

function requireCanvas(): Canvas {
  if (!canvas) {
    throw new Error('open() first');
  }
  return canvas;
}

function mouse(type: string, x: number, y: number, buttons: number): MouseEvent {
  return new MouseEvent(type, {
    clientX: x,
    clientY: y,
    button: 0,
    buttons,
    bubbles: true,
    cancelable: true,
    composed: true,
    view: window,
  });
}

const api = {
  async prepare(options: { strokes: number; seed: number }) {
    prepared = await prepareInWorker(options.strokes, options.seed);
    return {
      prepareMs: prepared.prepareMs,
      updateBytes: prepared.update.byteLength,
      points: prepared.points,
    };
  },

  /** Document update given → one fabric.Path per stroke on the canvas → first full render. */
  async open(options: { maxMs: number }) {
    if (!prepared) {
      throw new Error('prepare() first');
    }
    const width = root.clientWidth;
    const height = root.clientHeight;
    const element = document.createElement('canvas');
    root.append(element);
    const start = performance.now();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, prepared.update);
    canvas = new Canvas(element, { width, height, isDrawingMode: true });
    brush = new PencilBrush(canvas);
    canvas.freeDrawingBrush = brush;
    const paths: Path[] = [];
    let timedOut = false;
    strokesMap(doc).forEach((value, id) => {
      if (timedOut) {
        return;
      }
      const result = decodeStroke(id, value);
      if (!result.ok || !brush) {
        return;
      }
      const s = result.stroke;
      const points: Point[] = [];
      for (let i = 0; i < s.points.xyp.length; i += 3) {
        points.push(new Point(s.points.xyp[i] ?? 0, s.points.xyp[i + 1] ?? 0));
      }
      brush.color = paintColour(s.colour, s.brush);
      brush.width = s.size;
      paths.push(
        brush.createPath(brush.convertPointsToSVGPath(brush.decimatePoints(points, brush.decimate))),
      );
      if (paths.length % 500 === 0 && performance.now() - start > options.maxMs) {
        timedOut = true;
      }
    });
    doc.destroy();
    const built = performance.now();
    canvas.add(...paths);
    canvas.setViewportTransform(viewMatrix(fitRect({ x: 0, y: 0, ...SHEET_SIZES.a0 }, { width, height })));
    canvas.renderAll();
    const rendered = performance.now();
    await frames(1);
    brush.color = '#1d1d1f';
    brush.width = 3;
    return {
      openMs: timedOut ? null : round(performance.now() - start),
      buildPathsMs: round(built - start),
      firstRenderMs: round(rendered - built),
      objects: canvas.getObjects().length,
      timedOut,
    };
  },

  async zoom(options: { frames: number; factor: number; maxMs: number }) {
    const c = requireCanvas();
    const centre = new Point(c.getWidth() / 2, c.getHeight() / 2);
    const half = Math.floor(options.frames / 2);
    const report = await driveFrames(
      options.frames,
      (i) => {
        const factor = i < half ? options.factor : 1 / options.factor;
        c.zoomToPoint(centre, c.getZoom() * factor);
      },
      options.maxMs,
    );
    return { ...report, endZoom: c.getZoom() };
  },

  async setView(options: { zoom: number; cx: number; cy: number } | { fit: true }) {
    const c = requireCanvas();
    const start = performance.now();
    const viewport = { width: c.getWidth(), height: c.getHeight() };
    if ('fit' in options) {
      c.setViewportTransform(viewMatrix(fitRect({ x: 0, y: 0, ...SHEET_SIZES.a0 }, viewport)));
    } else {
      c.setViewportTransform([
        options.zoom,
        0,
        0,
        options.zoom,
        viewport.width / 2 - options.cx * options.zoom,
        viewport.height / 2 - options.cy * options.zoom,
      ]);
    }
    c.renderAll();
    await frames(2);
    return { settleMs: round(performance.now() - start) };
  },

  async draw(options: { strokes: number; framesPerStroke: number; maxMs: number }) {
    const c = requireCanvas();
    const upper = c.upperCanvasEl;
    const rect = upper.getBoundingClientRect();
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const moveMs: number[] = [];
    const downUpMs: number[] = [];
    const perStroke = options.framesPerStroke + 2;
    const before = c.getObjects().length;
    const report = await driveFrames(
      options.strokes * perStroke,
      (i) => {
        const s = Math.floor(i / perStroke);
        const f = i % perStroke;
        const p = penPoint(s, Math.min(f, options.framesPerStroke), 0, cx, cy, options.framesPerStroke);
        const t0 = performance.now();
        if (f === 0) {
          upper.dispatchEvent(mouse('mousedown', p.x, p.y, 1));
          downUpMs.push(performance.now() - t0);
        } else if (f <= options.framesPerStroke) {
          upper.dispatchEvent(mouse('mousemove', p.x, p.y, 1));
          moveMs.push(performance.now() - t0);
        } else {
          upper.dispatchEvent(mouse('mouseup', p.x, p.y, 0));
          downUpMs.push(performance.now() - t0);
        }
      },
      options.maxMs,
    );
    await frames(2);
    return {
      ...report,
      pointerMove: durationStats(moveMs),
      downUp: durationStats(downUpMs),
      strokesAdded: c.getObjects().length - before,
    };
  },

  async pan(options: { frames: number; dx: number; dy: number; maxMs: number }) {
    const c = requireCanvas();
    const half = Math.floor(options.frames / 2);
    const report = await driveFrames(
      options.frames,
      (i) => {
        c.relativePan(new Point(i < half ? -options.dx : 0, i < half ? 0 : -options.dy));
      },
      options.maxMs,
    );
    await frames(2);
    return report;
  },

  stats() {
    return canvas ? { objects: canvas.getObjects().length, zoom: canvas.getZoom() } : null;
  },
};

export function installBench(element: HTMLElement): void {
  root = element;
  (window as unknown as { __bench: typeof api }).__bench = api;
  document.title = 'bench ready';
}
