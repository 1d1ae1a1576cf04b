import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/api/contract.js';
import { importExcalidrawResponseSchema } from '../../../shared/api/sketchContract.js';
import { readSketchScene } from '../../../shared/sketch/objects/sketchScene.js';
import { addObject } from '../../../shared/sketch/objects/objectEdits.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { connectSyncClient, waitFor } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { fixture } from '../../shared/sketch/excalidrawFixtures.js';
import { rect } from '../../shared/sketch/objectsFixtures.js';

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

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${core.origin}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${core.token}`, ...init.headers },
  });
}

const post = (path: string, body: string | Uint8Array<ArrayBuffer>): Promise<Response> =>
  api(path, { method: 'POST', body, headers: { 'Content-Type': 'application/vnd.excalidraw+json' } });

describe('sketch API', () => {
  it('imports an Excalidraw file that connected clients see at once, on top of their drawing', async () => {
    const client = connectSyncClient(core.origin, core.token, 'sketch/talk-1');
    await client.synced;
    addObject(client.doc, 'mine', rect({ z: 10 }));
    const res = await post('/api/sketches/talk-1/import-excalidraw', fixture('talk.excalidraw'));
    expect(res.status).toBe(200);
    const body = importExcalidrawResponseSchema.parse(await res.json());
    expect(body.sketchId).toBe('talk-1');
    expect(body.report).toMatchObject({
      strokes: 2,
      objects: 9,
      images: 1,
      skipped: { frame: 1, embeddable: 1 },
      deleted: 1,
    });
    await waitFor(() => readSketchScene(client.doc).objects.length === 10, 5000, 'the imported objects');
    const scene = readSketchScene(client.doc);
    expect(scene.strokes.map((s) => s.id)).toEqual(['ink-title-1', 'ink-title-2']);
    expect(Math.min(...scene.objects.filter((o) => o.id !== 'mine').map((o) => o.z))).toBeGreaterThan(10);
    expect(client.doc.getMap('assets').size).toBe(1);
    client.destroy();

    const exported = await api('/api/sketches/talk-1/export.excalidraw');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/vnd.excalidraw+json; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="mitschrift-sketch-talk-1.excalidraw"',
    );
    const file = (await exported.json()) as { type: string; elements: Array<{ id: string }>; files: object };
    expect(file.type).toBe('excalidraw');
    expect(file.elements).toHaveLength(12);
    expect(Object.keys(file.files)).toHaveLength(1);
  });

  it('answers 422 with the reason for files it cannot import, and writes nothing', async () => {
    for (const [sketch, body, reason] of [
      ['empty', fixture('not-json.excalidraw'), 'is not valid JSON'],
      ['empty', fixture('library.excalidrawlib.excalidraw'), 'Excalidraw library'],
      ['empty', fixture('future-version.excalidraw'), 'version 3'],
      ['empty', new Uint8Array([0xff, 0xfe, 0x00]), 'not UTF-8'],
      ['board', fixture('absurd-coordinates.excalidraw'), 'Element 2 ("far-away", freedraw)'],
    ] as const) {
      const res = await post(`/api/sketches/${sketch}/import-excalidraw`, body);
      expect(res.status).toBe(422);
      const error = apiErrorSchema.parse(await res.json());
      expect(error.error).toContain(reason);
      expect(error.error).toContain('Nothing was imported.');
    }
    // A refused file does not even load a sketch that did not exist (no store file is made), whether
    // it is no drawing at all or a drawing refused for its values (both are read in the import worker).
    expect((await api('/api/sketches/empty/export.excalidraw')).status).toBe(404);
    expect((await api('/api/sketches/board/export.excalidraw')).status).toBe(404);
  });

  it('refuses bodies over 50 MB with 413, and unknown routes and ids with 404', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 10).fill(0x20);
    const res = await post('/api/sketches/x/import-excalidraw', big);
    expect(res.status).toBe(413);
    expect(apiErrorSchema.parse(await res.json()).error).toContain('Excalidraw files may be at most 50 MB');
    expect((await api('/api/sketches/nope/export.excalidraw')).status).toBe(404);
    expect((await api('/api/sketches/a%zz/export.excalidraw')).status).toBe(404);
    expect((await api('/api/sketches/x/export.svg')).status).toBe(404);
    expect((await api('/api/sketches/x/import-excalidraw')).status).toBe(404);
  });
});
