import { describe, expect, it } from 'vitest';
import { TestEditor } from '../testEditor.js';

/** The shape tools, driven in Node: a drag draws the shape, then selection takes over with it selected. */
describe('the shape tool', () => {
  it('draws a rectangle from corner to corner and hands over to selection', () => {
    const editor = new TestEditor().use('rect');
    editor.drag([100, 100], [300, 220]);
    const [rect] = editor.stored().objects;
    expect(rect).toMatchObject({
      kind: 'rect',
      x: 100,
      y: 100,
      w: 200,
      h: 120,
      author: 'tester',
      layer: 'drawing',
    });
    expect(editor.toolRequests).toEqual(['select']);
    expect(editor.selectedIds()).toEqual([rect!.id]);
  });

  it('draws from any corner (a drag up and to the left)', () => {
    const editor = new TestEditor().use('ellipse');
    editor.drag([300, 300], [200, 250]);
    expect(editor.stored().objects[0]).toMatchObject({ kind: 'ellipse', x: 200, y: 250, w: 100, h: 50 });
  });
});
