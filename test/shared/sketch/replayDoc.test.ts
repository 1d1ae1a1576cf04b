import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ReplayDoc } from '../../../shared/sketch/replayDoc.js';
import { addObject } from '../../../shared/sketch/objects/objectEdits.js';
import { objectsMap, strokeGroupsMap } from '../../../shared/sketch/objects/objectLayout.js';
import { metaMap, strokesMap } from '../../../shared/sketch/sketchLayout.js';
import { encodeStroke } from '../../../shared/sketch/strokeCodec.js';
import { stroke } from '../../server/export/exportFixtures.js';
import { rect } from './objectsFixtures.js';

const T0 = 1_764_900_000_000;

/** A sheet drawn over four seconds: a stroke at 0 s, a box at 1 s, a grouped stroke at 2 s, one at 4 s. */
function drawn(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('format', 'a4');
    for (const [id, at] of [
      ['s0', 0],
      ['s2', 2000],
      ['s4', 4000],
    ] as const) {
      const { id: _id, ...rest } = stroke(id, [
        [10, 10],
        [50, 50],
      ]);
      void _id;
      strokesMap(doc).set(id, encodeStroke({ ...rest, createdAt: T0 + at }));
    }
    strokeGroupsMap(doc).set('s2', 'g1');
    addObject(doc, 'box', rect({ createdAt: T0 + 1000, z: 2 }));
  });
  return doc;
}

describe('the replay document', () => {
  it('shows exactly what the timeline shows at a time, forwards and backwards, and never changes the original', () => {
    const source = drawn();
    const before = Y.encodeStateAsUpdate(source);
    const replay = new ReplayDoc(source);
    expect(replay.timeline.entries.map((e) => e.id)).toEqual(['s0', 'box', 's2', 's4']);
    expect(metaMap(replay.doc).get('format')).toBe('a4');
    expect(strokesMap(replay.doc).size + objectsMap(replay.doc).size).toBe(0);

    const at = (id: string): number => replay.timeline.entries.find((e) => e.id === id)!.t;
    replay.setTime(at('s2'));
    expect([...strokesMap(replay.doc).keys()].sort()).toEqual(['s0', 's2']);
    expect([...objectsMap(replay.doc).keys()]).toEqual(['box']);
    expect(strokeGroupsMap(replay.doc).get('s2')).toBe('g1');
    expect(replay.visible).toBe(3);

    replay.setTime(at('box') - 1);
    expect([...strokesMap(replay.doc).keys()]).toEqual(['s0']);
    expect(objectsMap(replay.doc).size).toBe(0);
    expect(strokeGroupsMap(replay.doc).size).toBe(0);

    replay.setTime(replay.timeline.duration);
    expect(strokesMap(replay.doc).size).toBe(3);
    expect(strokesMap(replay.doc).get('s4')).toEqual(strokesMap(source).get('s4'));
    replay.setTime(0);
    expect(strokesMap(replay.doc).size + objectsMap(replay.doc).size).toBe(0);

    expect(Y.encodeStateAsUpdate(source)).toEqual(before);
    replay.destroy();
  });
});
