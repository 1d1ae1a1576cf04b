import { describe, expect, it } from 'vitest';
import { liveChunk, LiveStrokeBuffer, type LiveStrokeStyle } from '../../../shared/sketch/liveStroke.js';

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
});
