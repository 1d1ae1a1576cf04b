import { describe, expect, it } from 'vitest';
import { decodeStroke, encodeStroke } from '../../../shared/sketch/strokeCodec.js';
import { mulberry32 } from '../../../shared/random.js';
import { syntheticSketch } from '../../../shared/sketch/synthetic.js';

describe('synthetic sketchnote', () => {
  it('is deterministic and grows by prefix', () => {
    const a = syntheticSketch(300, { seed: 5 });
    const b = syntheticSketch(300, { seed: 5 });
    const bigger = syntheticSketch(900, { seed: 5 });
    expect(a).toEqual(b);
    expect(bigger.slice(0, 300)).toEqual(a);
    expect(syntheticSketch(300, { seed: 6 })).not.toEqual(a);
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it('spreads strokes of 40 to 120 pressure points over the A0 sheet, with every brush', () => {
    const strokes = syntheticSketch(3000);
    expect(strokes).toHaveLength(3000);
    const brushes = new Set<string>();
    let [minX, maxX, minY, maxY, minN, maxN, minP, maxP] = [
      Infinity,
      -Infinity,
      Infinity,
      -Infinity,
      Infinity,
      0,
      Infinity,
      0,
    ];
    for (const s of strokes) {
      const n = s.points.xyp.length / 3;
      [minN, maxN] = [Math.min(minN, n), Math.max(maxN, n)];
      brushes.add(s.brush);
      for (let i = 0; i < s.points.xyp.length; i += 3) {
        const [x, y, p] = [s.points.xyp[i]!, s.points.xyp[i + 1]!, s.points.xyp[i + 2]!];
        [minX, maxX, minY, maxY, minP, maxP] = [
          Math.min(minX, x),
          Math.max(maxX, x),
          Math.min(minY, y),
          Math.max(maxY, y),
          Math.min(minP, p),
          Math.max(maxP, p),
        ];
      }
    }
    expect([minN, maxN]).toEqual([40, 120]);
    expect(minP).toBeGreaterThan(0);
    expect(maxP).toBeLessThanOrEqual(1);
    expect(minY).toBeGreaterThanOrEqual(0);
    expect([...brushes].sort()).toEqual(['brushpen', 'fineliner', 'highlighter', 'marker']);
    expect(minX).toBeGreaterThanOrEqual(0);
    expect(maxX).toBeLessThanOrEqual(4494);
    expect(maxY).toBeLessThanOrEqual(3179);
    // 3,000 strokes already reach across most of the sheet.
    expect(maxX - minX).toBeGreaterThan(2000);
  });

  it('produces strokes the codec stores and reads back', () => {
    for (const s of syntheticSketch(200, { seed: 9 })) {
      const result = decodeStroke(s.id, encodeStroke(s));
      expect(result.ok).toBe(true);
    }
  });
});
