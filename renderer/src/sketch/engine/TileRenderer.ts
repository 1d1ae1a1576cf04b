import type { LayerId, LayerSettings } from '../../../../shared/sketch/sketchLayout.js';
import {
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
import {
  rectsIntersect,
  visibleSceneRect,
  type Rect,
  type Size,
  type View,
} from '../../../../shared/sketch/viewTransform.js';
import type { Ctx2D, SceneItem } from './sceneItem.js';
import type { StrokeScene } from './StrokeScene.js';

/**
 * The tiled scene renderer. Finished strokes are baked into opaque TILE_PX² bitmaps at a scale
 * (see `tileGrid.ts`); a frame only blits the visible tiles, so panning costs the same at 20,000
 * strokes as at 1. A new stroke is drawn onto the tiles it touches (or marks them for a rebake when
 * it does not paint on top); nothing else is redrawn. When the scale changes, existing tiles of
 * other scales are shown stretched at once while the visible tiles are rebaked, centre first,
 * within a per-frame time budget. Tile memory has an LRU cap.
 */

interface Bitmap {
  canvas: OffscreenCanvas | HTMLCanvasElement;
  ctx: Ctx2D;
}

interface BakeJob {
  key: string;
  scale: number;
  tx: number;
  ty: number;
  bitmap: Bitmap;
  strokes: SceneItem[];
  index: number;
}

/** Tiles of another scale standing in for a missing one, and how much of it they cover (0..1). */
interface StandIn {
  scale: number;
  records: Array<TileRecord<Bitmap>>;
  coverage: number;
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
function deviceRect(
  scale: number,
  tx: number,
  ty: number,
  view: View,
  dpr: number,
): { x: number; y: number; w: number; h: number } {
  const s = tileSceneSize(scale) * view.zoom;
  const x0 = Math.round((tx * s + view.x) * dpr);
  const y0 = Math.round((ty * s + view.y) * dpr);
  const x1 = Math.round(((tx + 1) * s + view.x) * dpr);
  const y1 = Math.round(((ty + 1) * s + view.y) * dpr);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

const POOL_MAX = 4;
/** Bake in slices of at most this many strokes or milliseconds, checking the clock in between. */
const SLICE_STROKES = 48;
const SLICE_MS = 1;
/** Hairlines of one colour are stroked as one path, up to this many. */
const BATCH_MAX = 64;

let softwareRaster: boolean | null = null;

/**
 * Whether 2D canvases are rasterised on the CPU (no GPU, or a software GL such as SwiftShader).
 * Then Chromium rasterises recorded canvas operations when the canvas is next read, on the main
 * thread, so the baker forces that to happen inside its time budget. With a GPU the raster happens
 * in the GPU process and forcing it would stall, so it is left alone.
 */
export function canvasRasterIsSoftware(): boolean {
  if (softwareRaster !== null) {
    return softwareRaster;
  }
  try {
    const probe =
      typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = probe.getContext('webgl') as WebGLRenderingContext | null;
    if (!gl) {
      softwareRaster = true;
    } else {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      softwareRaster = /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    softwareRaster = true;
  }
  return softwareRaster;
}

export class TileRenderer {
  readonly book = new TileBook<Bitmap>();
  private readonly jobs = new Map<string, BakeJob>();
  private readonly pool: Bitmap[] = [];
  private paper: Paper = { sheet: null, background: '#ffffff', outside: '#ffffff' };
  private layerAlpha: Record<LayerId, number> = { background: 1, drawing: 1, annotations: 1 };
  private maxTiles: number;
  private counters = { tilesBaked: 0, strokesBaked: 0, incrementalDraws: 0, invalidations: 0 };
  private readonly forceRaster = canvasRasterIsSoftware();

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
  strokeAdded(stroke: SceneItem): void {
    const alpha = this.layerAlpha[stroke.layer];
    if (alpha === 0 || stroke.hidden) {
      return;
    }
    const box = {
      x: stroke.minX,
      y: stroke.minY,
      width: stroke.maxX - stroke.minX,
      height: stroke.maxY - stroke.minY,
    };
    const onTop = this.scene.isTopmost(stroke);
    for (const record of this.book.tilesIn(box)) {
      if (onTop) {
        this.paintOnto(record.payload.ctx, record.scale, record.tx, record.ty, stroke);
        this.counters.incrementalDraws += 1;
      } else {
        record.state = 'dirty';
        this.counters.invalidations += 1;
      }
    }
    for (const job of this.jobs.values()) {
      if (rectsIntersect(tileRect(job.scale, job.tx, job.ty), box)) {
        if (onTop) {
          job.strokes.push(stroke);
        } else {
          this.dropJobs((j) => j === job);
        }
      }
    }
  }

  /** A stroke left the scene: the tiles it touched need a rebake. */
  strokeRemoved(stroke: SceneItem): void {
    const box = {
      x: stroke.minX,
      y: stroke.minY,
      width: stroke.maxX - stroke.minX,
      height: stroke.maxY - stroke.minY,
    };
    this.counters.invalidations += this.book.invalidate(box).length;
    this.dropJobs((job) => rectsIntersect(tileRect(job.scale, job.tx, job.ty), box));
  }

  /**
   * Draws the view into `ctx` (device pixels, opaque) from tiles baked at `scale` (device pixels per
   * scene unit; the exact one when the zoom has settled). Bakes missing or stale visible tiles until
   * `deadline` (a performance.now() time). Tiles of other scales stand in for missing ones, with
   * bilinear smoothing if `smooth` (nearest-neighbour is about three times cheaper in software, for
   * frames in motion). With `gesture` (a zoom in progress), a tile whose stand-ins cover it whole at
   * no less than half its resolution is not baked yet: the gesture would outrun the work.
   * Reports whether every visible tile was current, and how long drawing the tiles took (including
   * their raster, in software).
   */
  render(
    ctx: CanvasRenderingContext2D,
    view: View,
    viewport: Size,
    dpr: number,
    scale: number,
    deadline: number,
    options: { smooth?: boolean; gesture?: boolean } = {},
  ): { complete: boolean; blitMs: number } {
    const needed = tilesCovering(visibleSceneRect(view, viewport), scale);
    const keep = new Set<string>();
    const standIns = new Map<string, StandIn | null>();
    for (const { tx, ty } of needed) {
      keep.add(tileKey(scale, tx, ty));
    }
    // Work on the tiles nearest the centre first; a finished tile shows in this very frame.
    for (const { tx, ty } of needed) {
      if (performance.now() >= deadline) {
        break;
      }
      const record = this.book.get(scale, tx, ty);
      if (record && record.state === 'ready') {
        continue;
      }
      if (!record && options.gesture) {
        const standIn = this.findStandIn(scale, tx, ty);
        standIns.set(tileKey(scale, tx, ty), standIn);
        if (standIn && standIn.coverage === 1 && standIn.scale * 2 >= scale) {
          continue;
        }
      }
      this.bake(scale, tx, ty, deadline);
    }
    // Jobs for tiles that scrolled away or belong to another zoom are abandoned.
    this.dropJobs((job) => !keep.has(job.key) && !this.prefetchKeys.has(job.key));

    const blitStart = performance.now();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = options.smooth ?? true;
    ctx.imageSmoothingQuality = 'low';
    let complete = true;
    for (const { tx, ty } of needed) {
      const record = this.book.get(scale, tx, ty);
      const d = deviceRect(scale, tx, ty, view, dpr);
      if (record) {
        this.book.touch(record);
        ctx.drawImage(record.payload.canvas, d.x, d.y, d.w, d.h);
        if (record.state !== 'ready') {
          complete = false;
        }
      } else {
        complete = false;
        const key = tileKey(scale, tx, ty);
        const standIn = standIns.has(key) ? (standIns.get(key) ?? null) : this.findStandIn(scale, tx, ty);
        this.drawStandIn(ctx, standIn, d, view, dpr);
      }
    }
    if (this.forceRaster) {
      ctx.getImageData(0, 0, 1, 1);
    }
    const blitMs = performance.now() - blitStart;
    for (const record of this.book.evict(this.maxTiles, keep)) {
      this.release(record.payload);
    }
    return { complete, blitMs };
  }

  private prefetchKeys = new Set<string>();

  /**
   * Bakes the ring of tiles around the view in idle time, so a pan finds them ready. Returns
   * whether more could be done.
   */
  prefetch(view: View, viewport: Size, scale: number, deadline: number): boolean {
    const visible = visibleSceneRect(view, viewport);
    const s = tileSceneSize(scale);
    const ring = tilesCovering(
      { x: visible.x - s, y: visible.y - s, width: visible.width + 2 * s, height: visible.height + 2 * s },
      scale,
    );
    // Keep at most half the cache for the ring, so prefetching never evicts what is on screen.
    const budget = Math.floor(this.maxTiles / 2);
    this.prefetchKeys = new Set(ring.slice(0, budget).map(({ tx, ty }) => tileKey(scale, tx, ty)));
    for (const { tx, ty } of ring.slice(0, budget)) {
      const record = this.book.get(scale, tx, ty);
      if (record && record.state === 'ready') {
        continue;
      }
      if (performance.now() >= deadline) {
        return true;
      }
      if (!this.bake(scale, tx, ty, deadline)) {
        return true;
      }
    }
    return false;
  }

  /** Continues (or starts) baking one tile; returns true once it is done and in the book. */
  private bake(scale: number, tx: number, ty: number, deadline: number): boolean {
    const key = tileKey(scale, tx, ty);
    let job = this.jobs.get(key);
    if (!job) {
      job = this.startJob(scale, tx, ty, key);
      this.jobs.set(key, job);
    }
    const ctx = job.bitmap.ctx;
    const strokes = job.strokes;
    let currentAlpha = -1;
    while (job.index < strokes.length) {
      const sliceStart = performance.now();
      if (sliceStart >= deadline) {
        return false;
      }
      // Draw a slice of strokes, then (in software) rasterise it now, so the clock sees the cost.
      let drawn = 0;
      while (job.index < strokes.length && drawn < SLICE_STROKES) {
        const stroke = strokes[job.index];
        if (!stroke) {
          break;
        }
        const alpha = this.layerAlpha[stroke.layer];
        if (alpha === 0 || stroke.hidden) {
          job.index += 1;
          continue;
        }
        if (alpha !== currentAlpha) {
          ctx.globalAlpha = alpha;
          currentAlpha = alpha;
        }
        const detail = stroke.detail(scale);
        let end = job.index + 1;
        if (detail === 'hairline') {
          // Hairlines of one colour and layer go into one path: one raster call for many strokes.
          ctx.beginPath();
          stroke.traceSimplified(ctx, scale);
          for (let next = strokes[end]; next && end - job.index < BATCH_MAX; next = strokes[end]) {
            if (
              next.hidden ||
              next.fillStyle !== stroke.fillStyle ||
              next.layer !== stroke.layer ||
              next.detail(scale) !== 'hairline'
            ) {
              break;
            }
            next.traceSimplified(ctx, scale);
            end += 1;
          }
          ctx.strokeStyle = stroke.fillStyle;
          ctx.lineWidth = stroke.lineWidth(scale);
          ctx.stroke();
        } else {
          stroke.draw(ctx, scale);
        }
        drawn += end - job.index;
        this.counters.strokesBaked += end - job.index;
        job.index = end;
        if (performance.now() - sliceStart > SLICE_MS) {
          break;
        }
      }
      if (this.forceRaster) {
        ctx.getImageData(0, 0, 1, 1);
      }
    }
    ctx.globalAlpha = 1;
    this.jobs.delete(key);
    const old = this.book.get(scale, tx, ty);
    this.book.put(scale, tx, ty, job.bitmap);
    if (old) {
      this.release(old.payload);
    }
    this.counters.tilesBaked += 1;
    return true;
  }

  private startJob(scale: number, tx: number, ty: number, key: string): BakeJob {
    const bitmap = this.acquire();
    const ctx = bitmap.ctx;
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
    return {
      key,
      scale,
      tx,
      ty,
      bitmap,
      strokes: this.scene.searchOrdered(tileRect(scale, tx, ty)),
      index: 0,
    };
  }

  /** Paints one stroke onto a finished tile (it paints above everything there). */
  private paintOnto(ctx: Ctx2D, scale: number, tx: number, ty: number, stroke: SceneItem): void {
    ctx.setTransform(scale, 0, 0, scale, -tx * TILE_PX, -ty * TILE_PX);
    ctx.globalAlpha = this.layerAlpha[stroke.layer];
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    stroke.draw(ctx, scale);
    ctx.globalAlpha = 1;
  }

  /** The nearest other scale whose tiles cover tile (scale, tx, ty) whole, else the best partial cover. */
  private findStandIn(scale: number, tx: number, ty: number): StandIn | null {
    const area = tileRect(scale, tx, ty);
    const inner = {
      x: area.x + 1e-6,
      y: area.y + 1e-6,
      width: area.width - 2e-6,
      height: area.height - 2e-6,
    };
    const distance = (c: number): number => Math.abs(Math.log2(c / scale));
    const candidates = this.book
      .scales()
      .filter((c) => c !== scale)
      .sort((a, b) => distance(a) - distance(b) || b - a)
      .slice(0, 4);
    let best: StandIn | null = null;
    for (const c of candidates) {
      const range = tileRange(inner, c);
      const size = rangeSize(range);
      if (size > 16) {
        continue;
      }
      const records: Array<TileRecord<Bitmap>> = [];
      for (let cy = range.y0; cy <= range.y1; cy++) {
        for (let cx = range.x0; cx <= range.x1; cx++) {
          const record = this.book.get(c, cx, cy);
          if (record) {
            records.push(record);
          }
        }
      }
      const coverage = records.length / size;
      if (coverage === 1) {
        return { scale: c, records, coverage };
      }
      if (records.length > 0 && (!best || coverage > best.coverage)) {
        best = { scale: c, records, coverage };
      }
    }
    return best;
  }

  /** Fills a tile's place while it is being baked: its stand-ins, stretched, over the paper where they leave holes. */
  private drawStandIn(
    ctx: CanvasRenderingContext2D,
    standIn: StandIn | null,
    d: { x: number; y: number; w: number; h: number },
    view: View,
    dpr: number,
  ): void {
    if (!standIn || standIn.coverage < 1) {
      this.paintPaper(ctx, d, view, dpr);
    }
    if (standIn) {
      for (const record of standIn.records) {
        this.blitClipped(ctx, record, deviceRect(standIn.scale, record.tx, record.ty, view, dpr), d);
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

  private paintPaper(
    ctx: CanvasRenderingContext2D,
    d: { x: number; y: number; w: number; h: number },
    view: View,
    dpr: number,
  ): void {
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
      typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(TILE_PX, TILE_PX)
        : Object.assign(document.createElement('canvas'), { width: TILE_PX, height: TILE_PX });
    // In software the baker reads a pixel back to rasterise within its budget; say so to Chromium.
    const ctx = canvas.getContext('2d', {
      alpha: false,
      willReadFrequently: this.forceRaster,
    }) as Ctx2D | null;
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
