import { encodeStroke, type Stroke } from '../../../shared/sketch/strokeCodec.js';
import type { StrokeJson } from '../../../shared/sketch/sketchLayout.js';
import type { NewObject } from '../../../shared/sketch/objects/objectCodec.js';
import { base64ToBytes } from '../../../shared/sketch/pointCodec.js';

/** A 4 × 3 PNG (the image in fixtures/talk.excalidraw). */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAYAAAC09K7GAAAAKklEQVR4nBXIMQEAIBDEsApDxMs5OYg4EbiCMmQJcO5SVMEYijo/tqGoeqRpHU0ZMcJKAAAAAElFTkSuQmCC';
export const TINY_PNG = base64ToBytes(TINY_PNG_BASE64) ?? new Uint8Array();

/** The header of a 2 × 5 lossless WebP (enough for the sniffer). */
export const TINY_WEBP_LOSSLESS = (() => {
  const bytes = new Uint8Array(32);
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i++) {
      bytes[at + i] = text.charCodeAt(i);
    }
  };
  ascii(0, 'RIFF');
  bytes[4] = 24;
  ascii(8, 'WEBP');
  ascii(12, 'VP8L');
  bytes[16] = 12;
  bytes[20] = 0x2f;
  // width − 1 = 1 in bits 0–13, height − 1 = 4 in bits 14–27.
  const bits = 1 | (4 << 14);
  bytes[21] = bits & 0xff;
  bytes[22] = (bits >> 8) & 0xff;
  bytes[23] = (bits >> 16) & 0xff;
  bytes[24] = (bits >> 24) & 0xff;
  return bytes;
})();

/** A plain rectangle to vary in tests. */
export function rect(
  patch: Partial<Extract<NewObject, { kind: 'rect' }>> = {},
): Extract<NewObject, { kind: 'rect' }> {
  return {
    kind: 'rect',
    x: 100,
    y: 50,
    w: 200,
    h: 120,
    angle: 0,
    style: 'handDrawn',
    strokeColour: '#1e1e1e',
    fillColour: null,
    strokeWidth: 2,
    opacity: 1,
    layer: 'drawing',
    z: 1,
    author: 'anna',
    createdAt: 1_747_731_600_000,
    ...patch,
  };
}

/** A stroke through the given points (with pen pressure 0.5). */
export function strokeThrough(
  points: Array<[number, number]>,
  patch: Partial<Omit<Stroke, 'id' | 'points'>> = {},
): StrokeJson {
  const xyp = new Float32Array(points.length * 3);
  points.forEach(([x, y], i) => {
    xyp[i * 3] = x;
    xyp[i * 3 + 1] = y;
    xyp[i * 3 + 2] = 0.5;
  });
  return encodeStroke({
    brush: 'fineliner',
    colour: '#1e1e1e',
    size: 3,
    pressureOn: true,
    smoothing: 0.5,
    layer: 'drawing',
    author: 'anna',
    createdAt: 1_747_731_600_000,
    z: 1,
    points: { xyp, hasPressure: true },
    ...patch,
  });
}

/** Ids a, b, c, … from a counter, for injected id makers. */
export function idSequence(prefix = 'n'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}
