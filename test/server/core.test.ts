import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { eventListResponseSchema, healthResponseSchema } from '../../shared/api/contract.js';
import { startLoopbackCore } from '../helpers/loopbackCore.js';
import type { RunningCore } from '../../server/core/coreTypes.js';
import { WorkspaceLockedError } from '../../server/storage/workspaceLock.js';
import { connectSyncClient, waitFor } from '../helpers/syncClient.js';
import { makeTempDir } from '../helpers/tempDir.js';

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

function bearer(): Record<string, string> {
  return { Authorization: `Bearer ${core.token}` };
}

/** Opens a raw WebSocket and reports whether the upgrade was accepted and with which HTTP status if not. */
function tryWebSocket(path: string): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(core.origin.replace('http', 'ws') + path);
    ws.on('open', () => {
      ws.close();
      resolve({ opened: true });
    });
    ws.on('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ opened: false }));
  });
}

describe('core: access token', () => {
  it('answers 401 to HTTP requests without the token, for the API and for pages', async () => {
    expect((await fetch(`${core.origin}/api/events`)).status).toBe(401);
    expect(
      (await fetch(`${core.origin}/api/events`, { headers: { Authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    const page = await fetch(`${core.origin}/pad/abc`);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('Einladungslink');
    expect((await fetch(`${core.origin}/?token=wrong`, { redirect: 'manual' })).status).toBe(401);
  });

  it('refuses the WebSocket without the token and accepts it with one', async () => {
    expect(await tryWebSocket('/yjs/workspace')).toEqual({ opened: false, status: 401 });
    expect(await tryWebSocket('/yjs/workspace?token=nope')).toEqual({ opened: false, status: 401 });
    expect(await tryWebSocket(`/yjs/workspace?token=${core.token}`)).toEqual({ opened: true });
    expect(await tryWebSocket(`/yjs/..%2Fetc?token=${core.token}`)).toEqual({ opened: false, status: 400 });
  });

  it('trades the link token for an HttpOnly cookie and a clean address', async () => {
    const res = await fetch(`${core.joinUrl}&x=1`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?x=1');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await fetch(`${core.origin}/api/health`, {
      headers: { Cookie: cookie.split(';')[0]! },
    });
    expect(withCookie.status).toBe(200);
  });

  it('sends a strict CSP and no-sniff on every response', async () => {
    const res = await fetch(`${core.origin}/api/health`, { headers: bearer() });
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('core: API', () => {
  it('creates and lists events, newest first', async () => {
    for (const title of ['BarCamp 2025', 'BarCamp 2026']) {
      const res = await fetch(`${core.origin}/api/events`, {
        method: 'POST',
        headers: { ...bearer(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      expect(res.status).toBe(201);
      await new Promise((r) => setTimeout(r, 5));
    }
    const list = eventListResponseSchema.parse(
      await (await fetch(`${core.origin}/api/events`, { headers: bearer() })).json(),
    );
    expect(list.events.map((e) => e.title)).toEqual(['BarCamp 2026', 'BarCamp 2025']);
  });

  it('answers malformed bodies with 400 and a reason', async () => {
    const notJson = await fetch(`${core.origin}/api/events`, {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: '{title',
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatch(/not valid JSON/);
    const empty = await fetch(`${core.origin}/api/events`, {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: '{"title":"  "}',
    });
    expect(empty.status).toBe(400);
    expect((await empty.json()).details).toEqual(['title: The title is empty.']);
    const huge = await fetch(`${core.origin}/api/events`, {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect((await fetch(`${core.origin}/api/nothing`, { headers: bearer() })).status).toBe(404);
  });

  it('reports health', async () => {
    const health = healthResponseSchema.parse(
      await (await fetch(`${core.origin}/api/health`, { headers: bearer() })).json(),
    );
    expect(health).toMatchObject({ ok: true, problems: [], dataDir: temp.dir });
  });
});

describe('core: y-websocket sync', () => {
  it('syncs edits between two clients and shows the API-created event to a live client', async () => {
    const a = connectSyncClient(core.origin, core.token, 'pad/s1');
    const b = connectSyncClient(core.origin, core.token, 'pad/s1');
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('t').insert(0, 'Hallo');
    b.doc.getText('t').insert(0, 'Moin ');
    await waitFor(
      () =>
        a.doc.getText('t').toString() === b.doc.getText('t').toString() && a.doc.getText('t').length === 10,
    );

    const ws = connectSyncClient(core.origin, core.token, 'workspace');
    await ws.synced;
    await fetch(`${core.origin}/api/events`, {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: '{"title":"Live"}',
    });
    await waitFor(() => ws.doc.getMap('events').size === 1, 5000, 'event to arrive');
    a.destroy();
    b.destroy();
    ws.destroy();
  });

  it('shares awareness (names, carets) between clients', async () => {
    const a = connectSyncClient(core.origin, core.token, 'pad/s2');
    const b = connectSyncClient(core.origin, core.token, 'pad/s2');
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await waitFor(() =>
      [...b.provider.awareness.getStates().values()].some((s) => s['user']?.name === 'Ada'),
    );
    a.destroy();
    b.destroy();
  });

  it('keeps serving after malformed messages', async () => {
    const raw = new WebSocket(`${core.origin.replace('http', 'ws')}/yjs/pad/s3?token=${core.token}`);
    await new Promise((r) => raw.once('open', r));
    raw.send(new Uint8Array([0, 2, 200, 1, 2, 3]));
    raw.send(new Uint8Array([99]));
    raw.send(new Uint8Array([]));
    const client = connectSyncClient(core.origin, core.token, 'pad/s3');
    await client.synced;
    client.doc.getText('t').insert(0, 'still fine');
    const other = connectSyncClient(core.origin, core.token, 'pad/s3');
    await other.synced;
    await waitFor(() => other.doc.getText('t').toString() === 'still fine');
    raw.close();
    client.destroy();
    other.destroy();
  });

  it('persists edits across a restart', async () => {
    const a = connectSyncClient(core.origin, core.token, 'sketch/k1');
    await a.synced;
    a.doc.getMap('m').set('k', 'v');
    await waitFor(() => a.provider.wsconnected);
    await new Promise((r) => setTimeout(r, 100));
    a.destroy();
    await core.close();
    core = await startLoopbackCore(temp.dir);
    const b = connectSyncClient(core.origin, core.token, 'sketch/k1', new Y.Doc());
    await b.synced;
    expect(b.doc.getMap('m').get('k')).toBe('v');
    b.destroy();
  });
});

describe('core: workspace lock', () => {
  it('refuses a second core on the same workspace with a clear message', async () => {
    await expect(startLoopbackCore(temp.dir)).rejects.toThrow(WorkspaceLockedError);
    await expect(startLoopbackCore(temp.dir)).rejects.toThrow(/is in use by another Mitschrift process/);
  });
});
