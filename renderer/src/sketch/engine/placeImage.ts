import { quantise } from '../../../../shared/sketch/objects/geometry.js';
import { addAsset, type AssetJson } from '../../../../shared/sketch/objects/assets.js';
import type { NewObject } from '../../../../shared/sketch/objects/objectCodec.js';
import { addObject } from '../../../../shared/sketch/objects/objectEdits.js';
import { topZ, type ItemRef } from '../../../../shared/sketch/objects/paintOrder.js';
import { screenToScene, type Point } from '../../../../shared/sketch/viewTransform.js';
import type { ToolHost } from './tools/toolHost.js';

/** A placed picture covers at most this share of the visible canvas (it can be resized after). */
const MAX_SHARE_OF_VIEW = 0.6;

/**
 * Puts a picture on the sketchnote, as one undoable step: its data into the `assets` map and an
 * image object on top of the current drawing layer, centred on `at` (screen pixels; the middle of
 * the canvas when absent) and as large as fits in {@link MAX_SHARE_OF_VIEW} of what is visible,
 * never larger than 1 image pixel per scene unit. Null (and a notice) when the layer is locked or
 * hidden, as for the pen.
 */
export function placeImage(host: ToolHost, asset: AssetJson, at?: Point): ItemRef | null {
  const layer = host.brush().layer;
  const settings = host.layers()[layer];
  if (settings.locked || !settings.visible) {
    host.notice({ kind: settings.locked ? 'layerLocked' : 'layerHidden', layer });
    return null;
  }
  const view = host.view();
  const viewport = host.viewport();
  const centre = screenToScene(view, at ?? { x: viewport.width / 2, y: viewport.height / 2 });
  const fit = Math.min(
    1,
    ((viewport.width / view.zoom) * MAX_SHARE_OF_VIEW) / asset.width,
    ((viewport.height / view.zoom) * MAX_SHARE_OF_VIEW) / asset.height,
  );
  const w = quantise(asset.width * fit);
  const h = quantise(asset.height * fit);
  const assetId = host.newId();
  const id = host.newId();
  const object: NewObject = {
    kind: 'image',
    assetId,
    x: quantise(centre.x - w / 2),
    y: quantise(centre.y - h / 2),
    w,
    h,
    angle: 0,
    style: 'clean',
    strokeColour: '#000000',
    fillColour: null,
    strokeWidth: 0,
    opacity: 1,
    layer,
    z: topZ(host.doc, layer) + 1,
    author: host.author,
    createdAt: Date.now(),
  };
  host.write(() => {
    addAsset(host.doc, assetId, asset);
    addObject(host.doc, id, object);
  });
  return { type: 'object', id };
}
