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
      const b0 = bytes[i]!;
      const b1 = i + 1 < end ? bytes[i + 1]! : 0;
      const b2 = i + 2 < end ? bytes[i + 2]! : 0;
      codes[o++] = ENCODE_TABLE[b0 >> 2]!;
      codes[o++] = ENCODE_TABLE[((b0 & 3) << 4) | (b1 >> 4)]!;
      codes[o++] = i + 1 < end ? ENCODE_TABLE[((b1 & 15) << 2) | (b2 >> 6)]! : 61;
      codes[o++] = i + 2 < end ? ENCODE_TABLE[b2 & 63]! : 61;
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
    const v0 = table[text.charCodeAt(i)]!;
    const v1 = table[text.charCodeAt(i + 1)]!;
    const v2 = table[text.charCodeAt(i + 2)]!;
    const v3 = table[text.charCodeAt(i + 3)]!;
    bad |= v0 | v1 | v2 | v3;
    const triple = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    bytes[o] = triple >> 16;
    bytes[o + 1] = triple >> 8;
    bytes[o + 2] = triple;
    o += 3;
  }
  if (padding > 0) {
    const v0 = table[text.charCodeAt(full)]!;
    const v1 = table[text.charCodeAt(full + 1)]!;
    const v2 = padding === 2 ? 0 : table[text.charCodeAt(full + 2)]!;
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
    const x = xyp[i * 3]!;
    const y = xyp[i * 3 + 1]!;
    const p = xyp[i * 3 + 2]!;
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x * QUANTUM) > limit || Math.abs(y * QUANTUM) > limit) {
      throw new RangeError(`Point ${i} (${x}, ${y}) is not a finite scene coordinate within ±2^20.`);
    }
    const x8 = Math.round(x * QUANTUM);
    const y8 = Math.round(y * QUANTUM);
    const p8 = hasPressure ? Math.round(Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0.5)) * 255) : 128;
    if (i > 0) {
      const px = qx[qx.length - 1]!;
      const py = qy[qy.length - 1]!;
      const pp = qp[qp.length - 1]!;
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
  view.setInt32(1, qx[0]!, true);
  view.setInt32(5, qy[0]!, true);
  let o = 9;
  for (let i = 1; i < n; i++) {
    view.setInt16(o, qx[i]! - qx[i - 1]!, true);
    view.setInt16(o + 2, qy[i]! - qy[i - 1]!, true);
    o += 4;
  }
  if (hasPressure) {
    for (let i = 0; i < n; i++) {
      bytes[o++] = qp[i]!;
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
  if (text.length !== Math.ceil(withoutPressure / 3) * 4 && text.length !== Math.ceil(withPressure / 3) * 4) {
    return { ok: false, reason: `points text has ${text.length} characters, not what ${n} points need` };
  }
  const bytes = base64ToBytes(text);
  if (bytes === null) {
    return { ok: false, reason: 'points are not valid base64' };
  }
  const flags = bytes[0]!;
  if ((flags & ~1) !== 0) {
    return { ok: false, reason: `unknown point flags ${flags}` };
  }
  const hasPressure = (flags & 1) === 1;
  if (bytes.length !== (hasPressure ? withPressure : withoutPressure)) {
    return { ok: false, reason: 'point data length does not match the pressure flag' };
  }
  const limit = COORD_LIMIT * QUANTUM;
  const xyp = new Float32Array(n * 3);
  const b = bytes;
  let x = b[1]! | (b[2]! << 8) | (b[3]! << 16) | (b[4]! << 24);
  let y = b[5]! | (b[6]! << 8) | (b[7]! << 16) | (b[8]! << 24);
  const pressureAt = withoutPressure;
  const scale = 1 / QUANTUM;
  let o = 9;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Little-endian Int16 steps, sign-extended.
      x += ((b[o]! | (b[o + 1]! << 8)) << 16) >> 16;
      y += ((b[o + 2]! | (b[o + 3]! << 8)) << 16) >> 16;
      o += 4;
    }
    if (x > limit || x < -limit || y > limit || y < -limit) {
      return { ok: false, reason: `point ${i} lies outside ±2^20 scene units` };
    }
    const j = i * 3;
    xyp[j] = x * scale;
    xyp[j + 1] = y * scale;
    xyp[j + 2] = hasPressure ? b[pressureAt + i]! / 255 : 0.5;
  }
  return { ok: true, points: { xyp, hasPressure } };
}
