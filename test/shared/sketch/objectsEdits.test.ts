import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { strokesMap } from '../../../shared/sketch/sketchLayout.js';
import { decodeStroke } from '../../../shared/sketch/strokeCodec.js';
import { addAsset, makeAsset } from '../../../shared/sketch/objects/assets.js';
import {
  copyItems,
  isSketchClipboard,
  pasteItems,
  SKETCH_CLIPBOARD_MIME,
} from '../../../shared/sketch/objects/clipboard.js';
import {
  addObject,
  deleteItems,
  duplicateItems,
  getObject,
  groupItems,
  groupMembers,
  replaceObject,
  ungroupItems,
  updateObject,
} from '../../../shared/sketch/objects/objectEdits.js';
import { objectsMap, strokeGroupsMap } from '../../../shared/sketch/objects/objectLayout.js';
import {
  bringForward,
  bringToFront,
  paintOrder,
  sendBackward,
  sendToBack,
  topZ,
  type ItemRef,
} from '../../../shared/sketch/objects/paintOrder.js';
import { readSketchScene } from '../../../shared/sketch/objects/sketchScene.js';
import { TINY_PNG, idSequence, rect, strokeThrough } from './objectsFixtures.js';

const S = (id: string): ItemRef => ({ type: 'stroke', id });
const O = (id: string): ItemRef => ({ type: 'object', id });

/** A sketch with strokes s1..s3 and objects o1..o3 interleaved on the drawing layer (z 1..6). */
function interleaved(): Y.Doc {
  const doc = new Y.Doc();
  strokesMap(doc).set(
    's1',
    strokeThrough(
      [
        [0, 0],
        [10, 10],
      ],
      { z: 1 },
    ),
  );
  addObject(doc, 'o1', rect({ z: 2 }));
  strokesMap(doc).set(
    's2',
    strokeThrough(
      [
        [0, 0],
        [10, 10],
      ],
      { z: 3 },
    ),
  );
  addObject(doc, 'o2', rect({ z: 4 }));
  strokesMap(doc).set(
    's3',
    strokeThrough(
      [
        [0, 0],
        [10, 10],
      ],
      { z: 5 },
    ),
  );
  addObject(doc, 'o3', rect({ z: 6 }));
  // A highlighter on top of the drawing layer, and an object on the background layer.
  strokesMap(doc).set(
    'h1',
    strokeThrough(
      [
        [0, 0],
        [10, 10],
      ],
      { z: 100, brush: 'highlighter' },
    ),
  );
  addObject(doc, 'bg', rect({ z: 0, layer: 'background' }));
  return doc;
}

const drawingOrder = (doc: Y.Doc): string[] =>
  paintOrder(doc)
    .filter((i) => i.layer === 'drawing' && i.id !== 'h1')
    .map((i) => i.id);

describe('paint order over strokes and objects', () => {
  it('orders by layer, then z, highlighters like the rest (they blend, see paintRank)', () => {
    const doc = interleaved();
    expect(paintOrder(doc).map((i) => i.id)).toEqual(['bg', 's1', 'o1', 's2', 'o2', 's3', 'o3', 'h1']);
    expect(topZ(doc, 'drawing')).toBe(100);
    expect(topZ(doc, 'annotations')).toBe(0);
  });

  it('brings to front and sends to back across both maps, keeping the selection order', () => {
    const doc = interleaved();
    bringToFront(doc, [S('s1'), O('o1')]);
    expect(drawingOrder(doc)).toEqual(['s2', 'o2', 's3', 'o3', 's1', 'o1']);
    sendToBack(doc, [O('o3'), S('s3')]);
    expect(drawingOrder(doc)).toEqual(['s3', 'o3', 's2', 'o2', 's1', 'o1']);
    // The highlighter paints by its z like everything else: what was brought to front is above it.
    expect(
      paintOrder(doc)
        .map((i) => i.id)
        .slice(-3),
    ).toEqual(['h1', 's1', 'o1']);
    // The stroke's points survived the rewrite of its z.
    expect(decodeStroke('s3', strokesMap(doc).get('s3')).ok).toBe(true);
  });

  it('moves one step forward and backward past the next unselected item', () => {
    const doc = interleaved();
    bringForward(doc, [S('s1')]);
    expect(drawingOrder(doc)).toEqual(['o1', 's1', 's2', 'o2', 's3', 'o3']);
    bringForward(doc, [S('s1'), S('s2')]);
    expect(drawingOrder(doc)).toEqual(['o1', 'o2', 's1', 's2', 's3', 'o3']);
    sendBackward(doc, [O('o3')]);
    expect(drawingOrder(doc)).toEqual(['o1', 'o2', 's1', 's2', 'o3', 's3']);
    sendBackward(doc, [O('o1')]);
    expect(drawingOrder(doc)).toEqual(['o1', 'o2', 's1', 's2', 'o3', 's3']);
    // Only the moved items were rewritten: o2 keeps its z.
    expect(getObject(doc, 'o2')?.z).toBe(4);
  });

  it('renumbers a group when repeated moves exhaust the float precision', () => {
    const doc = new Y.Doc();
    addObject(doc, 'a', rect({ z: 1 }));
    addObject(doc, 'b', rect({ z: 2 }));
    addObject(doc, 'c', rect({ z: 3 }));
    for (let i = 0; i < 80; i++) {
      // c goes between a and b, then b goes between a and c: the gap halves each time.
      sendBackward(doc, [O(i % 2 ? 'b' : 'c')]);
    }
    const order = drawingOrder(doc);
    expect(new Set(order).size).toBe(3);
    const zs = paintOrder(doc).map((i) => i.z);
    expect(zs.every((z, n) => n === 0 || z > zs[n - 1]!)).toBe(true);
  });
});

describe('object edits', () => {
  it('adds, replaces, updates and deletes; deleting a container takes its text and frees its connectors', () => {
    const doc = new Y.Doc();
    addObject(doc, 'box', rect({ x: 0, y: 0, w: 100, h: 100 }));
    addObject(doc, 'goal', { ...rect({ x: 300, y: 0, w: 100, h: 100 }), kind: 'ellipse' });
    addObject(doc, 'label', {
      ...rect(),
      kind: 'text',
      text: 'Silo',
      fontFamily: 'hand',
      fontSize: 20,
      align: 'center',
      containerId: 'box',
    });
    addObject(doc, 'link', {
      ...rect({ x: 100, y: 50, w: 200, h: 0 }),
      kind: 'connector',
      points: [
        [0, 0],
        [200, 0],
      ],
      startArrowhead: null,
      endArrowhead: 'arrow',
      startBinding: 'box',
      endBinding: 'goal',
    });
    expect(() => addObject(doc, 'bad id!', rect())).toThrow(RangeError);
    expect(replaceObject(doc, 'missing', rect())).toBe(false);
    expect(updateObject(doc, 'goal', { strokeColour: '#ff0000' })).toBe(true);
    expect(getObject(doc, 'goal')?.strokeColour).toBe('#ff0000');

    expect(deleteItems(doc, [O('box')])).toBe(2);
    expect(getObject(doc, 'label')).toBeUndefined();
    const freed = getObject(doc, 'link');
    expect(freed?.kind).toBe('arrow');
    // The arrow now runs where the connector was drawn: from the box's edge to the ellipse's.
    expect(freed && 'points' in freed ? freed.points.length : 0).toBe(2);
    expect(freed?.x).toBeGreaterThanOrEqual(100);
  });

  it('groups strokes and objects, lists and ungroups them', () => {
    const doc = interleaved();
    expect(groupItems(doc, [S('s1'), O('o1'), O('nope')], 'g1')).toBe(2);
    expect(groupMembers(doc, 'g1')).toEqual([S('s1'), O('o1')]);
    expect(strokeGroupsMap(doc).get('s1')).toBe('g1');
    expect(ungroupItems(doc, [S('s1'), O('o1')])).toBe(2);
    expect(groupMembers(doc, 'g1')).toEqual([]);
    expect(getObject(doc, 'o1')?.groupId).toBeUndefined();
    groupItems(doc, [S('s2')], 'g2');
    deleteItems(doc, [S('s2')]);
    expect(strokeGroupsMap(doc).has('s2')).toBe(false);
  });

  it('duplicates with an offset, new ids, new groups, kept links, on top', () => {
    const doc = interleaved();
    addObject(doc, 'box', rect({ x: 0, y: 0, z: 7 }));
    addObject(doc, 'label', {
      ...rect({ z: 8 }),
      kind: 'text',
      text: 'A',
      fontFamily: 'sans',
      fontSize: 20,
      align: 'left',
      containerId: 'box',
    });
    addObject(doc, 'arrow', {
      ...rect({ x: 0, y: 0, z: 9 }),
      kind: 'connector',
      points: [
        [0, 0],
        [10, 10],
      ],
      startArrowhead: null,
      endArrowhead: 'arrow',
      startBinding: 'box',
      endBinding: 'o3',
    });
    groupItems(doc, [S('s1'), O('box')], 'g');
    const copies = duplicateItems(doc, [S('s1'), O('box'), O('label'), O('arrow')], {
      dx: 20,
      dy: 30,
      newId: idSequence('copy'),
      author: 'ben',
      now: 42,
    });
    expect(copies.map((c) => c.id)).toEqual(['copy1', 'copy2', 'copy3', 'copy4']);
    const scene = readSketchScene(doc);
    const stroke = scene.strokes.find((s) => s.id === 'copy1')!;
    expect(stroke.points.xyp[0]).toBe(20);
    expect(stroke.points.xyp[1]).toBe(30);
    expect(stroke.author).toBe('ben');
    const box = scene.objects.find((o) => o.id === 'copy2')!;
    expect([box.x, box.y, box.createdAt]).toEqual([20, 30, 42]);
    expect(box.groupId).toBe('copy5');
    expect(scene.strokeGroups.get('copy1')).toBe('copy5');
    const label = scene.objects.find((o) => o.id === 'copy3')!;
    expect(label.kind === 'text' && label.containerId).toBe('copy2');
    // o3 was not copied: the copy of the connector is a free arrow.
    expect(scene.objects.find((o) => o.id === 'copy4')?.kind).toBe('arrow');
    // On top of the layer, in the originals' order.
    const order = paintOrder(doc).map((i) => i.id);
    expect(order.slice(-4)).toEqual(['copy1', 'copy2', 'copy3', 'copy4']);
  });
});

describe('clipboard', () => {
  it('copies with relative positions and pastes into another sketch with new ids', () => {
    const source = new Y.Doc();
    strokesMap(source).set(
      's1',
      strokeThrough([
        [500, 400],
        [540, 420],
      ]),
    );
    addObject(source, 'box', rect({ x: 480, y: 380, w: 100, h: 60 }));
    const asset = makeAsset(TINY_PNG);
    addAsset(source, 'img', asset.ok ? asset.value : (undefined as never));
    addObject(source, 'photo', { ...rect({ x: 600, y: 380, w: 40, h: 30 }), kind: 'image', assetId: 'img' });
    const text = copyItems(source, [S('s1'), O('box'), O('photo')]);
    expect(text).not.toBeNull();
    expect(isSketchClipboard(text!)).toBe(true);
    expect(SKETCH_CLIPBOARD_MIME).toBe('application/x-mitschrift-sketch+json');
    const clip = JSON.parse(text!) as {
      width: number;
      height: number;
      objects: Array<{ object: { x: number } }>;
    };
    expect([clip.width, clip.height]).toEqual([160, 60]);
    expect(clip.objects[0]?.object.x).toBe(0);

    const target = new Y.Doc();
    addObject(target, 'existing', rect({ z: 50 }));
    const pasted = pasteItems(target, text!, {
      at: { x: 10, y: 20 },
      newId: idSequence('p'),
      author: 'ben',
      now: 7,
    });
    expect(pasted).toMatchObject({ ok: true, rejected: [] });
    const scene = readSketchScene(target);
    expect(scene.objects.map((o) => [o.id, o.x, o.y, o.z])).toEqual([
      ['existing', 100, 50, 50],
      // All three copied items had z 1, so they keep their tie order (by id): box, photo, s1.
      ['p2', 10, 20, 51],
      ['p3', 130, 20, 52],
    ]);
    expect(scene.strokes[0]?.points.xyp.slice(0, 2)).toEqual(new Float32Array([30, 40]));
    expect(target.getMap('assets').has('img')).toBe(true);

    // Pasting again within the same sketch works too and keeps the image shared.
    const again = pasteItems(source, text!, {
      at: { x: 0, y: 0 },
      newId: idSequence('q'),
      author: 'ben',
      now: 8,
    });
    expect(again.ok && again.added).toHaveLength(3);
  });

  it('refuses foreign text and leaves out bad entries with reasons', () => {
    const doc = new Y.Doc();
    expect(
      pasteItems(doc, 'hello', { at: { x: 0, y: 0 }, newId: idSequence(), author: 'a', now: 1 }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not JSON'),
    });
    expect(
      pasteItems(doc, '{"type":"other"}', { at: { x: 0, y: 0 }, newId: idSequence(), author: 'a', now: 1 })
        .ok,
    ).toBe(false);
    const hostile = JSON.stringify({
      type: 'mitschrift/sketch-clipboard',
      version: 1,
      width: 10,
      height: 10,
      strokes: [{ id: 'bad', stroke: { v: 1, n: 1e9 } }],
      objects: [
        { id: 'ok', object: { ...rect({ x: 0, y: 0 }), v: 1 } },
        { id: 'far', object: { ...rect({ x: 1e9 }), v: 1 } },
        { id: 'pic', object: { ...rect(), v: 1, kind: 'image', assetId: 'gone' } },
      ],
      assets: { svg: { v: 1, mimeType: 'image/svg+xml', dataBase64: 'PHN2Zz4=', width: 1, height: 1 } },
    });
    const result = pasteItems(doc, hostile, { at: { x: 5, y: 5 }, newId: idSequence(), author: 'a', now: 1 });
    expect(result.ok && result.added).toEqual([O('n1')]);
    expect(result.ok && result.rejected.map((r) => r.id)).toEqual(['bad', 'svg', 'far', 'pic']);
    expect(objectsMap(doc).size).toBe(1);
  });
});

describe('readSketchScene', () => {
  it('returns every valid entry in paint order and each bad one with its reason', () => {
    const doc = interleaved();
    strokesMap(doc).set('nan', { ...strokeThrough([[0, 0]]), size: NaN });
    objectsMap(doc).set('blob', { ...rect(), v: 1, kind: 'blob' });
    objectsMap(doc).set('far', { ...rect({ y: 1e9 }), v: 1 });
    const scene = readSketchScene(doc);
    expect(scene.strokes.map((s) => s.id)).toEqual(['s1', 's2', 's3', 'h1']);
    expect(scene.objects.map((o) => o.id)).toEqual(['bg', 'o1', 'o2', 'o3']);
    expect(scene.rejected).toEqual([
      { map: 'strokes', id: 'nan', reason: expect.stringContaining('size') },
      { map: 'objects', id: 'blob', reason: 'unknown object kind "blob"' },
      { map: 'objects', id: 'far', reason: expect.stringContaining('y: lies beyond') },
    ]);
  });
});
