import { freehandOptions, meanWidthFactor, paintColour, type FreehandOptions } from '../../../../shared/sketch/brushes.js';
import { paintRank, type BrushKind, type LayerId } from '../../../../shared/sketch/sketchLayout.js';
import type { Stroke } from '../../../../shared/sketch/strokeCodec.js';
import { outlinePolygon, pointsBounds, traceCentreline, traceOutline } from './inkGeometry.js';

/** A 2D context of either kind of canvas. */
export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Below this width in device pixels a stroke is drawn as its simplified centre line with its mean
 * width: pressure variation of a stroke that thin is invisible, and the line is far cheaper.
 */
export const LOD_WIDTH_PX = 2.5;
/** Centre-line simplification tolerance in device pixels. */
const LOD_TOLERANCE_PX = 0.6;

/**
 * A finished stroke in the scene: its raw points (the source of truth), its style, a bounding box
 * (also its R-tree entry) and a lazily built, cached outline.
 */
export class InkStroke {
  readonly id: string;
  readonly brush: BrushKind;
  readonly colour: string;
  readonly size: number;
  readonly layer: LayerId;
  readonly author: string;
  readonly createdAt: number;
  readonly z: number;
  readonly xyp: Float32Array;
  readonly count: number;
  readonly hasPressure: boolean;
  readonly options: FreehandOptions;
  /** Paint order class: layer, then highlighters beneath ink. */
  readonly rank: number;
  /** CSS colour with the brush's opacity. */
  readonly fillStyle: string;
  /** Mean drawn width in scene units, for the simplified line. */
  readonly meanWidth: number;
  // R-tree entry: the points' box grown by the widest the outline can get.
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  private outlinePath: Path2D | null = null;

  constructor(stroke: Stroke) {
    this.id = stroke.id;
    this.brush = stroke.brush;
    this.colour = stroke.colour;
    this.size = stroke.size;
    this.layer = stroke.layer;
    this.author = stroke.author;
    this.createdAt = stroke.createdAt;
    this.z = stroke.z;
    this.xyp = stroke.points.xyp;
    this.count = Math.floor(stroke.points.xyp.length / 3);
    this.hasPressure = stroke.points.hasPressure;
    this.options = freehandOptions(stroke, stroke.points.hasPressure);
    this.rank = paintRank(stroke.layer, stroke.brush);
    this.fillStyle = paintColour(stroke.colour, stroke.brush);
    let pressureSum = 0;
    for (let i = 0; i < this.count; i++) {
      pressureSum += this.xyp[i * 3 + 2]!;
    }
    const meanPressure = this.hasPressure && !this.options.simulatePressure ? pressureSum / this.count : 0.5;
    this.meanWidth = stroke.size * meanWidthFactor(this.options.thinning, meanPressure);
    const box = pointsBounds(this.xyp, this.count);
    // perfect-freehand's radius is at most size · (0.5 + thinning / 2) ≤ size; plus antialiasing.
    const grow = stroke.size + 1;
    this.minX = box.minX - grow;
    this.minY = box.minY - grow;
    this.maxX = box.maxX + grow;
    this.maxY = box.maxY + grow;
  }

  /** Whether the stroke is drawn as a simplified line at this scale (device pixels per unit). */
  isSimplified(deviceScale: number): boolean {
    return this.meanWidth * deviceScale < LOD_WIDTH_PX;
  }

  /** The filled outline, computed once. */
  outline(): Path2D {
    if (!this.outlinePath) {
      const path = new Path2D();
      traceOutline(path, outlinePolygon(this.xyp, this.count, this.options, true));
      this.outlinePath = path;
    }
    return this.outlinePath;
  }

  /** Whether the outline is cached (for memory accounting and tests). */
  get hasOutline(): boolean {
    return this.outlinePath !== null;
  }

  /** Adds the simplified centre line to the current path (the caller strokes it). */
  traceSimplified(ctx: Ctx2D, deviceScale: number): void {
    traceCentreline(ctx, this.xyp, this.count, LOD_TOLERANCE_PX / deviceScale);
  }

  /** Draws the stroke into a context whose transform maps scene units to device pixels at `deviceScale`. */
  draw(ctx: Ctx2D, deviceScale: number): void {
    if (this.isSimplified(deviceScale)) {
      ctx.beginPath();
      this.traceSimplified(ctx, deviceScale);
      ctx.strokeStyle = this.fillStyle;
      ctx.lineWidth = this.meanWidth;
      ctx.stroke();
      return;
    }
    ctx.fillStyle = this.fillStyle;
    ctx.fill(this.outline());
  }
}

/** Paint order: layer and highlighter class, then z, then id. */
export function compareStrokes(a: InkStroke, b: InkStroke): number {
  return a.rank - b.rank || a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
