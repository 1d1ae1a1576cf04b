import { paintColour, type FreehandOptions } from '../../../../shared/sketch/brushes.js';
import type { BrushKind } from '../../../../shared/sketch/sketchLayout.js';
import type { View } from '../../../../shared/sketch/viewTransform.js';
import { outlinePolygon, traceOutline } from './inkGeometry.js';

/** A stroke being drawn, here or by someone else: points grow in place. */
export interface LiveInk {
  /** Interleaved x, y, pressure; only the first `count` points are valid. */
  xyp: Float32Array;
  count: number;
  options: FreehandOptions;
  brush: BrushKind;
  colour: string;
  /** Transient predicted points (drawn, never stored). */
  predicted?: ReadonlyArray<readonly [number, number, number]>;
}

/**
 * The live layer: a transparent canvas above the scene that shows only strokes in progress (the
 * local one, remote ones, and a just-finished one until the scene shows it). Each frame it clears
 * what it drew last time and draws the current outlines (perfect-freehand with `last: false`), so
 * its cost depends on the strokes being drawn, never on how many strokes the sheet has.
 * It asks for a `desynchronized` (low-latency) context where the browser offers one.
 */
export class LiveLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** Device-pixel box drawn in the last frame, to clear. */
  private dirty: { x0: number; y0: number; x1: number; y1: number } | null = null;
  readonly lowLatency: boolean;

  constructor() {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'sketch-live';
    const ctx = this.canvas.getContext('2d', { desynchronized: true, alpha: true });
    if (!ctx) {
      throw new Error('No 2D canvas context for the live layer.');
    }
    this.ctx = ctx;
    this.lowLatency = ctx.getContextAttributes().desynchronized === true;
  }

  resize(width: number, height: number, dpr: number): void {
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.dirty = null;
  }

  /** Redraws the live strokes for the view. */
  render(view: View, dpr: number, inks: Iterable<LiveInk>): void {
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.dirty) {
      const { x0, y0, x1, y1 } = this.dirty;
      ctx.clearRect(x0, y0, x1 - x0, y1 - y0);
      this.dirty = null;
    }
    const scale = view.zoom * dpr;
    ctx.setTransform(scale, 0, 0, scale, view.x * dpr, view.y * dpr);
    let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
    for (const ink of inks) {
      if (ink.count < 1) {
        continue;
      }
      const polygon = outlinePolygon(ink.xyp, ink.count, ink.options, false, ink.predicted);
      if (polygon.length < 2) {
        continue;
      }
      ctx.beginPath();
      traceOutline(ctx, polygon);
      ctx.fillStyle = paintColour(ink.colour, ink.brush);
      ctx.fill();
      for (const p of polygon) {
        const x = (p[0] ?? 0) * scale + view.x * dpr;
        const y = (p[1] ?? 0) * scale + view.y * dpr;
        if (!box) {
          box = { x0: x, y0: y, x1: x, y1: y };
        } else {
          box.x0 = Math.min(box.x0, x);
          box.y0 = Math.min(box.y0, y);
          box.x1 = Math.max(box.x1, x);
          box.y1 = Math.max(box.y1, y);
        }
      }
    }
    if (box) {
      // Antialiasing and the quadratic smoothing reach a little beyond the polygon.
      this.dirty = {
        x0: Math.floor(box.x0) - 3,
        y0: Math.floor(box.y0) - 3,
        x1: Math.ceil(box.x1) + 3,
        y1: Math.ceil(box.y1) + 3,
      };
    }
  }

  /** Whether anything is on the live layer. */
  get isEmpty(): boolean {
    return this.dirty === null;
  }
}
