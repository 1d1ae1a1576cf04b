import type * as Y from 'yjs';
import { composeAffine, transformObject, type Affine } from '../../../../shared/sketch/edit/transform.js';
import type { SketchObject } from '../../../../shared/sketch/objects/objectCodec.js';
import { readLayerSettings } from '../../../../shared/sketch/sketchLayout.js';
import type { View } from '../../../../shared/sketch/viewTransform.js';
import { ObjectItem } from './ObjectItem.js';
import type { Ctx2D, SceneItem } from './sceneItem.js';

/** Up to this many lifted items are drawn one by one each frame (crisp); more go through one bitmap. */
const LIFT_DIRECT_MAX = 300;
/** The lifted bitmap's longest side, device pixels. */
const LIFT_BITMAP_MAX_PX = 4096;

/** A selection drawn once for moving it around. */
interface LiftBitmap {
  canvas: OffscreenCanvas;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the lift layer reads of the engine. */
export interface LiftHost {
  readonly doc: Y.Doc;
  view(): View;
  dpr(): number;
  /** Every object by id (where the connectors that follow a lifted shape end). */
  object(id: string): SketchObject | undefined;
  imageFor(assetId: string): CanvasImageSource | null;
}

/**
 * The lift canvas: what is being moved, scaled or rotated, drawn transformed every frame while it
 * is out of the tiles (the engine hides it there). Shown only while something is lifted, since an
 * idle full-size layer would cost compositing every frame. A large selection is baked once into a
 * bitmap and only moved; connectors bound to lifted shapes (`followers`) are drawn to where those
 * shapes are going.
 */
export class LiftLayer {
  readonly canvas: HTMLCanvasElement;
  private state: { items: SceneItem[]; followers: SceneItem[]; matrix: Affine | null } = {
    items: [],
    followers: [],
    matrix: null,
  };
  private bitmap: LiftBitmap | null = null;

  constructor(
    private readonly host: LiftHost,
    style: Partial<CSSStyleDeclaration>,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'sketch-lift';
    Object.assign(this.canvas.style, style, { pointerEvents: 'none', display: 'none' });
  }

  /** The items lifted rigidly (moved with the matrix). */
  get items(): readonly SceneItem[] {
    return this.state.items;
  }

  /** Everything out of the tiles: the rigid items and the followers. */
  all(): SceneItem[] {
    return [...this.state.items, ...this.state.followers];
  }

  /** Replaces what is lifted and how it is transformed, and paints it. */
  set(items: SceneItem[], followers: SceneItem[], matrix: Affine | null): void {
    const before = new Set(this.state.items.map((i) => i.key));
    if (before.size !== items.length || items.some((i) => !before.has(i.key))) {
      this.bitmap = null;
    }
    this.state = { items, followers, matrix };
    this.paint();
  }

  /** The canvas's size in device pixels. */
  resize(width: number, height: number): void {
    this.canvas.width = width;
    this.canvas.height = height;
  }

  /** Draws the lifted items with the current view (after a pan or zoom, too). */
  paint(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) {
      return;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const { items, matrix } = this.state;
    const show = matrix !== null && items.length > 0;
    this.canvas.style.display = show ? '' : 'none';
    if (!matrix || !show) {
      return;
    }
    const view = this.host.view();
    const dpr = this.host.dpr();
    const m = composeAffine([view.zoom * dpr, 0, 0, view.zoom * dpr, view.x * dpr, view.y * dpr], matrix);
    ctx.setTransform(m[0], m[1], m[2], m[3], m[4], m[5]);
    if (items.length > LIFT_DIRECT_MAX) {
      // A big selection (say, everything) is drawn once into a bitmap and then only moved, so a drag
      // costs one image draw per frame instead of thousands of strokes.
      const bitmap = (this.bitmap ??= this.bake(items));
      if (bitmap) {
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(bitmap.canvas, bitmap.x, bitmap.y, bitmap.width, bitmap.height);
      }
    } else {
      const [a = 1, b = 0, c = 0, d = 1] = matrix;
      this.drawItems(ctx, items, view.zoom * dpr * Math.sqrt(Math.abs(a * d - b * c)));
    }
    if (this.state.followers.length > 0) {
      this.paintFollowers(ctx, matrix);
    }
  }

  /** Connectors bound to lifted shapes, drawn to where those shapes are being dragged. */
  private paintFollowers(ctx: Ctx2D, matrix: Affine): void {
    const moved = new Map<string, SketchObject>();
    for (const item of this.state.items) {
      if (item instanceof ObjectItem) {
        try {
          moved.set(item.id, { ...transformObject(item.object, matrix), id: item.id, v: 1 } as SketchObject);
        } catch {
          // An object that cannot be transformed stays where it is in the preview.
        }
      }
    }
    const lookup = (id: string): SketchObject | undefined => moved.get(id) ?? this.host.object(id);
    const view = this.host.view();
    const dpr = this.host.dpr();
    const scale = view.zoom * dpr;
    ctx.setTransform(scale, 0, 0, scale, view.x * dpr, view.y * dpr);
    const layers = readLayerSettings(this.host.doc);
    for (const follower of this.state.followers) {
      if (follower instanceof ObjectItem) {
        ctx.globalAlpha = layers[follower.layer].opacity;
        new ObjectItem(follower.object, lookup, (id) => this.host.imageFor(id)).draw(ctx, scale);
      }
    }
    ctx.globalAlpha = 1;
  }

  private drawItems(ctx: Ctx2D, items: readonly SceneItem[], deviceScale: number): void {
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const layers = readLayerSettings(this.host.doc);
    for (const item of [...items].sort((x, y) => x.rank - y.rank || x.z - y.z)) {
      ctx.globalAlpha = layers[item.layer].opacity;
      item.draw(ctx, deviceScale);
    }
    ctx.globalAlpha = 1;
  }

  /** The lifted items drawn into one bitmap at (at most) the current screen resolution. */
  private bake(items: readonly SceneItem[]): LiftBitmap | null {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const item of items) {
      minX = Math.min(minX, item.minX);
      minY = Math.min(minY, item.minY);
      maxX = Math.max(maxX, item.maxX);
      maxY = Math.max(maxY, item.maxY);
    }
    const width = maxX - minX;
    const height = maxY - minY;
    if (!(width > 0 && height > 0)) {
      return null;
    }
    const scale = Math.min(
      this.host.view().zoom * this.host.dpr(),
      LIFT_BITMAP_MAX_PX / Math.max(width, height),
    );
    const canvas = new OffscreenCanvas(
      Math.max(1, Math.ceil(width * scale)),
      Math.max(1, Math.ceil(height * scale)),
    );
    const ctx = canvas.getContext('2d');
    if (!ctx) {
      return null;
    }
    ctx.setTransform(scale, 0, 0, scale, -minX * scale, -minY * scale);
    this.drawItems(ctx, items, scale);
    return { canvas, x: minX, y: minY, width, height };
  }
}
