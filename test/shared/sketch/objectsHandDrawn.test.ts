import { describe, expect, it } from 'vitest';
import {
  encodeObject,
  type NewObject,
  type SketchObject,
} from '../../../shared/sketch/objects/objectCodec.js';
import {
  hashString,
  objectGeometry,
  resolveConnector,
  seededRandom,
} from '../../../shared/sketch/objects/handDrawn.js';
import { rect } from './objectsFixtures.js';

const make = (id: string, object: NewObject): SketchObject => ({ ...encodeObject(object), id });
const allPoints = (g: ReturnType<typeof objectGeometry>): number[] =>
  [...g.strokes, ...g.hatches, ...g.solids, ...(g.fill ? [g.fill] : [])].flatMap((p) => p.points);

describe('hand-drawn geometry', () => {
  it('is the same for the same id on every call, and differs between ids', () => {
    const a = objectGeometry(make('box-1', rect()));
    const again = objectGeometry(make('box-1', rect()));
    const other = objectGeometry(make('box-2', rect()));
    expect(again).toEqual(a);
    expect(allPoints(other)).not.toEqual(allPoints(a));
    expect(a.strokes).toHaveLength(2);
    expect(hashString('box-1')).toBe(hashString('box-1'));
    const r1 = seededRandom(7);
    const r2 = seededRandom(7);
    expect([r1(), r1(), r1()]).toEqual([r2(), r2(), r2()]);
  });

  it('keeps its wobble when the object moves or changes colour', () => {
    const here = objectGeometry(make('e', { ...rect(), kind: 'ellipse' }));
    const there = objectGeometry(
      make('e', { ...rect({ x: 1100, y: -350, strokeColour: '#ff0000' }), kind: 'ellipse' }),
    );
    const a = allPoints(here);
    const b = allPoints(there);
    expect(b).toHaveLength(a.length);
    b.forEach((v, i) => expect(v - a[i]!).toBeCloseTo(i % 2 === 0 ? 1000 : -400, 6));
  });

  it('stays near the exact outline', () => {
    const g = objectGeometry(make('r', rect({ x: 0, y: 0, w: 200, h: 100 })));
    const points = allPoints(g);
    for (let i = 0; i < points.length; i += 2) {
      const x = points[i]!;
      const y = points[i + 1]!;
      const distance = Math.min(Math.abs(x), Math.abs(x - 200), Math.abs(y), Math.abs(y - 100));
      expect(distance).toBeLessThan(8);
    }
  });

  it('draws the exact geometry in the clean style', () => {
    const g = objectGeometry(
      make('r', rect({ x: 10, y: 20, w: 30, h: 40, style: 'clean', fillColour: '#ffec99' })),
    );
    expect(g.strokes).toEqual([{ points: [10, 20, 40, 20, 40, 60, 10, 60], closed: true }]);
    expect(g.fill).toEqual({ points: [10, 20, 40, 20, 40, 60, 10, 60], closed: true });
    const rotated = objectGeometry(
      make('r', rect({ x: 0, y: 0, w: 100, h: 100, angle: Math.PI / 2, style: 'clean' })),
    );
    const [x0, y0] = rotated.strokes[0]!.points;
    expect(x0).toBeCloseTo(100);
    expect(y0).toBeCloseTo(0);
  });

  it('hatches inside the shape and draws arrowheads', () => {
    const hatched = objectGeometry(
      make(
        'h',
        rect({ x: 0, y: 0, w: 100, h: 100, fillColour: '#a5d8ff', fillStyle: 'crossHatch', style: 'clean' }),
      ),
    );
    expect(hatched.hatches.length).toBeGreaterThan(20);
    for (const p of allPoints({ ...hatched, strokes: [], fill: null })) {
      expect(p).toBeGreaterThanOrEqual(-1e-6);
      expect(p).toBeLessThanOrEqual(100 + 1e-6);
    }
    const arrow = objectGeometry(
      make('a', {
        ...rect({ x: 0, y: 0, w: 100, h: 0, style: 'clean' }),
        kind: 'arrow',
        points: [
          [0, 0],
          [100, 0],
        ],
        startArrowhead: 'dot',
        endArrowhead: 'triangle',
      }),
    );
    expect(arrow.strokes).toHaveLength(1);
    expect(arrow.solids).toHaveLength(2);
    const triangle = arrow.solids[1]!.points;
    expect([triangle[0], triangle[1]]).toEqual([100, 0]);
  });

  it('draws every kind without throwing, text and images with no lines', () => {
    const kinds: NewObject[] = [
      { ...rect(), kind: 'container', shape: 'cloud' },
      { ...rect(), kind: 'container', shape: 'hexagon' },
      { ...rect(), kind: 'container', shape: 'diamond' },
      { ...rect(), kind: 'banner' },
      { ...rect(), kind: 'speechBubble', tail: [40, 200] },
      { ...rect({ cornerRadius: 16 }) },
      {
        ...rect(),
        kind: 'line',
        points: [
          [0, 0],
          [50, 80],
          [120, 10],
        ],
        startArrowhead: null,
        endArrowhead: 'bar',
        curved: true,
        closed: true,
        fillColour: '#eeeeee',
      },
    ];
    for (const object of kinds) {
      const g = objectGeometry(make('k', object));
      expect(g.strokes.length).toBeGreaterThan(0);
      expect(allPoints(g).every(Number.isFinite)).toBe(true);
    }
    expect(
      allPoints(
        objectGeometry(
          make('t', { ...rect(), kind: 'text', text: 'x', fontFamily: 'hand', fontSize: 20, align: 'left' }),
        ),
      ),
    ).toEqual([]);
    expect(allPoints(objectGeometry(make('i', { ...rect(), kind: 'image', assetId: 'img' })))).toEqual([]);
  });

  it('routes a connector between its bound objects, and falls back to its points', () => {
    const a = make('a', rect({ x: 0, y: 0, w: 100, h: 100 }));
    const b = make('b', { ...rect({ x: 300, y: 0, w: 100, h: 100 }), kind: 'ellipse' });
    const connector = make('c', {
      ...rect({ x: 0, y: 200, w: 10, h: 10, style: 'clean' }),
      kind: 'connector',
      points: [
        [0, 0],
        [10, 10],
      ],
      startArrowhead: null,
      endArrowhead: 'arrow',
      startBinding: 'a',
      endBinding: 'b',
    });
    if (connector.kind !== 'connector') {
      throw new Error('not a connector');
    }
    const lookup = (id: string): SketchObject | undefined => ({ a, b })[id as 'a' | 'b'];
    const ends = resolveConnector(connector, lookup)!;
    // Out of the right edge of the box, into the left of the ellipse, with a small gap.
    expect(ends[0][0]).toBeCloseTo(106);
    expect(ends[0][1]).toBeCloseTo(50);
    expect(ends[1][0]).toBeCloseTo(294);
    const routed = objectGeometry(connector, lookup).strokes[0]!.points;
    expect(routed.slice(0, 2).map((v) => Math.round(v))).toEqual([106, 50]);
    const fallback = objectGeometry(connector, () => undefined).strokes[0]!.points;
    expect(fallback).toEqual([0, 200, 10, 210]);
    const anchored = resolveConnector({ ...connector, startAnchor: [0.5, 0] }, lookup)!;
    expect(anchored[0]).toEqual([50, 0]);
  });
});
