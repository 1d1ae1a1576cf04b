import { describe, expect, it } from 'vitest';
import {
  bucketFor,
  TILE_PX,
  TileBook,
  tileKey,
  tileRange,
  tileRect,
  tileSceneSize,
  tilesCovering,
} from '../../../shared/sketch/tileGrid.js';
import { rectsIntersect, type Rect } from '../../../shared/sketch/viewTransform.js';

describe('tile scales', () => {
  it('bakes zoom gestures at the next half-octave at or above the device scale, so tiles are never enlarged', () => {
    for (const scale of [0.01, 0.27, 0.3536, 0.5, 0.7071, 0.75, 1, 1.0001, 1.5, 2, 3, 31.9]) {
      const bucket = bucketFor(scale);
      expect(bucket).toBeGreaterThanOrEqual(scale * (1 - 1e-9));
      expect(bucket).toBeLessThan(scale * Math.SQRT2 + 1e-9);
      expect(Math.log2(bucket) * 2).toBeCloseTo(Math.round(Math.log2(bucket) * 2), 9);
    }
    expect(bucketFor(1)).toBe(1);
    expect(bucketFor(2)).toBe(2);
    expect(bucketFor(Math.SQRT1_2)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('tiles each scale’s grid in scene space', () => {
    expect(tileSceneSize(1)).toBe(TILE_PX);
    expect(tileSceneSize(2)).toBe(TILE_PX / 2);
    expect(tileRect(1, -1, 2)).toEqual({ x: -512, y: 1024, width: 512, height: 512 });
    expect(tileRange({ x: 500, y: -10, width: 30, height: 20 }, 1)).toEqual({ x0: 0, y0: -1, x1: 1, y1: 0 });
    expect(tileSceneSize(0.273)).toBeCloseTo(1875.46, 1);
  });

  it('lists covering tiles nearest to the centre first', () => {
    const tiles = tilesCovering({ x: 0, y: 0, width: 1536, height: 512 }, 1);
    expect(tiles[0]).toEqual({ tx: 1, ty: 0 });
    expect(tiles).toHaveLength(8); // columns 0..3 (the right edge touches column 3), rows 0..1
  });
});

describe('TileBook invalidation', () => {
  function bookWithGrid(): TileBook<string> {
    const book = new TileBook<string>();
    for (const k of [1, 2 ** -1.5, 2, 0.8123]) {
      for (let ty = -2; ty < 6; ty++) {
        for (let tx = -2; tx < 9; tx++) {
          book.put(k, tx, ty, `${k}:${tx}:${ty}`);
        }
      }
    }
    return book;
  }

  it('marks exactly the tiles a stroke’s box intersects, at every scale, and nothing else', () => {
    const book = bookWithGrid();
    const stroke: Rect = { x: 700, y: 300, width: 400, height: 90 };
    const hit = book.invalidate(stroke);
    const dirty = book.all().filter((r) => r.state === 'dirty');
    expect(new Set(dirty.map((r) => r.key))).toEqual(new Set(hit.map((r) => r.key)));
    for (const record of book.all()) {
      const touches = rectsIntersect(tileRect(record.scale, record.tx, record.ty), stroke);
      expect(record.state === 'dirty', `${record.key}`).toBe(touches);
    }
    // Scale 1 (512-unit tiles): columns 1..2, row 0.
    expect(
      hit
        .filter((r) => r.scale === 1)
        .map((r) => r.key)
        .sort(),
    ).toEqual([tileKey(1, 1, 0), tileKey(1, 2, 0)]);
    // Scale 2 (256-unit tiles): columns 2..4, row 1.
    expect(hit.filter((r) => r.scale === 2)).toHaveLength(3);
    // An exact (non-half-octave) scale is tracked like any other.
    expect(hit.some((r) => r.scale === 0.8123)).toBe(true);
  });

  it('finds tiles the same way when the rect spans more tiles than exist', () => {
    const book = new TileBook<string>();
    book.put(4, 3, 3, 'a');
    book.put(4, 1000, 1000, 'far');
    expect(book.scales()).toEqual([4]);
    const hit = book.invalidate({ x: -1e5, y: -1e5, width: 2e5, height: 2e5 });
    expect(hit.map((r) => r.payload).sort()).toEqual(['a']);
  });

  it('evicts least recently used tiles but keeps the visible ones', () => {
    const book = new TileBook<string>();
    for (let i = 0; i < 10; i++) {
      book.put(1, i, 0, `t${i}`);
    }
    book.touch(book.get(1, 0, 0)!);
    const removed = book.evict(6, new Set([tileKey(1, 1, 0)]));
    expect(removed.map((r) => r.payload)).toEqual(['t2', 't3', 't4', 't5']);
    expect(book.size).toBe(6);
    expect(book.get(1, 0, 0)).toBeDefined();
    expect(book.get(1, 1, 0)).toBeDefined();
  });

  it('replaces a tile in place and forgets empty scales', () => {
    const book = new TileBook<string>();
    const first = book.put(1, 0, 0, 'old');
    first.state = 'dirty';
    const second = book.put(1, 0, 0, 'new');
    expect(book.size).toBe(1);
    expect(second.state).toBe('ready');
    book.remove(second);
    expect(book.scales()).toEqual([]);
  });
});
