import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { strokesMap } from '../../../shared/sketch/sketchLayout.js';
import { encodeObject } from '../../../shared/sketch/objects/objectCodec.js';
import { objectsMap } from '../../../shared/sketch/objects/objectLayout.js';
import { objectGeometry } from '../../../shared/sketch/objects/handDrawn.js';
import { readSketchScene } from '../../../shared/sketch/objects/sketchScene.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { connectSyncClient, waitFor } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { rect, strokeThrough } from '../../shared/sketch/objectsFixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;

beforeEach(async () => {
  temp = makeTempDir();
  core = await startLoopbackCore(temp.dir);
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

/**
 * The bad-input case on the canvas path: "a Yjs update for an unknown object type or with
 * absurd values (NaN, 10^9 points) is ignored with a logged reason and does not break rendering
 * for anyone". A hostile client writes such entries next to valid ones through a real core; a second
 * client still reads every valid entry and gets each bad one with its reason.
 */
describe('bad sketch entries through a real core', () => {
  it('are listed with their reason while every valid entry still reaches other clients', async () => {
    const writer = connectSyncClient(core.origin, core.token, 'sketch/board');
    const reader = connectSyncClient(core.origin, core.token, 'sketch/board');
    await Promise.all([writer.synced, reader.synced]);

    const valid = encodeObject(rect());
    const hugeCount = strokeThrough([
      [0, 0],
      [1, 1],
    ]);
    writer.doc.transact(() => {
      strokesMap(writer.doc).set(
        'good-stroke',
        strokeThrough([
          [10, 10],
          [20, 25],
          [30, 30],
        ]),
      );
      objectsMap(writer.doc).set('good-box', valid);
      objectsMap(writer.doc).set(
        'good-text',
        encodeObject({
          ...rect(),
          kind: 'text',
          text: 'Hallo',
          fontFamily: 'hand',
          fontSize: 30,
          align: 'left',
        }),
      );
      // Unknown object kind, NaN, 10^9 coordinates, giant text, a nested Y type, a bad id.
      objectsMap(writer.doc).set('unknown-kind', { ...valid, kind: 'hologram' });
      objectsMap(writer.doc).set('nan-x', { ...valid, x: NaN });
      objectsMap(writer.doc).set('far-away', { ...valid, y: 1e9 });
      objectsMap(writer.doc).set('inf-width', { ...valid, w: Infinity });
      objectsMap(writer.doc).set('giant-text', {
        ...valid,
        kind: 'text',
        text: 'x'.repeat(1_000_000),
        fontFamily: 'hand',
        fontSize: 20,
        align: 'left',
      });
      objectsMap(writer.doc).set('nested', new Y.Map());
      objectsMap(writer.doc).set('bad id!', valid);
      // Strokes: NaN size, a claimed 10^9 points, broken point data, coordinates of 10^9.
      strokesMap(writer.doc).set('nan-size', { ...hugeCount, size: NaN });
      strokesMap(writer.doc).set('billion-points', { ...hugeCount, n: 1e9 });
      strokesMap(writer.doc).set('broken-points', { ...hugeCount, points: '!!!!' });
      strokesMap(writer.doc).set('far-stroke', { ...hugeCount, points: farPoints() });
    });

    await waitFor(
      () => objectsMap(reader.doc).size === 9 && strokesMap(reader.doc).size === 5,
      5000,
      'the entries at the reader',
    );
    const scene = readSketchScene(reader.doc);
    expect(scene.strokes.map((s) => s.id)).toEqual(['good-stroke']);
    expect(scene.objects.map((o) => o.id).sort()).toEqual(['good-box', 'good-text']);
    const reasons = Object.fromEntries(scene.rejected.map((r) => [`${r.map}/${r.id}`, r.reason]));
    expect(reasons).toEqual({
      'objects/unknown-kind': 'unknown object kind "hologram"',
      'objects/nan-x': expect.stringMatching(/^x: .*NaN/),
      'objects/far-away': expect.stringContaining('y: lies beyond ±1048576 scene units'),
      'objects/inf-width': expect.stringMatching(/^w: /),
      'objects/giant-text': 'text: the text is longer than 20000 characters',
      'objects/nested': 'the entry is not a JSON object',
      'objects/bad id!': 'the id is not a valid object id',
      'strokes/nan-size': expect.stringMatching(/^size: /),
      'strokes/billion-points': expect.stringMatching(/^n: /),
      'strokes/broken-points': expect.any(String),
      'strokes/far-stroke': 'a point lies outside ±2^20 scene units',
    });
    // Drawing the valid objects still works for the reader.
    for (const object of scene.objects) {
      expect(() => objectGeometry(object)).not.toThrow();
    }

    // A client joining later (loading from the core's stored log) reads the same.
    const late = connectSyncClient(core.origin, core.token, 'sketch/board');
    await late.synced;
    const lateScene = readSketchScene(late.doc);
    expect(lateScene.objects.map((o) => o.id).sort()).toEqual(['good-box', 'good-text']);
    expect(lateScene.rejected).toHaveLength(11);
    for (const client of [writer, reader, late]) {
      client.destroy();
    }
  });
});

/** Base64 point data of 2 points, the first at the largest x the format holds (≈ 2.7·10^8 units). */
function farPoints(): string {
  const bytes = new Uint8Array(9 + 4 + 2);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 1);
  view.setInt32(1, 2 ** 31 - 1, true);
  view.setInt32(5, 0, true);
  return Buffer.from(bytes).toString('base64');
}
