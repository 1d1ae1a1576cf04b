import { bucketFor } from '../../../../shared/sketch/tileGrid.js';
import {
  clampView,
  fitRect,
  panBy,
  sceneToScreen,
  screenToScene,
  wheelZoomFactor,
  zoomAt,
  type Point,
  type Rect,
  type Size,
  type View,
} from '../../../../shared/sketch/viewTransform.js';
import type { ViewCause } from './editorTypes.js';

/**
 * A zoom gesture counts as over this long after its last step; then tiles are baked at the exact
 * scale (1:1 blits while panning), before that at half-octave scales reused across the gesture.
 */
export const ZOOM_SETTLE_MS = 250;
/** One press of a zoom key (and the toolbar's zoom buttons, through `zoomBy`) zooms by this. */
export const KEY_ZOOM_STEP = 1.25;

/** What the camera tells the engine and asks of it. */
export interface CameraHost {
  /** The view moved: repaint what follows it (called before the view listeners hear of it). */
  moved(): void;
  /** A zoom gesture has settled: bake the tiles again at the exact scale. */
  settled(): void;
  /** What `fit` shows: the sheet or, on an endless canvas, all content (null when nothing is drawn). */
  fitTarget(): Rect | null;
}

/**
 * The view transform of one sketch canvas: pan and zoom (`View`), the viewport's CSS size and the
 * device pixel ratio, and every way of moving them (pan, zoom about a point, wheel, pinch and key
 * steps, fit). The geometry is the pure `shared/sketch/viewTransform.ts`; this class keeps the state,
 * tells listeners each change with its cause, and remembers zoom gestures so tiles are baked at
 * reusable scales until one settles.
 */
export class Camera {
  private current: View = { zoom: 1, x: 0, y: 0 };
  private size: Size = { width: 0, height: 0 };
  private ratio: number;
  /** Set by the first view (a fit or the app's own): later resizes keep the view instead of fitting. */
  private fitted = false;
  private lastZoomGesture = -Infinity;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(view: View, cause: ViewCause) => void>();

  constructor(
    private readonly host: CameraHost,
    dpr = 1,
  ) {
    this.ratio = dpr;
  }

  /** The current view; replaced (never changed in place) on every move, so hot paths may keep it. */
  get view(): View {
    return this.current;
  }

  /** The canvas's size in CSS pixels. */
  get viewport(): Size {
    return this.size;
  }

  /** Device pixels per CSS pixel. */
  get dpr(): number {
    return this.ratio;
  }

  /** Moves the view (clamped); `cause` tells listeners who moved it (a person's pan ends following). */
  set(view: View, cause: ViewCause = 'app'): void {
    const next = clampView(view, this.size);
    if (next.zoom === this.current.zoom && next.x === this.current.x && next.y === this.current.y) {
      return;
    }
    this.current = next;
    this.fitted = true;
    this.host.moved();
    this.notify(cause);
  }

  /** Calls `listener` after every view change (pan, zoom, fit, resize), with its cause. */
  onChange(listener: (view: View, cause: ViewCause) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Pans by a screen distance. */
  panBy(dx: number, dy: number, cause: ViewCause = 'person'): void {
    this.set(panBy(this.current, dx, dy, this.size), cause);
  }

  /** Zooms about a screen point (that scene point stays under it). */
  zoomAt(screenPoint: Point, factor: number, cause: ViewCause = 'person'): void {
    this.set(zoomAt(this.current, screenPoint, factor, this.size), cause);
  }

  /** Zooms about the viewport's centre as one step of a gesture (toolbar buttons, keys). */
  zoomBy(factor: number): void {
    this.gesture(zoomAt(this.current, this.centre(), factor, this.size));
  }

  /** One zoom key press: in (direction > 0) or out by `KEY_ZOOM_STEP`. */
  keyZoom(direction: number): void {
    this.zoomBy(direction > 0 ? KEY_ZOOM_STEP : 1 / KEY_ZOOM_STEP);
  }

  /** One wheel event that zooms (ctrl+wheel, a trackpad pinch): about 10 % per mouse notch. */
  wheelZoom(at: Point, deltaY: number, deltaMode: number): void {
    this.gesture(zoomAt(this.current, at, wheelZoomFactor(deltaY, deltaMode), this.size));
  }

  /** One step of a two-finger pinch: the midpoint moved from `from` to `to` and the spread by `scale`. */
  pinch(from: Point, to: Point, scale: number): void {
    const moved = panBy(this.current, to.x - from.x, to.y - from.y, this.size);
    this.gesture(zoomAt(moved, to, scale, this.size));
  }

  /**
   * A step of a zoom gesture (wheel, pinch, keys, a followed camera's animation): tiles are baked at
   * reusable scales until the gesture settles, so a smooth zoom does not re-rasterise every frame.
   */
  gesture(view: View, cause: ViewCause = 'person'): void {
    const before = this.current.zoom;
    this.set(view, cause);
    if (this.current.zoom === before) {
      return;
    }
    this.lastZoomGesture = performance.now();
    if (this.settleTimer !== null) {
      clearTimeout(this.settleTimer);
    }
    // A little after the gesture counts as over, so the frame that bakes sees it settled.
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.host.settled();
    }, ZOOM_SETTLE_MS + 10);
  }

  /** Shows the whole sheet (or, on an infinite canvas, all content; with nothing drawn, the origin). */
  fit(cause: ViewCause = 'app'): void {
    const rect = this.host.fitTarget() ?? { x: 0, y: 0, width: this.size.width, height: this.size.height };
    this.set(fitRect(rect, this.size), cause);
  }

  /** Takes a new viewport size and pixel ratio; false when both are as they were. */
  resize(size: Size, dpr: number): boolean {
    if (size.width === this.size.width && size.height === this.size.height && dpr === this.ratio) {
      return false;
    }
    this.size = { width: size.width, height: size.height };
    this.ratio = dpr;
    return true;
  }

  /**
   * After a resize: the first time the canvas has an area the sheet is fitted; later the view stays
   * and listeners are told anyway, since what it shows changed (the minimap, the camera others follow).
   */
  resized(): void {
    if (!this.fitted && this.size.width > 0 && this.size.height > 0) {
      this.fit();
    } else {
      this.notify('resize');
    }
  }

  /** Scene coordinates of a screen point (CSS pixels relative to the canvas). */
  screenToScene(p: Point): Point {
    return screenToScene(this.current, p);
  }

  /** Screen coordinates (CSS pixels relative to the canvas) of a scene point. */
  sceneToScreen(p: Point): Point {
    return sceneToScreen(this.current, p);
  }

  /** The viewport's centre in screen coordinates. */
  centre(): Point {
    return { x: this.size.width / 2, y: this.size.height / 2 };
  }

  /** The scene rectangle the viewport shows. */
  visibleArea(): Rect {
    const topLeft = this.screenToScene({ x: 0, y: 0 });
    const bottomRight = this.screenToScene({ x: this.size.width, y: this.size.height });
    return {
      x: topLeft.x,
      y: topLeft.y,
      width: bottomRight.x - topLeft.x,
      height: bottomRight.y - topLeft.y,
    };
  }

  /** Whether a zoom gesture is still under way at `now` (performance.now() time). */
  inZoomGesture(now: number): boolean {
    return now - this.lastZoomGesture < ZOOM_SETTLE_MS;
  }

  /** The scale to bake tiles at: exact once a zoom gesture has settled, half-octave steps during one. */
  bakeScale(now: number): number {
    const deviceScale = this.current.zoom * this.ratio;
    return this.inZoomGesture(now) ? bucketFor(deviceScale) : deviceScale;
  }

  /** Stops the settle timer (the engine is going away). */
  dispose(): void {
    if (this.settleTimer !== null) {
      clearTimeout(this.settleTimer);
      this.settleTimer = null;
    }
  }

  private notify(cause: ViewCause): void {
    for (const listener of this.listeners) {
      listener({ ...this.current }, cause);
    }
  }
}
