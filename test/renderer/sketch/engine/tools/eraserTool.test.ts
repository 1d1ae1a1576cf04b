import { describe, expect, it } from 'vitest';
import { rect } from '../../../../shared/sketch/objectsFixtures.js';
import { TestEditor } from '../testEditor.js';

/** The eraser, driven in Node: whole strokes, or only the part under it. */
describe('the eraser', () => {
  it('takes away every stroke a swipe crosses, also with a fast swipe between samples', () => {
    const editor = new TestEditor().use('erase');
    editor.createStroke('a', [100, 100], [100, 300]).createStroke('b', [200, 100], [200, 300]);
    editor.createStroke('far', [600, 100], [600, 300]);
    // Two samples only: the segment between them must count.
    editor.pointerDown(50, 200).pointerMove(250, 200).pointerUp(250, 200);
    expect(editor.stored().strokes.map((s) => s.id)).toEqual(['far']);
  });

  it('in partial mode cuts the stroke where it passes and keeps both ends', () => {
    const editor = new TestEditor().use('erase');
    editor.eraserMode = 'partial';
    editor.createStroke('long', [100, 200], [500, 200]);
    editor.drag([300, 150], [300, 250]);
    const pieces = editor.stored().strokes;
    expect(pieces).toHaveLength(2);
    const xs = pieces
      .map((s) => [s.points.summary!.minX, s.points.summary!.maxX])
      .sort((a, b) => a[0]! - b[0]!);
    expect(xs[0]![0]).toBeCloseTo(100, 0);
    expect(xs[0]![1]).toBeLessThan(300);
    expect(xs[1]![0]).toBeGreaterThan(300);
    expect(xs[1]![1]).toBeCloseTo(500, 0);
  });

  it('in partial mode leaves shapes and says how many it kept', () => {
    const editor = new TestEditor().use('erase');
    editor.eraserMode = 'partial';
    editor.createObject('box', rect({ x: 100, y: 100, w: 200, h: 100, fillColour: '#fde68a' }));
    editor.drag([50, 150], [350, 150]);
    expect(editor.object('box')).toBeDefined();
    expect(editor.notices).toContainEqual({ kind: 'eraserKeptObjects', count: 1 });
  });
});
