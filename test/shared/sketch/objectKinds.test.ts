import { describe, expect, it } from 'vitest';
import { objectBounds } from '../../../shared/sketch/objects/objectBounds.js';
import {
  OBJECT_KINDS,
  decodeObject,
  encodeObject,
  type NewObject,
  type ObjectKind,
  type ObjectOfKind,
  type SketchObject,
} from '../../../shared/sketch/objects/objectCodec.js';
import { rectKind } from '../../../shared/sketch/objects/kinds/rect.js';
import { COORD_LIMIT } from '../../../shared/sketch/sketchLayout.js';
import { resolveConnector } from '../../../shared/sketch/objects/handDrawn.js';
import { textFrame } from '../../../shared/sketch/objects/textLayout.js';
import { OBJECT_KIND_MODULES, OBJECT_SCHEMAS, kindOf } from '../../../shared/sketch/objects/kinds/index.js';
import { rect } from './objectsFixtures.js';

describe('object kinds', () => {
  it('has one module for every kind, registered under its own name', () => {
    expect(Object.keys(OBJECT_KIND_MODULES).sort()).toEqual([...OBJECT_KINDS].sort());
    for (const kind of OBJECT_KINDS) {
      expect(OBJECT_KIND_MODULES[kind].kind).toBe(kind);
    }
  });

  it('gives closed shapes an outline and line-likes, text and images none', () => {
    const base = { ...rect(), v: 1 as const, id: 'x' };
    const shapes: SketchObject[] = [
      { ...base, kind: 'rect' },
      { ...base, kind: 'ellipse' },
      { ...base, kind: 'banner' },
      { ...base, kind: 'container', shape: 'cloud' },
      { ...base, kind: 'speechBubble', tail: [0, 200] },
    ];
    for (const shape of shapes) {
      expect(kindOf(shape).outline(shape)?.length, shape.kind).toBeGreaterThan(3);
    }
    const line: SketchObject = {
      ...base,
      kind: 'line',
      points: [
        [0, 0],
        [10, 10],
      ],
      startArrowhead: null,
      endArrowhead: null,
    };
    expect(kindOf(line).outline(line)).toBeNull();
  });

  it('lets a kind widen its bounds (the speech bubble by its tail)', () => {
    const bubble: SketchObject = { ...rect(), v: 1, id: 'b', kind: 'speechBubble', tail: [-50, 300] };
    const box = objectBounds(bubble);
    expect(box.x).toBe(bubble.x - 50);
    expect(box.y + box.height).toBe(bubble.y + 300);
  });

  it("keeps each kind's stored schema in its module: it reads its own kind and refuses another", () => {
    const { kind: _kind, ...base } = rect();
    void _kind;
    for (const schema of OBJECT_SCHEMAS) {
      const kind = schema.shape.kind.value;
      const own = { ...sampleOf(kind, base), v: 1 };
      expect(schema.safeParse(own).success, kind).toBe(true);
      const other = kind === 'rect' ? 'ellipse' : 'rect';
      expect(schema.safeParse({ ...own, kind: other }).success, kind).toBe(false);
    }
  });

  it('refuses a speech bubble whose tail tip lies off the scene, naming the tail', () => {
    const decoded = decodeObject('b', {
      ...rect(),
      v: 1,
      kind: 'speechBubble',
      x: COORD_LIMIT - 10,
      tail: [50, 0],
    });
    expect(decoded).toEqual({ ok: false, reason: expect.stringMatching(/^tail: lies beyond/) as string });
  });

  it('lets tools create every box kind from a dragged box, as objects the codec stores', () => {
    const { kind: _kind, ...base } = rect();
    void _kind;
    const created: string[] = [];
    for (const kind of OBJECT_KINDS) {
      const made = OBJECT_KIND_MODULES[kind].fromBox?.(base, { style: 'clean', containerShape: 'cloud' });
      if (made) {
        expect(made.kind).toBe(kind);
        expect(() => encodeObject(made)).not.toThrow();
        created.push(kind);
      }
    }
    expect(created.sort()).toEqual(['banner', 'container', 'ellipse', 'rect', 'speechBubble']);
    const clean = rectKind.fromBox?.(base, { style: 'clean', containerShape: 'cloud' });
    const drawn = rectKind.fromBox?.(base, { style: 'handDrawn', containerShape: 'cloud' });
    expect(clean).toMatchObject({ cornerRadius: 9.625 });
    expect(drawn).not.toHaveProperty('cornerRadius');
  });

  it("puts a connector's end on the outline its kind has: box edge, ellipse, diamond", () => {
    const box: SketchObject = { ...rect({ x: 0, y: 0, w: 200, h: 100 }), v: 1, id: 'r' };
    const ellipse: SketchObject = { ...box, kind: 'ellipse' };
    const diamond: SketchObject = { ...box, kind: 'container', shape: 'diamond' };
    expect(kindOf(box).edgeAlong).toBeUndefined();
    // Along the diagonal of the box: the ellipse is left at 1/√2 of it, the diamond at half.
    expect(kindOf(ellipse).edgeAlong?.(ellipse, 100, 50)).toBeCloseTo(Math.SQRT1_2, 9);
    expect(kindOf(diamond).edgeAlong?.(diamond, 100, 50)).toBeCloseTo(0.5, 9);
    // A hexagon and a cloud meet connectors where their ellipse would.
    for (const shape of ['hexagon', 'cloud'] as const) {
      const container: SketchObject = { ...box, kind: 'container', shape };
      expect(kindOf(container).edgeAlong?.(container, 100, 50)).toBeCloseTo(Math.SQRT1_2, 9);
    }
    // Without a rule of its own a kind's connector ends on its box: the right edge, 4 + width out.
    const target: SketchObject = { ...box, id: 't', x: 400 };
    const connector: SketchObject = {
      ...box,
      id: 'k',
      kind: 'connector',
      points: [
        [0, 0],
        [1, 1],
      ],
      startArrowhead: null,
      endArrowhead: 'arrow',
      startBinding: 'r',
      endBinding: 't',
    };
    const lookup = (id: string): SketchObject | undefined => ({ r: box, t: target })[id];
    const ends = resolveConnector(connector as ObjectOfKind<'connector'>, lookup);
    expect(ends?.[0]).toEqual([200 + 4 + 2, 50]);
    expect(ends?.[1]).toEqual([400 - 4 - 2, 50]);
  });

  it("lays text out in the inner area its container's kind gives: whole box, ellipse, diamond, hexagon", () => {
    const box: SketchObject = { ...rect({ x: 0, y: 0, w: 200, h: 100, strokeWidth: 0 }), v: 1, id: 'c' };
    const text: ObjectOfKind<'text'> = {
      ...box,
      id: 't',
      kind: 'text',
      text: 'Hallo',
      fontFamily: 'hand',
      fontSize: 4,
      align: 'center',
      containerId: 'c',
    };
    const pad = 1; // stroke width 0, a quarter of the font size
    const insets = (container: SketchObject): [number, number] => {
      const frame = textFrame(text, container);
      return [frame.insetX - pad, frame.insetY - pad];
    };
    const k = (1 - Math.SQRT1_2) / 2;
    expect(insets(box)).toEqual([0, 0]);
    expect(insets({ ...box, kind: 'ellipse' })).toEqual([200 * k, 100 * k].map((v) => expect.closeTo(v, 9)));
    expect(insets({ ...box, kind: 'container', shape: 'cloud' })).toEqual(
      insets({ ...box, kind: 'ellipse' }),
    );
    expect(insets({ ...box, kind: 'container', shape: 'diamond' })).toEqual([50, 25]);
    expect(insets({ ...box, kind: 'container', shape: 'hexagon' })).toEqual([40, 10]);
  });

  it('says which kinds hold text and which a connector binds to (pictures take arrows, not text)', () => {
    const which = (flag: 'holdsText' | 'bindsConnectors'): string[] =>
      OBJECT_KINDS.filter((kind) => OBJECT_KIND_MODULES[kind][flag] === true).sort();
    const shapes = ['banner', 'container', 'ellipse', 'rect', 'speechBubble'];
    expect(which('holdsText')).toEqual(shapes);
    expect(which('bindsConnectors')).toEqual([...shapes, 'image'].sort());
  });
});

/** A valid object of any kind, from a rectangle's common fields. */
function sampleOf(kind: ObjectKind, base: Omit<ReturnType<typeof rect>, 'kind'>): NewObject {
  const line = {
    ...base,
    points: [
      [0, 0],
      [200, 120],
    ] as Array<[number, number]>,
    startArrowhead: null,
    endArrowhead: null,
  };
  switch (kind) {
    case 'rect':
    case 'ellipse':
    case 'banner':
      return { ...base, kind };
    case 'container':
      return { ...base, kind, shape: 'hexagon' };
    case 'speechBubble':
      return { ...base, kind, tail: [20, 160] };
    case 'line':
    case 'arrow':
      return { ...line, kind };
    case 'connector':
      return { ...line, kind, startBinding: 'a', endBinding: 'b' };
    case 'text':
      return { ...base, kind, text: 'Hallo', fontFamily: 'hand', fontSize: 20, align: 'left' };
    case 'image':
      return { ...base, kind, assetId: 'asset-1' };
  }
}
