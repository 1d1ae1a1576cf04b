import type { Rect } from './viewTransform.js';

/**
 * The tile grid of the ink renderer, as pure bookkeeping (the bitmaps themselves live in the
 * renderer and are only the `payload` here).
 *
 * Finished strokes are baked into square tiles of TILE_PX × TILE_PX device pixels at a *scale*
 * (device pixels per scene unit). Each scale has its own grid, fixed in scene space: tile
 * (scale, tx, ty) covers [tx·S, (tx+1)·S) × [ty·S, (ty+1)·S) with S = TILE_PX / scale.
 *
 * The renderer bakes at the exact current scale once the zoom has settled, so a pan blits tiles
 * 1:1 (the cheapest draw there is). While a zoom gesture runs it bakes at *half-octave* scales,
 * 2^(k/2) rounded up from the current one, so the tiles shown are reused across the gesture and only
 * ever shrunk (71–100 %), never enlarged.
 */

export const TILE_PX = 512;

/** The half-octave scale at or above a device scale: 2^(k/2) for the smallest such integer k. */
export function bucketFor(deviceScale: number): number {
  const k = Math.ceil(2 * Math.log2(deviceScale) - 1e-9) || 0;
  return 2 ** (k / 2);
}

/** The scene side length of a tile at a scale. */
export function tileSceneSize(scale: number): number {
  return TILE_PX / scale;
}

export interface TileRange {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The (inclusive) range of tiles at a scale that a scene rectangle touches. */
export function tileRange(rect: Rect, scale: number): TileRange {
  const s = tileSceneSize(scale);
  return {
    x0: Math.floor(rect.x / s),
    y0: Math.floor(rect.y / s),
    x1: Math.floor((rect.x + rect.width) / s),
    y1: Math.floor((rect.y + rect.height) / s),
  };
}

export function rangeSize(r: TileRange): number {
  return Math.max(0, r.x1 - r.x0 + 1) * Math.max(0, r.y1 - r.y0 + 1);
}

/** The scene rectangle of one tile. */
export function tileRect(scale: number, tx: number, ty: number): Rect {
  const s = tileSceneSize(scale);
  return { x: tx * s, y: ty * s, width: s, height: s };
}

export function tileKey(scale: number, tx: number, ty: number): string {
  return `${scale}/${tx}/${ty}`;
}

/** Tiles at a scale covering a rect, nearest to its centre first (the order to bake them in). */
export function tilesCovering(rect: Rect, scale: number): Array<{ tx: number; ty: number }> {
  const r = tileRange(rect, scale);
  const s = tileSceneSize(scale);
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  const tiles: Array<{ tx: number; ty: number; d: number }> = [];
  for (let ty = r.y0; ty <= r.y1; ty++) {
    for (let tx = r.x0; tx <= r.x1; tx++) {
      const dx = (tx + 0.5) * s - cx;
      const dy = (ty + 0.5) * s - cy;
      tiles.push({ tx, ty, d: dx * dx + dy * dy });
    }
  }
  tiles.sort((a, b) => a.d - b.d);
  return tiles.map(({ tx, ty }) => ({ tx, ty }));
}

/** A tile is `ready` (its bitmap shows the scene) or `dirty` (still shown until rebaked, but stale). */
type TileState = 'ready' | 'dirty';

export interface TileRecord<T> {
  key: string;
  scale: number;
  tx: number;
  ty: number;
  state: TileState;
  payload: T;
}

/**
 * The set of baked tiles: lookup, least-recently-used order and invalidation. A change in a scene
 * rectangle marks exactly the existing tiles that intersect it dirty, at every scale.
 */
export class TileBook<T> {
  private readonly tiles = new Map<string, TileRecord<T>>();
  private readonly perScale = new Map<number, Set<TileRecord<T>>>();

  get size(): number {
    return this.tiles.size;
  }

  get(scale: number, tx: number, ty: number): TileRecord<T> | undefined {
    return this.tiles.get(tileKey(scale, tx, ty));
  }

  /** Marks a tile as just used (most recent in the LRU order). */
  touch(record: TileRecord<T>): void {
    this.tiles.delete(record.key);
    this.tiles.set(record.key, record);
  }

  /** Adds or replaces a tile, as ready and most recently used. */
  put(scale: number, tx: number, ty: number, payload: T): TileRecord<T> {
    const key = tileKey(scale, tx, ty);
    const old = this.tiles.get(key);
    if (old) {
      this.remove(old);
    }
    const record: TileRecord<T> = { key, scale, tx, ty, state: 'ready', payload };
    this.tiles.set(key, record);
    let set = this.perScale.get(scale);
    if (!set) {
      set = new Set();
      this.perScale.set(scale, set);
    }
    set.add(record);
    return record;
  }

  remove(record: TileRecord<T>): void {
    if (this.tiles.get(record.key) !== record) {
      return;
    }
    this.tiles.delete(record.key);
    const set = this.perScale.get(record.scale);
    set?.delete(record);
    if (set && set.size === 0) {
      this.perScale.delete(record.scale);
    }
  }

  /** The scales that have tiles. */
  scales(): number[] {
    return [...this.perScale.keys()];
  }

  /** Every existing tile (at any scale) that intersects the scene rect. */
  tilesIn(rect: Rect): Array<TileRecord<T>> {
    const found: Array<TileRecord<T>> = [];
    for (const [scale, set] of this.perScale) {
      const r = tileRange(rect, scale);
      if (rangeSize(r) <= set.size) {
        for (let ty = r.y0; ty <= r.y1; ty++) {
          for (let tx = r.x0; tx <= r.x1; tx++) {
            const record = this.tiles.get(tileKey(scale, tx, ty));
            if (record) {
              found.push(record);
            }
          }
        }
      } else {
        for (const record of set) {
          if (record.tx >= r.x0 && record.tx <= r.x1 && record.ty >= r.y0 && record.ty <= r.y1) {
            found.push(record);
          }
        }
      }
    }
    return found;
  }

  /** Marks the tiles intersecting `rect` dirty and returns them. */
  invalidate(rect: Rect): Array<TileRecord<T>> {
    const hit = this.tilesIn(rect);
    for (const record of hit) {
      record.state = 'dirty';
    }
    return hit;
  }

  /** Marks every tile dirty (e.g. the layers or the sheet changed). */
  invalidateAll(): void {
    for (const record of this.tiles.values()) {
      record.state = 'dirty';
    }
  }

  /**
   * Removes least recently used tiles until at most `maxTiles` remain, sparing those in `keep`.
   * Returns the removed records so their bitmaps can be reused or released.
   */
  evict(maxTiles: number, keep: ReadonlySet<string>): Array<TileRecord<T>> {
    const removed: Array<TileRecord<T>> = [];
    if (this.tiles.size <= maxTiles) {
      return removed;
    }
    for (const record of this.tiles.values()) {
      if (this.tiles.size - removed.length <= maxTiles) {
        break;
      }
      if (!keep.has(record.key)) {
        removed.push(record);
      }
    }
    for (const record of removed) {
      this.remove(record);
    }
    return removed;
  }

  /** Every tile, least recently used first. */
  all(): Array<TileRecord<T>> {
    return [...this.tiles.values()];
  }

  clear(): Array<TileRecord<T>> {
    const all = this.all();
    this.tiles.clear();
    this.perScale.clear();
    return all;
  }
}
