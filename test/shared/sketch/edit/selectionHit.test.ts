import { describe, expect, it } from 'vitest';
import {
  encodeObject,
  type NewObject,
  type SketchObject,
} from '../../../../shared/sketch/objects/objectCodec.js';
import { seededRandom } from '../../../../shared/sketch/objects/handDrawn.js';
import {
  boxContains,
  boxInLasso,
  hitTestObject,
  hitTestStroke,
  pathHitsObject,
  pointInPolygon,
  pointSegmentDistanceSq,
  segmentDistanceSq,
  strokeInLasso,
} from '../../../../shared/sketch/edit/selectionHit.js';
import { rect } from '../objectsFixtures.js';

const make = (id: string, object: NewObject): SketchObject => ({ ...encodeObject(object), id });

/** x, y, pressure triples from x, y pairs. */
function xyp(points: Array<[number, number]>): Float32Array {
  return Float32Array.from(points.flatMap(([x, y]) => [x, y, 0.5]));
}

const square = [0, 0, 100, 0, 100, 100, 0, 100];

describe('distances', () => {
  it('measures point–segment and segment–segment distances', () => {
    expect(pointSegmentDistanceSq(5, 3, 0, 0, 10, 0)).toBe(9);
    expect(pointSegmentDistanceSq(-3, 4, 0, 0, 10, 0)).toBe(25);
    expect(pointSegmentDistanceSq(2, 2, 1, 1, 1, 1)).toBe(2);
    // Crossing segments whose ends are all far apart.
    expect(segmentDistanceSq(0, 0, 100, 0, 50, -100, 50, 100)).toBe(0);
    expect(segmentDistanceSq(0, 0, 100, 0, 0, 7, 100, 7)).toBe(49);
    expect(segmentDistanceSq(0, 0, 10, 0, 13, 4, 20, 4)).toBe(25);
    // Collinear, overlapping.
    expect(segmentDistanceSq(0, 0, 10, 0, 5, 0, 20, 0)).toBe(0);
  });

  it('agrees with dense sampling on random segments', () => {
    const rng = seededRandom(11);
    const r = (): number => rng() * 200 - 100;
    for (let n = 0; n < 200; n++) {
      const s = [r(), r(), r(), r(), r(), r(), r(), r()] as const;
      const exact = Math.sqrt(segmentDistanceSq(...s));
      let sampled = Infinity;
      for (let i = 0; i <= 200; i++) {
        const t = i / 200;
        const px = s[0] + (s[2] - s[0]) * t;
        const py = s[1] + (s[3] - s[1]) * t;
        sampled = Math.min(sampled, Math.sqrt(pointSegmentDistanceSq(px, py, s[4], s[5], s[6], s[7])));
      }
      expect(exact).toBeLessThanOrEqual(sampled + 1e-9);
      // Sampling every 1/200 of a segment at most ~1.5 units long per step overestimates little.
      expect(sampled - exact).toBeLessThan(1.5);
    }
  });
});

describe('pointInPolygon', () => {
  it('tells inside from outside, for convex and concave polygons', () => {
    expect(pointInPolygon(50, 50, square)).toBe(true);
    expect(pointInPolygon(150, 50, square)).toBe(false);
    expect(pointInPolygon(-1, 50, square)).toBe(false);
    // An L shape: the notch at the top right is outside.
    const l = [0, 0, 50, 0, 50, 50, 100, 50, 100, 100, 0, 100];
    expect(pointInPolygon(25, 25, l)).toBe(true);
    expect(pointInPolygon(75, 25, l)).toBe(false);
    expect(pointInPolygon(75, 75, l)).toBe(true);
  });

  it('uses the even-odd rule and needs three points', () => {
    // A self-crossing pentagram: its centre is outside under even-odd.
    const star: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = -Math.PI / 2 + (i * 4 * Math.PI) / 5;
      star.push(100 * Math.cos(a), 100 * Math.sin(a));
    }
    expect(pointInPolygon(0, 0, star)).toBe(false);
    expect(pointInPolygon(0, -80, star)).toBe(true);
    expect(pointInPolygon(0, 0, [0, 0, 10, 10])).toBe(false);
  });
});

describe('lasso and box selection', () => {
  it('takes a stroke with at least 90% of its points in the lasso', () => {
    const nineIn = xyp([
      ...Array.from({ length: 9 }, (_, i): [number, number] => [10 + i * 5, 50]),
      [150, 50],
    ]);
    expect(strokeInLasso(nineIn, 10, square)).toBe(true);
    const eightIn = xyp([
      ...Array.from({ length: 8 }, (_, i): [number, number] => [10 + i * 5, 50]),
      [150, 50],
      [160, 50],
    ]);
    expect(strokeInLasso(eightIn, 10, square)).toBe(false);
    expect(strokeInLasso(xyp([[50, 50]]), 1, square)).toBe(true);
    expect(strokeInLasso(xyp([[50, 50]]), 1, [0, 0, 100, 0])).toBe(false);
    expect(strokeInLasso(new Float32Array(), 0, square)).toBe(false);
  });

  it('takes a box with all four corners in the lasso', () => {
    expect(boxInLasso({ x: 10, y: 10, width: 50, height: 50 }, square)).toBe(true);
    expect(boxInLasso({ x: 60, y: 10, width: 50, height: 50 }, square)).toBe(false);
  });

  it('box selection takes only fully enclosed boxes', () => {
    const outer = { x: 0, y: 0, width: 100, height: 100 };
    expect(boxContains(outer, { x: 0, y: 0, width: 100, height: 100 })).toBe(true);
    expect(boxContains(outer, { x: 10, y: 20, width: 30, height: 40 })).toBe(true);
    expect(boxContains(outer, { x: 90, y: 20, width: 30, height: 40 })).toBe(false);
    expect(boxContains(outer, { x: -1, y: 20, width: 30, height: 40 })).toBe(false);
  });
});

describe('click selection', () => {
  it('hits a stroke near its ink, between samples too', () => {
    const stroke = xyp([
      [0, 0],
      [100, 0],
    ]);
    expect(hitTestStroke(stroke, 2, 2, 50, 5, 4)).toBe(true);
    expect(hitTestStroke(stroke, 2, 2, 50, 7, 4)).toBe(false);
    expect(hitTestStroke(stroke, 2, 2, 105, 0, 4)).toBe(true);
    expect(hitTestStroke(xyp([[10, 10]]), 1, 3, 13, 14, 2.1)).toBe(true);
  });

  it('hits filled shapes inside and unfilled ones only near the outline', () => {
    const open = make('r1', rect({ style: 'clean' }));
    expect(hitTestObject(open, 200, 110, 4)).toBe(false);
    expect(hitTestObject(open, 100, 110, 4)).toBe(true);
    expect(hitTestObject(open, 95, 110, 4)).toBe(true); // 4 tolerance + 1 half stroke width
    expect(hitTestObject(open, 94.9, 110, 4)).toBe(false);
    expect(hitTestObject(open, 90, 110, 4)).toBe(false);
    const filled = make('r2', rect({ style: 'clean', fillColour: '#ffcc00' }));
    expect(hitTestObject(filled, 200, 110, 4)).toBe(true);
    const hatched = make('r3', rect({ fillColour: '#ffcc00', fillStyle: 'hachure' }));
    expect(hitTestObject(hatched, 200, 110, 4)).toBe(true);
    expect(hitTestObject(hatched, 400, 110, 4)).toBe(false);
  });

  it('follows rotation, ellipses and lines', () => {
    const tilted = make('r4', rect({ style: 'clean', fillColour: '#ffcc00', angle: Math.PI / 2 }));
    // The 200 × 120 box about (200, 110) turned upright covers x 140..260, y 10..210.
    expect(hitTestObject(tilted, 200, 20, 0)).toBe(true);
    expect(hitTestObject(tilted, 110, 110, 0)).toBe(false);
    const ellipse = make('e', { ...rect({ style: 'clean' }), kind: 'ellipse' });
    expect(hitTestObject(ellipse, 101, 52, 2)).toBe(false); // the box corner, far from the curve
    expect(hitTestObject(ellipse, 100, 110, 2)).toBe(true);
    const line = make('l', {
      ...rect({ style: 'clean', w: 100, h: 100 }),
      kind: 'line',
      points: [
        [0, 0],
        [100, 100],
      ],
      startArrowhead: null,
      endArrowhead: null,
    });
    expect(hitTestObject(line, 150, 100, 2)).toBe(true);
    expect(hitTestObject(line, 150, 120, 2)).toBe(false);
  });

  it('hits text and images anywhere in their rotated box, and keeps invisible shapes clickable', () => {
    const text = make('t', {
      ...rect({ x: 0, y: 0, w: 100, h: 20, angle: Math.PI / 2 }),
      kind: 'text',
      text: 'hello',
      fontFamily: 'hand',
      fontSize: 16,
      align: 'left',
    });
    // Upright about (50, 10): x 40..60, y −40..60.
    expect(hitTestObject(text, 50, -35, 0)).toBe(true);
    expect(hitTestObject(text, 90, 10, 0)).toBe(false);
    const image = make('i', { ...rect({ x: 0, y: 0, w: 40, h: 40 }), kind: 'image', assetId: 'a1' });
    expect(hitTestObject(image, 20, 20, 0)).toBe(true);
    const invisible = make('r5', rect({ strokeWidth: 0 }));
    expect(hitTestObject(invisible, 100, 110, 2)).toBe(true);
    expect(hitTestObject(invisible, 200, 110, 2)).toBe(false);
    expect(pathHitsObject(invisible, [], 2)).toBe(false);
  });
});
