import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { BRUSHES, freehandOptions } from '../../../../shared/sketch/brushes.js';
import { hasRealPressure, type PointerKind } from '../../../../shared/sketch/inputRouting.js';
import { liveChunk } from '../../../../shared/sketch/liveStroke.js';
import {
  COORD_LIMIT,
  readLayerSettings,
  readSheetMeta,
  sheetRect,
  type BrushKind,
  type LayerId,
  type StrokeJson,
} from '../../../../shared/sketch/sketchLayout.js';
import { encodeStroke, splitPoints, type Stroke } from '../../../../shared/sketch/strokeCodec.js';
import { bucketFor } from '../../../../shared/sketch/tileGrid.js';
import {
  clampView,
  fitRect,
  panBy,
  screenToScene,
  viewMatrix,
  wheelZoomFactor,
  zoomAt,
  type Point,
  type Size,
  type View,
} from '../../../../shared/sketch/viewTransform.js';
import { InkStroke, OutlineCache } from './InkStroke.js';
import { LiveLayer, type LiveInk } from './LiveLayer.js';
import { PointerInput, type InkSample, type InputTarget } from './PointerInput.js';
import { SketchSync } from './SketchSync.js';
import { StrokeScene } from './StrokeScene.js';
import { canvasRasterIsSoftware, TileRenderer } from './TileRenderer.js';

/** The brush the next stroke is drawn with. */
export interface BrushSettings {
  brush: BrushKind;
  colour: string;
  size: number;
  /** Width follows pen pressure (or speed, for a mouse); off draws a constant width. */
  pressureOn: boolean;
  /** 0 (raw) … 1 (smooth). */
  smoothing: number;
  layer: LayerId;
}

export interface SketchEngineOptions {
  doc: Y.Doc;
  /** The provider's awareness, for live strokes; without it strokes show when finished. */
  awareness?: Awareness | null;
  /** The user id written as each stroke's author. */
  author: string;
  /** The transaction origin of local writes (give it to a Y.UndoManager's trackedOrigins). */
  origin?: object;
  brush?: Partial<BrushSettings>;
  palmRejection?: boolean;
  /** Cap on tile bitmap memory (default 64 MiB). */
  tileMemoryBytes?: number;
  /** How many stroke outlines stay cached (default 4000). */
  outlineCacheSize?: number;
  /** Most baking time per frame while someone pans, zooms or draws (default 6 ms). */
  frameBudgetMs?: number;
  /** Baking time per frame otherwise (default 24 ms). */
  idleBudgetMs?: number;
}

/** What the engine did in its last frames, for the benchmark and tests. */
export interface EngineStats {
  strokes: number;
  skipped: number;
  outlinesCached: number;
  outlineCache: number;
  tiles: ReturnType<TileRenderer['stats']>;
  sceneComplete: boolean;
  lowLatencyLiveLayer: boolean;
  remoteLive: number;
  lastFrameMs: number;
  view: View;
}

/** Where one frame's time went (ms). */
export interface FrameLogEntry {
  sceneMs: number;
  blitMs: number;
  liveMs: number;
  budgetMs: number;
}

interface LocalStroke {
  id: string;
  pointerId: number;
  kind: PointerKind;
  style: BrushSettings;
  xyp: Float32Array;
  count: number;
  realPressure: boolean;
  predicted: Array<[number, number, number]>;
  published: number;
}

const DEFAULT_BRUSH: BrushSettings = {
  brush: 'fineliner',
  colour: '#1d1d1f',
  size: BRUSHES.fineliner.defaultSize,
  pressureOn: true,
  smoothing: 0.5,
  layer: 'drawing',
};

/** Counts as interacting for this long after the last pan, zoom or pen sample. */
const INTERACTION_MS = 400;
/** While interacting, a frame's own work (baking + blitting) aims to stay below this. */
const FRAME_TARGET_MS = 8;
/** Baking time per frame until the sheet has been shown complete once (nothing to interact with yet). */
const OPEN_BUDGET_MS = 80;
/**
 * A zoom gesture counts as over this long after its last step; then tiles are baked at the exact
 * scale (1:1 blits while panning), before that at half-octave scales reused across the gesture.
 */
const ZOOM_SETTLE_MS = 250;
const OUTSIDE_COLOUR = '#e4e6ea';
const KEY_ZOOM_STEP = 1.25;
/** Samples closer than this (CSS pixels) to the previous one are merged into it. */
const MERGE_PX = 0.35;

function randomId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) {
    id += alphabet[b % alphabet.length];
  }
  return id;
}

/**
 * The ink engine of one sketch document: a tiled scene canvas for finished strokes, a live canvas
 * for strokes in progress, an object-layer slot between them for the later fabric.js layer
 * (shapes, text, selection handles) and the view transform both follow. Framework-free; the
 * React component `SketchCanvas` is a thin wrapper.
 *
 * DOM inside `host`: canvas.sketch-scene, div.sketch-objects, canvas.sketch-live (all stacked,
 * pointer events land on the host).
 */
export class SketchEngine {
  readonly host: HTMLElement;
  private readonly doc: Y.Doc;
  /** Put the fabric.js canvas container here; keep its viewportTransform at `getViewMatrix()`. */
  readonly objectLayer: HTMLDivElement;
  private readonly sceneCanvas: HTMLCanvasElement;
  private readonly sceneCtx: CanvasRenderingContext2D;
  private readonly live: LiveLayer;
  private readonly scene = new StrokeScene();
  private readonly outlines: OutlineCache;
  private readonly tiles: TileRenderer;
  private readonly sync: SketchSync;
  private readonly input: PointerInput;
  private readonly resizeObserver: ResizeObserver;
  private readonly origin: object;
  private readonly author: string;
  private readonly frameBudgetMs: number;
  private readonly idleBudgetMs: number;
  private brush: BrushSettings;
  private view: View = { zoom: 1, x: 0, y: 0 };
  private viewport: Size = { width: 0, height: 0 };
  private dpr = 1;
  private fitted = false;
  private current: LocalStroke | null = null;
  private finishing: Array<{ ink: LiveInk; framesLeft: number }> = [];
  private frameHandle = 0;
  private idleHandle = 0;
  private sceneDirty = true;
  private sceneComplete = false;
  private liveDirty = false;
  private lastInteraction = -Infinity;
  private lastFrameMs = 0;
  private lastBlitMs = 4;
  private lastZoomGesture = -Infinity;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly frames: FrameLogEntry[] = new Array<FrameLogEntry>(240);
  private frameCount = 0;
  private shownComplete = false;
  private maxZ = 0;
  private readonly viewListeners = new Set<(view: View) => void>();
  private idleWaiters: Array<() => void> = [];
  private destroyed = false;
  private dprQuery: { media: MediaQueryList; listener: () => void } | null = null;

  constructor(host: HTMLElement, options: SketchEngineOptions) {
    this.host = host;
    this.doc = options.doc;
    this.origin = options.origin ?? { sketchEngine: true };
    this.author = options.author;
    this.frameBudgetMs = options.frameBudgetMs ?? 6;
    this.idleBudgetMs = options.idleBudgetMs ?? 24;
    this.brush = { ...DEFAULT_BRUSH, ...options.brush };
    this.outlines = new OutlineCache(options.outlineCacheSize ?? 4000);
    this.dpr = window.devicePixelRatio || 1;

    host.classList.add('sketch-host');
    Object.assign(host.style, {
      position: host.style.position || 'relative',
      overflow: 'hidden',
      touchAction: 'none',
      userSelect: 'none',
      webkitUserSelect: 'none',
      outline: 'none',
    });
    if (!host.hasAttribute('tabindex')) {
      host.tabIndex = 0;
    }
    const layerStyle = { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%' };
    this.sceneCanvas = document.createElement('canvas');
    this.sceneCanvas.className = 'sketch-scene';
    Object.assign(this.sceneCanvas.style, layerStyle, { pointerEvents: 'none' });
    // In software the renderer reads a pixel back to rasterise inside its time budget; say so to Chromium.
    const sceneCtx = this.sceneCanvas.getContext('2d', {
      alpha: false,
      willReadFrequently: canvasRasterIsSoftware(),
    });
    if (!sceneCtx) {
      throw new Error('No 2D canvas context for the sketch scene.');
    }
    this.sceneCtx = sceneCtx;
    this.objectLayer = document.createElement('div');
    this.objectLayer.className = 'sketch-objects';
    Object.assign(this.objectLayer.style, layerStyle, { pointerEvents: 'none' });
    this.live = new LiveLayer();
    Object.assign(this.live.canvas.style, layerStyle, { pointerEvents: 'none' });
    host.append(this.sceneCanvas, this.objectLayer, this.live.canvas);

    this.tiles = new TileRenderer(this.scene, options.tileMemoryBytes ?? 64 * 1024 * 1024);
    this.sync = new SketchSync(options.doc, options.awareness ?? null, this.origin, {
      strokesAdded: (strokes, bulk) => this.onStrokesAdded(strokes, bulk),
      strokesRemoved: (ids) => this.onStrokesRemoved(ids),
      paperChanged: () => this.applyPaper(),
      layersChanged: () => this.applyLayers(),
      remoteLiveChanged: () => this.markLive(),
    });
    this.input = new PointerInput(host, this.inputTarget);
    this.input.router.setPalmRejection(options.palmRejection ?? true);

    this.applyPaper();
    this.applyLayers();
    this.sync.start();

    this.resizeObserver = new ResizeObserver(() => this.measure());
    this.resizeObserver.observe(host);
    this.watchPixelRatio();
    this.measure();
  }

  // ---- public API -------------------------------------------------------------------------------

  getView(): View {
    return { ...this.view };
  }

  /** The view as a 2D matrix [a, b, c, d, e, f] in CSS pixels (fabric's viewportTransform). */
  getViewMatrix(): [number, number, number, number, number, number] {
    return viewMatrix(this.view);
  }

  getViewport(): Size {
    return { ...this.viewport };
  }

  setView(view: View): void {
    const next = clampView(view, this.viewport);
    if (next.zoom === this.view.zoom && next.x === this.view.x && next.y === this.view.y) {
      return;
    }
    this.view = next;
    this.fitted = true;
    this.sceneDirty = true;
    this.liveDirty = true;
    this.requestFrame();
    for (const listener of this.viewListeners) {
      listener(this.getView());
    }
  }

  /** Calls `listener` after every view change (pan, zoom, fit, resize). */
  onViewChange(listener: (view: View) => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  panBy(dx: number, dy: number): void {
    this.setView(panBy(this.view, dx, dy, this.viewport));
  }

  zoomAt(screenPoint: Point, factor: number): void {
    this.setView(zoomAt(this.view, screenPoint, factor, this.viewport));
  }

  /** A step of a zoom gesture (wheel, pinch, keys): bake at reusable scales until it settles. */
  private gestureZoom(view: View): void {
    const before = this.view.zoom;
    this.setView(view);
    if (this.view.zoom === before) {
      return;
    }
    this.lastZoomGesture = performance.now();
    if (this.settleTimer !== null) {
      clearTimeout(this.settleTimer);
    }
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.sceneDirty = true;
      this.requestFrame();
    }, ZOOM_SETTLE_MS + 10);
  }

  /** Shows the whole sheet (or, on an infinite canvas, all ink). */
  fit(): void {
    const rect = this.sheet() ??
      this.scene.bounds() ?? { x: 0, y: 0, width: this.viewport.width, height: this.viewport.height };
    this.setView(fitRect(rect, this.viewport));
  }

  screenToScene(p: Point): Point {
    return screenToScene(this.view, p);
  }

  /**
   * Ids of the strokes whose bounding boxes meet a scene rectangle, in paint order (R-tree query;
   * for the later eraser, lasso and selection, which refine by geometry).
   */
  strokesIn(rect: { x: number; y: number; width: number; height: number }): string[] {
    return this.scene.searchOrdered(rect).map((stroke) => stroke.id);
  }

  getBrush(): BrushSettings {
    return { ...this.brush };
  }

  setBrush(settings: Partial<BrushSettings>): void {
    this.brush = { ...this.brush, ...settings };
  }

  setPalmRejection(enabled: boolean): void {
    this.input.router.setPalmRejection(enabled);
  }

  get penDetected(): boolean {
    return this.input.router.penDetected;
  }

  /** Resolves once the visible scene is fully rendered and no stroke is in progress or settling. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) {
      return Promise.resolve();
    }
    this.requestFrame();
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

  stats(): EngineStats {
    let outlines = 0;
    for (const stroke of this.scene.all()) {
      if (stroke.hasOutline) {
        outlines += 1;
      }
    }
    return {
      strokes: this.scene.size,
      skipped: this.sync.skippedCount,
      outlinesCached: outlines,
      outlineCache: this.outlines.size,
      tiles: this.tiles.stats(),
      sceneComplete: this.sceneComplete,
      lowLatencyLiveLayer: this.live.lowLatency,
      remoteLive: [...this.sync.remoteLive.values()].filter((b) => b.valid && b.count > 0).length,
      lastFrameMs: this.lastFrameMs,
      view: this.getView(),
    };
  }

  destroy(): void {
    if (this.destroyed) {
      return;
    }
    this.destroyed = true;
    cancelAnimationFrame(this.frameHandle);
    if (this.settleTimer !== null) {
      clearTimeout(this.settleTimer);
    }
    if (this.idleHandle) {
      cancelIdleCallback(this.idleHandle);
    }
    this.resizeObserver.disconnect();
    this.dprQuery?.media.removeEventListener('change', this.dprQuery.listener);
    this.input.destroy();
    this.sync.destroy();
    this.tiles.destroy();
    this.sceneCanvas.remove();
    this.objectLayer.remove();
    this.live.canvas.remove();
    this.host.classList.remove('sketch-host');
    for (const resolve of this.idleWaiters.splice(0)) {
      resolve();
    }
  }

  // ---- layout -----------------------------------------------------------------------------------

  private measure(): void {
    const width = this.host.clientWidth;
    const height = this.host.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (
      width === this.viewport.width &&
      height === this.viewport.height &&
      dpr === this.dpr &&
      this.sceneCanvas.width > 0
    ) {
      return;
    }
    this.viewport = { width, height };
    this.dpr = dpr;
    this.sceneCanvas.width = Math.max(1, Math.round(width * dpr));
    this.sceneCanvas.height = Math.max(1, Math.round(height * dpr));
    this.live.resize(width, height, dpr);
    this.input.updateOrigin();
    if (!this.fitted && width > 0 && height > 0) {
      this.fit();
    }
    this.sceneDirty = true;
    this.liveDirty = true;
    this.requestFrame();
  }

  /** Re-measures when the device pixel ratio changes (browser zoom, moving to another screen). */
  private watchPixelRatio(): void {
    this.dprQuery?.media.removeEventListener('change', this.dprQuery.listener);
    const media = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    const listener = (): void => {
      this.measure();
      this.watchPixelRatio();
    };
    media.addEventListener('change', listener);
    this.dprQuery = { media, listener };
  }

  private sheet(): { x: number; y: number; width: number; height: number } | null {
    return sheetRect(readSheetMeta(this.doc).format);
  }

  private applyPaper(): void {
    const meta = readSheetMeta(this.doc);
    this.tiles.setPaper({
      sheet: sheetRect(meta.format),
      background: meta.background,
      outside: OUTSIDE_COLOUR,
    });
    this.sceneDirty = true;
    this.requestFrame();
  }

  private applyLayers(): void {
    this.tiles.setLayers(readLayerSettings(this.doc));
    this.sceneDirty = true;
    this.requestFrame();
  }

  // ---- document changes -------------------------------------------------------------------------

  private onStrokesAdded(strokes: Stroke[], bulk: boolean): void {
    const inks = strokes.map((s) => new InkStroke(s, this.outlines));
    for (const ink of inks) {
      if (ink.z > this.maxZ) {
        this.maxZ = ink.z;
      }
    }
    if (bulk) {
      this.scene.addMany(inks);
      this.tiles.invalidateAll();
    } else {
      for (const ink of inks) {
        const old = this.scene.get(ink.id);
        if (old) {
          this.scene.remove(ink.id);
          this.tiles.strokeRemoved(old);
          old.release();
        }
        this.scene.add(ink);
        this.tiles.strokeAdded(ink);
      }
    }
    this.sceneDirty = true;
    this.requestFrame();
  }

  private onStrokesRemoved(ids: string[]): void {
    for (const id of ids) {
      const stroke = this.scene.remove(id);
      if (stroke) {
        this.tiles.strokeRemoved(stroke);
        stroke.release();
      }
    }
    this.sceneDirty = true;
    this.requestFrame();
  }

  // ---- drawing ----------------------------------------------------------------------------------

  private appendSample(stroke: LocalStroke, sample: InkSample): void {
    const p = screenToScene(this.view, sample);
    const limit = COORD_LIMIT - 1;
    const x = Math.max(-limit, Math.min(limit, p.x));
    const y = Math.max(-limit, Math.min(limit, p.y));
    if (stroke.count > 0) {
      const lx = stroke.xyp[(stroke.count - 1) * 3] ?? 0;
      const ly = stroke.xyp[(stroke.count - 1) * 3 + 1] ?? 0;
      // Within a third of a screen pixel of the last point (a pen at rest reports the same spot
      // over and over): keep one point with the higher pressure.
      const near = Math.max(0.125, MERGE_PX / this.view.zoom);
      if (Math.abs(lx - x) < near && Math.abs(ly - y) < near) {
        const i = (stroke.count - 1) * 3 + 2;
        stroke.xyp[i] = Math.max(stroke.xyp[i] ?? 0, sample.pressure);
        return;
      }
    }
    if ((stroke.count + 1) * 3 > stroke.xyp.length) {
      const grown = new Float32Array(stroke.xyp.length * 2);
      grown.set(stroke.xyp);
      stroke.xyp = grown;
    }
    const i = stroke.count * 3;
    stroke.xyp[i] = x;
    stroke.xyp[i + 1] = y;
    stroke.xyp[i + 2] = sample.pressure;
    stroke.count += 1;
    if (!stroke.realPressure) {
      stroke.realPressure = hasRealPressure(stroke.kind, sample.pressure);
    }
  }

  private liveInk(stroke: LocalStroke): LiveInk {
    return {
      xyp: stroke.xyp,
      count: stroke.count,
      options: freehandOptions(stroke.style, stroke.realPressure),
      brush: stroke.style.brush,
      colour: stroke.style.colour,
      predicted: stroke.predicted,
    };
  }

  private readonly inputTarget: InputTarget = {
    strokeStart: (pointerId, kind, sample) => {
      this.lastInteraction = performance.now();
      this.current = {
        id: randomId(),
        pointerId,
        kind,
        style: { ...this.brush },
        xyp: new Float32Array(256 * 3),
        count: 0,
        realPressure: false,
        predicted: [],
        published: 0,
      };
      this.appendSample(this.current, sample);
      this.markLive();
    },
    strokeMove: (pointerId, samples, predicted) => {
      const stroke = this.current;
      if (!stroke || stroke.pointerId !== pointerId) {
        return;
      }
      this.lastInteraction = performance.now();
      for (const sample of samples) {
        this.appendSample(stroke, sample);
      }
      stroke.predicted = predicted.map((s) => {
        const p = screenToScene(this.view, s);
        return [p.x, p.y, s.pressure];
      });
      this.markLive();
    },
    strokeEnd: (pointerId) => {
      const stroke = this.current;
      if (!stroke || stroke.pointerId !== pointerId) {
        return;
      }
      this.current = null;
      stroke.predicted = [];
      this.commit(stroke);
    },
    strokeCancel: (pointerId) => {
      if (this.current && this.current.pointerId === pointerId) {
        this.current = null;
        this.sync.publishLive(null);
        this.markLive();
      }
    },
    pan: (dx, dy) => this.panBy(dx, dy),
    pinch: (from, to, scale) => {
      const moved = panBy(this.view, to.x - from.x, to.y - from.y, this.viewport);
      this.gestureZoom(zoomAt(moved, to, scale, this.viewport));
    },
    wheelZoom: (at, deltaY, deltaMode) =>
      this.gestureZoom(zoomAt(this.view, at, wheelZoomFactor(deltaY, deltaMode), this.viewport)),
    keyZoom: (direction) =>
      this.gestureZoom(
        zoomAt(
          this.view,
          { x: this.viewport.width / 2, y: this.viewport.height / 2 },
          direction > 0 ? KEY_ZOOM_STEP : 1 / KEY_ZOOM_STEP,
          this.viewport,
        ),
      ),
    fit: () => this.fit(),
    interacting: () => {
      this.lastInteraction = performance.now();
    },
  };

  /** Writes a finished stroke to the document (split if very long) in one transaction. */
  private commit(stroke: LocalStroke): void {
    if (stroke.count < 1) {
      this.sync.publishLive(null);
      this.markLive();
      return;
    }
    // Keep the ink on the live layer until the scene shows it, so it never blinks.
    this.finishing.push({ ink: this.liveInk(stroke), framesLeft: 1 });
    try {
      const xyp = stroke.xyp.slice(0, stroke.count * 3);
      const createdAt = Date.now();
      const entries: Array<{ id: string; json: StrokeJson }> = splitPoints(xyp).map((points, i) => ({
        id: i === 0 ? stroke.id : `${stroke.id}-${i}`,
        json: encodeStroke({
          ...stroke.style,
          author: this.author,
          createdAt,
          z: Math.floor(this.maxZ) + 1 + i,
          points: { xyp: points, hasPressure: stroke.realPressure },
        }),
      }));
      this.sync.commit(entries);
    } catch (error) {
      // A failing write must not take the canvas down; the stroke stays visible until the next frame.
      console.error('Sketch: could not store the stroke.', error);
    }
    this.sync.publishLive(null);
    this.markLive();
  }

  // ---- frames -----------------------------------------------------------------------------------

  private markLive(): void {
    this.liveDirty = true;
    this.requestFrame();
  }

  private requestFrame(): void {
    if (this.frameHandle === 0 && !this.destroyed) {
      this.frameHandle = requestAnimationFrame(this.frame);
    }
  }

  private isIdle(): boolean {
    return (
      this.sceneComplete &&
      !this.sceneDirty &&
      this.current === null &&
      this.finishing.length === 0 &&
      !this.liveDirty
    );
  }

  private readonly frame = (): void => {
    this.frameHandle = 0;
    if (this.destroyed) {
      return;
    }
    const start = performance.now();
    const stroke = this.current;
    if (stroke && stroke.count > stroke.published) {
      // At most one awareness update per frame, with only the points since the last one.
      const from = Math.max(0, stroke.published - 1);
      this.sync.publishLive(
        liveChunk(stroke.id, stroke.style, stroke.xyp, stroke.realPressure, from, stroke.count),
      );
      stroke.published = stroke.count;
    }
    const entry: FrameLogEntry = { sceneMs: 0, blitMs: 0, liveMs: 0, budgetMs: 0 };
    if (this.viewport.width > 0 && (this.sceneDirty || !this.sceneComplete)) {
      const interacting = start - this.lastInteraction < INTERACTION_MS || this.current !== null;
      let budget: number;
      if (!this.shownComplete) {
        budget = OPEN_BUDGET_MS;
      } else if (interacting) {
        // Leave room for this frame's blit (estimated from the last one) inside the frame target.
        budget = Math.min(
          this.frameBudgetMs,
          Math.max(1.5, FRAME_TARGET_MS - this.lastBlitMs - (performance.now() - start)),
        );
      } else {
        budget = this.idleBudgetMs;
      }
      this.sceneDirty = false;
      const result = this.tiles.render(
        this.sceneCtx,
        this.view,
        this.viewport,
        this.dpr,
        this.targetScale(start),
        start + budget,
        { smooth: !interacting, gesture: start - this.lastZoomGesture < ZOOM_SETTLE_MS },
      );
      this.sceneComplete = result.complete;
      this.lastBlitMs = result.blitMs;
      entry.sceneMs = performance.now() - start;
      entry.blitMs = result.blitMs;
      entry.budgetMs = budget;
      if (this.sceneComplete) {
        this.shownComplete = true;
      } else {
        this.requestFrame();
      }
    }
    if (this.liveDirty || this.finishing.length > 0) {
      const liveStart = performance.now();
      this.liveDirty = false;
      const inks: LiveInk[] = [];
      for (const buffer of this.sync.remoteLive.values()) {
        if (buffer.valid && buffer.count > 0 && buffer.style) {
          inks.push({
            xyp: buffer.xyp,
            count: buffer.count,
            options: freehandOptions(buffer.style, buffer.hasPressure),
            brush: buffer.style.brush,
            colour: buffer.style.colour,
          });
        }
      }
      for (const f of this.finishing) {
        inks.push(f.ink);
      }
      if (this.current) {
        inks.push(this.liveInk(this.current));
      }
      this.live.render(this.view, this.dpr, inks);
      if (this.sceneComplete) {
        // The scene of this frame shows the finished strokes; drop them from the live layer next frame.
        for (const f of this.finishing) {
          f.framesLeft -= 1;
        }
        const before = this.finishing.length;
        this.finishing = this.finishing.filter((f) => f.framesLeft >= 0);
        if (this.finishing.length > 0 || before !== this.finishing.length) {
          this.liveDirty = true;
          this.requestFrame();
        }
      } else if (this.finishing.length > 0) {
        this.requestFrame();
      }
      entry.liveMs = performance.now() - liveStart;
    }
    this.lastFrameMs = performance.now() - start;
    this.frames[this.frameCount++ % this.frames.length] = entry;
    if (this.isIdle()) {
      for (const resolve of this.idleWaiters.splice(0)) {
        resolve();
      }
      this.schedulePrefetch();
    }
  };

  /** The scale to bake at: exact once a zoom gesture has settled, half-octave steps during one. */
  private targetScale(now: number): number {
    const deviceScale = this.view.zoom * this.dpr;
    return now - this.lastZoomGesture < ZOOM_SETTLE_MS ? bucketFor(deviceScale) : deviceScale;
  }

  private schedulePrefetch(): void {
    if (this.idleHandle || typeof requestIdleCallback !== 'function') {
      return;
    }
    this.idleHandle = requestIdleCallback((deadline) => {
      this.idleHandle = 0;
      if (this.destroyed || !this.isIdle()) {
        return;
      }
      const more = this.tiles.prefetch(
        this.view,
        this.viewport,
        this.targetScale(performance.now()),
        performance.now() + Math.min(12, deadline.timeRemaining()),
      );
      if (more) {
        this.schedulePrefetch();
      }
    });
  }
}
