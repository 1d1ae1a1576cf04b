import {
  freehandOptions,
  meanWidthFactor,
  paintColour,
  type FreehandOptions,
} from '../../../../shared/sketch/brushes.js';
import {
  blendsByMultiply,
  paintRank,
  type BrushKind,
  type LayerId,
} from '../../../../shared/sketch/sketchLayout.js';
import type { Stroke } from '../../../../shared/sketch/strokeCodec.js';
import { outlinePolygon, pointsBounds, traceCentreline, traceOutline } from './inkGeometry.js';

import { strokeKey, type Ctx2D, type DetailLevel, type SceneItem } from './sceneItem.js';

export type { Ctx2D, DetailLevel } from './sceneItem.js';

/**
 * Levels of detail by the stroke's mean width in device pixels. Below LOD_WIDTH_PX a stroke is
 * drawn as its simplified centre line with its mean width: pressure variation of a stroke that
 * thin is invisible, and a line is far cheaper than a filled outline. Below HAIRLINE_PX the line is
 * drawn at most 1 device pixel wide, which Skia rasterises as a coverage-modulated hairline (about
 * 4× faster in software than its general stroker).
 */
const LOD_WIDTH_PX = 2.5;
const HAIRLINE_PX = 1.5;
/** Centre-line simplification tolerance in device pixels. */
const LOD_TOLERANCE_PX = 0.75;

const colourCache = new Map<string, string>();
function cachedPaint(colour: string, brush: BrushKind): string {
  const key = colour + brush;
  let paint = colourCache.get(key);
  if (paint === undefined) {
    paint = paintColour(colour, brush);
    if (colourCache.size < 4096) {
      colourCache.set(key, paint);
    }
  }
  return paint;
}

/**
 * Keeps at most `capacity` stroke outlines (Path2D, which live in Blink's memory) cached, dropping
 * the least recently drawn. Rebuilding one costs tens of microseconds; keeping 20,000 costs
 * hundreds of megabytes.
 */
export class OutlineCache {
  private readonly strokes = new Set<InkStroke>();

  constructor(readonly capacity = 4000) {}

  get size(): number {
    return this.strokes.size;
  }

  touch(stroke: InkStroke): void {
    this.strokes.delete(stroke);
    this.strokes.add(stroke);
    if (this.strokes.size > this.capacity) {
      const oldest = this.strokes.values().next().value;
      if (oldest) {
        this.strokes.delete(oldest);
        oldest.dropOutline();
      }
    }
  }

  forget(stroke: InkStroke): void {
    if (this.strokes.delete(stroke)) {
      stroke.dropOutline();
    }
  }
}

const defaultOutlineCache = new OutlineCache();

/**
 * A finished stroke in the scene: its raw points (the source of truth), its style, a bounding box
 * (also its R-tree entry) and a lazily built, cached outline.
 */
export class InkStroke implements SceneItem {
  readonly key: string;
  readonly type = 'stroke' as const;
  hidden = false;
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
  /** Paint order class: the layer (see paintRank). */
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

  constructor(
    stroke: Stroke,
    private readonly cache: OutlineCache = defaultOutlineCache,
  ) {
    this.id = stroke.id;
    this.key = strokeKey(stroke.id);
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
    this.fillStyle = cachedPaint(stroke.colour, stroke.brush);
    let summary = stroke.points.summary;
    if (!summary) {
      let pressureSum = 0;
      for (let i = 0; i < this.count; i++) {
        pressureSum += this.xyp[i * 3 + 2] ?? 0;
      }
      summary = { ...pointsBounds(this.xyp, this.count), meanPressure: pressureSum / this.count };
    }
    const meanPressure = this.hasPressure && !this.options.simulatePressure ? summary.meanPressure : 0.5;
    this.meanWidth = stroke.size * meanWidthFactor(this.options.thinning, meanPressure);
    const box = summary;
    // perfect-freehand's radius is at most size · (0.5 + thinning / 2) ≤ size; plus antialiasing.
    const grow = stroke.size + 1;
    this.minX = box.minX - grow;
    this.minY = box.minY - grow;
    this.maxX = box.maxX + grow;
    this.maxY = box.maxY + grow;
  }

  /** How the stroke is drawn at this scale (device pixels per scene unit). */
  detail(deviceScale: number): DetailLevel {
    const width = this.meanWidth * deviceScale;
    return width < HAIRLINE_PX ? 'hairline' : width < LOD_WIDTH_PX ? 'line' : 'outline';
  }

  /** The line width (scene units) of the simplified drawing at this scale. */
  lineWidth(deviceScale: number): number {
    const width = this.meanWidth * deviceScale;
    return (width < HAIRLINE_PX ? Math.min(width, 0.999) : width) / deviceScale;
  }

  /** The filled outline, cached while it is among the most recently drawn. */
  outline(): Path2D {
    if (!this.outlinePath) {
      const path = new Path2D();
      traceOutline(path, outlinePolygon(this.xyp, this.count, this.options, true));
      this.outlinePath = path;
    }
    this.cache.touch(this);
    return this.outlinePath;
  }

  /** Forgets the cached outline (the cache calls this). */
  dropOutline(): void {
    this.outlinePath = null;
  }

  /** Releases what this stroke holds in the outline cache (when it leaves the scene). */
  release(): void {
    this.cache.forget(this);
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
    if (this.detail(deviceScale) !== 'outline') {
      ctx.beginPath();
      this.traceSimplified(ctx, deviceScale);
      ctx.strokeStyle = this.fillStyle;
      ctx.lineWidth = this.lineWidth(deviceScale);
      const before = ctx.globalCompositeOperation;
      if (blendsByMultiply(this.brush)) {
        ctx.globalCompositeOperation = 'multiply';
      }
      ctx.stroke();
      ctx.globalCompositeOperation = before;
      return;
    }
    ctx.fillStyle = this.fillStyle;
    if (blendsByMultiply(this.brush)) {
      // A highlighter tints what is beneath (ink stays dark, a filled shape shows through).
      const before = ctx.globalCompositeOperation;
      ctx.globalCompositeOperation = 'multiply';
      ctx.fill(this.outline());
      ctx.globalCompositeOperation = before;
      return;
    }
    ctx.fill(this.outline());
  }
}
