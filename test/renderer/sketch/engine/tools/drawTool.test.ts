import { describe, expect, it } from 'vitest';
import { MAX_POINTS_PER_ENTRY } from '../../../../../shared/sketch/sketchLayout.js';
import { TestEditor } from '../testEditor.js';

/** The pen, driven in Node: samples become a stored stroke in scene units with the brush of the moment. */
describe('the pen', () => {
  it('stores a stroke with the brush, the pen’s real pressure and scene coordinates', () => {
    const editor = new TestEditor();
    editor.brush = { ...editor.brush, brush: 'brushpen', colour: '#c62828', size: 6, layer: 'annotations' };
    editor.view = { zoom: 2, x: 100, y: 50 };
    const [id] = editor.draw([
      [0, 0, 0.2],
      [20, 10, 0.6],
      [40, 20, 0.9],
    ]);
    const stroke = editor.stored().strokes.find((s) => s.id === id)!;
    expect(stroke).toMatchObject({
      brush: 'brushpen',
      colour: '#c62828',
      size: 6,
      layer: 'annotations',
      author: 'tester',
    });
    expect(stroke.points.hasPressure).toBe(true);
    // The view puts scene (0, 0) at screen (100, 50), twice the size: screen (0, 0) is scene
    // (-50, -25), and 40 screen pixels are 20 scene units.
    expect(stroke.points.summary).toMatchObject({ minX: -50, minY: -25, maxX: -30, maxY: -15 });
  });

  it('merges samples of a pen at rest into one point with the highest pressure', () => {
    const editor = new TestEditor();
    const [id] = editor.draw([
      [10, 10, 0.3],
      [10.1, 10.1, 0.8],
      [10.05, 10, 0.4],
      [30, 10, 0.5],
    ]);
    const stroke = editor.stored().strokes.find((s) => s.id === id)!;
    expect(stroke.points.xyp.length / 3).toBe(2);
    expect(stroke.points.xyp[2]).toBeCloseTo(0.8, 2);
  });

  it('draws a mouse stroke with constant pressure (no pressure plane)', () => {
    const editor = new TestEditor();
    const [id] = editor.draw(
      [
        [0, 0],
        [50, 0],
      ],
      'mouse',
    );
    expect(editor.stored().strokes.find((s) => s.id === id)!.points.hasPressure).toBe(false);
  });

  it('splits a very long stroke into pieces that share a point', () => {
    const editor = new TestEditor();
    const samples = Array.from(
      { length: MAX_POINTS_PER_ENTRY * 2 + 10 },
      (_, i) => [i, (i % 7) * 3] as const,
    );
    const ids = editor.draw(samples, 'mouse');
    expect(ids.length).toBe(3);
    const pieces = ids.map((id) => editor.stored().strokes.find((s) => s.id === id)!);
    const last = (i: number) => pieces[i]!.points.xyp.slice(-3, -1);
    const first = (i: number) => pieces[i]!.points.xyp.slice(0, 2);
    expect([...first(1)]).toEqual([...last(0)]);
    expect([...first(2)]).toEqual([...last(1)]);
    expect(pieces[1]!.z).toBe(pieces[0]!.z + 1);
  });

  it('draws nothing on a locked or hidden layer and says so', () => {
    const editor = new TestEditor();
    editor.doc.getMap('layers').set('drawing', { visible: true, locked: true, opacity: 1 });
    expect(
      editor.draw([
        [0, 0],
        [10, 10],
      ]),
    ).toEqual([]);
    editor.doc.getMap('layers').set('drawing', { visible: false, locked: false, opacity: 1 });
    expect(
      editor.draw([
        [0, 0],
        [10, 10],
      ]),
    ).toEqual([]);
    expect(editor.notices).toEqual([
      { kind: 'layerLocked', layer: 'drawing' },
      { kind: 'layerHidden', layer: 'drawing' },
    ]);
    expect(editor.stored().strokes).toEqual([]);
  });
});
