import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeLayerSettings } from '../../../shared/sketch/layerSettings.js';
import { layersMap, readLayerSettings } from '../../../shared/sketch/sketchLayout.js';

describe('writeLayerSettings', () => {
  it('merges a patch into the defaults and writes a plain JSON value', () => {
    const doc = new Y.Doc();
    const written = writeLayerSettings(doc, 'background', { locked: true });
    expect(written).toEqual({ visible: true, locked: true, opacity: 1 });
    expect(layersMap(doc).get('background')).toEqual({ visible: true, locked: true, opacity: 1 });
    expect(layersMap(doc).get('background')).not.toBeInstanceOf(Y.AbstractType);
    expect(readLayerSettings(doc).background).toEqual({ visible: true, locked: true, opacity: 1 });
    expect(layersMap(doc).has('drawing')).toBe(false);
  });

  it('keeps the other fields of an existing entry', () => {
    const doc = new Y.Doc();
    layersMap(doc).set('drawing', { visible: false, locked: true, opacity: 0.4 });
    writeLayerSettings(doc, 'drawing', { opacity: 0.8 });
    expect(readLayerSettings(doc).drawing).toEqual({ visible: false, locked: true, opacity: 0.8 });
  });

  it('repairs a malformed entry and clamps the opacity', () => {
    const doc = new Y.Doc();
    layersMap(doc).set('annotations', 'garbage');
    expect(writeLayerSettings(doc, 'annotations', { opacity: 7 })).toEqual({
      visible: true,
      locked: false,
      opacity: 1,
    });
    expect(layersMap(doc).get('annotations')).toEqual({ visible: true, locked: false, opacity: 1 });
    writeLayerSettings(doc, 'annotations', { opacity: -2 });
    expect(readLayerSettings(doc).annotations.opacity).toBe(0);
    writeLayerSettings(doc, 'annotations', { opacity: Number.NaN });
    expect(readLayerSettings(doc).annotations.opacity).toBe(0);
  });

  it('writes in one transaction with the given origin, and not at all when nothing changes', () => {
    const doc = new Y.Doc();
    const origin = { test: true };
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0) {
        origins.push(transaction.origin);
      }
    });
    writeLayerSettings(doc, 'drawing', { visible: false, locked: true }, origin);
    expect(origins).toEqual([origin]);
    writeLayerSettings(doc, 'drawing', { visible: false }, origin);
    expect(origins).toHaveLength(1);
  });

  it('reaches another replica', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
    writeLayerSettings(a, 'background', { visible: false });
    expect(readLayerSettings(b).background.visible).toBe(false);
  });
});
