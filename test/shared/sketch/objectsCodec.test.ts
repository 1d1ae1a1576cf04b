import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesToBase64 } from '../../../shared/sketch/pointCodec.js';
import {
  addAsset,
  decodeAsset,
  makeAsset,
  readAsset,
  sniffImage,
} from '../../../shared/sketch/objects/assets.js';
import {
  decodeObject,
  encodeObject,
  normaliseAngle,
  type NewObject,
} from '../../../shared/sketch/objects/objectCodec.js';
import { localToScene, sceneToLocal } from '../../../shared/sketch/objects/geometry.js';
import { objectBounds } from '../../../shared/sketch/objects/objectBounds.js';
import { TINY_PNG, TINY_WEBP_LOSSLESS, rect } from './objectsFixtures.js';

describe('decodeObject', () => {
  it('reads every kind it writes', () => {
    const objects: NewObject[] = [
      rect(),
      { ...rect(), kind: 'ellipse' },
      { ...rect(), kind: 'container', shape: 'cloud' },
      { ...rect(), kind: 'banner' },
      { ...rect(), kind: 'speechBubble', tail: [-30, 140] },
      {
        ...rect(),
        kind: 'line',
        points: [
          [0, 0],
          [200, 100],
        ],
        startArrowhead: null,
        endArrowhead: null,
        closed: false,
      },
      {
        ...rect(),
        kind: 'connector',
        points: [
          [0, 0],
          [200, 100],
        ],
        startArrowhead: null,
        endArrowhead: 'arrow',
        startBinding: 'a',
        endBinding: 'b',
        endAnchor: [0, 0.5],
      },
      {
        ...rect(),
        kind: 'text',
        text: 'Hallo Welt',
        fontFamily: 'hand',
        fontSize: 32,
        align: 'center',
        containerId: 'box',
      },
      { ...rect(), kind: 'image', assetId: 'img1', flipX: true },
    ];
    for (const object of objects) {
      const json = encodeObject(object);
      const decoded = decodeObject('obj-1', json);
      expect(decoded).toEqual({ ok: true, value: { ...json, id: 'obj-1' } });
    }
  });

  it('normalises angles on write and keeps them in (−π, π]', () => {
    expect(normaliseAngle(3 * Math.PI)).toBeCloseTo(Math.PI);
    expect(normaliseAngle(-Math.PI)).toBeCloseTo(Math.PI);
    expect(encodeObject({ ...rect(), angle: 2 * Math.PI + 0.5 }).angle).toBeCloseTo(0.5);
  });

  it.each([
    ['an unknown kind', { ...encodeObject(rect()), kind: 'hologram' }, 'unknown object kind "hologram"'],
    ['an unknown version', { ...encodeObject(rect()), v: 2 }, 'unknown format version 2'],
    ['NaN', { ...encodeObject(rect()), x: NaN }, 'x:'],
    ['Infinity', { ...encodeObject(rect()), w: Infinity }, 'w:'],
    ['10^9 coordinates', { ...encodeObject(rect()), y: 1e9 }, 'y: lies beyond'],
    [
      'giant text',
      {
        ...encodeObject({
          ...rect(),
          kind: 'text',
          text: 'x',
          fontFamily: 'sans',
          fontSize: 20,
          align: 'left',
        }),
        text: 'x'.repeat(20_001),
      },
      'text: the text is longer than 20000 characters',
    ],
    [
      'an absurd font size',
      {
        ...encodeObject({
          ...rect(),
          kind: 'text',
          text: 'x',
          fontFamily: 'sans',
          fontSize: 20,
          align: 'left',
        }),
        fontSize: 1e7,
      },
      'fontSize:',
    ],
    [
      'a line point off the scene',
      {
        ...encodeObject({
          ...rect(),
          kind: 'line',
          points: [
            [0, 0],
            [1, 1],
          ],
          startArrowhead: null,
          endArrowhead: null,
        }),
        points: [
          [0, 0],
          [2_000_000, 0],
        ],
      },
      'points.1: lies beyond',
    ],
    [
      'too many points',
      {
        ...encodeObject({
          ...rect(),
          kind: 'arrow',
          points: [
            [0, 0],
            [1, 1],
          ],
          startArrowhead: null,
          endArrowhead: null,
        }),
        points: Array.from({ length: 10_001 }, (_, i) => [i, 0]),
      },
      'a line has at most 10000 points',
    ],
    [
      'a missing field',
      Object.fromEntries(Object.entries(encodeObject(rect())).filter(([k]) => k !== 'strokeColour')),
      'strokeColour:',
    ],
    ['not an object', [1, 2, 3], 'not a JSON object'],
    ['a Y.Map', new Y.Map(), 'not a JSON object'],
    ['null', null, 'not a JSON object'],
  ])('refuses %s with a reason', (_, value, reason) => {
    const result = decodeObject('obj-1', value);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('refuses a bad id and never throws on hostile values', () => {
    expect(decodeObject('no spaces allowed', encodeObject(rect()))).toEqual({
      ok: false,
      reason: 'the id is not a valid object id',
    });
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        getPrototypeOf() {
          return Object.prototype;
        },
      },
    );
    expect(decodeObject('x', hostile).ok).toBe(false);
  });

  it('encodeObject throws a RangeError naming the field', () => {
    expect(() => encodeObject({ ...rect(), opacity: 2 })).toThrow(/Invalid rect object: opacity/);
  });
});

describe('geometry', () => {
  it('maps between scene and object frame, rotation included', () => {
    const object = { ...encodeObject({ ...rect(), angle: 0.7 }), id: 'r' };
    const [sx, sy] = localToScene(object, 10, 20);
    const [lx, ly] = sceneToLocal(object, sx, sy);
    expect(lx).toBeCloseTo(10);
    expect(ly).toBeCloseTo(20);
    const square = { ...encodeObject({ ...rect(), w: 100, h: 100, angle: Math.PI / 4 }), id: 's' };
    const box = objectBounds(square);
    expect(box.width).toBeCloseTo(100 * Math.SQRT2);
  });
});

describe('assets', () => {
  it('sniffs PNG and WebP sizes and stores a valid asset', () => {
    expect(sniffImage(TINY_PNG)).toEqual({ mimeType: 'image/png', width: 4, height: 3 });
    expect(sniffImage(TINY_WEBP_LOSSLESS)).toEqual({ mimeType: 'image/webp', width: 2, height: 5 });
    const asset = makeAsset(TINY_PNG, 'image/png');
    expect(asset.ok).toBe(true);
    const doc = new Y.Doc();
    addAsset(doc, 'img1', asset.ok ? asset.value : (undefined as never));
    expect(readAsset(doc, 'img1', { verify: true })).toMatchObject({
      ok: true,
      value: { width: 4, height: 3 },
    });
  });

  it('sniffs a JPEG frame header', () => {
    // SOI, an APP0 segment, then SOF0 with height 7 and width 9.
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x07, 0x00, 0x09,
      0x01, 0x01, 0x11, 0x00,
    ]);
    expect(sniffImage(jpeg)).toEqual({ mimeType: 'image/jpeg', width: 9, height: 7 });
  });

  it('refuses SVG, mismatched types, junk and oversized data', () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    expect(makeAsset(svg)).toMatchObject({ ok: false, reason: expect.stringContaining('SVG') });
    expect(makeAsset(TINY_PNG, 'image/svg+xml')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('SVG'),
    });
    expect(makeAsset(TINY_PNG, 'image/jpeg')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('declared as image/jpeg'),
    });
    expect(makeAsset(new Uint8Array([1, 2, 3]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a PNG'),
    });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(TINY_PNG);
    expect(makeAsset(big)).toMatchObject({ ok: false, reason: expect.stringContaining('at most') });
  });

  it('verifies stored data against its claims', () => {
    const forged = {
      v: 1,
      mimeType: 'image/png',
      dataBase64: bytesToBase64(new Uint8Array(30)),
      width: 4,
      height: 3,
    };
    expect(decodeAsset('a', forged).ok).toBe(true);
    expect(decodeAsset('a', forged, { verify: true })).toMatchObject({
      ok: false,
      reason: 'the data is not a image/png image',
    });
    expect(decodeAsset('a', { ...forged, mimeType: 'image/svg+xml' }).ok).toBe(false);
  });
});
