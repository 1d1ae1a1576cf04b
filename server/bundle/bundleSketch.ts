import * as Y from 'yjs';
import { readExportScene, type ExportScene } from '../../shared/sketch/export/exportScene.js';
import { decodeObject, type SketchObject } from '../../shared/sketch/objects/objectCodec.js';
import { objectsMap } from '../../shared/sketch/objects/objectLayout.js';
import type { BundleSketch } from './bundleTypes.js';

/**
 * A session's sketchnote in a bundle: collected as the document's bytes (a 5,000-stroke sheet is a
 * few MB that way, but tens of MB as a scene with stroke outlines), and read into a scene only
 * while its files and its pages are made, one sketchnote at a time. Its texts travel beside it so
 * the privacy step can replace names in them; a text it did not see is left empty (fail closed).
 */

/** The bundle's copy of a sketch document: its bytes and the texts of its text objects. */
export function readBundleSketch(doc: Y.Doc): BundleSketch {
  const texts: Record<string, string> = {};
  objectsMap(doc).forEach((value, id) => {
    const decoded = decodeObject(id, value);
    if (decoded.ok && decoded.value.kind === 'text') {
      texts[id] = decoded.value.text;
    }
  });
  return { update: Y.encodeStateAsUpdate(doc), texts };
}

/** The last scene read, so the session's files and its PDF share one read. */
let last: { sketch: BundleSketch; scene: ExportScene } | undefined;

/** The scene of a bundle sketch, its texts as the privacy step left them. */
export function sketchSceneOf(sketch: BundleSketch): ExportScene {
  if (last?.sketch === sketch) {
    return last.scene;
  }
  const doc = new Y.Doc();
  let scene: ExportScene;
  try {
    Y.applyUpdate(doc, sketch.update);
    scene = readExportScene(doc);
  } finally {
    doc.destroy();
  }
  const replaced = new Map<SketchObject, SketchObject>();
  const objects = new Map<string, SketchObject>();
  for (const [id, object] of scene.objects) {
    const fixed = object.kind === 'text' ? { ...object, text: sketch.texts[id] ?? '' } : object;
    replaced.set(object, fixed);
    objects.set(id, fixed);
  }
  scene = {
    ...scene,
    objects,
    items: scene.items.map((item) =>
      item.type === 'object' ? { ...item, object: replaced.get(item.object) ?? item.object } : item,
    ),
  };
  last = { sketch, scene };
  return scene;
}
