import type { LayerId, LayerSettings } from '../../../../shared/sketch/sketchLayout.js';
import {
  bucketFor,
  bucketScale,
  rangeSize,
  TILE_PX,
  TileBook,
  tileKey,
  tileRange,
  tileRect,
  tileSceneSize,
  tilesCovering,
  type TileRecord,
} from '../../../../shared/sketch/tileGrid.js';
import { rectsIntersect, visibleSceneRect, type Rect, type Size, type View } from '../../../../shared/sketch/viewTransform.js';
import type { Ctx2D, InkStroke } from './InkStroke.js';
import type { StrokeScene } from './StrokeScene.js';

/**
 * The tiled scene renderer. Finished strokes are baked into opaque TILE_PX² bitmaps per zoom
 * bucket (see `tileGrid.ts`); a frame only blits the visible tiles, so panning costs the same at
 * 20,000 strokes as at 1. A new stroke is drawn onto the tiles it touches (or marks them for a
 * rebake when it does not paint on top); nothing else is redrawn. After a zoom the existing tiles
 * of other buckets are shown scaled at once while the visible tiles are rebaked, centre first,
 * within a per-frame time budget. Tile memory has an LRU cap.
 */

interface Bitmap {
  canvas: OffscreenCanvas | HTMLCanvasElement;
  ctx: Ctx2D;
}

interface BakeJob {
  key: string;
  k: number;
  tx: number;
  ty: number;
  bitmap: Bitmap;
  strokes: InkStroke[];
  index: number;
}

/** The paper: the sheet rectangle (null: infinite), its colour, and the colour around it. */
export interface Paper {
  sheet: Rect | null;
  background: string;
  outside: string;
}

export interface TileRendererStats {
  tiles: number;
  tileBytes: number;
  jobs: number;
  tilesBaked: number;
  strokesBaked: number;
  incrementalDraws: number;
  invalidations: number;
}

/** A tile's device-pixel rectangle on screen for the view (rounded so neighbours meet exactly). */
function deviceRect(k: number, tx: number, ty: number, view: View, dpr: number): { x: number; y: number; w: number; h: number } {
  const s = tileSceneSize(k) * view.zoom;
  const x0 = Math.round((tx * s + view.x) * dpr);
  const y0 = Math.round((ty * s + view.y) * dpr);
  const x1 = Math.round(((tx + 1) * s + view.x) * dpr);
  const y1 = Math.round(((ty + 1) * s + view.y) * dpr);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

const POOL_MAX = 8;
/** Check the clock after this many strokes while baking. */
const CLOCK_EVERY = 4;
/** Simplified strokes of one colour are stroked as one path, up to this many. */
const BATCH_MAX = 96;

export class TileRenderer {
  readonly book = new TileBook<Bitmap>();
  private readonly jobs = new Map<string, BakeJob>();
  private readonly pool: Bitmap[] = [];
  private paper: Paper = { sheet: null, background: '#ffffff', outside: '#ffffff' };
  private layerAlpha: Record<LayerId, number> = { background: 1, drawing: 1, annotations: 1 };
  private maxTiles: number;
  private counters = { tilesBaked: 0, strokesBaked: 0, incrementalDraws: 0, invalidations: 0 };

  constructor(
    private readonly scene: StrokeScene,
    maxTileBytes: number,
  ) {
    this.maxTiles = Math.max(24, Math.floor(maxTileBytes / (TILE_PX * TILE_PX * 4)));
  }

  setPaper(paper: Paper): void {
    this.paper = paper;
    this.invalidateAll();
  }

  setLayers(settings: Record<LayerId, LayerSettings>): void {
    const next = {} as Record<LayerId, number>;
    for (const id of Object.keys(settings) as LayerId[]) {
      next[id] = settings[id].visible ? settings[id].opacity : 0;
    }
    if (Object.keys(next).some((id) => next[id as LayerId] !== this.layerAlpha[id as LayerId])) {
      this.layerAlpha = next;
      this.invalidateAll();
    }
  }

  /** Everything must be rebaked (paper, layers, or a bulk load changed); stale tiles stay visible meanwhile. */
  invalidateAll(): void {
    this.book.invalidateAll();
    this.dropJobs(() => true);
  }

  stats(): TileRendererStats {
    return {
      tiles: this.book.size,
      tileBytes: (this.book.size + this.jobs.size + this.pool.length) * TILE_PX * TILE_PX * 4,
      jobs: this.jobs.size,
      ...this.counters,
    };
  }

  /** A stroke was added to the scene: paint it onto the tiles it touches, or mark them stale. */
  strokeAdded(stroke: InkStroke): void {
    const alpha = this.layerAlpha[stroke.layer];
    if (alpha === 0) {
      return;
    }
    const box = { x: stroke.minX, y: stroke.minY, width: stroke.maxX - stroke.minX, height: stroke.maxY - stroke.minY };
    const onTop = this.scene.isTopmost(stroke);
    for (const record of this.book.tilesIn(box)) {
      if (onTop) {
        this.paintOnto(record.payload.ctx, record.k, record.tx, record.ty, stroke);
        this.counters.incrementalDraws += 1;
      } else {
        record.state = 'dirty';
        this.counters.invalidations += 1;
      }
    }
    for (const job of this.jobs.values()) {
      if (rectsIntersect(tileRect(job.k, job.tx, job.ty), box)) {
        if (onTop) {
          job.strokes.push(stroke);
        } else {
          this.dropJobs((j) => j === job);
        }
      }
    }
  }

  /** A stroke left the scene: the tiles it touched need a rebake. */
  strokeRemoved(stroke: InkStroke): void {
    const box = { x: stroke.minX, y: stroke.minY, width: stroke.maxX - stroke.minX, height: stroke.maxY - stroke.minY };
    this.counters.invalidations += this.book.invalidate(box).length;
    this.dropJobs((job) => rectsIntersect(tileRect(job.k, job.tx, job.ty), box));
  }

  /**
   * Draws the view into `ctx` (device pixels, opaque). Bakes missing or stale visible tiles until
   * `deadline` (a performance.now() time). Returns true when every visible tile was current.
   */
  render(ctx: CanvasRenderingContext2D, view: View, viewport: Size, dpr: number, deadline: number): boolean {
    const k = bucketFor(view.zoom * dpr);
    const needed = tilesCovering(visibleSceneRect(view, viewport), k);
    const keep = new Set<string>();
    for (const { tx, ty } of needed) {
      keep.add(tileKey(k, tx, ty));
    }
    // Work on the tiles nearest the centre first; a finished tile shows in this very frame.
    for (const { tx, ty } of needed) {
      if (performance.now() >= deadline) {
        break;
      }
      const record = this.book.get(k, tx, ty);
      if (!record || record.state === 'dirty') {
        this.bake(k, tx, ty, deadline);
      }
    }
    // Jobs for tiles that scrolled away or belong to another zoom are abandoned.
    this.dropJobs((job) => !keep.has(job.key) && !this.prefetchKeys.has(job.key));

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'low';
    let complete = true;
    for (const { tx, ty } of needed) {
      const record = this.book.get(k, tx, ty);
      const d = deviceRect(k, tx, ty, view, dpr);
      if (record) {
        this.book.touch(record);
        ctx.drawImage(record.payload.canvas, d.x, d.y, d.w, d.h);
        if (record.state !== 'ready') {
          complete = false;
        }
      } else {
        complete = false;
        this.drawFallback(ctx, k, tx, ty, d, view, dpr);
      }
    }
    for (const record of this.book.evict(this.maxTiles, keep)) {
      this.release(record.payload);
    }
    return complete;
  }

  private prefetchKeys = new Set<string>();

  /**
   * Bakes the ring of tiles around the view in idle time, so a pan finds them ready. Returns
   * whether more could be done.
   */
  prefetch(view: View, viewport: Size, dpr: number, deadline: number): boolean {
    const k = bucketFor(view.zoom * dpr);
    const visible = visibleSceneRect(view, viewport);
    const s = tileSceneSize(k);
    const ring = tilesCovering({ x: visible.x - s, y: visible.y - s, width: visible.width + 2 * s, height: visible.height + 2 * s }, k);
    // Keep at most half the cache for the ring, so prefetching never evicts what is on screen.
    const budget = Math.floor(this.maxTiles / 2);
    this.prefetchKeys = new Set(ring.slice(0, budget).map(({ tx, ty }) => tileKey(k, tx, ty)));
    for (const { tx, ty } of ring.slice(0, budget)) {
      const record = this.book.get(k, tx, ty);
      if (record && record.state === 'ready') {
        continue;
      }
      if (performance.now() >= deadline) {
        return true;
      }
      if (!this.bake(k, tx, ty, deadline)) {
        return true;
      }
    }
    return false;
  }

  /** Continues (or starts) baking one tile; returns true once it is done and in the book. */
  private bake(k: number, tx: number, ty: number, deadline: number): boolean {
    const key = tileKey(k, tx, ty);
    let job = this.jobs.get(key);
    if (!job) {
      job = this.startJob(k, tx, ty, key);
      this.jobs.set(key, job);
    }
    const ctx = job.bitmap.ctx;
    const scale = bucketScale(k);
    const strokes = job.strokes;
    let sinceClock = 0;
    let currentAlpha = -1;
    while (job.index < strokes.length) {
      if (++sinceClock >= CLOCK_EVERY) {
        sinceClock = 0;
        if (performance.now() >= deadline) {
          return false;
        }
      }
      const stroke = strokes[job.index]!;
      const alpha = this.layerAlpha[stroke.layer];
      if (alpha === 0) {
        job.index += 1;
        continue;
      }
      if (alpha !== currentAlpha) {
        ctx.globalAlpha = alpha;
        currentAlpha = alpha;
      }
      if (stroke.isSimplified(scale)) {
        // Batch consecutive simplified strokes of one colour into one path.
        ctx.beginPath();
        let end = job.index;
        while (
          end < strokes.length &&
          end - job.index < BATCH_MAX &&
          strokes[end]!.fillStyle === stroke.fillStyle &&
          strokes[end]!.layer === stroke.layer &&
          strokes[end]!.isSimplified(scale) &&
          Math.abs(strokes[end]!.meanWidth - stroke.meanWidth) <= stroke.meanWidth * 0.25
        ) {
          strokes[end]!.traceSimplified(ctx, scale);
          end += 1;
        }
        ctx.strokeStyle = stroke.fillStyle;
        ctx.lineWidth = stroke.meanWidth;
        ctx.stroke();
        this.counters.strokesBaked += end - job.index;
        job.index = end;
      } else {
        ctx.fillStyle = stroke.fillStyle;
        ctx.fill(stroke.outline());
        this.counters.strokesBaked += 1;
        job.index += 1;
      }
    }
    ctx.globalAlpha = 1;
    this.jobs.delete(key);
    const old = this.book.get(k, tx, ty);
    this.book.put(k, tx, ty, job.bitmap);
    if (old) {
      this.release(old.payload);
    }
    this.counters.tilesBaked += 1;
    return true;
  }

  private startJob(k: number, tx: number, ty: number, key: string): BakeJob {
    const bitmap = this.acquire();
    const ctx = bitmap.ctx;
    const scale = bucketScale(k);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.fillStyle = this.paper.sheet ? this.paper.outside : this.paper.background;
    ctx.fillRect(0, 0, TILE_PX, TILE_PX);
    ctx.setTransform(scale, 0, 0, scale, -tx * TILE_PX, -ty * TILE_PX);
    const sheet = this.paper.sheet;
    if (sheet) {
      ctx.fillStyle = this.paper.background;
      ctx.fillRect(sheet.x, sheet.y, sheet.width, sheet.height);
    }
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    return { key, k, tx, ty, bitmap, strokes: this.scene.searchOrdered(tileRect(k, tx, ty)), index: 0 };
  }

  /** Paints one stroke onto a finished tile (it paints above everything there). */
  private paintOnto(ctx: Ctx2D, k: number, tx: number, ty: number, stroke: InkStroke): void {
    const scale = bucketScale(k);
    ctx.setTransform(scale, 0, 0, scale, -tx * TILE_PX, -ty * TILE_PX);
    ctx.globalAlpha = this.layerAlpha[stroke.layer];
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    stroke.draw(ctx, scale);
    ctx.globalAlpha = 1;
  }

  /**
   * Fills a tile's place while it is being baked: the paper, then whatever tiles of nearby zoom
   * buckets cover it, scaled (the nearest bucket drawn last, on top).
   */
  private drawFallback(
    ctx: CanvasRenderingContext2D,
    k: number,
    tx: number,
    ty: number,
    d: { x: number; y: number; w: number; h: number },
    view: View,
    dpr: number,
  ): void {
    this.paintPaper(ctx, d, view, dpr);
    const area = tileRect(k, tx, ty);
    const inner = { x: area.x + 1e-6, y: area.y + 1e-6, width: area.width - 2e-6, height: area.height - 2e-6 };
    const candidates = this.book
      .buckets()
      .filter((c) => c !== k)
      .sort((a, b) => Math.abs(b - k) - Math.abs(a - k))
      .slice(-3);
    for (const c of candidates) {
      const range = tileRange(inner, c);
      if (rangeSize(range) > 16) {
        continue;
      }
      for (let cy = range.y0; cy <= range.y1; cy++) {
        for (let cx = range.x0; cx <= range.x1; cx++) {
          const record = this.book.get(c, cx, cy);
          if (record) {
            this.blitClipped(ctx, record, deviceRect(c, cx, cy, view, dpr), d);
          }
        }
      }
    }
  }

  private blitClipped(
    ctx: CanvasRenderingContext2D,
    record: TileRecord<Bitmap>,
    from: { x: number; y: number; w: number; h: number },
    clip: { x: number; y: number; w: number; h: number },
  ): void {
    const x0 = Math.max(from.x, clip.x);
    const y0 = Math.max(from.y, clip.y);
    const x1 = Math.min(from.x + from.w, clip.x + clip.w);
    const y1 = Math.min(from.y + from.h, clip.y + clip.h);
    if (x1 <= x0 || y1 <= y0 || from.w <= 0 || from.h <= 0) {
      return;
    }
    const sx = ((x0 - from.x) / from.w) * TILE_PX;
    const sy = ((y0 - from.y) / from.h) * TILE_PX;
    const sw = ((x1 - x0) / from.w) * TILE_PX;
    const sh = ((y1 - y0) / from.h) * TILE_PX;
    ctx.drawImage(record.payload.canvas, sx, sy, sw, sh, x0, y0, x1 - x0, y1 - y0);
  }

  private paintPaper(ctx: CanvasRenderingContext2D, d: { x: number; y: number; w: number; h: number }, view: View, dpr: number): void {
    const sheet = this.paper.sheet;
    ctx.fillStyle = sheet ? this.paper.outside : this.paper.background;
    ctx.fillRect(d.x, d.y, d.w, d.h);
    if (sheet) {
      const sx0 = Math.max(d.x, (sheet.x * view.zoom + view.x) * dpr);
      const sy0 = Math.max(d.y, (sheet.y * view.zoom + view.y) * dpr);
      const sx1 = Math.min(d.x + d.w, ((sheet.x + sheet.width) * view.zoom + view.x) * dpr);
      const sy1 = Math.min(d.y + d.h, ((sheet.y + sheet.height) * view.zoom + view.y) * dpr);
      if (sx1 > sx0 && sy1 > sy0) {
        ctx.fillStyle = this.paper.background;
        ctx.fillRect(sx0, sy0, sx1 - sx0, sy1 - sy0);
      }
    }
  }

  private dropJobs(which: (job: BakeJob) => boolean): void {
    for (const [key, job] of this.jobs) {
      if (which(job)) {
        this.jobs.delete(key);
        this.release(job.bitmap);
      }
    }
  }

  private acquire(): Bitmap {
    const pooled = this.pool.pop();
    if (pooled) {
      return pooled;
    }
    const canvas =
      typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(TILE_PX, TILE_PX) : Object.assign(document.createElement('canvas'), { width: TILE_PX, height: TILE_PX });
    const ctx = canvas.getContext('2d', { alpha: false }) as Ctx2D | null;
    if (!ctx) {
      throw new Error('No 2D canvas context for a tile.');
    }
    return { canvas, ctx };
  }

  private release(bitmap: Bitmap): void {
    if (this.pool.length < POOL_MAX) {
      this.pool.push(bitmap);
    } else {
      // Frees the backing store now rather than at the next garbage collection.
      bitmap.canvas.width = 0;
      bitmap.canvas.height = 0;
    }
  }

  /** Releases every bitmap. */
  destroy(): void {
    this.dropJobs(() => true);
    for (const record of this.book.clear()) {
      this.release(record.payload);
    }
    for (const bitmap of this.pool.splice(0)) {
      bitmap.canvas.width = 0;
      bitmap.canvas.height = 0;
    }
  }
}
