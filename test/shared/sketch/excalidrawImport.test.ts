import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSheetMeta } from '../../../shared/sketch/sketchLayout.js';
import { MAX_POINTS_PER_ENTRY } from '../../../shared/sketch/sketchLayout.js';
import {
  importExcalidraw,
  importExcalidrawInto,
  parseExcalidraw,
} from '../../../shared/sketch/excalidraw/excalidrawImport.js';
import { parseCssColour, toStoredColour } from '../../../shared/sketch/excalidraw/colours.js';
import { readAsset } from '../../../shared/sketch/objects/assets.js';
import type { ObjectOfKind, SketchObject } from '../../../shared/sketch/objects/objectCodec.js';
import { readSketchScene } from '../../../shared/sketch/objects/sketchScene.js';
import { addObject } from '../../../shared/sketch/objects/objectEdits.js';
import { fixture } from './excalidrawFixtures.js';
import { idSequence, rect } from './objectsFixtures.js';

const options = () => ({ newId: idSequence('new'), author: 'tester', now: 1_750_000_000_000 });

function byId<K extends SketchObject['kind']>(objects: SketchObject[], id: string, kind: K): ObjectOfKind<K> {
  const found = objects.find((o) => o.id === id);
  if (!found || found.kind !== kind) {
    throw new Error(`no ${kind} ${id}: ${JSON.stringify(found)}`);
  }
  return found as ObjectOfKind<K>;
}

describe('Excalidraw import of a real drawing', () => {
  const doc = new Y.Doc();
  const result = importExcalidrawInto(doc, fixture('talk.excalidraw'), options());
  const scene = readSketchScene(doc);

  it('reports what it imported, per type, and what it skipped', () => {
    expect(result.ok).toBe(true);
    const report = result.ok ? result.value.report : undefined;
    expect(report).toMatchObject({
      version: 2,
      elements: 14,
      imported: { freedraw: 2, rectangle: 1, ellipse: 1, diamond: 1, line: 1, arrow: 2, text: 2, image: 1 },
      skipped: { frame: 1, embeddable: 1 },
      deleted: 1,
      strokes: 2,
      objects: 9,
      images: 1,
    });
    expect(report?.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('1 frame not imported'),
        expect.stringContaining('1 embedded web page not imported'),
        expect.stringContaining('nested groups'),
      ]),
    );
    expect(scene.rejected).toEqual([]);
  });

  it('turns freedraw into strokes: absolute points, pressure, width, colour and opacity', () => {
    const [pen, marker] = scene.strokes;
    expect(pen?.id).toBe('ink-title-1');
    expect(pen?.points.hasPressure).toBe(true);
    expect(pen?.pressureOn).toBe(true);
    expect(pen?.size).toBe(4.25);
    expect(pen?.smoothing).toBe(0.5);
    expect(pen?.colour).toBe('#1e1e1e');
    expect(Array.from(pen!.points.xyp.slice(0, 6))).toEqual([
      102.5,
      40.25,
      expect.closeTo(0.21, 2),
      109,
      37,
      expect.closeTo(0.34, 2),
    ]);
    expect(pen?.createdAt).toBe(1747731612345);
    expect(pen?.author).toBe('tester');
    expect(pen?.layer).toBe('drawing');
    // simulatePressure → no pressure plane; constant variability → pressure off; opacity 60 → alpha 0x99.
    expect(marker?.points.hasPressure).toBe(false);
    expect(marker?.pressureOn).toBe(false);
    expect(marker?.size).toBe(2.8);
    expect(marker?.colour).toBe('#e0313199');
    expect(marker?.smoothing).toBe(0.929);
    // Both were in the nested groups title-inner ⊂ title-outer: now in the outer one.
    expect(scene.strokeGroups.get('ink-title-1')).toBe('title-outer');
    expect(scene.strokeGroups.get('ink-title-2')).toBe('title-outer');
  });

  it('turns shapes into objects with style, fill and rounding', () => {
    const box = byId(scene.objects, 'box-problem', 'rect');
    expect(box).toMatchObject({
      x: 80,
      y: 140,
      w: 260,
      h: 120,
      style: 'handDrawn',
      strokeColour: '#1971c2',
      fillColour: '#ffec99',
      fillStyle: 'hachure',
      cornerRadius: 30,
      strokeWidth: 2,
      opacity: 1,
    });
    const goal = byId(scene.objects, 'blob-goal', 'ellipse');
    expect(goal).toMatchObject({ style: 'clean', strokeStyle: 'dashed', fillColour: null, strokeWidth: 4 });
    const decision = byId(scene.objects, 'decision', 'container');
    expect(decision).toMatchObject({ shape: 'diamond', fillStyle: 'crossHatch', opacity: 0.9 });
    expect(decision.angle).toBeCloseTo(Math.PI / 12);
    const swoosh = byId(scene.objects, 'swoosh', 'line');
    expect(swoosh).toMatchObject({ closed: true, style: 'clean', fillColour: '#a5d8ff', w: 180, h: 80 });
  });

  it('binds an arrow between two shapes as a connector, and keeps a half-bound one free', () => {
    const flow = byId(scene.objects, 'arrow-flow', 'connector');
    expect(flow).toMatchObject({
      startBinding: 'box-problem',
      endBinding: 'blob-goal',
      endArrowhead: 'arrow',
      curved: true,
    });
    expect(flow.startAnchor).toEqual([1, 0.5]);
    expect(flow.endAnchor).toBeUndefined();
    // The points are re-based on their box: the middle point was 4 above the start.
    expect(flow).toMatchObject({ x: 345, y: 196, w: 210, h: 4 });
    expect(flow.points).toEqual([
      [0, 4],
      [105, 0],
      [210, 4],
    ]);
    const pointer = byId(scene.objects, 'pointer', 'arrow');
    expect(pointer).toMatchObject({
      startArrowhead: 'dot',
      endArrowhead: 'triangle',
      strokeStyle: 'dotted',
      x: 380,
      y: 520,
    });
  });

  it('imports text with font mapping, its container and the image with its file', () => {
    const label = byId(scene.objects, 'label-problem', 'text');
    expect(label).toMatchObject({
      text: 'Daten in Silos',
      fontFamily: 'hand',
      align: 'center',
      containerId: 'box-problem',
      fontSize: 20,
    });
    // Excalidraw's defaults (middle in a container, line height 1.25) are ours: left out.
    expect(label).not.toHaveProperty('verticalAlign');
    expect(label).not.toHaveProperty('lineHeight');
    const quote = byId(scene.objects, 'quote', 'text');
    expect(quote).toMatchObject({
      text: '„Offen ist der\nDefault!“',
      fontFamily: 'hand',
      align: 'left',
      fillColour: null,
    });
    expect(quote.angle).toBeCloseTo(-0.1);
    const photo = byId(scene.objects, 'speaker-photo', 'image');
    expect(photo).toMatchObject({
      assetId: 'a09dfdf33fd9bcd76bce283912fd869d48642d2b',
      flipX: true,
      w: 160,
      h: 120,
    });
    expect(readAsset(doc, photo.assetId, { verify: true })).toMatchObject({
      ok: true,
      value: { mimeType: 'image/png', width: 4, height: 3 },
    });
  });

  it('keeps the paint order of the file and takes its background', () => {
    const zs = scene.objects.map((o) => o.z);
    expect(zs).toEqual([...zs].sort((a, b) => a - b));
    expect(scene.strokes.map((s) => s.z)).toEqual([1, 2]);
    expect(scene.objects[0]?.z).toBe(3);
    expect(readSheetMeta(doc).background).toBe('#fffdf7');
  });
});

describe('Excalidraw import into a sketch that already has content', () => {
  it('goes on top and never reuses an id', () => {
    const doc = new Y.Doc();
    addObject(doc, 'box-problem', rect({ z: 40 }));
    const first = importExcalidrawInto(doc, fixture('talk.excalidraw'), options());
    const second = importExcalidrawInto(doc, fixture('talk.excalidraw'), {
      ...options(),
      newId: idSequence('again'),
    });
    expect(first.ok && second.ok).toBe(true);
    const scene = readSketchScene(doc);
    expect(scene.objects).toHaveLength(1 + 9 + 9);
    expect(scene.strokes).toHaveLength(4);
    const imported = scene.objects.filter((o) => o.author === 'tester');
    expect(Math.min(...imported.map((o) => o.z))).toBeGreaterThan(40);
    // The original box kept its id; the imported one got a new id, and its label follows it.
    const label = scene.objects.find((o) => o.kind === 'text' && o.text === 'Daten in Silos')!;
    expect(label.kind === 'text' && label.containerId).not.toBe('box-problem');
    // The second import made its own group, not a merge into the first import's.
    expect(new Set(scene.strokeGroups.values()).size).toBe(2);
  });
});

describe('lenient reading, counted', () => {
  it('skips unknown types, SVG images, missing files and non-elements, and counts each', () => {
    const result = importExcalidraw(fixture('odd-elements.excalidraw'), options());
    expect(result.ok).toBe(true);
    const report = result.ok ? result.value.report : undefined;
    expect(report?.skipped).toEqual({ sticker: 2, iframe: 1, image: 2, '(not an element)': 1 });
    expect(report?.imported).toEqual({ freedraw: 1, rectangle: 1, ellipse: 1 });
    expect(report?.notes).toEqual(
      expect.arrayContaining([
        '2 elements of the unknown type "sticker" skipped.',
        expect.stringContaining('SVG images are not accepted'),
        expect.stringContaining('its image data is not in the file'),
        expect.stringContaining('malformed points'),
        expect.stringContaining('"var(--brand)" was not understood'),
      ]),
    );
    const objects = result.ok ? result.value.objects : [];
    // A negative width flips the box like Excalidraw does; named and rgba() colours are read.
    expect(objects[0]?.json).toMatchObject({
      x: -20,
      w: 40,
      strokeColour: '#ff6347',
      fillColour: '#0080ff80',
    });
    const stroke = result.ok ? result.value.strokes[0] : undefined;
    expect(stroke?.json.n).toBe(3);
  });

  it('splits a very long freedraw into connected strokes', () => {
    const points = Array.from({ length: 5000 }, (_, i) => [i / 4, Math.sin(i / 50) * 40]);
    const file = JSON.stringify({
      type: 'excalidraw',
      version: 2,
      elements: [{ id: 'long', type: 'freedraw', x: 0, y: 0, points, simulatePressure: true }],
    });
    const result = importExcalidraw(file, options());
    const strokes = result.ok ? result.value.strokes : [];
    expect(strokes.map((s) => s.json.n)).toEqual([MAX_POINTS_PER_ENTRY, MAX_POINTS_PER_ENTRY, 1002]);
    expect(strokes[0]?.id).toBe('long');
    expect(result.ok && result.value.report.strokes).toBe(3);
  });
});

describe('refusals name the problem', () => {
  it.each([
    ['not-json.excalidraw', /^The file is not valid JSON \(.+\), so it is not an Excalidraw drawing\.$/],
    ['other-json.excalidraw', /not an Excalidraw drawing: it has no "type": "excalidraw"/],
    ['library.excalidrawlib.excalidraw', /an Excalidraw library \("type": "excalidrawlib"\), not a drawing/],
    ['future-version.excalidraw', /version 3; this Mitschrift reads Excalidraw files up to version 2/],
    [
      'absurd-coordinates.excalidraw',
      /^Element 2 \("far-away", freedraw\): the x of a point is 1000000000, beyond ±1048576/,
    ],
  ])('%s', (name, reason) => {
    const doc = new Y.Doc();
    const result = importExcalidrawInto(doc, fixture(name), options());
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
    // Nothing was written, not even the valid first element.
    expect(readSketchScene(doc).objects).toEqual([]);
  });

  it.each([
    ['a wrong type', { type: 'tldraw', elements: [] }, /"type" is "tldraw", not "excalidraw"/],
    ['elements that are not a list', { type: 'excalidraw', elements: {} }, /"elements" is not a list/],
    [
      'giant text',
      { type: 'excalidraw', elements: [{ id: 't', type: 'text', text: 'x'.repeat(100_000) }] },
      /Element 1 \("t", text\): the text has 100000 characters/,
    ],
    [
      'a huge font',
      { type: 'excalidraw', elements: [{ id: 't', type: 'text', text: 'x', fontSize: 1e9 }] },
      /fontSize is 1000000000/,
    ],
    [
      'an absurd stroke width',
      { type: 'excalidraw', elements: [{ id: 'r', type: 'rectangle', strokeWidth: 1e12 }] },
      /strokeWidth is 1000000000000/,
    ],
    [
      'a 10^9 wide box',
      { type: 'excalidraw', elements: [{ id: 'r', type: 'rectangle', x: 0, width: 1e9 }] },
      /x \+ width is 1000000000/,
    ],
    [
      'a string coordinate',
      { type: 'excalidraw', elements: [{ id: 'r', type: 'rectangle', x: '12' }] },
      /Element 1 \("r", rectangle\): x: .*expected number/,
    ],
    [
      'too many points',
      {
        type: 'excalidraw',
        elements: [{ id: 'f', type: 'freedraw', points: Array.from({ length: 100_001 }, () => [0, 0]) }],
      },
      /more than 100000 points/,
    ],
  ])('refuses %s', (_, file, reason) => {
    const result = importExcalidraw(JSON.stringify(file), options());
    expect(result.ok ? 'imported' : result.reason).toMatch(reason);
  });

  it('accepts Excalidraw clipboard JSON and a file without version or elements', () => {
    expect(parseExcalidraw('{"type":"excalidraw/clipboard","elements":[]}').ok).toBe(true);
    const empty = importExcalidraw('\uFEFF{"type":"excalidraw"}', options());
    expect(empty.ok && empty.value.report).toMatchObject({
      version: null,
      elements: 0,
      strokes: 0,
      objects: 0,
    });
  });

  it('refuses files over the size cap before parsing', () => {
    const result = parseExcalidraw(' '.repeat(50 * 1024 * 1024 + 1));
    expect(result).toEqual({ ok: false, reason: 'The file is larger than 50 MB.' });
  });
});

describe('colours', () => {
  it.each([
    ['#1e1e1e', '#1e1e1e'],
    ['#ABC', '#aabbcc'],
    ['#11223380', '#11223380'],
    ['red', '#ff0000'],
    ['rgb(10, 20, 30)', '#0a141e'],
    ['rgba(10 20 30 / 50%)', '#0a141e80'],
    ['transparent', '#00000000'],
  ])('%s → %s', (css, stored) => {
    expect(toStoredColour(parseCssColour(css)!)).toBe(stored);
  });

  it('does not guess unknown colours', () => {
    expect(parseCssColour('var(--x)')).toBeNull();
    expect(parseCssColour('#12')).toBeNull();
  });
});
