import { COORD_LIMIT, MAX_POINTS, QUANTUM } from './sketchLayout.js';

/**
 * The binary point format of a stored stroke (documented in `sketchLayout.ts`) and a small base64
 * codec, written here because `shared/` may use neither Node's Buffer nor the DOM's atob.
 *
 * In memory a stroke's points are one Float32Array of interleaved (x, y, pressure) triples in scene
 * units. Quantised coordinates (k/8 with |k| ≤ 2^23) are exact in float32, so decoding loses nothing.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE_TABLE = (() => {
  // Indexed by UTF-16 code unit, so no character outside the alphabet can alias one inside it.
  const table = new Uint8Array(65536).fill(255);
  for (let i = 0; i < ALPHABET.length; i++) {
    table[ALPHABET.charCodeAt(i)] = i;
  }
  return table;
})();
const ENCODE_TABLE = Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** Standard base64 with padding. */
export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(Math.ceil((end - start) / 3) * 4);
    let o = 0;
    for (let i = start; i < end; i += 3) {
      const b0 = bytes[i] ?? 0;
      const b1 = i + 1 < end ? (bytes[i + 1] ?? 0) : 0;
      const b2 = i + 2 < end ? (bytes[i + 2] ?? 0) : 0;
      codes[o++] = ENCODE_TABLE[b0 >> 2] ?? 0;
      codes[o++] = ENCODE_TABLE[((b0 & 3) << 4) | (b1 >> 4)] ?? 0;
      codes[o++] = i + 1 < end ? (ENCODE_TABLE[((b1 & 15) << 2) | (b2 >> 6)] ?? 0) : 61;
      codes[o++] = i + 2 < end ? (ENCODE_TABLE[b2 & 63] ?? 0) : 61;
    }
    out.push(String.fromCharCode.apply(null, codes));
  }
  return out.join('');
}

/** Decodes standard padded base64; null if the text is not exactly that. */
export function base64ToBytes(text: string): Uint8Array | null {
  const length = text.length;
  if (length % 4 !== 0) {
    return null;
  }
  let padding = 0;
  if (length > 0 && text.charCodeAt(length - 1) === 61) {
    padding = text.charCodeAt(length - 2) === 61 ? 2 : 1;
  }
  const bytes = new Uint8Array((length / 4) * 3 - padding);
  const table = DECODE_TABLE;
  // All full groups but the last, which may carry padding.
  const full = length - (padding > 0 ? 4 : 0);
  let o = 0;
  let bad = 0;
  for (let i = 0; i < full; i += 4) {
    const v0 = table[text.charCodeAt(i)] ?? 0;
    const v1 = table[text.charCodeAt(i + 1)] ?? 0;
    const v2 = table[text.charCodeAt(i + 2)] ?? 0;
    const v3 = table[text.charCodeAt(i + 3)] ?? 0;
    bad |= v0 | v1 | v2 | v3;
    const triple = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    bytes[o] = triple >> 16;
    bytes[o + 1] = triple >> 8;
    bytes[o + 2] = triple;
    o += 3;
  }
  if (padding > 0) {
    const v0 = table[text.charCodeAt(full)] ?? 0;
    const v1 = table[text.charCodeAt(full + 1)] ?? 0;
    const v2 = padding === 2 ? 0 : (table[text.charCodeAt(full + 2)] ?? 0);
    bad |= v0 | v1 | v2;
    const triple = (v0 << 18) | (v1 << 12) | (v2 << 6);
    bytes[o++] = triple >> 16;
    if (padding === 1) {
      bytes[o] = triple >> 8;
    }
  }
  // Any character outside the alphabet shows as 255 in the table.
  if (bad > 63) {
    return null;
  }
  return bytes;
}

/** Points as stored and decoded: interleaved x, y, pressure. */
export interface StrokePoints {
  /** x0, y0, p0, x1, y1, p1, … in scene units; pressure 0..1 (0.5 throughout without real pressure). */
  xyp: Float32Array;
  /** Whether the input had real pressure (a pen), as opposed to a mouse's constant 0.5. */
  hasPressure: boolean;
  /** The points' bounding box and mean pressure, when the decoder computed them on the way. */
  summary?: PointsSummary;
}

interface PointsSummary {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  meanPressure: number;
}

/** The native base64 decoder (Chromium 140+, Node 25+), where there is one. */
interface NativeBase64 {
  setFromBase64?: (this: Uint8Array, text: string) => { read: number; written: number };
}
const nativeSetFromBase64 = (Uint8Array.prototype as NativeBase64).setFromBase64;
let scratch = new Uint8Array(4096);

/** Decodes into a reused buffer (valid until the next call); the native decoder when available. */
function decodeScratch(text: string, length: number): Uint8Array | null {
  if (scratch.length < length) {
    scratch = new Uint8Array(Math.max(length, scratch.length * 2));
  }
  if (nativeSetFromBase64) {
    const target = scratch.subarray(0, length);
    try {
      const { read, written } = nativeSetFromBase64.call(target, text);
      return read === text.length && written === length ? target : null;
    } catch {
      return null;
    }
  }
  const bytes = base64ToBytes(text);
  return bytes && bytes.length === length ? bytes : null;
}

const INT16_MAX = 32767;

/**
 * Encodes points (x, y, pressure triples) to the stored base64 text. Throws a RangeError on
 * coordinates that are not finite or beyond ±COORD_LIMIT: our own code must never produce them.
 * Returns the point count actually stored, which exceeds the input's when a step was too long for
 * 16 bits and had to be bridged.
 */
export function encodePoints(xyp: ArrayLike<number>, hasPressure: boolean): { n: number; points: string } {
  const count = Math.floor(xyp.length / 3);
  if (count < 1) {
    throw new RangeError('A stroke needs at least one point.');
  }
  const qx: number[] = [];
  const qy: number[] = [];
  const qp: number[] = [];
  const limit = COORD_LIMIT * QUANTUM;
  for (let i = 0; i < count; i++) {
    const x = xyp[i * 3] ?? 0;
    const y = xyp[i * 3 + 1] ?? 0;
    const p = xyp[i * 3 + 2] ?? 0;
    if (
      !Number.isFinite(x) ||
      !Number.isFinite(y) ||
      Math.abs(x * QUANTUM) > limit ||
      Math.abs(y * QUANTUM) > limit
    ) {
      throw new RangeError(`Point ${i} (${x}, ${y}) is not a finite scene coordinate within ±2^20.`);
    }
    const x8 = Math.round(x * QUANTUM);
    const y8 = Math.round(y * QUANTUM);
    const p8 = hasPressure ? Math.round(Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0.5)) * 255) : 128;
    if (i > 0) {
      const px = qx[qx.length - 1] ?? 0;
      const py = qy[qy.length - 1] ?? 0;
      const pp = qp[qp.length - 1] ?? 0;
      const steps = Math.ceil(Math.max(Math.abs(x8 - px), Math.abs(y8 - py)) / INT16_MAX);
      for (let s = 1; s < steps; s++) {
        qx.push(px + Math.round(((x8 - px) * s) / steps));
        qy.push(py + Math.round(((y8 - py) * s) / steps));
        qp.push(Math.round(pp + ((p8 - pp) * s) / steps));
      }
    }
    qx.push(x8);
    qy.push(y8);
    qp.push(p8);
  }
  const n = qx.length;
  const bytes = new Uint8Array(9 + 4 * (n - 1) + (hasPressure ? n : 0));
  const view = new DataView(bytes.buffer);
  view.setUint8(0, hasPressure ? 1 : 0);
  view.setInt32(1, qx[0] ?? 0, true);
  view.setInt32(5, qy[0] ?? 0, true);
  let o = 9;
  for (let i = 1; i < n; i++) {
    view.setInt16(o, (qx[i] ?? 0) - (qx[i - 1] ?? 0), true);
    view.setInt16(o + 2, (qy[i] ?? 0) - (qy[i - 1] ?? 0), true);
    o += 4;
  }
  if (hasPressure) {
    for (let i = 0; i < n; i++) {
      bytes[o++] = qp[i] ?? 0;
    }
  }
  return { n, points: bytesToBase64(bytes) };
}

/** Decoded points, or the reason they were refused. Never throws. */
export type PointsResult = { ok: true; points: StrokePoints } | { ok: false; reason: string };

/** Decodes `n` points from their base64 text, checking length, flags and coordinate range. */
export function decodePoints(n: number, text: string): PointsResult {
  if (!Number.isInteger(n) || n < 1 || n > MAX_POINTS) {
    return { ok: false, reason: `point count ${n} is outside 1..${MAX_POINTS}` };
  }
  const withoutPressure = 9 + 4 * (n - 1);
  const withPressure = withoutPressure + n;
  // Check the length before decoding, so a forged count or huge text costs nothing.
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const length = text.length % 4 === 0 ? (text.length / 4) * 3 - padding : -1;
  if (length !== withoutPressure && length !== withPressure) {
    return { ok: false, reason: `points text has ${text.length} characters, not what ${n} points need` };
  }
  const b = decodeScratch(text, length);
  if (b === null) {
    return { ok: false, reason: 'points are not valid base64 of the expected length' };
  }
  const flags = b[0] ?? 0;
  if ((flags & ~1) !== 0) {
    return { ok: false, reason: `unknown point flags ${flags}` };
  }
  const hasPressure = (flags & 1) === 1;
  if (length !== (hasPressure ? withPressure : withoutPressure)) {
    return { ok: false, reason: 'point data length does not match the pressure flag' };
  }
  const limit = COORD_LIMIT * QUANTUM;
  const xyp = new Float32Array(n * 3);
  const view = new DataView(b.buffer, b.byteOffset, length);
  const scale = 1 / QUANTUM;
  let x = view.getInt32(1, true);
  let y = view.getInt32(5, true);
  let minX = x;
  let maxX = x;
  let minY = y;
  let maxY = y;
  let pressureSum = 0;
  xyp[0] = x * scale;
  xyp[1] = y * scale;
  // Little-endian Int16 steps after the first point, then (maybe) one pressure byte per point.
  for (let i = 1, o = 9, j = 3; i < n; i++, o += 4, j += 3) {
    x += view.getInt16(o, true);
    y += view.getInt16(o + 2, true);
    if (x < minX) {
      minX = x;
    } else if (x > maxX) {
      maxX = x;
    }
    if (y < minY) {
      minY = y;
    } else if (y > maxY) {
      maxY = y;
    }
    xyp[j] = x * scale;
    xyp[j + 1] = y * scale;
  }
  if (hasPressure) {
    for (let i = 0, o = withoutPressure; i < n; i++, o++) {
      const p = view.getUint8(o) / 255;
      xyp[i * 3 + 2] = p;
      pressureSum += p;
    }
  } else {
    for (let i = 0; i < n; i++) {
      xyp[i * 3 + 2] = 0.5;
    }
    pressureSum = 0.5 * n;
  }
  // Steps are at most 2^15 each, so checking the box once covers every point.
  if (maxX > limit || minX < -limit || maxY > limit || minY < -limit) {
    return { ok: false, reason: 'a point lies outside ±2^20 scene units' };
  }
  return {
    ok: true,
    points: {
      xyp,
      hasPressure,
      summary: {
        minX: minX * scale,
        minY: minY * scale,
        maxX: maxX * scale,
        maxY: maxY * scale,
        meanPressure: pressureSum / n,
      },
    },
  };
}
