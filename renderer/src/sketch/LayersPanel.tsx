import { useCallback, useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { writeLayerSettings } from '../../../shared/sketch/layerSettings.js';
import {
  LAYER_IDS,
  layersMap,
  readLayerSettings,
  type LayerId,
  type LayerSettings,
} from '../../../shared/sketch/sketchLayout.js';

type AllLayers = Record<LayerId, LayerSettings>;
const layerCache = new WeakMap<Y.Doc, { key: string; value: AllLayers }>();

/** The settings of every layer, live from the document (the same object while nothing changes). */
function useLayerSettings(doc: Y.Doc): AllLayers {
  const subscribe = useCallback(
    (notify: () => void) => {
      const map = layersMap(doc);
      const observer = (): void => notify();
      map.observe(observer);
      return () => map.unobserve(observer);
    },
    [doc],
  );
  const snapshot = useCallback((): AllLayers => {
    const value = readLayerSettings(doc);
    const key = JSON.stringify(value);
    const cached = layerCache.get(doc);
    if (cached && cached.key === key) {
      return cached.value;
    }
    layerCache.set(doc, { key, value });
    return value;
  }, [doc]);
  return useSyncExternalStore(subscribe, snapshot);
}

/**
 * The three layers (background, drawing, annotations; top one first, as in drawing programs),
 * each with visible, locked and opacity. The settings live in the document, so everyone drawing
 * on this sketchnote sees the same. Not part of undo.
 */
export function LayersPanel({ doc, activeLayer }: { doc: Y.Doc; activeLayer: LayerId }) {
  const { t } = useTranslation();
  const id = useId();
  const layers = useLayerSettings(doc);

  return (
    <section className="sketch-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="sketch-panel__heading">
        {t('sketch.layers.heading')}
      </h2>
      <ul className="sketch-layers">
        {[...LAYER_IDS].reverse().map((layer) => {
          const settings = layers[layer];
          const percent = Math.round(settings.opacity * 100);
          return (
            <li
              key={layer}
              className={layer === activeLayer ? 'sketch-layer sketch-layer--active' : 'sketch-layer'}
            >
              <fieldset className="sketch-fieldset">
                <legend>{t(`sketch.layers.names.${layer}`)}</legend>
                <div className="sketch-layer__toggles">
                  <label className="sketch-check">
                    <input
                      type="checkbox"
                      checked={settings.visible}
                      onChange={(e) => writeLayerSettings(doc, layer, { visible: e.target.checked })}
                    />
                    {t('sketch.layers.visible')}
                  </label>
                  <label className="sketch-check">
                    <input
                      type="checkbox"
                      checked={settings.locked}
                      onChange={(e) => writeLayerSettings(doc, layer, { locked: e.target.checked })}
                    />
                    {t('sketch.layers.locked')}
                  </label>
                </div>
                <div className="sketch-field">
                  <label htmlFor={`${id}-${layer}-opacity`}>{t('sketch.layers.opacity')}</label>
                  <div className="sketch-range">
                    <input
                      id={`${id}-${layer}-opacity`}
                      type="range"
                      min={0}
                      max={100}
                      step={5}
                      value={percent}
                      aria-valuetext={t('sketch.layers.opacityValue', { value: percent })}
                      onChange={(e) =>
                        writeLayerSettings(doc, layer, { opacity: Number(e.target.value) / 100 })
                      }
                    />
                    <output htmlFor={`${id}-${layer}-opacity`}>
                      {t('sketch.layers.opacityValue', { value: percent })}
                    </output>
                  </div>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
