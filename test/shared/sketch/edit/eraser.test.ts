import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { strokesMap } from '../../../../shared/sketch/sketchLayout.js';
import { decodeStroke, encodeStroke } from '../../../../shared/sketch/strokeCodec.js';
import {
  encodeObject,
  type NewObject,
  type SketchObject,
} from '../../../../shared/sketch/objects/objectCodec.js';
import { seededRandom } from '../../../../shared/sketch/objects/handDrawn.js';
import { addObject } from '../../../../shared/sketch/objects/objectEdits.js';
import { strokeGroupsMap } from '../../../../shared/sketch/objects/objectLayout.js';
import {
  ERASE_STROKE_RADIUS_SHARE,
  erasePartial,
  erasePartOfStroke,
  eraserPathHitsObject,
  eraserPathHitsStroke,
} from '../../../../shared/sketch/edit/eraser.js';
import { pointSegmentDistanceSq } from '../../../../shared/sketch/edit/selectionHit.js';
import { idSequence, rect, strokeThrough } from '../objectsFixtures.js';

const make = (id: string, object: NewObject): SketchObject => ({ ...encodeObject(object), id });

/** A horizontal stroke from (0, 0) to (100, 0): 11 points, pressure rising 0 → 1. */
function horizontal(): Float32Array {
  return Float32Array.from({ length: 33 }, (_, i) => [(i - (i % 3)) * (10 / 3), 0, (i - 2) / 30][i % 3] ?? 0);
}

/** The distance from a point to a path of flat pairs. */
function distanceToPath(x: number, y: number, path: number[]): number {
  let best = Infinity;
  const n = path.length / 2;
  for (let k = 0; k < Math.max(1, n - 1); k++) {
    const e = n === 1 ? k : k + 1;
    best = Math.min(
      best,
      pointSegmentDistanceSq(
        x,
        y,
        path[k * 2] ?? 0,
        path[k * 2 + 1] ?? 0,
        path[e * 2] ?? 0,
        path[e * 2 + 1] ?? 0,
      ),
    );
  }
  return Math.sqrt(best);
}

describe('eraser hit tests', () => {
  it('hits a stroke crossed by a fast eraser whose samples lie on both sides', () => {
    const stroke = Float32Array.from([0, 0, 0.5, 100, 0, 0.5]);
    expect(eraserPathHitsStroke(stroke, 2, 1, [50, -80, 50, 80], 2)).toBe(true);
    expect(eraserPathHitsStroke(stroke, 2, 1, [50, -80, 60, -40], 2)).toBe(false);
    const cut = erasePartOfStroke(stroke, 2, 1, [50, -80, 50, 80], 2);
    expect(cut.pieces.map((p) => Array.from(p))).toEqual([
      [0, 0, 0.5, 47.5, 0, 0.5],
      [52.5, 0, 0.5, 100, 0, 0.5],
    ]);
    // One sample only: a plain distance test (reach 1 + 2).
    expect(eraserPathHitsStroke(stroke, 2, 1, [50, 3], 2)).toBe(true);
    expect(eraserPathHitsStroke(stroke, 2, 1, [50, 3.1], 2)).toBe(false);
    expect(eraserPathHitsStroke(stroke, 2, 1, [], 2)).toBe(false);
  });

  it('hits objects at their outline or fill, text and images in their rotated box', () => {
    const open = make('r', rect({ style: 'clean' }));
    // Inside the 100..300 × 50..170 box, away from the outline.
    expect(eraserPathHitsObject(open, [150, 100, 250, 120], 5)).toBe(false);
    // A fast swipe right across the left edge.
    expect(eraserPathHitsObject(open, [50, 100, 150, 100], 5)).toBe(true);
    const filled = make('f', rect({ style: 'clean', fillColour: '#00ff00' }));
    expect(eraserPathHitsObject(filled, [150, 100, 250, 120], 5)).toBe(true);
    const text = make('t', {
      ...rect({ x: 0, y: 0, w: 100, h: 20 }),
      kind: 'text',
      text: 'hello',
      fontFamily: 'sans',
      fontSize: 16,
      align: 'left',
    });
    expect(eraserPathHitsObject(text, [50, 10], 1)).toBe(true);
    expect(eraserPathHitsObject(text, [50, 40, 50, 80], 1)).toBe(false);
    expect(eraserPathHitsObject(text, [50, -40, 50, 80], 1)).toBe(true);
  });
});

describe('erasePartOfStroke', () => {
  it('splits a horizontal stroke crossed by a vertical eraser, cutting at interpolated points', () => {
    const stroke = horizontal();
    const strokeRadius = 2;
    const eraserRadius = 5;
    const reach = eraserRadius + strokeRadius * ERASE_STROKE_RADIUS_SHARE; // 6
    const result = erasePartOfStroke(stroke, 11, strokeRadius, [52, -30, 52, 30], eraserRadius);
    expect(result.changed).toBe(true);
    expect(result.pieces).toHaveLength(2);
    const [left, right] = result.pieces;
    // Left: (0..40 every 10) then the cut at 52 − 6 = 46, pressure interpolated (x / 100).
    expect(Array.from(left ?? [])).toHaveLength(6 * 3);
    expect(left?.[15]).toBeCloseTo(52 - reach, 4);
    expect(left?.[16]).toBe(0);
    expect(left?.[17]).toBeCloseTo((52 - reach) / 100, 4);
    // Right: the cut at 58, then 60..100.
    expect(right?.[0]).toBeCloseTo(52 + reach, 4);
    expect(right?.[2]).toBeCloseTo((52 + reach) / 100, 4);
    expect(Array.from(right?.slice(3, 6) ?? [])).toEqual([60, 0, Math.fround(0.6)]);
    expect(right).toHaveLength(6 * 3);
    expect(right?.[right.length - 3]).toBe(100);
  });

  it('leaves a stroke alone when the eraser is far away', () => {
    const stroke = horizontal();
    const result = erasePartOfStroke(stroke, 11, 2, [0, 50, 100, 50], 5);
    expect(result.changed).toBe(false);
    expect(result.pieces).toEqual([stroke]);
    expect(result.pieces[0]).toBe(stroke);
  });

  it('cuts off an end, removes a stroke it covers, and drops slivers', () => {
    const stroke = horizontal();
    const end = erasePartOfStroke(stroke, 11, 2, [100, 0], 10);
    expect(end.pieces).toHaveLength(1);
    expect(end.pieces[0]?.[end.pieces[0].length - 3]).toBeCloseTo(89, 4);
    const all = erasePartOfStroke(stroke, 11, 2, [-20, 0, 120, 0], 5);
    expect(all).toEqual({ changed: true, pieces: [] });
    // The stroke's last 0.5 units stay outside the eraser's reach: too short to keep.
    const sliver = erasePartOfStroke(stroke, 11, 2, [93.5, 0], 5);
    expect(sliver.changed).toBe(true);
    expect(sliver.pieces).toHaveLength(1);
    expect(sliver.pieces[0]?.[sliver.pieces[0].length - 3]).toBeCloseTo(87.5, 4);
    const dot = Float32Array.from([10, 10, 0.5]);
    expect(erasePartOfStroke(dot, 1, 2, [12, 10], 1).pieces).toEqual([]);
    expect(erasePartOfStroke(dot, 1, 2, [30, 10], 1).changed).toBe(false);
  });

  it('keeps only ink out of reach, cut exactly at the reach, on random strokes (seeded)', () => {
    const rng = seededRandom(2024);
    for (let run = 0; run < 100; run++) {
      const count = 2 + Math.floor(rng() * 40);
      const stroke = new Float32Array(count * 3);
      let x = rng() * 100;
      let y = rng() * 100;
      for (let i = 0; i < count; i++) {
        x += rng() * 20 - 10;
        y += rng() * 20 - 10;
        stroke.set([x, y, rng()], i * 3);
      }
      const path = Array.from({ length: 2 + Math.floor(rng() * 4) * 2 }, () => rng() * 120 - 10);
      const strokeRadius = rng() * 4;
      const eraserRadius = 2 + rng() * 10;
      const reach = eraserRadius + strokeRadius * ERASE_STROKE_RADIUS_SHARE;
      const result = erasePartOfStroke(stroke, count, strokeRadius, path, eraserRadius);
      if (!result.changed) {
        for (let i = 0; i < count; i++) {
          expect(distanceToPath(stroke[i * 3] ?? 0, stroke[i * 3 + 1] ?? 0, path)).toBeGreaterThan(
            reach - 1e-6,
          );
        }
        continue;
      }
      for (const piece of result.pieces) {
        expect(piece.length).toBeGreaterThanOrEqual(6);
        for (let i = 0; i < piece.length; i += 3) {
          const d = distanceToPath(piece[i] ?? 0, piece[i + 1] ?? 0, path);
          expect(d).toBeGreaterThan(reach - 1e-3);
          expect(piece[i + 2]).toBeGreaterThanOrEqual(0);
          expect(piece[i + 2]).toBeLessThanOrEqual(1);
        }
        // Midpoints of the piece's segments stay out of reach too (no segment dips into the eraser).
        for (let i = 3; i < piece.length; i += 3) {
          const mx = ((piece[i] ?? 0) + (piece[i - 3] ?? 0)) / 2;
          const my = ((piece[i + 1] ?? 0) + (piece[i - 2] ?? 0)) / 2;
          expect(distanceToPath(mx, my, path)).toBeGreaterThan(reach - 1e-3);
        }
      }
    }
  });
});

describe('erasePartial', () => {
  function sketch(): Y.Doc {
    const doc = new Y.Doc();
    strokesMap(doc).set(
      's1',
      strokeThrough(
        [
          [0, 0],
          [50, 0],
          [100, 0],
        ],
        { z: 2, colour: '#ff0000', brush: 'brushpen', size: 4, author: 'bert', layer: 'annotations' },
      ),
    );
    strokesMap(doc).set('s2', strokeThrough([[0, 50]], { z: 3, layer: 'annotations' }));
    addObject(doc, 'o1', rect({ z: 2.5, layer: 'annotations' }));
    strokeGroupsMap(doc).set('s1', 'g1');
    return doc;
  }

  function eraseMiddle(doc: Y.Doc, origin?: unknown): string[] {
    const decoded = decodeStroke('s1', strokesMap(doc).get('s1'));
    if (!decoded.ok) {
      throw new Error(decoded.reason);
    }
    const { xyp } = decoded.stroke.points;
    const { pieces } = erasePartOfStroke(xyp, xyp.length / 3, 2, [50, -20, 50, 20], 5);
    return erasePartial(doc, 's1', pieces, { newId: idSequence('p') }, origin);
  }

  it('replaces the stroke by its pieces, keeping style, author, time, layer, group and order, in one transaction', () => {
    const doc = sketch();
    const before = decodeStroke('s1', strokesMap(doc).get('s1'));
    let transactions = 0;
    doc.on('afterTransaction', () => {
      transactions += 1;
    });
    const ids = eraseMiddle(doc, 'eraser');
    expect(transactions).toBe(1);
    expect(ids).toEqual(['p1', 'p2']);
    expect(strokesMap(doc).has('s1')).toBe(false);
    expect(strokeGroupsMap(doc).has('s1')).toBe(false);
    const zs: number[] = [];
    for (const id of ids) {
      const piece = decodeStroke(id, strokesMap(doc).get(id));
      expect(piece.ok).toBe(true);
      if (!piece.ok || !before.ok) {
        return;
      }
      const { id: _a, points: _p, z, ...style } = piece.stroke;
      const { id: _b, points: _q, z: _z, ...original } = before.stroke;
      void [_a, _p, _b, _q, _z];
      expect(style).toEqual(original);
      expect(style.author).toBe('bert');
      expect(strokeGroupsMap(doc).get(id)).toBe('g1');
      zs.push(z);
    }
    // Above the original's z 2, below the object at 2.5, in drawing order.
    expect(zs[0]).toBeGreaterThan(2);
    expect(zs[1]).toBeGreaterThan(zs[0] ?? Infinity);
    expect(zs[1]).toBeLessThan(2.5);
    const left = decodeStroke('p1', strokesMap(doc).get('p1'));
    expect(left.ok && Array.from(left.stroke.points.xyp.slice(-3, -1))).toEqual([44, 0]);
  });

  it('is undone in one step by an undo manager tracking its origin', () => {
    const doc = sketch();
    const origin = { tool: 'eraser' };
    const undo = new Y.UndoManager([strokesMap(doc), strokeGroupsMap(doc)], {
      trackedOrigins: new Set([origin]),
    });
    const before = JSON.stringify(doc.toJSON());
    eraseMiddle(doc, origin);
    expect(JSON.stringify(doc.toJSON())).not.toBe(before);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(JSON.stringify(doc.toJSON())).toBe(before);
    undo.redo();
    expect(strokesMap(doc).has('p1') && strokesMap(doc).has('p2')).toBe(true);
  });

  it('deletes a fully erased stroke, lets the author be set, and ignores a missing stroke', () => {
    const doc = sketch();
    expect(erasePartial(doc, 's1', [], { newId: idSequence() })).toEqual([]);
    expect(strokesMap(doc).has('s1')).toBe(false);
    expect(erasePartial(doc, 's1', [new Float32Array([0, 0, 0.5])], { newId: idSequence() })).toEqual([]);
    const piece = Float32Array.from([0, 50, 0.5, 20, 50, 0.5]);
    const [id] = erasePartial(doc, 's2', [piece], { newId: idSequence('q'), author: 'carl' });
    const written = decodeStroke(id ?? '', strokesMap(doc).get(id ?? ''));
    expect(written.ok && written.stroke.author).toBe('carl');
    expect(() => erasePartial(sketch(), 's1', [piece], { newId: () => 'bad id' })).toThrow(RangeError);
  });

  it('stores a long piece as several entries', () => {
    const doc = new Y.Doc();
    const xyp = Float32Array.from({ length: 4500 * 3 }, (_, i) =>
      i % 3 === 0 ? i / 3 : i % 3 === 1 ? 0 : 0.5,
    );
    strokesMap(doc).set(
      'long',
      encodeStroke({
        brush: 'fineliner',
        colour: '#000000',
        size: 2,
        pressureOn: false,
        smoothing: 0,
        layer: 'drawing',
        author: 'anna',
        createdAt: 1,
        z: 1,
        points: { xyp, hasPressure: false },
      }),
    );
    const { pieces } = erasePartOfStroke(xyp, 4500, 1, [10, -5, 10, 5], 2);
    const ids = erasePartial(doc, 'long', pieces, { newId: idSequence() });
    expect(ids.length).toBe(4);
    for (const id of ids) {
      const entry = decodeStroke(id, strokesMap(doc).get(id));
      expect(entry.ok && entry.stroke.points.xyp.length / 3).toBeLessThanOrEqual(2000);
    }
  });
});
