import { describe, expect, it } from 'vitest';
import { objectBounds } from '../../../shared/sketch/objects/geometry.js';
import { OBJECT_KINDS, type SketchObject } from '../../../shared/sketch/objects/objectCodec.js';
import { OBJECT_KIND_MODULES, kindOf } from '../../../shared/sketch/objects/kinds/index.js';
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
});
