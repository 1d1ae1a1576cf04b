import type { LayerId } from '../../../../shared/sketch/sketchLayout.js';

/** A 2D context of either kind of canvas. */
export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** How an item is drawn at a scale: full outline, a stroked centre line, or a hairline. */
export type DetailLevel = 'outline' | 'line' | 'hairline';

/**
 * Anything the tiled scene paints: a freehand stroke (`InkStroke`) or an object (`ObjectItem`).
 * Its box fields are its R-tree entry. Items are immutable except `hidden` (lifted out of the
 * tiles while a selection is being transformed, and drawn on the overlay instead).
 */
export interface SceneItem {
  /** Unique across strokes and objects: the type letter and the id ('s…', 'o…'). */
  readonly key: string;
  readonly id: string;
  readonly type: 'stroke' | 'object';
  readonly layer: LayerId;
  /** Paint order class (layer, highlighters beneath ink). */
  readonly rank: number;
  readonly z: number;
  /** For batching hairlines of one colour; unique per object so objects are never batched. */
  readonly fillStyle: string;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  hidden: boolean;
  detail(deviceScale: number): DetailLevel;
  lineWidth(deviceScale: number): number;
  traceSimplified(ctx: Ctx2D, deviceScale: number): void;
  draw(ctx: Ctx2D, deviceScale: number): void;
  /** Frees caches when the item leaves the scene. */
  release(): void;
}

/** The scene key of a stroke id. */
export function strokeKey(id: string): string {
  return `s${id}`;
}

/** The scene key of an object id. */
export function objectKey(id: string): string {
  return `o${id}`;
}

/** Paint order: layer and highlighter class, then z, then id (strokes before objects on a tie). */
export function compareItems(a: SceneItem, b: SceneItem): number {
  return (
    a.rank - b.rank ||
    a.z - b.z ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    (a.type === b.type ? 0 : a.type === 'stroke' ? -1 : 1)
  );
}
