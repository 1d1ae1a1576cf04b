import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, strokesMap, type LayerId } from '../../../shared/sketch/sketchLayout.js';
import type { Stroke } from '../../../shared/sketch/strokeCodec.js';
import {
  exportExcalidraw,
  serialiseExcalidraw,
  type ExcalidrawElementJson,
} from '../../../shared/sketch/excalidraw/excalidrawExport.js';
import { importExcalidrawInto } from '../../../shared/sketch/excalidraw/excalidrawImport.js';
import { addAsset, makeAsset } from '../../../shared/sketch/objects/assets.js';
import { addObject, groupItems } from '../../../shared/sketch/objects/objectEdits.js';
import { objectsMap } from '../../../shared/sketch/objects/objectLayout.js';
import {
  readSketchScene,
  scenePaintOrder,
  type SketchScene,
} from '../../../shared/sketch/objects/sketchScene.js';
import { fixture } from './excalidrawFixtures.js';
import { TINY_PNG, idSequence, rect, strokeThrough } from './objectsFixtures.js';

const options = (prefix: string) => ({ newId: idSequence(prefix), author: 'tester', now: 1_750_000_000_000 });

function exportImport(doc: Y.Doc): { again: Y.Doc; text: string } {
  const { file } = exportExcalidraw(doc, { source: 'mitschrift test' });
  const text = serialiseExcalidraw(file);
  const again = new Y.Doc();
  const result = importExcalidrawInto(again, text, options('second'));
  expect(result.ok ? 'ok' : result.reason).toBe('ok');
  return { again, text };
}

/** A stroke as plain data, points as numbers, for comparing within the quantum. */
function strokeData(stroke: Stroke) {
  const { points, ...rest } = stroke;
  return { ...rest, hasPressure: points.hasPressure, xyp: Array.from(points.xyp) };
}

/**
 * The same strokes and objects: every field equal (points within the quantum), except that z may
 * be renumbered when `sameZ` is false (an import numbers its items 1, 2, … in paint order).
 */
function expectSameScene(a: SketchScene, b: SketchScene, sameZ = true): void {
  const noZ = <T extends { z: number }>(item: T): T => (sameZ ? item : { ...item, z: 0 });
  expect(b.rejected).toEqual([]);
  expect(scenePaintOrder(b).map((e) => e.item.id)).toEqual(scenePaintOrder(a).map((e) => e.item.id));
  expect(b.objects.map(noZ)).toEqual(a.objects.map(noZ));
  expect(b.strokeGroups).toEqual(a.strokeGroups);
  expect(b.strokes.map((s) => s.id)).toEqual(a.strokes.map((s) => s.id));
  b.strokes.forEach((stroke, i) => {
    const before = strokeData(noZ(a.strokes[i]!));
    const after = strokeData(noZ(stroke));
    expect({ ...after, xyp: [] }).toEqual({ ...before, xyp: [] });
    expect(after.xyp).toHaveLength(before.xyp.length);
    after.xyp.forEach((v, k) => {
      // Coordinates within the 1/8 quantum, pressure within one step of 1/255.
      expect(Math.abs(v - before.xyp[k]!)).toBeLessThanOrEqual(k % 3 === 2 ? 1 / 255 : 1 / 8);
    });
  });
}

describe('Excalidraw round trip', () => {
  it('import → export → import gives the same strokes and objects', () => {
    const first = new Y.Doc();
    expect(importExcalidrawInto(first, fixture('talk.excalidraw'), options('first')).ok).toBe(true);
    const { again } = exportImport(first);
    expectSameScene(readSketchScene(first), readSketchScene(again));
    expect(again.getMap('assets').toJSON()).toEqual(first.getMap('assets').toJSON());
    expect(metaMap(again).get('background')).toBe('#fffdf7');
  });

  it('a sketch with every kind of object survives export and re-import', () => {
    const doc = new Y.Doc();
    const layer = (l: LayerId) => ({ layer: l });
    strokesMap(doc).set(
      'ink',
      strokeThrough(
        [
          [10.125, 20.5],
          [30, 44.875],
          [61, 70],
        ],
        { z: 3, brush: 'brushpen', smoothing: 0.25, size: 7 },
      ),
    );
    strokesMap(doc).set(
      'glow',
      strokeThrough(
        [
          [0, 0],
          [300, 0],
        ],
        { z: 1, brush: 'highlighter', colour: '#ffd40080', size: 24, ...layer('background') },
      ),
    );
    strokesMap(doc).set(
      'flat',
      strokeThrough(
        [
          [5, 5],
          [6, 9],
        ],
        { z: 4, pressureOn: false, author: 'ben', createdAt: 1_700_000_000_000 },
      ),
    );
    addObject(
      doc,
      'box',
      rect({
        z: 5,
        cornerRadius: 12,
        fillColour: '#ffec99',
        fillStyle: 'hachure',
        strokeStyle: 'dashed',
        opacity: 0.8,
      }),
    );
    addObject(doc, 'bubble', {
      ...rect({ x: 500, y: 60, z: 6, style: 'clean' }),
      kind: 'speechBubble',
      tail: [-40, 150],
    });
    addObject(doc, 'ribbon', {
      ...rect({ x: 40, y: 400, h: 60, z: 7 }),
      kind: 'banner',
      fillColour: '#e03131',
    });
    addObject(doc, 'cloud', { ...rect({ x: 800, y: 400, z: 8 }), kind: 'container', shape: 'cloud' });
    addObject(doc, 'hex', {
      ...rect({ x: 800, y: 700, z: 9, angle: 0.3 }),
      kind: 'container',
      shape: 'hexagon',
    });
    addObject(doc, 'rhombus', { ...rect({ x: 900, y: 100, z: 10 }), kind: 'container', shape: 'diamond' });
    addObject(doc, 'title', {
      ...rect({ x: 120, y: 70, z: 11, ...layer('annotations') }),
      kind: 'text',
      text: 'Offene Daten',
      fontFamily: 'serif',
      fontSize: 48,
      align: 'center',
      containerId: 'box',
      verticalAlign: 'bottom',
      lineHeight: 1.2,
    });
    addObject(doc, 'said', {
      ...rect({ x: 520, y: 80, z: 12 }),
      kind: 'text',
      text: 'Ja!',
      fontFamily: 'sans',
      fontSize: 24,
      align: 'left',
      containerId: 'bubble',
    });
    addObject(doc, 'link', {
      ...rect({ x: 300, y: 100, w: 200, h: 20, z: 13 }),
      kind: 'connector',
      points: [
        [0, 20],
        [100, 0],
        [200, 20],
      ],
      startArrowhead: 'bar',
      endArrowhead: 'diamond',
      curved: true,
      startBinding: 'box',
      endBinding: 'bubble',
      startAnchor: [1, 0.25],
    });
    addObject(doc, 'tilted', {
      ...rect({ x: 50, y: 600, w: 120, h: 40, angle: 0.5, z: 14 }),
      kind: 'line',
      points: [
        [0, 0],
        [120, 40],
        [60, 10],
      ],
      startArrowhead: null,
      endArrowhead: null,
    });
    const asset = makeAsset(TINY_PNG);
    addAsset(doc, 'photo-data', asset.ok ? asset.value : (undefined as never));
    addObject(doc, 'photo', {
      ...rect({ x: 1000, y: 0, w: 80, h: 60, z: 15 }),
      kind: 'image',
      assetId: 'photo-data',
      flipY: true,
    });
    groupItems(
      doc,
      [
        { type: 'stroke', id: 'ink' },
        { type: 'object', id: 'box' },
      ],
      'grp',
    );
    metaMap(doc).set('background', '#f8f9fa');

    const { again, text } = exportImport(doc);
    // Hand-made z values (with gaps) come back renumbered, in the same order.
    expectSameScene(readSketchScene(doc), readSketchScene(again), false);
    // An Excalidraw user sees the approximated shapes as closed polygons.
    const elements = (JSON.parse(text) as { elements: ExcalidrawElementJson[] }).elements;
    expect(elements.find((e) => e.id === 'bubble')).toMatchObject({ type: 'line', polygon: true });
    expect(elements.find((e) => e.id === 'link')).toMatchObject({
      type: 'arrow',
      startBinding: { elementId: 'box', fixedPoint: [1, 0.25], mode: 'orbit' },
      endBinding: null,
    });
    expect(elements.find((e) => e.id === 'box')?.['boundElements']).toEqual([
      { id: 'link', type: 'arrow' },
      { id: 'title', type: 'text' },
    ]);
  });

  it('carries a move made in Excalidraw over to an approximated shape', () => {
    const doc = new Y.Doc();
    addObject(doc, 'bubble', { ...rect({ x: 500, y: 60 }), kind: 'speechBubble', tail: [-40, 150] });
    const { file } = exportExcalidraw(doc, { source: 'test' });
    const moved = {
      ...file,
      elements: file.elements.map((e) => ({ ...e, x: (e['x'] as number) + 100, y: (e['y'] as number) - 10 })),
    };
    const again = new Y.Doc();
    importExcalidrawInto(again, JSON.stringify(moved), options('m'));
    expect(readSketchScene(again).objects[0]).toMatchObject({
      kind: 'speechBubble',
      x: 600,
      y: 50,
      tail: [-40, 150],
    });
  });
});

describe('Excalidraw export', () => {
  const doc = new Y.Doc();
  importExcalidrawInto(doc, fixture('talk.excalidraw'), options('x'));
  const { file } = exportExcalidraw(doc, { source: 'mitschrift 0.1.0' });

  it('writes the file frame Excalidraw expects', () => {
    expect(file).toMatchObject({
      type: 'excalidraw',
      version: 2,
      source: 'mitschrift 0.1.0',
      appState: { viewBackgroundColor: '#fffdf7' },
    });
    expect(Object.keys(file.files)).toEqual(['a09dfdf33fd9bcd76bce283912fd869d48642d2b']);
    expect(file.files['a09dfdf33fd9bcd76bce283912fd869d48642d2b']).toMatchObject({
      mimeType: 'image/png',
      id: 'a09dfdf33fd9bcd76bce283912fd869d48642d2b',
      dataURL: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/),
      created: expect.any(Number),
    });
  });

  it('gives every element the fields restore reads, with the right types', () => {
    const base: Record<string, string> = {
      id: 'string',
      type: 'string',
      x: 'number',
      y: 'number',
      width: 'number',
      height: 'number',
      angle: 'number',
      strokeColor: 'string',
      backgroundColor: 'string',
      fillStyle: 'string',
      strokeWidth: 'number',
      strokeStyle: 'string',
      roughness: 'number',
      opacity: 'number',
      groupIds: 'array',
      frameId: 'null',
      seed: 'number',
      version: 'number',
      versionNonce: 'number',
      isDeleted: 'boolean',
      updated: 'number',
      link: 'null',
      locked: 'boolean',
    };
    const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
    const extra: Record<string, Record<string, string>> = {
      freedraw: { points: 'array', pressures: 'array', simulatePressure: 'boolean', strokeOptions: 'object' },
      arrow: {
        points: 'array',
        startArrowhead: 'string|null',
        endArrowhead: 'string|null',
        elbowed: 'boolean',
      },
      line: { points: 'array', polygon: 'boolean' },
      text: {
        text: 'string',
        originalText: 'string',
        fontSize: 'number',
        fontFamily: 'number',
        textAlign: 'string',
        verticalAlign: 'string',
        lineHeight: 'number',
        autoResize: 'boolean',
      },
      image: { fileId: 'string', status: 'string', scale: 'array' },
    };
    expect(file.elements).toHaveLength(11);
    for (const element of file.elements) {
      for (const [field, type] of Object.entries({ ...base, ...(extra[element.type] ?? {}) })) {
        expect([element.id, field, type.split('|').includes(typeOf(element[field]))]).toEqual([
          element.id,
          field,
          true,
        ]);
      }
      expect(element['seed']).toBeGreaterThan(0);
      expect(Number.isInteger(element['versionNonce'])).toBe(true);
      if ('points' in element) {
        expect((element['points'] as number[][])[0]).toEqual([0, 0]);
      }
    }
    expect(new Set(file.elements.map((e) => e['seed'])).size).toBe(file.elements.length);
  });

  it('is deterministic: the same sketch gives the same file', () => {
    const again = new Y.Doc();
    importExcalidrawInto(again, fixture('talk.excalidraw'), options('x'));
    expect(serialiseExcalidraw(exportExcalidraw(again, { source: 'mitschrift 0.1.0' }).file)).toBe(
      serialiseExcalidraw(file),
    );
  });

  it('leaves malformed entries out and says so', () => {
    const broken = new Y.Doc();
    strokesMap(broken).set(
      'ok',
      strokeThrough([
        [0, 0],
        [1, 1],
      ]),
    );
    strokesMap(broken).set('bad', { v: 1, n: 3 });
    objectsMap(broken).set('weird', { v: 1, kind: 'hologram' });
    const result = exportExcalidraw(broken, { source: 'test' });
    expect(result.file.elements.map((e) => e.id)).toEqual(['ok']);
    expect(result.skipped.map((s) => s.id)).toEqual(['bad', 'weird']);
  });
});
