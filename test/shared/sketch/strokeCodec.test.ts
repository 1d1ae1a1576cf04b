import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  decodePoints,
  encodePoints,
} from '../../../shared/sketch/pointCodec.js';
import {
  COORD_LIMIT,
  MAX_POINTS,
  pointsBase64Length,
  QUANTUM,
  strokeJsonSchema,
  type StrokeJson,
} from '../../../shared/sketch/sketchLayout.js';
import {
  decodeStroke,
  encodeStroke,
  splitPoints,
  surelyValid,
  type Stroke,
} from '../../../shared/sketch/strokeCodec.js';
import { mulberry32 } from '../../../shared/random.js';
import { syntheticSketch } from '../../../shared/sketch/synthetic.js';

function stroke(xyp: number[], hasPressure = true): Omit<Stroke, 'id'> {
  return {
    brush: 'fineliner',
    colour: '#1d1d1f',
    size: 3,
    pressureOn: true,
    smoothing: 0.5,
    layer: 'drawing',
    author: 'user-1',
    createdAt: 1_780_000_000_000,
    z: 7,
    points: { xyp: new Float32Array(xyp), hasPressure },
  };
}

function valid(): StrokeJson {
  return encodeStroke(stroke([10, 20, 0.3, 11.5, 21.25, 0.6, 13, 19, 0.9]));
}

function reason(value: unknown, id = 'abc'): string {
  const result = decodeStroke(id, value);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.reason;
}

describe('base64', () => {
  it('matches Node’s encoder for every length and decodes back', () => {
    const random = mulberry32(3);
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it('refuses text that is not padded base64', () => {
    expect(base64ToBytes('abc')).toBeNull();
    expect(base64ToBytes('ab$=')).toBeNull();
    expect(base64ToBytes('ŁŁŁŁ')).toBeNull();
    expect(base64ToBytes('AAAA\u0141AAA')).toBeNull();
  });
});

describe('encodeStroke / decodeStroke', () => {
  it('round-trips points within the 1/8-unit quantum and pressure within 1/255', () => {
    const input = [10.01, 20.02, 0.31, 1000.5, -2000.26, 0.77, 1003.3, -1999.9, 1];
    const json = encodeStroke(stroke(input));
    expect(json).toMatchObject({ v: 1, brush: 'fineliner', n: 3, z: 7, author: 'user-1' });
    expect(json.points.length).toBe(pointsBase64Length(3, true));
    const result = decodeStroke('s1', json);
    if (!result.ok) {
      throw new Error(result.reason);
    }
    const { xyp, hasPressure } = result.stroke.points;
    expect(hasPressure).toBe(true);
    for (let i = 0; i < input.length; i++) {
      const tolerance = i % 3 === 2 ? 0.5 / 255 : 0.5 / QUANTUM;
      expect(Math.abs(xyp[i]! - input[i]!)).toBeLessThanOrEqual(tolerance + 1e-9);
    }
    expect(result.stroke).toMatchObject({
      id: 's1',
      size: 3,
      layer: 'drawing',
      createdAt: 1_780_000_000_000,
    });
  });

  it('stores the extremes of the coordinate range exactly', () => {
    const edge = COORD_LIMIT - 1 / QUANTUM;
    const result = decodeStroke('edge', encodeStroke(stroke([-edge, edge, 0, -edge + 1, edge, 1])));
    expect(result.ok && Array.from(result.stroke.points.xyp)).toEqual([-edge, edge, 0, -edge + 1, edge, 1]);
  });

  it('tells a pressure plane from none where both give the same text length', () => {
    // Two points: 13 bytes without pressure, 15 with; both are 20 base64 characters.
    for (const hasPressure of [true, false]) {
      const result = decodeStroke('two', encodeStroke(stroke([1, 2, 0.2, 3, 4, 0.9], hasPressure)));
      expect(result.ok && result.stroke.points.hasPressure).toBe(hasPressure);
    }
  });

  it('stores no pressure plane for input without real pressure, and reads 0.5', () => {
    const json = encodeStroke(stroke([0, 0, 0.5, 5, 5, 0.5], false));
    expect(json.points.length).toBe(pointsBase64Length(2, false));
    const result = decodeStroke('m', json);
    expect(result.ok && result.stroke.points.hasPressure).toBe(false);
    expect(result.ok && Array.from(result.stroke.points.xyp)).toEqual([0, 0, 0.5, 5, 5, 0.5]);
  });

  it('bridges steps too long for 16 bits with points on the straight line', () => {
    const json = encodeStroke(stroke([0, 0, 0.2, 10_000, -5_000, 0.8]));
    expect(json.n).toBe(4); // 80,000 eighths need three Int16 steps
    const result = decodeStroke('long', json);
    if (!result.ok) {
      throw new Error(result.reason);
    }
    const xyp = result.stroke.points.xyp;
    expect([xyp[0], xyp[1]]).toEqual([0, 0]);
    expect([xyp[9], xyp[10]]).toEqual([10_000, -5_000]);
    expect(xyp[3]! / xyp[4]!).toBeCloseTo(-2, 3);
  });

  it('refuses to encode what it could not store', () => {
    expect(() => encodeStroke(stroke([0, 0, 0.5, NaN, 1, 0.5]))).toThrow(RangeError);
    expect(() => encodeStroke(stroke([0, 2 ** 21, 0.5]))).toThrow(RangeError);
    expect(() => encodeStroke(stroke([]))).toThrow(RangeError);
    expect(() => encodeStroke({ ...stroke([0, 0, 0.5]), size: 10_000 })).toThrow();
  });

  it('rejects unknown versions and wrong types with a reason', () => {
    expect(reason({ ...valid(), v: 2 })).toMatch(/version 2/);
    expect(reason({ ...valid(), v: undefined })).toMatch(/version/);
    expect(reason({ ...valid(), brush: 'crayon' })).toMatch(/^brush/);
    expect(reason({ ...valid(), size: '3' })).toMatch(/^size/);
    expect(reason({ ...valid(), colour: 'red' })).toMatch(/^colour/);
    expect(reason({ ...valid(), layer: 'top' })).toMatch(/^layer/);
    expect(reason({ ...valid(), pressureOn: 1 })).toMatch(/^pressureOn/);
    expect(reason({ ...valid(), author: '' })).toMatch(/^author/);
    expect(reason({ ...valid(), points: 12 })).toMatch(/^points/);
    const withoutN: Partial<StrokeJson> = valid();
    delete withoutN.n;
    expect(reason(withoutN)).toMatch(/^n/);
    expect(reason('a string')).toMatch(/not a JSON object/);
    expect(reason([1, 2, 3])).toMatch(/not a JSON object/);
    expect(reason(null)).toMatch(/not a JSON object/);
    expect(reason(valid(), '../etc')).toMatch(/id/);
  });

  it('rejects NaN, Infinity and absurd numbers', () => {
    expect(reason({ ...valid(), size: NaN })).toMatch(/^size/);
    expect(reason({ ...valid(), size: Infinity })).toMatch(/^size/);
    expect(reason({ ...valid(), size: 1e9 })).toMatch(/^size/);
    expect(reason({ ...valid(), size: 0 })).toMatch(/^size/);
    expect(reason({ ...valid(), smoothing: -0.1 })).toMatch(/^smoothing/);
    expect(reason({ ...valid(), z: NaN })).toMatch(/^z/);
    expect(reason({ ...valid(), z: -Infinity })).toMatch(/^z/);
    expect(reason({ ...valid(), createdAt: 1.5 })).toMatch(/^createdAt/);
    expect(reason({ ...valid(), createdAt: 1e300 })).toMatch(/^createdAt/);
  });

  it('rejects claimed point counts it will not read, before decoding anything', () => {
    expect(reason({ ...valid(), n: 1e9 })).toMatch(/^n/);
    expect(reason({ ...valid(), n: MAX_POINTS + 1 })).toMatch(/^n/);
    expect(reason({ ...valid(), n: 0 })).toMatch(/^n/);
    expect(reason({ ...valid(), n: 2.5 })).toMatch(/^n/);
    // A count that does not match the text.
    expect(reason({ ...valid(), n: 5 })).toMatch(/characters/);
    expect(reason({ ...valid(), n: 4 })).toMatch(/characters/);
    // Huge text is refused by its length, not decoded.
    expect(reason({ ...valid(), points: 'A'.repeat(10_000_000) })).toMatch(/^points/);
    expect(decodePoints(1e9, 'AAAA')).toEqual({ ok: false, reason: expect.stringMatching(/point count/) });
  });

  it('rejects broken point data', () => {
    const good = valid();
    expect(reason({ ...good, points: '!' + good.points.slice(1) })).toMatch(/base64/);
    // Unknown flag bits.
    const bytes = base64ToBytes(good.points)!;
    bytes[0] = 6;
    expect(reason({ ...good, points: bytesToBase64(bytes) })).toMatch(/flags/);
    // Flag says no pressure but the length has a pressure plane.
    bytes[0] = 0;
    expect(reason({ ...good, points: bytesToBase64(bytes) })).toMatch(/pressure flag/);
  });

  it('rejects coordinates beyond ±2^20, however they are reached', () => {
    const start = new Uint8Array(9);
    const view = new DataView(start.buffer);
    view.setInt32(1, (COORD_LIMIT + 1) * QUANTUM, true);
    expect(reason({ ...valid(), n: 1, points: bytesToBase64(start) })).toMatch(/outside/);
    // Inside at the start, walked outside by steps.
    const n = 300;
    const walk = new Uint8Array(9 + 4 * (n - 1));
    const w = new DataView(walk.buffer);
    w.setInt32(1, (COORD_LIMIT - 10) * QUANTUM, true);
    for (let i = 0; i < n - 1; i++) {
      w.setInt16(9 + i * 4, 32_767, true);
    }
    expect(reason({ ...valid(), n, points: bytesToBase64(walk) })).toMatch(/outside/);
  });

  it('never throws, whatever it is given', () => {
    const random = mulberry32(99);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const values = [NaN, Infinity, -1, 0, 1e300, 'x', '', null, undefined, true, [], {}, 'AAAA', { v: 1 }];
    const base = valid() as unknown as Record<string, unknown>;
    for (let i = 0; i < 2000; i++) {
      const entry: Record<string, unknown> = { ...base };
      for (const key of Object.keys(base)) {
        if (random() < 0.2) {
          entry[key] = pick(values);
        }
      }
      if (random() < 0.3 && typeof entry['points'] === 'string') {
        const text = entry['points'];
        const at = Math.floor(random() * text.length);
        entry['points'] = text.slice(0, at) + pick(['A', '/', '=', '\u00e9', '']) + text.slice(at + 1);
      }
      expect(() => decodeStroke(pick(['ok-id', '', 'x'.repeat(65), 'a/b']), entry)).not.toThrow();
    }
  });
});

describe('the fast validity check', () => {
  it('takes the fast path for well-formed strokes', () => {
    for (const s of syntheticSketch(300, { seed: 4 })) {
      expect(surelyValid(encodeStroke(s))).toBe(true);
    }
  });

  it('never accepts what the zod schema refuses', () => {
    const random = mulberry32(7);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const odd = [
      NaN,
      Infinity,
      -Infinity,
      -1,
      0,
      0.5,
      1,
      1.5,
      2 ** 53,
      1e14,
      1e15 + 1,
      512,
      512.5,
      0.25,
      0.2,
      10_000,
      10_001,
      '',
      'x',
      '#12345',
      '#1234567',
      '#ABCDEF',
      '#abcdef12',
      'fineliner',
      'crayon',
      'drawing',
      'top',
      'a'.repeat(65),
      'ok.user@x',
      'bad user',
      null,
      undefined,
      true,
      false,
      [],
      {},
      'A'.repeat(pointsBase64Length(MAX_POINTS, true) + 1),
    ];
    const base = valid() as unknown as Record<string, unknown>;
    let fast = 0;
    for (let i = 0; i < 20_000; i++) {
      const entry: Record<string, unknown> = { ...base };
      for (const key of Object.keys(base)) {
        if (random() < 0.08) {
          entry[key] = pick(odd);
        }
      }
      if (surelyValid(entry)) {
        fast += 1;
        expect(strokeJsonSchema.safeParse(entry).success, JSON.stringify(entry).slice(0, 300)).toBe(true);
      }
    }
    expect(fast).toBeGreaterThan(1000);
  });
});

describe('splitPoints', () => {
  it('splits long strokes into connected pieces of bounded size', () => {
    const count = 4501;
    const xyp = new Float32Array(count * 3).map((_, i) => i);
    const pieces = splitPoints(xyp, 2000);
    expect(pieces.map((p) => p.length / 3)).toEqual([2000, 2000, 503]);
    // Each piece starts where the previous ended.
    expect(pieces[1]!.slice(0, 3)).toEqual(pieces[0]!.slice(-3));
    expect(pieces[2]!.slice(-3)).toEqual(xyp.slice(-3));
    expect(splitPoints(xyp.slice(0, 300))).toHaveLength(1);
  });

  it('keeps every piece decodable', () => {
    const xyp = new Float32Array(5000 * 3).map((_, i) => (i % 3 === 2 ? 0.5 : i / 10));
    for (const piece of splitPoints(xyp)) {
      const { n, points } = encodePoints(piece, true);
      expect(decodePoints(n, points).ok).toBe(true);
    }
  });
});
