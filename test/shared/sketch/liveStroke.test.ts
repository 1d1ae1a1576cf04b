import { describe, expect, it } from 'vitest';
import {
  LIVE_OVERLAP_POINTS,
  liveChunk,
  liveChunkStart,
  LiveStrokeBuffer,
  type LiveStrokeStyle,
} from '../../../shared/sketch/liveStroke.js';

const style: LiveStrokeStyle = {
  brush: 'brushpen',
  colour: '#0b6e99',
  size: 7,
  pressureOn: true,
  smoothing: 0.4,
  layer: 'drawing',
};
const points = new Float32Array(
  Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? 0.5 + (i % 7) / 20 : i * 1.5)),
);

describe('live strokes through awareness', () => {
  it('rebuilds a stroke from chunks sent once per frame', () => {
    const buffer = new LiveStrokeBuffer();
    expect(buffer.apply(liveChunk('s1', style, points, true, 0, 4))).toBe(true);
    expect(buffer.apply(liveChunk('s1', style, points, true, 3, 7))).toBe(true);
    expect(buffer.apply(liveChunk('s1', style, points, true, 6, 10))).toBe(true);
    expect(buffer.count).toBe(10);
    expect(buffer.valid).toBe(true);
    expect(buffer.style).toEqual(style);
    for (let i = 0; i < 30; i++) {
      expect(Math.abs(buffer.xyp[i]! - points[i]!)).toBeLessThan(i % 3 === 2 ? 0.003 : 0.07);
    }
  });

  it('takes a re-sent chunk again without duplicating points', () => {
    const buffer = new LiveStrokeBuffer();
    const chunk = liveChunk('s1', style, points, true, 0, 5);
    buffer.apply(chunk);
    buffer.apply(chunk);
    expect(buffer.count).toBe(5);
  });

  it('ignores a late joiner’s gap until the next stroke starts', () => {
    const buffer = new LiveStrokeBuffer();
    expect(buffer.apply(liveChunk('s1', style, points, true, 5, 8))).toBe(false);
    expect(buffer.valid).toBe(false);
    expect(buffer.apply(liveChunk('s2', style, points, true, 0, 2))).toBe(true);
    expect(buffer.count).toBe(2);
  });

  it('clears on null (pen up) and ignores malformed values', () => {
    const buffer = new LiveStrokeBuffer();
    buffer.apply(liveChunk('s1', style, points, true, 0, 3));
    expect(buffer.apply({ id: 's1', from: 'x' })).toBe(false);
    expect(buffer.apply({ ...liveChunk('s1', style, points, true, 3, 4), points: '%%%%' })).toBe(false);
    expect(buffer.count).toBe(3);
    expect(buffer.apply(null)).toBe(true);
    expect(buffer.count).toBe(0);
    expect(buffer.valid).toBe(false);
  });

  it('keeps the whole stroke when the core passes on only some chunks (presence is state)', () => {
    // A 200-point stroke, 3 points per frame; the core sends the newest state of each batching
    // window, so the receiver sees, say, every third chunk, and never the first two.
    const long = new Float32Array(Array.from({ length: 600 }, (_, i) => (i % 3 === 2 ? 0.5 : i)));
    const buffer = new LiveStrokeBuffer();
    let published = 0;
    let frame = 0;
    for (let count = 3; count <= 200; count += 3, frame++) {
      const chunk = liveChunk('s1', style, long, true, liveChunkStart(published, count), count);
      published = count;
      if (frame % 3 === 2) {
        buffer.apply(chunk);
      }
    }
    expect(buffer.valid).toBe(true);
    expect(buffer.count).toBe(198);
    for (let i = 0; i < 198 * 3; i += 3) {
      expect(buffer.xyp[i]).toBeCloseTo(long[i]!, 0);
    }
  });

  it('repeats at most the overlap and at least the last point sent', () => {
    expect(liveChunkStart(0, 5)).toBe(0);
    expect(liveChunkStart(5, 9)).toBe(0);
    expect(liveChunkStart(100, 103)).toBe(103 - LIVE_OVERLAP_POINTS);
    // A frame with more new points than the overlap: from the last point sent.
    expect(liveChunkStart(100, 100 + 2 * LIVE_OVERLAP_POINTS)).toBe(99);
  });
});
