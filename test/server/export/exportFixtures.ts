import * as Y from 'yjs';
import { addAsset } from '../../../shared/sketch/objects/assets.js';
import { addObject } from '../../../shared/sketch/objects/objectEdits.js';
import type { NewObject } from '../../../shared/sketch/objects/objectCodec.js';
import { metaMap, strokesMap, type SheetFormat } from '../../../shared/sketch/sketchLayout.js';
import { encodeStroke, type Stroke } from '../../../shared/sketch/strokeCodec.js';
import { rect, TINY_PNG_BASE64 } from '../../shared/sketch/objectsFixtures.js';

/** A stroke of the given brush through points (pen pressure rising and falling). */
export function stroke(id: string, points: Array<[number, number]>, patch: Partial<Stroke> = {}): Stroke {
  const xyp = new Float32Array(points.length * 3);
  points.forEach(([x, y], i) => {
    xyp[i * 3] = x;
    xyp[i * 3 + 1] = y;
    xyp[i * 3 + 2] = 0.3 + 0.5 * Math.sin((i / Math.max(1, points.length - 1)) * Math.PI);
  });
  return {
    id,
    brush: 'fineliner',
    colour: '#1e3a8a',
    size: 6,
    pressureOn: true,
    smoothing: 0.5,
    layer: 'drawing',
    author: 'anna',
    createdAt: 1_747_731_600_000,
    z: 1,
    points: { xyp, hasPressure: true },
    ...patch,
  };
}

/** Points along a line from a to b. */
export function line(a: [number, number], b: [number, number], n = 40): Array<[number, number]> {
  return Array.from({ length: n }, (_, i): [number, number] => [
    a[0] + ((b[0] - a[0]) * i) / (n - 1),
    a[1] + ((b[1] - a[1]) * i) / (n - 1),
  ]);
}

/** A sketch document with a sheet format, strokes and objects. */
export function sketchDoc(
  format: SheetFormat,
  strokes: Stroke[],
  objects: Array<[string, NewObject]> = [],
  background = '#fffdf5',
): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('format', format);
    metaMap(doc).set('background', background);
    for (const s of strokes) {
      const { id, ...rest } = s;
      strokesMap(doc).set(id, encodeStroke(rest));
    }
    if (objects.some(([, o]) => o.kind === 'image')) {
      addAsset(doc, 'img1', {
        v: 1,
        mimeType: 'image/png',
        dataBase64: TINY_PNG_BASE64,
        width: 4,
        height: 3,
      });
    }
    for (const [id, object] of objects) {
      addObject(doc, id, object);
    }
  });
  return doc;
}

/** An A4 sketch with one of every kind of thing: strokes of each brush, shapes, an arrow, texts, an image. */
export function showcaseDoc(): Y.Doc {
  const base = rect();
  const objects: Array<[string, NewObject]> = [
    ['r1', rect({ x: 80, y: 420, w: 220, h: 140, fillColour: '#fde68a', style: 'clean', z: 2 })],
    [
      'e1',
      {
        ...base,
        kind: 'ellipse',
        x: 360,
        y: 420,
        w: 200,
        h: 140,
        fillColour: '#bbf7d0',
        fillStyle: 'hachure',
        z: 3,
      },
    ],
    ['sb', { ...base, kind: 'speechBubble', x: 620, y: 400, w: 240, h: 130, tail: [40, 190], z: 4 }],
    ['bn', { ...base, kind: 'banner', x: 80, y: 620, w: 420, h: 80, fillColour: '#fecaca', z: 5 }],
    ['cl', { ...base, kind: 'container', shape: 'cloud', x: 560, y: 600, w: 240, h: 150, z: 6 }],
    [
      'ar',
      {
        ...base,
        kind: 'arrow',
        x: 900,
        y: 420,
        w: 160,
        h: 200,
        points: [
          [0, 0],
          [160, 200],
        ],
        startArrowhead: null,
        endArrowhead: 'triangle',
        strokeStyle: 'dashed',
        z: 7,
      },
    ],
    [
      't1',
      {
        ...base,
        kind: 'text',
        x: 80,
        y: 40,
        w: 900,
        h: 60,
        text: 'Stadtgespräch: Straßen für alle',
        fontFamily: 'hand',
        fontSize: 48,
        align: 'left',
        strokeColour: '#111827',
        z: 8,
      },
    ],
    [
      't2',
      {
        ...base,
        kind: 'text',
        x: 0,
        y: 0,
        w: 10,
        h: 10,
        text: 'Łódź & Kraków\nzwei Zeilen',
        fontFamily: 'serif',
        fontSize: 20,
        align: 'center',
        containerId: 'sb',
        strokeColour: '#1f2937',
        z: 9,
      },
    ],
    [
      't3',
      {
        ...base,
        kind: 'text',
        x: 80,
        y: 120,
        w: 600,
        h: 40,
        text: 'Atkinson sans, rotated',
        fontFamily: 'sans',
        fontSize: 28,
        align: 'left',
        angle: 0.1,
        strokeColour: '#7c2d12',
        z: 10,
      },
    ],
    ['im', { ...base, kind: 'image', x: 900, y: 80, w: 160, h: 120, assetId: 'img1', z: 11 }],
  ];
  const strokes = [
    stroke('s1', line([80, 220], [1040, 240]), { brush: 'brushpen', size: 10, z: 12 }),
    stroke('s2', line([80, 300], [1040, 330]), { brush: 'marker', colour: '#dc2626', size: 12, z: 13 }),
    stroke('s3', line([80, 360], [1040, 370]), { brush: 'highlighter', colour: '#facc15', size: 24, z: 14 }),
    stroke('s4', line([100, 150], [1000, 760], 80), { brush: 'fineliner', size: 4, z: 15 }),
  ];
  return sketchDoc('a4', strokes, objects);
}
