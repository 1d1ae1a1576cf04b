import * as Y from 'yjs';
import { strokesMap } from '../../../../shared/sketch/sketchLayout.js';
import { encodeStroke } from '../../../../shared/sketch/strokeCodec.js';
import { syntheticSketch } from '../../../../shared/sketch/synthetic.js';

export interface PreparedDoc {
  update: Uint8Array;
  prepareMs: number;
  points: number;
}

/** The synthetic sketchnote as a Yjs document update (what a client receives when it opens the sheet). */
export function prepareSyntheticDoc(count: number, seed: number): PreparedDoc {
  const start = performance.now();
  const strokes = syntheticSketch(count, { seed });
  const doc = new Y.Doc();
  const map = strokesMap(doc);
  doc.transact(() => {
    for (const stroke of strokes) {
      map.set(stroke.id, encodeStroke(stroke));
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  let points = 0;
  for (const s of strokes) {
    points += s.points.xyp.length / 3;
  }
  return { update, prepareMs: Math.round((performance.now() - start) * 100) / 100, points };
}
