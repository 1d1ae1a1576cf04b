import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changeSheetFormat, planFormatChange } from '../../../../shared/sketch/edit/sheetFormat.js';
import { applyAffine } from '../../../../shared/sketch/edit/transform.js';
import { readSketchScene } from '../../../../shared/sketch/objects/sketchScene.js';
import { readSheetMeta, sheetRect, SHEET_SIZES } from '../../../../shared/sketch/sketchLayout.js';
import { encodeStroke } from '../../../../shared/sketch/strokeCodec.js';
import { strokesMap } from '../../../../shared/sketch/sketchLayout.js';

/** A stroke JSON from (x, y) points, as the engine stores it. */
function stroke(points: Array<[number, number]>): unknown {
  const xyp = new Float32Array(points.flatMap(([x, y]) => [x, y, 0.5]));
  return encodeStroke({
    brush: 'fineliner',
    colour: '#000000',
    size: 3,
    pressureOn: false,
    smoothing: 0.5,
    layer: 'drawing',
    author: 'tester',
    createdAt: 1,
    z: 0,
    points: { xyp, hasPressure: false },
  });
}

describe('changing a drawn sheet’s format', () => {
  it('leaves a drawing that fits the new paper alone, and an empty or infinite sheet too', () => {
    expect(planFormatChange({ x: 10, y: 10, width: 100, height: 100 }, 'screen').kind).toBe('fits');
    expect(planFormatChange(null, 'a4').kind).toBe('fits');
    expect(planFormatChange({ x: -5000, y: 0, width: 90000, height: 10 }, 'infinite').kind).toBe('fits');
  });

  it('fits a drawing that sticks out onto the new paper, uniformly scaled and centred', () => {
    const a0 = sheetRect('a0')!;
    const content = { x: 100, y: 100, width: a0.width - 200, height: a0.height - 200 };
    const change = planFormatChange(content, 'screen');
    expect(change.kind).toBe('outside');
    if (change.kind !== 'outside') {
      return;
    }
    const paper = sheetRect('screen')!;
    const [x0, y0] = applyAffine(change.fit, content.x, content.y);
    const [x1, y1] = applyAffine(change.fit, content.x + content.width, content.y + content.height);
    // Inside the paper, with a margin, centred, and not distorted.
    expect(x0).toBeGreaterThan(paper.x);
    expect(y0).toBeGreaterThan(paper.y);
    expect(x1).toBeLessThan(paper.x + paper.width);
    expect(y1).toBeLessThan(paper.y + paper.height);
    expect((x0 + x1) / 2).toBeCloseTo(paper.x + paper.width / 2, 6);
    expect((y0 + y1) / 2).toBeCloseTo(paper.y + paper.height / 2, 6);
    expect((x1 - x0) / content.width).toBeCloseTo((y1 - y0) / content.height, 9);
    expect(change.scale).toBeCloseTo((x1 - x0) / content.width, 9);
  });

  it('writes the format and the fitted drawing in one transaction, so everything lands on the paper', () => {
    const doc = new Y.Doc();
    const a0 = SHEET_SIZES.a0;
    strokesMap(doc).set(
      's1',
      stroke([
        [50, 50],
        [a0.width - 50, a0.height - 50],
      ]),
    );
    strokesMap(doc).set(
      's2',
      stroke([
        [a0.width / 2, 80],
        [a0.width / 2, 400],
      ]),
    );
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));
    const change = planFormatChange({ x: 50, y: 50, width: a0.width - 100, height: a0.height - 100 }, 'a4');
    expect(change.kind).toBe('outside');
    changeSheetFormat(doc, 'a4', change.kind === 'outside' ? change.fit : null);
    expect(transactions).toBe(1);
    expect(readSheetMeta(doc).format).toBe('a4');
    const paper = sheetRect('a4')!;
    for (const s of readSketchScene(doc).strokes) {
      for (let i = 0; i < s.points.xyp.length / 3; i++) {
        const x = s.points.xyp[i * 3]!;
        const y = s.points.xyp[i * 3 + 1]!;
        expect(x).toBeGreaterThanOrEqual(paper.x);
        expect(y).toBeGreaterThanOrEqual(paper.y);
        expect(x).toBeLessThanOrEqual(paper.x + paper.width);
        expect(y).toBeLessThanOrEqual(paper.y + paper.height);
      }
    }
  });

  it('changes only the format when asked to keep the drawing where it is', () => {
    const doc = new Y.Doc();
    strokesMap(doc).set(
      's1',
      stroke([
        [50, 50],
        [5000, 3000],
      ]),
    );
    changeSheetFormat(doc, 'a4', null);
    expect(readSheetMeta(doc).format).toBe('a4');
    const [s] = readSketchScene(doc).strokes;
    const xs = Array.from(s!.points.xyp).filter((_v, i) => i % 3 === 0);
    expect(Math.max(...xs)).toBe(5000);
  });
});
