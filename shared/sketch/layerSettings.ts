import type * as Y from 'yjs';
import { layersMap, readLayerSettings, type LayerId, type LayerSettings } from './sketchLayout.js';

/**
 * Changes one layer's settings: merges `patch` into what the document holds now (defaults for a
 * missing or malformed entry) and writes the whole plain JSON value `{visible, locked, opacity}`
 * in one transaction. The opacity is kept within 0..1; a non-finite one leaves the old value.
 * Returns the settings written.
 */
export function writeLayerSettings(
  doc: Y.Doc,
  layer: LayerId,
  patch: Partial<LayerSettings>,
  origin?: unknown,
): LayerSettings {
  const current = readLayerSettings(doc)[layer];
  const opacity =
    patch.opacity !== undefined && Number.isFinite(patch.opacity)
      ? Math.min(1, Math.max(0, patch.opacity))
      : current.opacity;
  const next: LayerSettings = {
    visible: typeof patch.visible === 'boolean' ? patch.visible : current.visible,
    locked: typeof patch.locked === 'boolean' ? patch.locked : current.locked,
    opacity,
  };
  if (
    next.visible === current.visible &&
    next.locked === current.locked &&
    next.opacity === current.opacity
  ) {
    const stored = layersMap(doc).get(layer);
    // Nothing changes; only a missing or malformed entry is (re)written.
    if (stored !== undefined && isSame(stored, next)) {
      return next;
    }
  }
  doc.transact(() => {
    layersMap(doc).set(layer, { ...next });
  }, origin);
  return next;
}

function isSame(stored: unknown, settings: LayerSettings): boolean {
  if (typeof stored !== 'object' || stored === null) {
    return false;
  }
  const value = stored as Record<string, unknown>;
  return (
    value.visible === settings.visible &&
    value.locked === settings.locked &&
    value.opacity === settings.opacity &&
    Object.keys(value).length === 3
  );
}
