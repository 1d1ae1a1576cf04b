import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { JoinCache } from '../../../server/sync/joinCache.js';
import { readSharedViewport, VIEWPORT_AWARENESS_KEY } from '../../../shared/sketch/viewportPresence.js';
import {
  liveChunk,
  liveChunkStart,
  LiveStrokeBuffer,
  type LiveStrokeStyle,
} from '../../../shared/sketch/liveStroke.js';
import { LIVE_STROKE_AWARENESS_KEY } from '../../../shared/sketch/sketchLayout.js';
import { connectSyncClient, waitFor, type SyncClient } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';

let temp: ReturnType<typeof makeTempDir> | undefined;
let core: RunningCore | undefined;
const clients: SyncClient[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) {
    c.destroy();
  }
  for (const s of sockets.splice(0)) {
    s.terminate();
  }
  await core?.close();
  core = undefined;
  temp?.cleanup();
});

async function start(): Promise<RunningCore> {
  temp = makeTempDir('mitschrift-fanout-');
  core = await startLoopbackCore(temp.dir);
  return core;
}

function join(c: RunningCore, doc: string, n: number, token = c.token): SyncClient[] {
  const room = Array.from({ length: n }, () => connectSyncClient(c.origin, token, doc));
  clients.push(...room);
  return room;
}

/** A raw socket that counts the document updates (sync messages of type 2) it receives. */
function countingSocket(c: RunningCore, doc: string): { ws: WebSocket; updates: () => number } {
  const ws = new WebSocket(`${c.origin.replace(/^http/, 'ws')}/yjs/${doc}`, {
    headers: { Authorization: `Bearer ${c.token}` },
  });
  sockets.push(ws);
  let updates = 0;
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 2) {
      updates += 1;
    }
  });
  return { ws, updates: () => updates };
}

describe('updates go out merged per connection', () => {
  it('keeps order and content identical in a large room, in fewer messages than edits', async () => {
    const c = await start();
    // More editors than a small room, so updates wait for a merge window.
    const room = join(c, 'pad/batched', 20);
    await Promise.all(room.map((client) => client.synced));
    const counter = countingSocket(c, 'pad/batched');
    await new Promise<void>((resolve) => counter.ws.once('open', () => resolve()));
    const [writer, second, observer] = room as [SyncClient, SyncClient, SyncClient];
    // The observer records the text after every update: each must be a prefix of the final text.
    const seen: string[] = [];
    observer.doc.on('update', () => seen.push(observer.doc.getText('t').toString()));
    const typed = 'Radverkehr im Quartier: Tempo 30 vor der Schule, sichere Kreuzungen. '.repeat(4);
    for (const ch of typed) {
      const text = writer.doc.getText('t');
      text.insert(text.length, ch);
    }
    second.doc.getMap('meta').set('title', 'Verkehr');
    await waitFor(
      () =>
        room.every(
          (client) => client.doc.getText('t').toString() === typed && client.doc.getMap('meta').get('title'),
        ),
      15_000,
      'every client to have every edit',
    );
    expect(seen.every((text) => typed.startsWith(text))).toBe(true);
    const state = Y.encodeStateAsUpdate(writer.doc);
    for (const client of room) {
      expect(Y.encodeStateAsUpdate(client.doc)).toEqual(state);
    }
    await waitFor(() => counter.updates() > 0, 5_000, 'the counting socket to get updates');
    // typed.length + 1 edits arrived as far fewer merged updates.
    expect(counter.updates()).toBeLessThan(typed.length / 2);
  });

  it('lets everyone who joins at once converge while someone types', async () => {
    const c = await start();
    const [writer] = join(c, 'pad/joiners', 1) as [SyncClient];
    await writer.synced;
    const text = writer.doc.getText('t');
    for (let i = 0; i < 300; i++) {
      text.insert(Math.floor(text.length / 2), `Wort${i} `);
    }
    let typing = true;
    const typist = (async () => {
      for (let i = 0; typing && i < 400; i++) {
        text.insert(0, 'x');
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const joiners = join(c, 'pad/joiners', 30);
    await Promise.all(joiners.map((client) => client.synced));
    typing = false;
    await typist;
    const final = text.toString();
    await waitFor(
      () => joiners.every((client) => client.doc.getText('t').toString() === final),
      15_000,
      'every joiner to converge',
    );
  });
});

describe('the join cache', () => {
  it('encodes the state once for joiners and adds what changed since, exactly the current state', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Beteiligung ');
    const cache = new JoinCache(doc);
    const empty = Y.encodeStateVector(new Y.Doc());
    const first = cache.syncStep2(empty);
    const second = cache.syncStep2(empty);
    expect(second[0]).toBe(first[0]);
    expect(second).toHaveLength(1);
    doc.on('update', (update: Uint8Array) => cache.noteUpdate(update));
    doc.getText('t').insert(0, 'Offene ');
    doc.getText('t').delete(0, 3);
    const third = cache.syncStep2(empty);
    // The changes come first and the cached state last: the client counts itself synced at sync
    // step 2, so the last message must complete the state.
    expect(third).toHaveLength(2);
    expect(third[1]).toBe(first[0]);
    const [changes, step2] = third.map((message) => {
      const decoder = decoding.createDecoder(message);
      decoding.readVarUint(decoder);
      return decoding.readVarUint(decoder);
    });
    expect(step2).toBe(syncProtocol.messageYjsSyncStep2);
    expect(changes).toBe(syncProtocol.messageYjsUpdate);
    const joiner = new Y.Doc();
    for (const message of third) {
      const decoder = decoding.createDecoder(message);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      Y.applyUpdate(joiner, decoding.readVarUint8Array(decoder));
    }
    expect(joiner.getText('t').toString()).toBe(doc.getText('t').toString());
    // A client that has something gets exactly what it lacks, not the cached state.
    const fromJoiner = cache.syncStep2(Y.encodeStateVector(joiner));
    expect(fromJoiner[0]).not.toBe(first[0]);
    cache.drop();
    expect(cache.syncStep2(empty)[0]).not.toBe(first[0]);
    cache.drop();
  });
});

describe('read-only connections', () => {
  it("get editors' presence and updates, and their own presence reaches no editor", async () => {
    const c = await start();
    const [editor, observer] = join(c, 'pad/projector', 2) as [SyncClient, SyncClient];
    await Promise.all([editor.synced, observer.synced]);
    editor.doc.getMap('strokes').set('s1', { points: [1, 2, 3] });
    await waitFor(() => observer.doc.getMap('strokes').has('s1'), 5_000, 'the first stroke');
    const viewers = join(c, 'pad/projector', 3, c.viewToken);
    await Promise.all(viewers.map((v) => v.synced));
    viewers.forEach((v, i) => v.provider.awareness.setLocalStateField('user', { name: `Beamer ${i}` }));
    editor.provider.awareness.setLocalStateField('user', { name: 'Zeichnerin' });
    editor.doc.getMap('strokes').set('s2', { points: [4, 5, 6] });
    await waitFor(
      () =>
        viewers.every(
          (v) =>
            v.doc.getMap('strokes').has('s2') &&
            [...v.provider.awareness.getStates().values()].some(
              (s) => (s as { user?: { name?: string } }).user?.name === 'Zeichnerin',
            ),
        ),
      5_000,
      "the editor's stroke and presence at every viewer",
    );
    await waitFor(
      () =>
        [...observer.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === 'Zeichnerin',
        ),
      5_000,
      "the editor's presence at the other editor",
    );
    const names = [...observer.provider.awareness.getStates().values()].map(
      (s) => (s as { user?: { name?: string } }).user?.name,
    );
    expect(names.some((n) => n?.startsWith('Beamer'))).toBe(false);
    // Their edits are dropped as before.
    viewers[0]!.doc.getMap('strokes').set('forged', 1);
    editor.doc.getMap('strokes').set('s3', 1);
    await waitFor(() => observer.doc.getMap('strokes').has('s3'), 5_000, 'the marker stroke');
    expect(observer.doc.getMap('strokes').has('forged')).toBe(false);
  });

  it("get the recorder's camera: the current one on joining and every change after it", async () => {
    const c = await start();
    const [recorder] = join(c, 'pad/camera', 1) as [SyncClient];
    await recorder.synced;
    // Presence works alike for every kind of document (a sketch needs an event; the e2e test has one).
    // A read-only link never creates a document: it exists once something is in it.
    recorder.doc.getMap('meta').set('sheet', 'a4-landscape');
    const camera = (x: number) => ({ x, y: 40, width: 640, height: 360 });
    recorder.provider.awareness.setLocalStateField(VIEWPORT_AWARENESS_KEY, camera(10));
    await new Promise((r) => setTimeout(r, 100));
    // Joining after the recorder published: the state sent on joining carries it.
    const viewers = join(c, 'pad/camera', 2, c.viewToken);
    await Promise.all(viewers.map((v) => v.synced));
    const seen = (v: SyncClient): unknown =>
      readSharedViewport(v.provider.awareness.getStates().get(recorder.provider.awareness.clientID));
    await waitFor(
      () => viewers.every((v) => (seen(v) as { x?: number } | null)?.x === 10),
      5_000,
      "the recorder's camera at every viewer on joining",
    );
    recorder.provider.awareness.setLocalStateField(VIEWPORT_AWARENESS_KEY, camera(900));
    await waitFor(
      () => viewers.every((v) => (seen(v) as { x?: number } | null)?.x === 900),
      5_000,
      "the recorder's moved camera at every viewer",
    );
    expect(seen(viewers[0]!)).toEqual(camera(900));
  });

  it('see a stroke in progress whole, though they get only the newest chunk of each frame', async () => {
    const c = await start();
    const [recorder] = join(c, 'pad/live-ink', 1) as [SyncClient];
    await recorder.synced;
    recorder.doc.getMap('meta').set('sheet', 'a4-landscape');
    const viewers = join(c, 'pad/live-ink', 2, c.viewToken);
    await Promise.all(viewers.map((v) => v.synced));
    // Each viewer rebuilds the stroke as the sketch engine does (renderer/src/sketch/engine/SketchSync.ts).
    const from = recorder.provider.awareness.clientID;
    const watched = viewers.map((v) => {
      const buffer = new LiveStrokeBuffer();
      let changes = 0;
      v.provider.awareness.on('change', () => {
        changes += 1;
        buffer.apply(v.provider.awareness.getStates().get(from)?.[LIVE_STROKE_AWARENESS_KEY] ?? null);
      });
      return { buffer, changes: () => changes };
    });
    // A pen stroke of 150 points, 3 points a chunk, sent as the engine sends them but four at a
    // time, faster than a viewer's window of one frame: the core passes on only the newest of those.
    const style: LiveStrokeStyle = {
      brush: 'fineliner',
      colour: '#1a1a1a',
      size: 3,
      pressureOn: true,
      smoothing: 0.5,
      layer: 'drawing',
    };
    const xyp = new Float32Array(Array.from({ length: 150 * 3 }, (_, i) => (i % 3 === 2 ? 0.5 : i)));
    let published = 0;
    for (let count = 3; count <= 150; count += 3) {
      const chunk = liveChunk('live-1', style, xyp, true, liveChunkStart(published, count), count);
      published = count;
      recorder.provider.awareness.setLocalStateField(LIVE_STROKE_AWARENESS_KEY, chunk);
      if (count % 12 === 0) {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    await waitFor(
      () => watched.every(({ buffer }) => buffer.count === 150),
      5_000,
      'the whole live stroke at every viewer',
    );
    for (const { buffer, changes } of watched) {
      expect(buffer.valid).toBe(true);
      // Chunks were merged on the way (else this test would not show anything about that).
      expect(changes()).toBeLessThan(50);
      for (let i = 0; i < 150 * 3; i += 3) {
        expect(buffer.xyp[i]).toBeCloseTo(xyp[i]!, 0);
      }
    }
  });
});
