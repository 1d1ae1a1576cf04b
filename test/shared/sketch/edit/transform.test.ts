import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  COORD_LIMIT,
  MAX_STROKE_SIZE,
  MIN_STROKE_SIZE,
  strokesMap,
} from '../../../../shared/sketch/sketchLayout.js';
import { decodeStroke } from '../../../../shared/sketch/strokeCodec.js';
import {
  decodeObject,
  encodeObject,
  type NewObject,
  type ObjectOfKind,
  type SketchObject,
} from '../../../../shared/sketch/objects/objectCodec.js';
import { localToScene, objectCentre } from '../../../../shared/sketch/objects/geometry.js';
import { seededRandom } from '../../../../shared/sketch/objects/handDrawn.js';
import { addObject } from '../../../../shared/sketch/objects/objectEdits.js';
import { MAX_FONT_SIZE, objectsMap } from '../../../../shared/sketch/objects/objectLayout.js';
import type { ItemRef } from '../../../../shared/sketch/objects/paintOrder.js';
import {
  affineFromTRS,
  affineRotate,
  affineScale,
  affineTranslate,
  applyAffine,
  composeAffine,
  decomposeAffine,
  IDENTITY_AFFINE,
  invertAffine,
  transformItems,
  transformObject,
  transformStrokeJson,
  type Affine,
} from '../../../../shared/sketch/edit/transform.js';
import { rect, strokeThrough } from '../objectsFixtures.js';

const make = (id: string, object: NewObject): SketchObject => ({ ...encodeObject(object), id });
const S = (id: string): ItemRef => ({ type: 'stroke', id });
const O = (id: string): ItemRef => ({ type: 'object', id });

function expectAffineClose(actual: Affine | null, expected: Affine, digits = 9): void {
  expect(actual).not.toBeNull();
  actual?.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? NaN, digits));
}

/** A random map of rotation, scales (maybe mirrored), skew and translation. */
function randomAffine(rng: () => number, minScale = 0.2): Affine {
  return affineFromTRS(
    rng() * 2000 - 1000,
    rng() * 2000 - 1000,
    rng() * 2 * Math.PI - Math.PI,
    minScale + rng() * 3,
    (minScale + rng() * 3) * (rng() < 0.3 ? -1 : 1),
    rng() - 0.5,
  );
}

const angleDiff = (a: number, b: number): number => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));

describe('affine helpers', () => {
  it('apply, compose and invert like canvas matrices', () => {
    expect(applyAffine([2, 0, 0, 3, 10, 20], 1, 1)).toEqual([12, 23]);
    const [x, y] = applyAffine(affineRotate(Math.PI / 2, 10, 10), 20, 10);
    expect(x).toBeCloseTo(10, 12);
    expect(y).toBeCloseTo(20, 12); // clockwise on screen: right of the centre goes below it
    // compose(m, n) applies n first.
    const m = composeAffine(affineTranslate(5, 0), affineScale(2, 2));
    expect(applyAffine(m, 1, 1)).toEqual([7, 2]);
    expect(invertAffine([1, 2, 2, 4, 0, 0])).toBeNull();
    expect(invertAffine([1, 0, 0, NaN, 0, 0])).toBeNull();
    expectAffineClose(invertAffine(affineScale(2, 4, 10, 10)), affineScale(0.5, 0.25, 10, 10));
  });

  it('round-trips random maps through inverse and decomposition (seeded)', () => {
    const rng = seededRandom(7);
    for (let n = 0; n < 200; n++) {
      const m = randomAffine(rng);
      const inverse = invertAffine(m);
      expectAffineClose(inverse && composeAffine(m, inverse), IDENTITY_AFFINE, 8);
      expectAffineClose(inverse && composeAffine(inverse, m), IDENTITY_AFFINE, 8);
      const parts = decomposeAffine(m);
      expect(parts.scaleX).toBeGreaterThan(0);
      expectAffineClose(
        affineFromTRS(parts.tx, parts.ty, parts.rotation, parts.scaleX, parts.scaleY, parts.skew),
        m,
        8,
      );
    }
    const parts = decomposeAffine(composeAffine(affineTranslate(3, 4), affineRotate(0.5)));
    expect(parts.rotation).toBeCloseTo(0.5, 12);
    expect(parts.scaleX).toBeCloseTo(1, 12);
    expect(parts.scaleY).toBeCloseTo(1, 12);
    expect(parts.skew).toBeCloseTo(0, 12);
    expect([parts.tx, parts.ty]).toEqual([3, 4]);
    expect(decomposeAffine([0, 0, 0, 2, 1, 1])).toMatchObject({ scaleX: 0, scaleY: 2, rotation: 0 });
  });
});

describe('transformStrokeJson', () => {
  const json = strokeThrough(
    [
      [0, 0],
      [10, 0],
      [10, 10],
    ],
    { size: 4, colour: '#123456', z: 7 },
  );

  it('moves, rotates and scales the points and scales the size', () => {
    const m = composeAffine(
      affineTranslate(100, 50),
      composeAffine(affineRotate(Math.PI / 2), affineScale(2, 2)),
    );
    const out = decodeStroke('s', transformStrokeJson('s', json, m));
    expect(out.ok).toBe(true);
    if (!out.ok) {
      return;
    }
    expect(Array.from(out.stroke.points.xyp)).toEqual(
      [100, 50, 0.5019607843137255, 100, 70, 0.5019607843137255, 80, 70, 0.5019607843137255].map(Math.fround),
    );
    expect(out.stroke.size).toBe(8);
    expect(out.stroke).toMatchObject({ colour: '#123456', z: 7, author: 'anna', layer: 'drawing' });
    // A non-uniform scale grows the size by the square root of the area factor.
    const wide = decodeStroke('s', transformStrokeJson('s', json, affineScale(4, 1)));
    expect(wide.ok && wide.stroke.size).toBe(8);
  });

  it('clamps the size and the coordinates', () => {
    const huge = decodeStroke('s', transformStrokeJson('s', json, affineScale(1000, 1000)));
    expect(huge.ok && huge.stroke.size).toBe(MAX_STROKE_SIZE);
    const tiny = decodeStroke('s', transformStrokeJson('s', json, affineScale(0.001, 0.001)));
    expect(tiny.ok && tiny.stroke.size).toBe(MIN_STROKE_SIZE);
    const far = decodeStroke(
      's',
      transformStrokeJson('s', json, affineTranslate(COORD_LIMIT * 3, -COORD_LIMIT * 3)),
    );
    expect(far.ok && Array.from(far.stroke.points.xyp.slice(0, 2))).toEqual([
      COORD_LIMIT - 1,
      -(COORD_LIMIT - 1),
    ]);
    expect(() => transformStrokeJson('s', json, [1, 0, 0, 1, NaN, 0])).toThrow(RangeError);
    expect(() => transformStrokeJson('s', { ...json, n: 0 }, IDENTITY_AFFINE)).toThrow(RangeError);
  });

  it('returns the original points within 1/8 unit after the inverse map (seeded)', () => {
    const rng = seededRandom(99);
    for (let run = 0; run < 100; run++) {
      const points = Array.from({ length: 2 + Math.floor(rng() * 30) }, (): [number, number] => [
        Math.round((rng() * 400 - 200) * 8) / 8,
        Math.round((rng() * 400 - 200) * 8) / 8,
      ]);
      const original = strokeThrough(points, { size: 1 + rng() * 20 });
      // Scales of at least 1 forward, so the inverse does not magnify the 1/8 rounding; small
      // enough that no step needs the encoder's bridging points (more than 4096 units).
      const m = randomAffine(rng, 1);
      const parts = decomposeAffine(m);
      const similar = affineFromTRS(
        parts.tx,
        parts.ty,
        parts.rotation,
        parts.scaleX,
        Math.sign(parts.scaleY) * parts.scaleX,
      );
      const inverse = invertAffine(similar);
      expect(inverse).not.toBeNull();
      if (!inverse) {
        return;
      }
      const back = decodeStroke(
        's',
        transformStrokeJson('s', transformStrokeJson('s', original, similar), inverse),
      );
      const start = decodeStroke('s', original);
      expect(back.ok && start.ok).toBe(true);
      if (!back.ok || !start.ok) {
        return;
      }
      const a = start.stroke.points.xyp;
      const b = back.stroke.points.xyp;
      expect(b.length).toBe(a.length);
      for (let i = 0; i < a.length; i++) {
        expect(Math.abs((a[i] ?? 0) - (b[i] ?? 0))).toBeLessThanOrEqual(1 / 8 + 1e-6);
      }
      expect(back.stroke.size).toBeCloseTo(start.stroke.size, 6);
    }
  });
});

describe('transformObject', () => {
  it('translates and rotates a box about a point', () => {
    const box = make('r', rect());
    const moved = transformObject(box, affineTranslate(10.3, -5));
    expect(moved).toMatchObject({ x: 110.25, y: 45, w: 200, h: 120, angle: 0 });
    // A quarter turn about the box's centre (200, 110): same box, standing on end.
    const turned = transformObject(box, affineRotate(Math.PI / 2, 200, 110));
    expect(turned).toMatchObject({ x: 100, y: 50, w: 200, h: 120 });
    expect(turned.angle).toBeCloseTo(Math.PI / 2, 12);
    const turnedAboutOrigin = transformObject(box, affineRotate(Math.PI / 2));
    expect(objectCentre(turnedAboutOrigin)).toEqual([-110, 200]);
  });

  it('scales a rotated rect along its own axes, keeping it a rotated box', () => {
    const tilted = make('r', rect({ x: 0, y: 0, w: 100, h: 40, angle: Math.PI / 4 }));
    const uniform = transformObject(tilted, affineScale(2, 2));
    expect(uniform).toMatchObject({ w: 200, h: 80 });
    expect(uniform.angle).toBeCloseTo(Math.PI / 4, 12);
    expect(objectCentre(uniform)).toEqual([100, 40]);
    // A wide scale of a box at 45°: each of its axes grows by |(2cos, sin)| = √2.5.
    const wide = transformObject(tilted, affineScale(2, 1));
    expect(wide.angle).toBeCloseTo(Math.PI / 4, 12);
    expect(wide.w).toBeCloseTo(100 * Math.sqrt(2.5), 0);
    expect(wide.h).toBeCloseTo(40 * Math.sqrt(2.5), 0);
    // The centre stays, up to rounding the corner to the 1/8 grid.
    expect(Math.abs(objectCentre(wide)[0] - 100)).toBeLessThanOrEqual(1 / 16);
    expect(Math.abs(objectCentre(wide)[1] - 20)).toBeLessThanOrEqual(1 / 16);
  });

  it('mirrors rotated boxes and flips images', () => {
    const tilted = make('r', rect({ x: 0, y: 0, w: 100, h: 40, angle: 0.3 }));
    const mirrored = transformObject(tilted, affineScale(1, -1));
    expect(mirrored.angle).toBeCloseTo(-0.3, 12);
    const image = make('i', {
      ...rect({ x: 0, y: 0, w: 100, h: 40, angle: 0.3 }),
      kind: 'image',
      assetId: 'a',
    });
    const flipped = transformObject(image, affineScale(-1, 1));
    expect(flipped).toMatchObject({ kind: 'image', flipY: true });
    // Each corner of the picture lands where the mirror sends it.
    const corners: Array<[number, number]> = [
      [0, 0],
      [100, 0],
      [0, 40],
    ];
    for (const [lx, ly] of corners) {
      const [sx, sy] = localToScene(image, lx, ly);
      const [fx, fy] = localToScene(flipped, lx, 40 - ly);
      expect(fx).toBeCloseTo(-sx, 6);
      expect(fy).toBeCloseTo(sy, 6);
    }
    const back = transformObject(make('i', flipped), affineScale(-1, 1));
    expect('flipY' in back).toBe(false);
  });

  it('maps the points of a line exactly and stores it unrotated', () => {
    const line = make('l', {
      ...rect({ x: 10, y: 20, w: 100, h: 50, angle: 0.4 }),
      kind: 'line',
      points: [
        [0, 0],
        [100, 0],
        [60, 50],
      ],
      startArrowhead: null,
      endArrowhead: 'arrow',
    }) as ObjectOfKind<'line'>;
    const m = composeAffine(affineTranslate(30, -7), affineRotate(Math.PI / 3, 50, 50));
    const out = transformObject(line, m);
    expect(out.angle).toBe(0);
    if (out.kind !== 'line') {
      throw new Error('not a line');
    }
    expect(Math.min(...out.points.map((p) => p[0]))).toBe(0);
    expect(Math.min(...out.points.map((p) => p[1]))).toBe(0);
    expect(out.w).toBe(Math.max(...out.points.map((p) => p[0])));
    line.points.forEach(([px, py], i) => {
      const [ex, ey] = applyAffine(m, ...localToScene(line, px, py));
      const [qx, qy] = out.points[i] ?? [NaN, NaN];
      expect(Math.abs(out.x + qx - ex)).toBeLessThanOrEqual(1 / 16);
      expect(Math.abs(out.y + qy - ey)).toBeLessThanOrEqual(1 / 16);
    });
    expect(out.endArrowhead).toBe('arrow');
    expect(() => encodeObject(out)).not.toThrow();
  });

  it('maps a speech bubble tail exactly and scales fonts and widths within limits', () => {
    const bubble = make('b', {
      ...rect({ x: 0, y: 0, w: 100, h: 60, angle: 0.2 }),
      kind: 'speechBubble',
      tail: [20, 90],
    });
    const m = composeAffine(affineRotate(1.1), affineScale(3, 1.5));
    const out = transformObject(bubble, m);
    if (out.kind !== 'speechBubble') {
      throw new Error('not a bubble');
    }
    const [ex, ey] = applyAffine(m, ...localToScene(bubble, 20, 90));
    const [tx, ty] = localToScene(out, ...out.tail);
    expect(Math.hypot(tx - ex, ty - ey)).toBeLessThan(0.2);
    expect(out.strokeWidth).toBeCloseTo(2 * Math.sqrt(4.5), 12);
    const text = make('t', {
      ...rect({ w: 100, h: 20 }),
      kind: 'text',
      text: 'hi',
      fontFamily: 'hand',
      fontSize: 20,
      align: 'center',
    });
    expect(transformObject(text, affineScale(2, 2))).toMatchObject({ fontSize: 40 });
    expect(transformObject(text, affineScale(1000, 1000))).toMatchObject({ fontSize: MAX_FONT_SIZE });
    expect(transformObject(make('r', rect({ strokeWidth: 100 })), affineScale(100, 100)).strokeWidth).toBe(
      512,
    );
    expect(transformObject(make('r', rect({ cornerRadius: 8 })), affineScale(2, 2))).toMatchObject({
      cornerRadius: 16,
    });
  });

  it('returns boxes to where they were under a similarity and its inverse (seeded)', () => {
    const rng = seededRandom(5);
    for (let run = 0; run < 100; run++) {
      const box = make(
        'r',
        rect({
          x: Math.round(rng() * 1000),
          y: Math.round(rng() * 1000),
          w: Math.round(rng() * 300),
          h: Math.round(rng() * 300),
          angle: rng() * 6 - 3,
        }),
      );
      const s = 1 + rng() * 2;
      const m = affineFromTRS(rng() * 500, rng() * 500, rng() * 6 - 3, s, rng() < 0.3 ? -s : s);
      const inverse = invertAffine(m);
      if (!inverse) {
        throw new Error('singular');
      }
      const back = transformObject(make('r', transformObject(box, m)), inverse);
      for (const key of ['x', 'y', 'w', 'h'] as const) {
        expect(Math.abs(back[key] - box[key])).toBeLessThanOrEqual(0.25);
      }
      expect(angleDiff(back.angle, box.angle)).toBeLessThan(1e-9);
      expect(back.strokeWidth).toBeCloseTo(box.strokeWidth, 9);
    }
  });
});

describe('transformItems', () => {
  function sketch(): Y.Doc {
    const doc = new Y.Doc();
    strokesMap(doc).set(
      's1',
      strokeThrough([
        [0, 0],
        [10, 10],
      ]),
    );
    strokesMap(doc).set('s2', strokeThrough([[5, 5]], { z: 2 }));
    strokesMap(doc).set('bad', { v: 1, nonsense: true });
    addObject(doc, 'box', rect({ z: 3 }));
    addObject(doc, 'other', rect({ x: 500, z: 4 }));
    addObject(doc, 'label', {
      ...rect({ x: 150, y: 100, w: 100, h: 20, z: 5 }),
      kind: 'text',
      text: 'inside',
      fontFamily: 'hand',
      fontSize: 16,
      align: 'center',
      containerId: 'box',
    });
    addObject(doc, 'link', {
      ...rect({ x: 0, y: 0, w: 10, h: 10, z: 6 }),
      kind: 'connector',
      points: [
        [0, 0],
        [10, 10],
      ],
      startArrowhead: null,
      endArrowhead: 'arrow',
      startBinding: 'box',
      endBinding: 'other',
    });
    return doc;
  }

  it('transforms strokes, objects and their texts in one transaction, readable again', () => {
    const doc = sketch();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const before = doc.toJSON();
    const m = affineTranslate(20, 30);
    const written = transformItems(doc, [S('s1'), O('box'), S('bad'), S('gone'), O('gone')], m, 'move');
    expect(written).toBe(3);
    expect(origins).toEqual(['move']);
    const s1 = decodeStroke('s1', strokesMap(doc).get('s1'));
    expect(s1.ok && Array.from(s1.stroke.points.xyp)).toEqual(
      [20, 30, 0.5019607843137255, 30, 40, 0.5019607843137255].map(Math.fround),
    );
    const box = decodeObject('box', objectsMap(doc).get('box'));
    expect(box.ok && box.value).toMatchObject({ x: 120, y: 80, w: 200, h: 120 });
    const label = decodeObject('label', objectsMap(doc).get('label'));
    expect(label.ok && label.value).toMatchObject({ x: 170, y: 130, containerId: 'box' });
    // Untouched: the other stroke and object, the connector, the malformed entry.
    const after = doc.toJSON();
    for (const [map, id] of [
      ['strokes', 's2'],
      ['strokes', 'bad'],
      ['objects', 'other'],
      ['objects', 'link'],
    ] as const) {
      expect(after[map][id]).toEqual(before[map][id]);
    }
  });

  it('skips what cannot be stored, refuses non-finite maps, and is undoable', () => {
    const doc = sketch();
    expect(transformItems(doc, [S('s1')], [1, 0, 0, 1, Infinity, 0])).toBe(0);
    const origin = Symbol('transform');
    const undo = new Y.UndoManager([strokesMap(doc), objectsMap(doc)], { trackedOrigins: new Set([origin]) });
    const before = JSON.stringify(doc.toJSON());
    objectsMap(doc).set('broken', { v: 1, kind: 'rect', x: 'left' });
    // So large the box would leave the scene: it is clamped to the scene, as the stroke is.
    expect(transformItems(doc, [S('s1'), O('other'), O('broken')], affineScale(1e7, 1e7), origin)).toBe(2);
    const other = decodeObject('other', objectsMap(doc).get('other'));
    expect(other.ok && other.value.x + other.value.w).toBeLessThanOrEqual(COORD_LIMIT);
    expect(objectsMap(doc).get('broken')).toEqual({ v: 1, kind: 'rect', x: 'left' });
    objectsMap(doc).delete('broken');
    expect(transformItems(doc, [S('s2'), O('box')], affineRotate(1, 200, 110), origin)).toBe(3);
    undo.undo();
    undo.undo();
    expect(JSON.stringify(doc.toJSON())).toBe(before);
  });
});
