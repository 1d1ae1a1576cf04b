import { describe, expect, it } from 'vitest';
import { rect } from '../../../../shared/sketch/objectsFixtures.js';
import { TestEditor } from '../testEditor.js';

/** The selection tool, driven in Node: picking, box selection, moving, and what it leaves alone. */
describe('the select tool', () => {
  it('picks the stroke under the pointer and moves it by the drag', () => {
    const editor = new TestEditor().use('select');
    editor.createStroke('a', [100, 100], [300, 100]).createStroke('b', [100, 400], [300, 400]);
    editor.click(150, 101);
    expect(editor.selectedIds()).toEqual(['a']);
    // Away from the middle of the box's edges, where the scale handles are.
    editor.drag([150, 101], [210, 151]);
    const moved = editor.stored().strokes.find((s) => s.id === 'a')!;
    expect(moved.points.summary!.minX).toBeCloseTo(160, 0);
    expect(moved.points.summary!.minY).toBeCloseTo(150, 0);
    const still = editor.stored().strokes.find((s) => s.id === 'b')!;
    expect(still.points.summary!.minY).toBeCloseTo(400, 0);
    expect(editor.selectedIds()).toEqual(['a']);
  });

  it('selects what a dragged box encloses, and a click on nothing clears it', () => {
    const editor = new TestEditor().use('select');
    editor.createStroke('a', [100, 100], [200, 100]).createStroke('b', [150, 150], [250, 150]);
    editor.createObject('box', rect({ x: 600, y: 600, w: 100, h: 80 }));
    editor.drag([50, 50], [400, 300]);
    expect(editor.selectedIds()).toEqual(['a', 'b']);
    editor.click(1000, 800);
    expect(editor.selectedIds()).toEqual([]);
  });

  it('moves a shape by dragging inside it, and keeps the others', () => {
    const editor = new TestEditor().use('select');
    editor.createObject('box', rect({ x: 100, y: 100, w: 200, h: 100, fillColour: '#fde68a' }));
    editor.drag([200, 150], [250, 170]);
    expect(editor.object('box')).toMatchObject({ x: 150, y: 120, w: 200, h: 100 });
  });

  it('leaves items on a locked layer alone', () => {
    const editor = new TestEditor().use('select');
    editor.createStroke('bg', [100, 100], [300, 100], { layer: 'background' });
    editor.doc.getMap('layers').set('background', { visible: true, locked: true, opacity: 1 });
    editor.click(200, 100);
    expect(editor.selectedIds()).toEqual([]);
    editor.drag([200, 100], [260, 160]);
    expect(editor.stored().strokes[0]!.points.summary!.minX).toBeCloseTo(100, 0);
  });
});
