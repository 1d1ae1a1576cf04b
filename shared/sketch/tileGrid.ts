import type { Rect } from './viewTransform.js';

/**
 * The tile grid of the ink renderer, as pure bookkeeping (the bitmaps themselves live in the
 * renderer and are only the `payload` here).
 *
 * Finished strokes are baked into square tiles of TILE_PX × TILE_PX device pixels. Tiles are baked
 * at a *bucket* scale: device pixels per scene unit rounded up to the next half-octave, 2^(k/2). So
 * every zoom between two buckets reuses the same tiles, shown at 71–100 % of their baked size
 * (never enlarged, so ink stays sharp), and the grid of a bucket is fixed in scene space:
 * tile (k, tx, ty) covers the scene square [tx·S, (tx+1)·S) × [ty·S, (ty+1)·S) with S = TILE_PX / 2^(k/2).
 */

export const TILE_PX = 512;

/** The bucket of a device scale (zoom × devicePixelRatio): the smallest k with 2^(k/2) ≥ scale. */
export function bucketFor(deviceScale: number): number {
  return Math.ceil(2 * Math.log2(deviceScale) - 1e-9);
}

/** Device pixels per scene unit of a bucket. */
export function bucketScale(k: number): number {
  return 2 ** (k / 2);
}

/** The scene side length of a tile in bucket k. */
export function tileSceneSize(k: number): number {
  return TILE_PX / bucketScale(k);
}

export interface TileRange {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The (inclusive) range of tiles of bucket k that a scene rectangle touches. */
export function tileRange(rect: Rect, k: number): TileRange {
  const s = tileSceneSize(k);
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
export function tileRect(k: number, tx: number, ty: number): Rect {
  const s = tileSceneSize(k);
  return { x: tx * s, y: ty * s, width: s, height: s };
}

export function tileKey(k: number, tx: number, ty: number): string {
  return `${k}/${tx}/${ty}`;
}

/** Tiles of bucket k covering a rect, nearest to its centre first (the order to bake them in). */
export function tilesCovering(rect: Rect, k: number): Array<{ tx: number; ty: number }> {
  const r = tileRange(rect, k);
  const s = tileSceneSize(k);
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
export type TileState = 'ready' | 'dirty';

export interface TileRecord<T> {
  key: string;
  k: number;
  tx: number;
  ty: number;
  state: TileState;
  payload: T;
}

/**
 * The set of baked tiles: lookup, least-recently-used order and invalidation. A change in a scene
 * rectangle marks exactly the existing tiles that intersect it dirty, in every bucket.
 */
export class TileBook<T> {
  private readonly tiles = new Map<string, TileRecord<T>>();
  private readonly perBucket = new Map<number, Set<TileRecord<T>>>();

  get size(): number {
    return this.tiles.size;
  }

  get(k: number, tx: number, ty: number): TileRecord<T> | undefined {
    return this.tiles.get(tileKey(k, tx, ty));
  }

  /** Marks a tile as just used (most recent in the LRU order). */
  touch(record: TileRecord<T>): void {
    this.tiles.delete(record.key);
    this.tiles.set(record.key, record);
  }

  /** Adds or replaces a tile, as ready and most recently used. */
  put(k: number, tx: number, ty: number, payload: T): TileRecord<T> {
    const key = tileKey(k, tx, ty);
    const old = this.tiles.get(key);
    if (old) {
      this.remove(old);
    }
    const record: TileRecord<T> = { key, k, tx, ty, state: 'ready', payload };
    this.tiles.set(key, record);
    let set = this.perBucket.get(k);
    if (!set) {
      set = new Set();
      this.perBucket.set(k, set);
    }
    set.add(record);
    return record;
  }

  remove(record: TileRecord<T>): void {
    if (this.tiles.get(record.key) !== record) {
      return;
    }
    this.tiles.delete(record.key);
    const set = this.perBucket.get(record.k);
    set?.delete(record);
    if (set && set.size === 0) {
      this.perBucket.delete(record.k);
    }
  }

  /** The buckets that have tiles. */
  buckets(): number[] {
    return [...this.perBucket.keys()];
  }

  /** Every existing tile (of any bucket) that intersects the scene rect. */
  tilesIn(rect: Rect): Array<TileRecord<T>> {
    const found: Array<TileRecord<T>> = [];
    for (const [k, set] of this.perBucket) {
      const r = tileRange(rect, k);
      if (rangeSize(r) <= set.size) {
        for (let ty = r.y0; ty <= r.y1; ty++) {
          for (let tx = r.x0; tx <= r.x1; tx++) {
            const record = this.tiles.get(tileKey(k, tx, ty));
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
    this.perBucket.clear();
    return all;
  }
}
