import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { BRUSHES, freehandOptions } from '../../../../shared/sketch/brushes.js';
import type { PointerKind } from '../../../../shared/sketch/inputRouting.js';
import { liveChunk, liveChunkStart } from '../../../../shared/sketch/liveStroke.js';
import {
  readLayerSettings,
  readSheetMeta,
  sheetRect,
  type BrushKind,
  type LayerId,
  type SheetFormat,
} from '../../../../shared/sketch/sketchLayout.js';
import type { Stroke } from '../../../../shared/sketch/strokeCodec.js';
import type { Point, Size, View } from '../../../../shared/sketch/viewTransform.js';
import { transformItems, type Affine } from '../../../../shared/sketch/edit/transform.js';
import { changeSheetFormat } from '../../../../shared/sketch/edit/sheetFormat.js';
import type { AssetJson } from '../../../../shared/sketch/objects/assets.js';
import { copyItems, copyItemsWithBox } from '../../../../shared/sketch/objects/clipboard.js';
import { clipboardBox } from '../../../../shared/sketch/library/libraryItems.js';
import { kindOf } from '../../../../shared/sketch/objects/kinds/index.js';
import type { SketchObject } from '../../../../shared/sketch/objects/objectCodec.js';
import {
  deleteItems,
  duplicateItems,
  groupItems,
  ungroupItems,
} from '../../../../shared/sketch/objects/objectEdits.js';
import {
  bringForward,
  bringToFront,
  sendBackward,
  sendToBack,
  type ItemRef,
} from '../../../../shared/sketch/objects/paintOrder.js';
import type {
  EngineNotice,
  EraserMode,
  ObjectSettings,
  OrderMove,
  PasteOutcome,
  SceneRect,
  SelectionInfo,
  SketchEditorApi,
  SketchTool,
  ViewCause,
} from './editorTypes.js';
import { loadSketchFonts } from './fonts.js';
import { InkStroke, OutlineCache } from './InkStroke.js';
import { ObjectItem } from './ObjectItem.js';
import { objectKey, strokeKey, type Ctx2D, type SceneItem } from './sceneItem.js';
import { EraserTool } from './tools/EraserTool.js';
import { boxObjectAt, itemAt } from './tools/SelectTool.js';
import { groupOf, refKey, Selection } from './tools/selection.js';
import { TextTool } from './tools/TextTool.js';
import { DrawTool, liveInkOf, strokeEntries, type PenStroke } from './tools/DrawTool.js';
import type { Tool, ToolHost, ToolPointer } from './tools/toolHost.js';
import { Camera } from './Camera.js';
import { FrameLoop, type FrameHost, type FrameLogEntry, type LiveOutcome } from './FrameLoop.js';
import { Overlay } from './Overlay.js';
import { placeImage } from './placeImage.js';
import { toolFor } from './tools/toolFor.js';
import { LiftLayer } from './LiftLayer.js';
import { ImageCache } from './ImageCache.js';
import { placeClipboard } from './placeClipboard.js';
import { LiveLayer, type LiveInk } from './LiveLayer.js';
import { PointerInput, type InputTarget } from './PointerInput.js';
import { SketchSync } from './SketchSync.js';
import { StrokeScene } from './StrokeScene.js';
import { canvasRasterIsSoftware, TileRenderer } from './TileRenderer.js';
import { makeId } from '../../event/randomId.js';

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
  /** Accessible name of the text editor that opens over the canvas. */
  textEditorLabel?: () => string;
  /** Most baking time per frame while someone pans, zooms or draws (default 6 ms). */
  frameBudgetMs?: number;
  /** Baking time per frame otherwise (default 24 ms). */
  idleBudgetMs?: number;
  /**
   * A viewer (read-along links, participants, the projector): only the hand tool, so pointers, pens
   * (their eraser end too), touch and keys pan and zoom, and nothing is ever written to the document.
   */
  readOnly?: boolean;
}

/** What the engine did in its last frames, for the benchmark and tests. */
export interface EngineStats {
  strokes: number;
  objects: number;
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

const DEFAULT_BRUSH: BrushSettings = {
  brush: 'fineliner',
  colour: '#1d1d1f',
  size: BRUSHES.fineliner.defaultSize,
  pressureOn: true,
  smoothing: 0.5,
  layer: 'drawing',
};

const OUTSIDE_COLOUR = '#e4e6ea';

/**
 * The ink engine of one sketch document: a tiled scene canvas for finished strokes, a live canvas
 * for strokes in progress, a lift canvas for what is being moved and an SVG overlay for selection
 * handles, all following one view transform. Framework-free; the React component `SketchCanvas`
 * is a thin wrapper. The parts have their own files (the view in `Camera`, frame scheduling in
 * `FrameLoop`, the SVG in `Overlay`, moved items in `LiftLayer`, pictures in `ImageCache`); the
 * engine wires them to the document, the tools and each other.
 *
 * DOM inside `host`: canvas.sketch-scene, canvas.sketch-lift, canvas.sketch-live, svg.sketch-overlay
 * (all stacked, pointer events land on the host).
 */
export class SketchEngine implements SketchEditorApi {
  readonly host: HTMLElement;
  private readonly doc: Y.Doc;
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
  private brush: BrushSettings;
  private readonly camera: Camera;
  private readonly loop: FrameLoop;
  private readonly pen: DrawTool;
  private finishing: Array<{ ink: LiveInk; framesLeft: number }> = [];
  private maxZ = 0;
  private destroyed = false;
  private dprQuery: { media: MediaQueryList; listener: () => void } | null = null;
  // ---- editing state ----
  private tool: SketchTool = 'draw';
  /** Only looks (see {@link SketchEngineOptions.readOnly}). */
  readonly readOnly: boolean;
  private eraserModeValue: EraserMode = 'stroke';
  private eraserSizePx = 14;
  private objectSettingsValue: ObjectSettings = {
    style: 'handDrawn',
    fill: null,
    fontFamily: 'hand',
    fontSize: 32,
    containerShape: 'cloud',
  };
  private readonly objects = new Map<string, SketchObject>();
  private readonly images: ImageCache;
  private readonly selection: Selection;
  private readonly overlay: Overlay;
  private readonly lift: LiftLayer;
  private activeTool: { tool: Tool; pointerId: number } | null = null;
  private panning: { pointerId: number; last: Point } | null = null;
  private readonly toolHost: ToolHost;
  private readonly textTool: TextTool;
  private modifiers = { shiftKey: false, altKey: false };
  private lastDown = { t: -Infinity, x: 0, y: 0 };
  private lastPointer: Point | null = null;
  private readonly toolListeners = new Set<(tool: SketchTool) => void>();
  private readonly selectionListeners = new Set<(selection: SelectionInfo) => void>();
  private readonly sceneListeners = new Set<() => void>();
  private readonly noticeListeners = new Set<(notice: EngineNotice) => void>();
  private sceneNotifyTimer: ReturnType<typeof setTimeout> | null = null;
  private fontsRequested = false;

  constructor(host: HTMLElement, options: SketchEngineOptions) {
    this.host = host;
    this.doc = options.doc;
    this.images = new ImageCache(this.doc, (assetId) =>
      this.refreshObjects((o) => o.kind === 'image' && o.assetId === assetId),
    );
    this.origin = options.origin ?? { sketchEngine: true };
    this.author = options.author;
    this.brush = { ...DEFAULT_BRUSH, ...options.brush };
    this.readOnly = options.readOnly === true;
    if (this.readOnly) {
      this.tool = 'hand';
      host.dataset['tool'] = 'hand';
      host.style.cursor = 'grab';
    }
    this.outlines = new OutlineCache(options.outlineCacheSize ?? 4000);
    this.camera = new Camera(
      {
        moved: () => this.viewMoved(),
        settled: () => this.loop.invalidateScene(),
        fitTarget: () => this.sheet() ?? this.scene.bounds(),
      },
      window.devicePixelRatio || 1,
    );
    this.loop = new FrameLoop(this.frameHost(), {
      interactingMs: options.frameBudgetMs ?? 6,
      idleMs: options.idleBudgetMs ?? 24,
    });

    host.classList.add('sketch-host');
    // Reachable from tests and the browser console as `document.querySelector('.sketch-host').sketchEngine`.
    Object.defineProperty(host, 'sketchEngine', { value: this, configurable: true });
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
    this.live = new LiveLayer();
    Object.assign(this.live.canvas.style, layerStyle, { pointerEvents: 'none' });
    this.lift = new LiftLayer(
      {
        doc: this.doc,
        view: () => this.camera.view,
        dpr: () => this.camera.dpr,
        object: (id) => this.objects.get(id),
        imageFor: (id) => this.images.imageFor(id),
      },
      layerStyle,
    );
    this.selection = new Selection(() => this.onSelectionChanged());
    this.toolHost = this.makeToolHost();
    this.overlay = new Overlay(
      {
        selection: this.selection,
        toolHost: this.toolHost,
        activeTool: () => this.activeTool?.tool ?? null,
        tool: () => this.tool,
        painted: () => this.lift.paint(),
      },
      layerStyle,
    );
    host.append(this.sceneCanvas, this.lift.canvas, this.live.canvas, this.overlay.element);
    this.pen = new DrawTool(this.toolHost);
    const textLabel = options.textEditorLabel ?? (() => 'Text');
    this.textTool = new TextTool(this.toolHost, this.selection, textLabel);

    this.tiles = new TileRenderer(this.scene, options.tileMemoryBytes ?? 64 * 1024 * 1024);
    this.sync = new SketchSync(options.doc, options.awareness ?? null, this.origin, {
      strokesAdded: (strokes, bulk) => this.onStrokesAdded(strokes, bulk),
      strokesRemoved: (ids) => this.onStrokesRemoved(ids),
      objectsChanged: (added, removed) => this.onObjectsChanged(added, removed),
      assetsAdded: (ids) => this.onAssetsAdded(ids),
      groupsChanged: () => this.notifySelection(),
      paperChanged: () => this.applyPaper(),
      layersChanged: () => this.applyLayers(),
      remoteLiveChanged: () => this.markLive(),
    });
    this.input = new PointerInput(host, this.inputTarget);
    this.input.router.setPalmRejection(options.palmRejection ?? true);

    this.applyPaper();
    this.applyLayers();
    this.sync.start();

    // The host never scrolls (the view moves instead); focusing the text editor near an edge would
    // otherwise scroll every layer away.
    host.addEventListener('scroll', this.unscroll);
    host.addEventListener('pointerdown', this.trackModifiers, { capture: true });
    host.addEventListener('pointermove', this.trackModifiers, { capture: true });
    this.resizeObserver = new ResizeObserver(() => this.measure());
    this.resizeObserver.observe(host);
    this.watchPixelRatio();
    this.measure();
  }

  // ---- public API -------------------------------------------------------------------------------

  getView(): View {
    return { ...this.camera.view };
  }

  getViewport(): Size {
    return { ...this.camera.viewport };
  }

  /** Moves the view; `cause` tells listeners who moved it (a person's pan ends following, see ViewCause). */
  setView(view: View, cause: ViewCause = 'app'): void {
    this.camera.set(view, cause);
  }

  /** What follows the view, told by the camera before its listeners. */
  private viewMoved(): void {
    if (this.selection.size > 0 || this.lift.items.length > 0 || this.activeTool) {
      this.overlay.schedule();
    }
    this.textTool.viewChanged();
    this.loop.invalidateScene();
    this.loop.invalidateLive();
  }

  /** Calls `listener` with what a person should be told (a stroke refused, objects the eraser kept). */
  onNotice(listener: (notice: EngineNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private notice(notice: EngineNotice): void {
    for (const listener of this.noticeListeners) {
      listener(notice);
    }
  }

  /** Calls `listener` after every view change (pan, zoom, fit, resize), with its cause. */
  onViewChange(listener: (view: View, cause: ViewCause) => void): () => void {
    return this.camera.onChange(listener);
  }

  /** Pans by a screen distance (a person's pan unless told otherwise). */
  panBy(dx: number, dy: number, cause: ViewCause = 'person'): void {
    this.camera.panBy(dx, dy, cause);
  }

  /** Zooms about a screen point (a person's zoom unless told otherwise). */
  zoomAt(screenPoint: Point, factor: number, cause: ViewCause = 'person'): void {
    this.camera.zoomAt(screenPoint, factor, cause);
  }

  /**
   * One frame of an animated camera move (following someone): baked like a zoom gesture, at
   * reusable scales until it settles, so a smooth zoom does not re-rasterise every frame.
   */
  moveView(view: View): void {
    this.camera.gesture(view, 'app');
  }

  /** Shows the whole sheet (or, on an infinite canvas, all ink). */
  fit(cause: ViewCause = 'app'): void {
    this.camera.fit(cause);
  }

  screenToScene(p: Point): Point {
    return this.camera.screenToScene(p);
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
    return this.loop.whenIdle();
  }

  /** What the last frames (up to 240) spent on the scene (baking + blitting), blitting, and the live layer. */
  frameLog(): FrameLogEntry[] {
    return this.loop.frameLog();
  }

  stats(): EngineStats {
    let outlines = 0;
    let strokes = 0;
    for (const item of this.scene.all()) {
      if (item instanceof InkStroke) {
        strokes += 1;
        if (item.hasOutline) {
          outlines += 1;
        }
      }
    }
    return {
      strokes,
      objects: this.objects.size,
      skipped: this.sync.skippedCount,
      outlinesCached: outlines,
      outlineCache: this.outlines.size,
      tiles: this.tiles.stats(),
      sceneComplete: this.loop.sceneComplete,
      lowLatencyLiveLayer: this.live.lowLatency,
      remoteLive: [...this.sync.remoteLive.values()].filter((b) => b.valid && b.count > 0).length,
      lastFrameMs: this.loop.lastFrameMs,
      view: this.getView(),
    };
  }

  destroy(): void {
    if (this.destroyed) {
      return;
    }
    this.destroyed = true;
    this.loop.stop();
    this.camera.dispose();
    this.textTool.finish();
    if (this.sceneNotifyTimer !== null) {
      clearTimeout(this.sceneNotifyTimer);
    }
    this.host.removeEventListener('scroll', this.unscroll);
    this.host.removeEventListener('pointerdown', this.trackModifiers, { capture: true });
    this.host.removeEventListener('pointermove', this.trackModifiers, { capture: true });
    this.images.close();
    this.resizeObserver.disconnect();
    this.dprQuery?.media.removeEventListener('change', this.dprQuery.listener);
    this.input.destroy();
    this.sync.destroy();
    this.tiles.destroy();
    this.sceneCanvas.remove();
    this.live.canvas.remove();
    this.lift.canvas.remove();
    this.overlay.close();
    this.host.classList.remove('sketch-host');
    Reflect.deleteProperty(this.host, 'sketchEngine');
  }

  // ---- layout -----------------------------------------------------------------------------------

  private measure(): void {
    const width = this.host.clientWidth;
    const height = this.host.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (!this.camera.resize({ width, height }, dpr) && this.sceneCanvas.width > 0) {
      return;
    }
    this.sceneCanvas.width = Math.max(1, Math.round(width * dpr));
    this.sceneCanvas.height = Math.max(1, Math.round(height * dpr));
    this.live.resize(width, height, dpr);
    this.lift.resize(Math.max(1, Math.round(width * dpr)), Math.max(1, Math.round(height * dpr)));
    this.input.updateOrigin();
    this.camera.resized();
    this.loop.invalidateScene();
    this.loop.invalidateLive();
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
    this.loop.invalidateScene();
  }

  private applyLayers(): void {
    this.tiles.setLayers(readLayerSettings(this.doc));
    this.loop.invalidateScene();
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
        const old = this.scene.get(ink.key);
        if (old) {
          this.scene.remove(ink.key);
          this.tiles.strokeRemoved(old);
          old.release();
        }
        if (old?.hidden) {
          ink.hidden = true;
        }
        this.scene.add(ink);
        this.tiles.strokeAdded(ink);
      }
    }
    this.afterSceneChange();
  }

  private onStrokesRemoved(ids: string[]): void {
    for (const id of ids) {
      const stroke = this.scene.remove(strokeKey(id));
      if (stroke) {
        this.tiles.strokeRemoved(stroke);
        stroke.release();
      }
    }
    this.afterSceneChange();
  }

  // ---- drawing ----------------------------------------------------------------------------------

  private readonly inputTarget: InputTarget = {
    strokeStart: (pointerId, kind, sample, eraserEnd) => {
      this.loop.interacted();
      this.lastPointer = { x: sample.x, y: sample.y };
      if (this.readOnly) {
        // A viewer's pen, eraser end and finger all pan.
        this.toolStart(pointerId, kind, sample);
        return;
      }
      if (eraserEnd) {
        // Turning the pen round erases, whatever tool is chosen (as on paper, and in Procreate).
        const eraser = new EraserTool(this.toolHost);
        this.activeTool = { tool: eraser, pointerId };
        eraser.down(this.pointer(kind, sample));
        return;
      }
      if (this.tool !== 'draw') {
        this.toolStart(pointerId, kind, sample);
        return;
      }
      if (this.pen.down(pointerId, kind, sample)) {
        this.markLive();
      }
    },
    strokeMove: (pointerId, samples, predicted) => {
      if (this.tool !== 'draw' || this.activeTool || this.panning) {
        this.toolMove(pointerId, samples);
        return;
      }
      if (this.pen.move(pointerId, samples, predicted)) {
        this.loop.interacted();
        this.markLive();
      }
    },
    strokeEnd: (pointerId) => {
      if (this.toolEnd(pointerId, false)) {
        return;
      }
      const stroke = this.pen.up(pointerId);
      if (stroke) {
        this.commit(stroke);
      }
    },
    strokeCancel: (pointerId) => {
      if (this.toolEnd(pointerId, true)) {
        return;
      }
      if (this.pen.cancel(pointerId)) {
        this.sync.publishLive(null);
        this.markLive();
      }
    },
    pan: (dx, dy) => this.panBy(dx, dy, 'person'),
    pinch: (from, to, scale) => this.camera.pinch(from, to, scale),
    wheelZoom: (at, deltaY, deltaMode) => this.camera.wheelZoom(at, deltaY, deltaMode),
    keyZoom: (direction) => this.camera.keyZoom(direction),
    fit: () => this.fit('person'),
    nudge: (dx, dy) => {
      if (this.readOnly) {
        return false;
      }
      const refs = this.selection.refs();
      if (refs.length === 0 || (this.tool !== 'select' && this.tool !== 'lasso')) {
        return false;
      }
      const z = this.camera.view.zoom;
      this.doc.transact(() => transformItems(this.doc, refs, [1, 0, 0, 1, dx / z, dy / z]), this.origin);
      return true;
    },
    interacting: () => this.loop.interacted(),
  };

  /** Writes a finished stroke to the document (split if very long) in one transaction. */
  private commit(stroke: PenStroke): void {
    if (stroke.count < 1) {
      this.sync.publishLive(null);
      this.markLive();
      return;
    }
    // Keep the ink on the live layer until the scene shows it, so it never blinks.
    this.finishing.push({ ink: liveInkOf(stroke), framesLeft: 1 });
    try {
      this.sync.commit(strokeEntries(stroke, this.author, Date.now(), this.maxZ));
    } catch (error) {
      // A failing write must not take the canvas down; the stroke stays visible until the next frame.
      console.error('Sketch: could not store the stroke.', error);
    }
    this.sync.publishLive(null);
    this.markLive();
  }

  // ---- tools and editing ------------------------------------------------------------------------

  private readonly unscroll = (): void => {
    this.host.scrollLeft = 0;
    this.host.scrollTop = 0;
  };

  private readonly trackModifiers = (event: PointerEvent): void => {
    this.modifiers = { shiftKey: event.shiftKey, altKey: event.altKey };
  };

  private pointer(kind: PointerKind, sample: { x: number; y: number }): ToolPointer {
    return {
      screen: { x: sample.x, y: sample.y },
      scene: this.camera.screenToScene(sample),
      kind,
      ...this.modifiers,
    };
  }

  private makeTool(): Tool | null {
    return toolFor(this.tool, this.toolHost, this.selection, this.textTool);
  }

  private toolStart(pointerId: number, kind: PointerKind, sample: { x: number; y: number }): void {
    if (this.tool === 'hand') {
      this.panning = { pointerId, last: { x: sample.x, y: sample.y } };
      return;
    }
    const p = this.pointer(kind, sample);
    const now = performance.now();
    const doubleClick =
      now - this.lastDown.t < 400 && Math.hypot(sample.x - this.lastDown.x, sample.y - this.lastDown.y) < 8;
    this.lastDown = { t: now, x: sample.x, y: sample.y };
    if (doubleClick && (this.tool === 'select' || this.tool === 'lasso')) {
      const hit = itemAt(this.toolHost, p.scene, kind === 'touch' ? 16 : 6);
      const object =
        hit?.type === 'object' ? (hit as ObjectItem).object : boxObjectAt(this.toolHost, p.scene);
      if (object?.kind === 'text') {
        this.textTool.edit(object, hit as ObjectItem);
        return;
      }
      if (
        object &&
        kindOf(object).holdsText === true &&
        boxObjectAt(this.toolHost, p.scene)?.id === object.id
      ) {
        // A double click in a shape writes (or edits) the text inside it.
        this.textTool.down(p);
        return;
      }
    }
    const tool = this.makeTool();
    if (!tool) {
      return;
    }
    this.activeTool = { tool, pointerId };
    tool.down(p);
  }

  private toolMove(pointerId: number, samples: Array<{ x: number; y: number }>): void {
    const last = samples[samples.length - 1];
    if (!last) {
      return;
    }
    this.lastPointer = { x: last.x, y: last.y };
    if (this.panning && this.panning.pointerId === pointerId) {
      this.panBy(last.x - this.panning.last.x, last.y - this.panning.last.y);
      this.panning.last = { x: last.x, y: last.y };
      this.loop.interacted();
      return;
    }
    const active = this.activeTool;
    if (!active || active.pointerId !== pointerId) {
      return;
    }
    const kind: PointerKind = 'mouse';
    for (const sample of samples) {
      active.tool.move(this.pointer(kind, sample));
    }
  }

  /** Ends a tool's drag; false if no tool drag was under way for this pointer. */
  private toolEnd(pointerId: number, cancelled: boolean): boolean {
    if (this.panning && this.panning.pointerId === pointerId) {
      this.panning = null;
      return true;
    }
    const active = this.activeTool;
    if (!active || active.pointerId !== pointerId) {
      return this.tool !== 'draw';
    }
    this.activeTool = null;
    if (cancelled) {
      active.tool.cancel();
    } else {
      const at = this.lastPointer;
      active.tool.up(at ? this.pointer('mouse', at) : null);
    }
    this.overlay.schedule();
    return true;
  }

  private makeToolHost(): ToolHost {
    return {
      doc: this.doc,
      author: this.author,
      host: this.host,
      view: () => this.getView(),
      viewport: () => this.getViewport(),
      brush: () => this.getBrush(),
      objectSettings: () => ({ ...this.objectSettingsValue }),
      eraserMode: () => this.eraserModeValue,
      eraserSize: () => this.eraserSizePx,
      notice: (notice) => this.notice(notice),
      layers: () => readLayerSettings(this.doc),
      itemsIn: (rect) => this.scene.searchOrdered(rect),
      item: (ref) => this.scene.get(refKey(ref)),
      object: (id) => this.objects.get(id),
      write: (change) => this.doc.transact(change, this.origin),
      newId: () => makeId(),
      setLifted: (items, matrix) => this.setLifted(items, matrix),
      panBy: (dx, dy) => this.panBy(dx, dy),
      setTool: (tool) => this.setTool(tool),
      overlayChanged: () => this.overlay.schedule(),
      selectionChanged: () => this.notifySelection(),
    };
  }

  /** Takes items out of the tiles (drawn on the lift canvas with `matrix`, or not at all) or puts all back. */
  private setLifted(items: SceneItem[], matrix: Affine | null): void {
    let rigid = items;
    let followers: ObjectItem[] = [];
    if (matrix !== null && items.length > 0) {
      // What depends on a moved shape moves with it while dragging: texts inside it rigidly,
      // connectors by following their ends (as transformItems and the connector geometry will).
      const keys = new Set(items.map((i) => i.key));
      const ids = new Set(items.filter((i) => i.type === 'object').map((i) => i.id));
      const extra: SceneItem[] = [];
      for (const object of this.objects.values()) {
        const item = this.scene.get(objectKey(object.id));
        if (!item || keys.has(item.key) || !(item instanceof ObjectItem)) {
          continue;
        }
        if (object.kind === 'text' && object.containerId !== undefined && ids.has(object.containerId)) {
          extra.push(item);
        } else if (
          object.kind === 'connector' &&
          (ids.has(object.startBinding) || ids.has(object.endBinding))
        ) {
          followers.push(item);
        }
      }
      rigid = extra.length > 0 ? [...items, ...extra] : items;
    } else {
      followers = [];
    }
    const was = this.lift.all();
    const now = [...rigid, ...followers];
    const before = new Set(was.map((i) => i.key));
    const after = new Set(now.map((i) => i.key));
    for (const item of was) {
      if (!after.has(item.key)) {
        const current = this.scene.get(item.key);
        if (current) {
          current.hidden = false;
          this.tiles.strokeRemoved(current);
        }
      }
    }
    for (const item of now) {
      if (!before.has(item.key)) {
        item.hidden = true;
        this.tiles.strokeRemoved(item);
      }
    }
    this.lift.set(rigid, followers, matrix);
    this.loop.invalidateScene();
  }

  private onSelectionChanged(): void {
    this.overlay.schedule();
    this.notifySelection();
  }

  private notifySelection(): void {
    const info = this.getSelection();
    for (const listener of this.selectionListeners) {
      listener(info);
    }
  }

  private refKnown = (ref: ItemRef): boolean => this.scene.has(refKey(ref));
  /** A selection prune is queued (see afterSceneChange). */
  private prunePending = false;

  private afterSceneChange(): void {
    this.loop.invalidateScene();
    // After the current change is handled: a moved stroke is removed and added again in one
    // document event (two calls), and must stay selected.
    if (!this.prunePending) {
      this.prunePending = true;
      queueMicrotask(() => {
        this.prunePending = false;
        if (this.destroyed) {
          return;
        }
        this.selection.prune(this.refKnown);
        if (this.selection.size > 0) {
          this.overlay.schedule();
        }
      });
    }
    if (this.sceneNotifyTimer === null && this.sceneListeners.size > 0) {
      this.sceneNotifyTimer = setTimeout(() => {
        this.sceneNotifyTimer = null;
        for (const listener of this.sceneListeners) {
          listener();
        }
      }, 400);
    }
  }

  private onAssetsAdded(ids: string[]): void {
    this.images.assetsChanged(ids);
    this.refreshObjects((o) => o.kind === 'image' && ids.includes(o.assetId));
  }

  /** Rebuilds the scene items of the objects that match (their look depends on something that changed). */
  private refreshObjects(which: (object: SketchObject) => boolean): void {
    const redo = [...this.objects.values()].filter(which);
    if (redo.length > 0) {
      this.placeObjects(redo);
      this.afterSceneChange();
    }
  }

  /** Loads the text faces the first time a text shows up (an ink-only sheet never pays for them). */
  private ensureFonts(): void {
    if (this.fontsRequested) {
      return;
    }
    this.fontsRequested = true;
    void loadSketchFonts().then(() => {
      if (!this.destroyed) {
        this.refreshObjects((o) => o.kind === 'text');
      }
    });
  }

  private placeObjects(objects: SketchObject[]): void {
    if (objects.some((o) => o.kind === 'text')) {
      this.ensureFonts();
    }
    const lookup = (id: string): SketchObject | undefined => this.objects.get(id);
    for (const object of objects) {
      const key = objectKey(object.id);
      const old = this.scene.get(key);
      if (old) {
        this.scene.remove(key);
        this.tiles.strokeRemoved(old);
        old.release();
      }
      const item = new ObjectItem(object, lookup, this.images.imageFor);
      if (old?.hidden) {
        item.hidden = true;
      }
      if (item.z > this.maxZ) {
        this.maxZ = item.z;
      }
      this.scene.add(item);
      this.tiles.strokeRemoved(item);
    }
  }

  private onObjectsChanged(added: SketchObject[], removed: string[]): void {
    const changed = new Set<string>();
    for (const id of removed) {
      this.objects.delete(id);
      changed.add(id);
      const old = this.scene.remove(objectKey(id));
      if (old) {
        this.tiles.strokeRemoved(old);
        old.release();
      }
    }
    for (const object of added) {
      this.objects.set(object.id, object);
      changed.add(object.id);
    }
    // Connectors and texts in containers follow the objects they depend on.
    const dependents = [...this.objects.values()].filter(
      (o) =>
        !added.includes(o) &&
        ((o.kind === 'connector' && (changed.has(o.startBinding) || changed.has(o.endBinding))) ||
          (o.kind === 'text' && o.containerId !== undefined && changed.has(o.containerId))),
    );
    this.placeObjects([...added, ...dependents]);
    this.afterSceneChange();
  }

  getTool(): SketchTool {
    return this.tool;
  }

  setTool(tool: SketchTool): void {
    if (tool === this.tool || (this.readOnly && tool !== 'hand')) {
      return;
    }
    this.textTool.finish();
    if (tool === 'text') {
      this.ensureFonts();
    }
    if (this.activeTool) {
      this.activeTool.tool.cancel();
      this.activeTool = null;
    }
    this.tool = tool;
    this.host.dataset['tool'] = tool;
    this.host.style.cursor =
      tool === 'hand'
        ? 'grab'
        : tool === 'text'
          ? 'text'
          : tool === 'select' || tool === 'lasso'
            ? 'default'
            : 'crosshair';
    if (tool === 'draw' || tool === 'erase') {
      this.selection.clear();
    }
    this.overlay.schedule();
    for (const listener of this.toolListeners) {
      listener(tool);
    }
  }

  onToolChange(listener: (tool: SketchTool) => void): () => void {
    this.toolListeners.add(listener);
    return () => this.toolListeners.delete(listener);
  }

  setEraserMode(mode: EraserMode): void {
    this.eraserModeValue = mode;
  }

  setEraserSize(px: number): void {
    this.eraserSizePx = Math.max(2, Math.min(200, px));
  }

  setObjectSettings(settings: Partial<ObjectSettings>): void {
    this.objectSettingsValue = { ...this.objectSettingsValue, ...settings };
  }

  getSelection(): SelectionInfo {
    const items = this.selection.refs();
    const groups = new Set(items.map((ref) => groupOf(this.doc, ref)));
    return { items, grouped: items.length > 1 && groups.size === 1 && !groups.has(undefined) };
  }

  onSelectionChange(listener: (selection: SelectionInfo) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  selectAll(): void {
    const layers = readLayerSettings(this.doc);
    const refs: ItemRef[] = [];
    for (const item of this.scene.all()) {
      const layer = layers[item.layer];
      if (layer.visible && !layer.locked) {
        refs.push({ type: item.type, id: item.id });
      }
    }
    if (this.tool !== 'select' && this.tool !== 'lasso') {
      this.setTool('select');
    }
    this.selection.set(refs);
  }

  clearSelection(): void {
    this.textTool.finish();
    this.selection.clear();
  }

  deleteSelection(): void {
    const refs = this.selection.refs();
    if (refs.length === 0) {
      return;
    }
    this.doc.transact(() => deleteItems(this.doc, refs), this.origin);
    this.selection.clear();
  }

  duplicateSelection(): void {
    const refs = this.selection.refs();
    if (refs.length === 0) {
      return;
    }
    const offset = 24 / this.camera.view.zoom;
    let added: ItemRef[] = [];
    this.doc.transact(() => {
      added = duplicateItems(this.doc, refs, {
        dx: offset,
        dy: offset,
        newId: makeId,
        author: this.author,
        now: Date.now(),
      });
    }, this.origin);
    this.selection.set(added);
  }

  groupSelection(): void {
    const refs = this.selection.refs();
    if (refs.length < 2) {
      return;
    }
    this.doc.transact(() => groupItems(this.doc, refs, makeId()), this.origin);
    this.notifySelection();
  }

  ungroupSelection(): void {
    const refs = this.selection.refs();
    if (refs.length === 0) {
      return;
    }
    this.doc.transact(() => ungroupItems(this.doc, refs), this.origin);
    this.notifySelection();
  }

  orderSelection(move: OrderMove): void {
    const refs = this.selection.refs();
    if (refs.length === 0) {
      return;
    }
    const fn = { front: bringToFront, back: sendToBack, forward: bringForward, backward: sendBackward }[move];
    this.doc.transact(() => fn(this.doc, refs), this.origin);
  }

  copySelection(): string | null {
    const refs = this.selection.refs();
    return refs.length === 0 ? null : copyItems(this.doc, refs);
  }

  /**
   * Places a prepared picture (see images/prepareImage.ts) at a screen point (a drop), where the
   * pointer last was (a paste, as for copied items) or the middle of the canvas (the toolbar's
   * button), selected, with the selection tool on. False when the layer refuses it (a notice says why).
   */
  insertImage(asset: AssetJson, at: Point | 'pointer' | 'centre' = 'centre'): boolean {
    const point = at === 'centre' ? undefined : at === 'pointer' ? (this.lastPointer ?? undefined) : at;
    const placed = placeImage(this.toolHost, asset, point);
    if (!placed) {
      return false;
    }
    if (this.tool !== 'select') {
      this.setTool('select');
    }
    this.selection.set([placed]);
    return true;
  }

  paste(text: string): PasteOutcome {
    const box = clipboardBox(text) ?? { width: 0, height: 0 };
    const at = this.camera.screenToScene(this.lastPointer ?? this.camera.centre());
    return this.insertClipboard(text, { x: at.x - box.width / 2, y: at.y - box.height / 2 });
  }

  insertClipboard(text: string, topLeft?: Point): PasteOutcome {
    let at = topLeft;
    if (!at) {
      const box = clipboardBox(text) ?? { width: 0, height: 0 };
      const centre = this.camera.screenToScene(this.camera.centre());
      at = { x: centre.x - box.width / 2, y: centre.y - box.height / 2 };
    }
    const { outcome, added } = placeClipboard(this.toolHost, text, at);
    if (outcome.ok) {
      if (this.tool !== 'select' && this.tool !== 'lasso') {
        this.setTool('select');
      }
      this.selection.set(added);
    }
    return outcome;
  }

  copyAll(): { text: string; box: SceneRect } | null {
    const refs: ItemRef[] = [...this.scene.all()].map((item) => ({ type: item.type, id: item.id }));
    return refs.length === 0 ? null : copyItemsWithBox(this.doc, refs);
  }

  visibleArea(): SceneRect {
    return this.camera.visibleArea();
  }

  zoomBy(factor: number): void {
    this.camera.zoomBy(factor);
  }

  /** The bounds of everything drawn (null when nothing is), whatever the sheet. */
  contentBounds(): SceneRect | null {
    return this.scene.bounds();
  }

  /**
   * Sets the sheet's format for everyone, as one undoable step; with `fit`, the whole drawing is
   * mapped by it first (see `planFormatChange`). Then shows the whole new sheet.
   */
  setSheetFormat(format: SheetFormat, fit: Affine | null): void {
    if (this.readOnly) {
      return;
    }
    changeSheetFormat(this.doc, format, fit, this.origin);
    this.fit();
  }

  overviewRect(): SceneRect | null {
    return this.sheet() ?? this.scene.bounds();
  }

  paintOverview(ctx: CanvasRenderingContext2D, rect: SceneRect, width: number, height: number): void {
    this.paintArea(ctx, rect, width, height, 'overview');
  }

  /**
   * Paints `rect` of the sheet, fitted and centred, into a context of `width` x `height` pixels at
   * full detail, now (the time-lapse video's frames); `stats().sceneComplete` says the scene is whole.
   */
  paintSheet(ctx: Ctx2D, rect: SceneRect, width: number, height: number): void {
    this.paintArea(ctx, rect, width, height, 'full');
  }

  private paintArea(
    ctx: Ctx2D,
    rect: SceneRect,
    width: number,
    height: number,
    detail: 'overview' | 'full',
  ): void {
    const scale = Math.min(width / Math.max(1, rect.width), height / Math.max(1, rect.height));
    const meta = readSheetMeta(this.doc);
    ctx.save();
    ctx.fillStyle = OUTSIDE_COLOUR;
    ctx.fillRect(0, 0, width, height);
    ctx.translate((width - rect.width * scale) / 2, (height - rect.height * scale) / 2);
    ctx.scale(scale, scale);
    ctx.translate(-rect.x, -rect.y);
    ctx.fillStyle = meta.background;
    ctx.fillRect(rect.x, rect.y, rect.width, rect.height);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const layers = readLayerSettings(this.doc);
    const deviceScale = detail === 'full' ? scale : scale * (window.devicePixelRatio || 1);
    for (const item of this.scene.searchOrdered(rect)) {
      const layer = layers[item.layer];
      if (!layer.visible || item.hidden) {
        continue;
      }
      ctx.globalAlpha = layer.opacity;
      if (item.type === 'stroke' && detail === 'overview') {
        ctx.beginPath();
        item.traceSimplified(ctx, deviceScale);
        ctx.strokeStyle = item.fillStyle;
        ctx.lineWidth = Math.max(item.lineWidth(deviceScale), 1 / scale);
        ctx.stroke();
      } else {
        item.draw(ctx, deviceScale);
      }
    }
    ctx.restore();
  }

  onSceneChange(listener: () => void): () => void {
    this.sceneListeners.add(listener);
    return () => this.sceneListeners.delete(listener);
  }

  // ---- frames -----------------------------------------------------------------------------------

  private markLive(): void {
    this.loop.invalidateLive();
  }

  /** The engine's side of each frame: what to bake, blit and paint live. */
  private frameHost(): FrameHost {
    return {
      beforeFrame: () => this.publishPen(),
      hasArea: () => this.camera.viewport.width > 0,
      drawing: () => this.pen.active !== null,
      paintScene: (now, deadline, interacting) =>
        this.tiles.render(
          this.sceneCtx,
          this.camera.view,
          this.camera.viewport,
          this.camera.dpr,
          this.camera.bakeScale(now),
          deadline,
          { smooth: !interacting, gesture: this.camera.inZoomGesture(now) },
        ),
      liveHeld: () => this.finishing.length > 0,
      paintLive: (sceneComplete) => this.paintLive(sceneComplete),
      prefetch: (deadline) =>
        this.tiles.prefetch(
          this.camera.view,
          this.camera.viewport,
          this.camera.bakeScale(performance.now()),
          deadline,
        ),
    };
  }

  /** At most one awareness update per frame: the new points and a few before (see liveStroke.ts). */
  private publishPen(): void {
    const stroke = this.pen.active;
    if (stroke && stroke.count > stroke.published) {
      const from = liveChunkStart(stroke.published, stroke.count);
      this.sync.publishLive(
        liveChunk(stroke.id, stroke.style, stroke.xyp, stroke.realPressure, from, stroke.count),
      );
      stroke.published = stroke.count;
    }
  }

  /** Paints strokes in progress (others', finishing ones, the pen's) on the live layer. */
  private paintLive(sceneComplete: boolean): LiveOutcome {
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
    if (this.pen.active) {
      inks.push(liveInkOf(this.pen.active));
    }
    this.live.render(this.camera.view, this.camera.dpr, inks);
    if (sceneComplete) {
      // The scene of this frame shows the finished strokes; drop them from the live layer next frame.
      for (const f of this.finishing) {
        f.framesLeft -= 1;
      }
      const before = this.finishing.length;
      this.finishing = this.finishing.filter((f) => f.framesLeft >= 0);
      return this.finishing.length > 0 || before !== this.finishing.length ? 'repaint' : 'done';
    }
    return this.finishing.length > 0 ? 'wait' : 'done';
  }
}
