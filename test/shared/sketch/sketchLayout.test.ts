import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { freehandOptions, paintColour } from '../../../shared/sketch/brushes.js';
import {
  layersMap,
  metaMap,
  BRUSH_KINDS,
  blendsByMultiply,
  paintRank,
  readLayerSettings,
  readSheetMeta,
  sheetRect,
  sheetScale,
} from '../../../shared/sketch/sketchLayout.js';

describe('sketch document layout', () => {
  it('reads the sheet with defaults for missing or malformed values', () => {
    const doc = new Y.Doc();
    expect(readSheetMeta(doc)).toEqual({ format: 'a0', background: '#ffffff' });
    metaMap(doc).set('format', 'a3');
    metaMap(doc).set('background', 'not a colour');
    expect(readSheetMeta(doc)).toEqual({ format: 'a3', background: '#ffffff' });
    expect(sheetRect('a3')).toEqual({ x: 0, y: 0, width: 1587, height: 1123 });
    expect(sheetRect('infinite')).toBeNull();
  });

  it('reads layer settings, tolerating broken entries', () => {
    const doc = new Y.Doc();
    layersMap(doc).set('background', { visible: false, locked: true, opacity: 0.5 });
    layersMap(doc).set('annotations', 'garbage');
    layersMap(doc).set('drawing', { visible: true, opacity: NaN });
    expect(readLayerSettings(doc)).toEqual({
      background: { visible: false, locked: true, opacity: 0.5 },
      drawing: { visible: true, locked: false, opacity: 1 },
      annotations: { visible: true, locked: false, opacity: 1 },
    });
  });

  it('paints layers bottom to top; within a layer highlighters by z like ink, blended by multiply', () => {
    expect(paintRank('background', 'fineliner')).toBeLessThan(paintRank('drawing', 'highlighter'));
    expect(paintRank('drawing', 'highlighter')).toBe(paintRank('drawing', 'marker'));
    expect(paintRank('drawing', 'fineliner')).toBeLessThan(paintRank('annotations', 'highlighter'));
    expect(BRUSH_KINDS.filter(blendsByMultiply)).toEqual(['highlighter']);
  });
});

describe('brushes', () => {
  it('maps pressure on/off and smoothing to perfect-freehand options', () => {
    const pen = freehandOptions({ brush: 'brushpen', size: 7, pressureOn: true, smoothing: 1 }, true);
    expect(pen).toMatchObject({ size: 7, thinning: 0.7, simulatePressure: false, streamline: 0.85 });
    expect(
      freehandOptions({ brush: 'brushpen', size: 7, pressureOn: true, smoothing: 0 }, false).simulatePressure,
    ).toBe(true);
    expect(
      freehandOptions({ brush: 'brushpen', size: 7, pressureOn: false, smoothing: 0 }, true),
    ).toMatchObject({
      thinning: 0,
      simulatePressure: false,
      streamline: 0.15,
    });
    expect(
      freehandOptions({ brush: 'highlighter', size: 24, pressureOn: true, smoothing: 0.5 }, true).thinning,
    ).toBe(0);
  });

  it('paints the highlighter translucent', () => {
    expect(paintColour('#ffd400', 'highlighter')).toBe('rgba(255,212,0,0.35)');
    expect(paintColour('#1d1d1f', 'fineliner')).toBe('#1d1d1f');
    expect(paintColour('#1d1d1f80', 'marker')).toBe('rgba(29,29,31,0.502)');
  });

  it('scales pens and type with the sheet: A3 sizes, bigger on A0, finer on A4, as-is on an infinite canvas', () => {
    expect(sheetScale('a3')).toBe(1);
    expect(sheetScale('infinite')).toBe(1);
    // A 3 px pen on A0 draws about 8.5 units: a marker line on a poster, not a hairline.
    expect(3 * sheetScale('a0')).toBeCloseTo(8.49, 1);
    expect(sheetScale('a4')).toBeLessThan(1);
    expect(sheetScale('panorama')).toBeGreaterThan(1);
  });
});
