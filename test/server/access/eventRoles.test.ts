import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { eventDetailSchema } from '../../../shared/api/eventContract.js';
import {
  eventTokenInfoSchema,
  eventTokenListSchema,
  type EventRole,
  type EventTokenInfo,
} from '../../../shared/api/eventTokenContract.js';
import { sessionInfoSchema, shareLinksSchema } from '../../../shared/api/padContract.js';
import type { CoreLogger, RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { CLOSE_LINK_REVOKED } from '../../../server/sync/syncEndpoint.js';
import { connectSyncClient, waitFor, type SyncClient } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { fixture } from '../../shared/sketch/excalidrawFixtures.js';
import { PLAN_CSV } from '../pad/padTestCore.js';

/**
 * Issue 10, roles per event: join links (organiser, recorder, edit, view) against a real core on
 * loopback with real y-websocket clients. What a link may not do, it cannot do whatever it sends.
 */

interface EventIds {
  eventId: string;
  padId: string;
  sketchId: string;
}

vi.setConfig({ testTimeout: 60_000 });

const ROLES: readonly EventRole[] = ['organiser', 'recorder', 'edit', 'view'];

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;
let a: EventIds;
let b: EventIds;
const logLines: string[] = [];
const logger: CoreLogger = {
  info: (m) => logLines.push(m),
  warn: (m) => logLines.push(m),
  error: (m) => logLines.push(m),
};
/** One working link per role on event A. */
const linksA = {} as Record<EventRole, EventTokenInfo>;
const openClients: SyncClient[] = [];

function api(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${core.origin}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
  });
}

function postJson(token: string, path: string, body: unknown, method = 'POST'): Promise<Response> {
  return api(token, path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function makeLink(eventId: string, role: EventRole, label = ''): Promise<EventTokenInfo> {
  const res = await postJson(core.token, `/api/events/${eventId}/tokens`, { role, label });
  expect(res.status).toBe(201);
  return eventTokenInfoSchema.parse(await res.json());
}

function secretOf(info: EventTokenInfo): string {
  if (info.token === null) {
    throw new Error('a revoked link has no token');
  }
  return info.token;
}

async function makeEvent(title: string): Promise<EventIds> {
  const created = await api(core.token, `/api/events/import-plan?title=${title}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: PLAN_CSV,
  });
  const { event } = (await created.json()) as { event: { id: string } };
  const detail = eventDetailSchema.parse(await (await api(core.token, `/api/events/${event.id}`)).json());
  const session = detail.sessions[0]!;
  return { eventId: event.id, padId: session.id, sketchId: session.id };
}

/** Opens a WebSocket with `token`: `open` (then closed), or the refusing status. */
function tryWebSocket(doc: string, token: string): Promise<number | 'open'> {
  return new Promise((resolvePromise) => {
    const ws = new WebSocket(`${core.origin.replace('http', 'ws')}/yjs/${doc}?token=${token}`);
    ws.on('open', () => {
      ws.close();
      resolvePromise('open');
    });
    ws.on('unexpected-response', (_req, res) => resolvePromise(res.statusCode ?? 0));
    ws.on('error', () => resolvePromise(0));
  });
}

function client(token: string, doc: string, ydoc?: Y.Doc): SyncClient {
  const c = connectSyncClient(core.origin, token, doc, ydoc);
  openClients.push(c);
  return c;
}

/** The client ids that wrote to a document on the core, as a fresh owner's client receives it. */
async function writersOnCore(doc: string): Promise<Set<number>> {
  const reader = client(core.token, doc);
  await reader.synced;
  const writers = new Set(Y.decodeStateVector(Y.encodeStateVector(reader.doc)).keys());
  reader.destroy();
  return writers;
}

/** Changes a document every way a client can: before the sync (its step 2), after it, and presence. */
async function attack(
  token: string,
  doc: string,
): Promise<{ clientIds: number[]; presenceSeen: () => boolean }> {
  const watcher = client(core.token, doc);
  await watcher.synced;
  let presenceSeen = false;
  watcher.provider.awareness.on('change', () => {
    for (const state of watcher.provider.awareness.getStates().values()) {
      if (JSON.stringify(state).includes('forged')) {
        presenceSeen = true;
      }
    }
  });
  const early = new Y.Doc();
  early.getMap('strokes').set('early', { forged: true });
  early.getXmlFragment('content').push([new Y.XmlText('vorher')]);
  early.getMap('sessions').set('early', 'forged');
  const closeLines = (): number =>
    logLines.filter((l) => l.includes('changes in all from a read-only connection') && l.includes(`"${doc}"`))
      .length;
  const before = closeLines();
  const attacker = client(token, doc, early);
  await attacker.synced;
  attacker.doc.getMap('strokes').set('late', { forged: true });
  attacker.doc.getText('late').insert(0, 'forged');
  attacker.doc.getMap('sessions').set('late', 'forged');
  attacker.provider.awareness.setLocalState({
    user: { name: 'forged', colour: '#000000' },
    forged: 'x'.repeat(100),
  });
  await new Promise((r) => setTimeout(r, 100));
  const clientIds = [early.clientID];
  attacker.destroy();
  // At close the core logs how many changes it dropped from the connection: every message the
  // attacker sent has been handled (and dropped) before the document is checked.
  await waitFor(() => closeLines() > before, 10_000, `the dropped-changes line of ${doc}`);
  watcher.destroy();
  return { clientIds, presenceSeen: () => presenceSeen };
}

beforeAll(async () => {
  temp = makeTempDir('mitschrift-roles-');
  core = await startLoopbackCore(temp.dir, { logger });
  a = await makeEvent('A');
  b = await makeEvent('B');
  for (const ids of [a, b]) {
    // Every document exists (read-only links never create one) and has content of the owner's.
    for (const doc of [`event/${ids.eventId}`, `pad/${ids.padId}`, `sketch/${ids.sketchId}`]) {
      const owner = client(core.token, doc);
      await owner.synced;
      owner.doc.getMap('ownerMark').set('by', 'owner');
      await new Promise((r) => setTimeout(r, 50));
      owner.destroy();
    }
  }
  for (const role of ROLES) {
    linksA[role] = await makeLink(a.eventId, role, `${role} A`);
  }
}, 120_000);

afterAll(async () => {
  for (const c of openClients) {
    c.destroy();
  }
  await core.close();
  temp.cleanup();
});

describe('join links through the API', () => {
  it('an organiser manages its own event’s links and no other’s, and no answer carries the owner token', async () => {
    const organiser = secretOf(linksA.organiser);
    const created = await postJson(organiser, `/api/events/${a.eventId}/tokens`, {
      role: 'view',
      label: 'Projektor',
    });
    expect(created.status).toBe(201);
    const view = eventTokenInfoSchema.parse(await created.json());
    expect(view).toMatchObject({ role: 'view', label: 'Projektor', eventId: a.eventId, revoked: null });
    expect(view.url).toBe(`${core.origin}/e/${a.eventId}?token=${view.token}`);

    const renamed = await postJson(
      organiser,
      `/api/events/${a.eventId}/tokens/${view.id}`,
      { label: 'Beamer Saal 1' },
      'PUT',
    );
    expect(eventTokenInfoSchema.parse(await renamed.json()).label).toBe('Beamer Saal 1');

    const listed = await api(organiser, `/api/events/${a.eventId}/tokens`);
    const text = await listed.text();
    expect(text).not.toContain(core.token);
    const list = eventTokenListSchema.parse(JSON.parse(text));
    expect(list.tokens.map((t) => t.id)).toContain(view.id);
    expect(list.tokens.every((t) => t.eventId === a.eventId)).toBe(true);

    const revoked = await api(organiser, `/api/events/${a.eventId}/tokens/${view.id}/revoke`, {
      method: 'POST',
    });
    expect(eventTokenInfoSchema.parse(await revoked.json())).toMatchObject({ token: null, url: null });
    expect((await api(secretOf(view), '/api/session')).status).toBe(401);

    // Another event's links, and anyone but the organiser: refused.
    expect((await api(organiser, `/api/events/${b.eventId}/tokens`)).status).toBe(403);
    expect((await postJson(organiser, `/api/events/${b.eventId}/tokens`, { role: 'edit' })).status).toBe(403);
    for (const role of ['recorder', 'edit', 'view'] as const) {
      expect((await api(secretOf(linksA[role]), `/api/events/${a.eventId}/tokens`)).status, role).toBe(403);
      expect(
        (await postJson(secretOf(linksA[role]), `/api/events/${a.eventId}/tokens`, { role: 'view' })).status,
        role,
      ).toBe(403);
    }
    // Bad input: a clear 400 or 404.
    expect((await postJson(organiser, `/api/events/${a.eventId}/tokens`, { role: 'owner' })).status).toBe(
      400,
    );
    expect(
      (await api(organiser, `/api/events/${a.eventId}/tokens/nope/revoke`, { method: 'POST' })).status,
    ).toBe(404);
  });

  it('pad share links are the event’s own edit and view links, never the owner token', async () => {
    for (const token of [core.token, secretOf(linksA.organiser), secretOf(linksA.edit)]) {
      const res = await api(token, `/api/pads/${a.padId}/share`);
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).not.toContain(core.token);
      const { addresses } = shareLinksSchema.parse(JSON.parse(text));
      const edit = new URL(addresses[0]!.editUrl).searchParams.get('token')!;
      const view = new URL(addresses[0]!.viewUrl).searchParams.get('token')!;
      const roleOf = async (t: string) =>
        sessionInfoSchema.parse(await (await api(t, '/api/session')).json());
      expect(await roleOf(edit)).toMatchObject({ role: 'edit', eventId: a.eventId, access: 'edit' });
      expect(await roleOf(view)).toMatchObject({ role: 'view', eventId: a.eventId, access: 'view' });
    }
  });

  it('GET /api/session tells the role, the event and the label', async () => {
    for (const role of ROLES) {
      const session = sessionInfoSchema.parse(
        await (await api(secretOf(linksA[role]), '/api/session')).json(),
      );
      expect(session).toEqual({
        access: role === 'view' ? 'view' : 'edit',
        role,
        eventId: a.eventId,
        label: `${role} A`,
        tokenId: linksA[role].id,
        docs: {
          workspace: 'none',
          event: role === 'organiser' ? 'write' : 'read',
          'event-people': role === 'organiser' ? 'write' : 'none',
          'event-library': role === 'organiser' || role === 'recorder' ? 'write' : 'none',
          pad: role === 'view' ? 'read' : 'write',
          sketch: role === 'organiser' || role === 'recorder' ? 'write' : 'read',
        },
      });
    }
    expect(sessionInfoSchema.parse(await (await api(core.token, '/api/session')).json())).toEqual({
      access: 'edit',
      role: 'owner',
      eventId: null,
      label: null,
      tokenId: null,
      docs: {
        workspace: 'write',
        event: 'write',
        'event-people': 'write',
        'event-library': 'write',
        pad: 'write',
        sketch: 'write',
      },
    });
  });

  it('trades a join link for its own cookie that names the link, not its secret', async () => {
    const secret = secretOf(linksA.edit);
    const res = await fetch(`${core.origin}/e/${a.eventId}?token=${secret}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/e/${a.eventId}`);
    const cookie = res.headers.get('set-cookie') ?? '';
    const port = new URL(core.origin).port;
    expect(cookie).toMatch(new RegExp(`^mitschrift_${port}_join=${linksA.edit.id}\\.[A-Za-z0-9_-]+;`));
    expect(cookie).not.toContain(secret);
    const pair = cookie.split(';')[0]!;
    const session = await fetch(`${core.origin}/api/session`, { headers: { Cookie: pair } });
    expect(sessionInfoSchema.parse(await session.json())).toMatchObject({ role: 'edit', eventId: a.eventId });
    const forged = pair.replace(/\.[A-Za-z0-9_-]+$/, '.AAAA');
    expect((await fetch(`${core.origin}/api/session`, { headers: { Cookie: forged } })).status).toBe(401);
  });
});

describe('what each role may change', () => {
  it('a view link cannot change any document, whatever it sends', async () => {
    const view = secretOf(linksA.view);
    for (const doc of [`event/${a.eventId}`, `pad/${a.padId}`, `sketch/${a.sketchId}`]) {
      const { clientIds, presenceSeen } = await attack(view, doc);
      const writers = await writersOnCore(doc);
      for (const id of clientIds) {
        expect(writers.has(id), `${doc}: the view link's change was applied`).toBe(false);
      }
      expect(presenceSeen(), `${doc}: a forged presence field reached others`).toBe(false);
    }
    expect(logLines.some((l) => l.includes('Dropped a change from a read-only connection'))).toBe(true);
    // Every HTTP write of the event: refused.
    const writes: [string, string, RequestInit][] = [
      ['POST', `/api/pads/${a.padId}/revisions`, {}],
      ['POST', `/api/pads/${a.padId}/saved-revisions`, jsonInit({ rev: 0, label: 'x' })],
      ['POST', `/api/pads/${a.padId}/revisions/0/restore`, jsonInit({ author: { id: 'uAda', name: 'A' } })],
      [
        'POST',
        `/api/pads/${a.padId}/import?format=txt`,
        { body: 'x', headers: { 'Content-Type': 'text/plain' } },
      ],
      ['PUT', `/api/pads/${a.padId}/template`, jsonInit({ template: 'x' })],
      ['POST', `/api/sketches/${a.sketchId}/import-excalidraw`, excalidrawInit()],
      [
        'POST',
        `/api/events/${a.eventId}/import-plan`,
        { body: PLAN_CSV, headers: { 'Content-Type': 'text/csv' } },
      ],
      ['POST', `/api/events/${a.eventId}/tokens`, jsonInit({ role: 'organiser' })],
      ['POST', '/api/events', jsonInit({ title: 'x' })],
    ];
    for (const [method, path, init] of writes) {
      expect((await api(view, path, { ...init, method })).status, `${method} ${path}`).toBe(403);
    }
  });

  it('an edit link changes the pads but not a sketchnote or the plan', async () => {
    const edit = secretOf(linksA.edit);
    for (const doc of [`event/${a.eventId}`, `sketch/${a.sketchId}`]) {
      const { clientIds } = await attack(edit, doc);
      const writers = await writersOnCore(doc);
      for (const id of clientIds) {
        expect(writers.has(id), `${doc}: the edit link's change was applied`).toBe(false);
      }
    }
    // The same link does change the pad of its event (so the checks above could fail).
    const writer = client(edit, `pad/${a.padId}`);
    await writer.synced;
    writer.doc.getMap('probe').set('by', 'edit');
    const id = writer.doc.clientID;
    await waitFor(() => writer.provider.wsconnected, 5_000, 'the pad connection');
    await new Promise((r) => setTimeout(r, 200));
    expect((await writersOnCore(`pad/${a.padId}`)).has(id)).toBe(true);
    writer.destroy();
    expect((await api(edit, `/api/sketches/${a.sketchId}/import-excalidraw`, excalidrawInit())).status).toBe(
      403,
    );
    expect((await api(edit, `/api/events/${a.eventId}/plan.csv`)).status).toBe(403);
    expect((await api(edit, `/api/sketches/${a.sketchId}/export.excalidraw`)).status).toBe(200);
    expect((await api(edit, `/api/events/${a.eventId}`)).status).toBe(200);
  });

  it('a recorder draws the sketchnote and reads the plan; an organiser changes the plan', async () => {
    expect(await tryWebSocket(`sketch/${a.sketchId}`, secretOf(linksA.recorder))).toBe('open');
    const { clientIds } = await attack(secretOf(linksA.recorder), `event/${a.eventId}`);
    expect((await writersOnCore(`event/${a.eventId}`)).has(clientIds[0]!)).toBe(false);
    const organiser = client(secretOf(linksA.organiser), `event/${a.eventId}`);
    await organiser.synced;
    organiser.doc.getMap('probe').set('by', 'organiser');
    await new Promise((r) => setTimeout(r, 200));
    expect((await writersOnCore(`event/${a.eventId}`)).has(organiser.doc.clientID)).toBe(true);
    organiser.destroy();
  });

  it('a link of event A opens nothing of event B, and nothing of the workspace', async () => {
    for (const role of ROLES) {
      const token = secretOf(linksA[role]);
      for (const doc of ['workspace', `event/${b.eventId}`, `pad/${b.padId}`, `sketch/${b.sketchId}`]) {
        expect(await tryWebSocket(doc, token), `${role} ${doc}`).toBe(403);
      }
      for (const path of [
        '/api/events',
        `/api/events/${b.eventId}`,
        `/api/events/${b.eventId}/tokens`,
        `/api/events/${b.eventId}/plan.csv`,
        `/api/pads/${b.padId}`,
        `/api/pads/${b.padId}/revisions`,
        `/api/pads/${b.padId}/export?format=txt`,
        `/api/pads/${b.padId}/share`,
        `/api/sketches/${b.sketchId}/export.excalidraw`,
      ]) {
        expect((await api(token, path)).status, `${role} ${path}`).toBe(403);
      }
      // …while its own event opens.
      expect(await tryWebSocket(`pad/${a.padId}`, token), `${role} own pad`).toBe('open');
      expect((await api(token, `/api/events/${a.eventId}`)).status, `${role} own event`).toBe(200);
    }
  });
});

describe('revoking', () => {
  it('closes the link’s live connections at once and refuses it afterwards', async () => {
    const doomed = await makeLink(a.eventId, 'edit', 'Teilnehmende Raum 2');
    const other = await makeLink(a.eventId, 'view', 'bleibt');
    const pair = (await fetch(`${core.origin}/?token=${secretOf(doomed)}`, { redirect: 'manual' })).headers
      .get('set-cookie')!
      .split(';')[0]!;
    const open = (token: string, doc: string) =>
      new Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }>(
        (resolveOpen, reject) => {
          const ws = new WebSocket(`${core.origin.replace('http', 'ws')}/yjs/${doc}?token=${token}`);
          const closed = new Promise<{ code: number; reason: string }>((r) =>
            ws.on('close', (code, reason) => r({ code, reason: reason.toString() })),
          );
          ws.on('open', () => resolveOpen({ ws, closed }));
          ws.on('error', reject);
        },
      );
    const doomedPad = await open(secretOf(doomed), `pad/${a.padId}`);
    const doomedPlan = await open(secretOf(doomed), `event/${a.eventId}`);
    const kept = await open(secretOf(other), `pad/${a.padId}`);
    let keptClosed = false;
    void kept.closed.then(() => (keptClosed = true));

    const res = await api(core.token, `/api/events/${a.eventId}/tokens/${doomed.id}/revoke`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    for (const conn of [doomedPad, doomedPlan]) {
      const { code, reason } = await conn.closed;
      expect(code).toBe(CLOSE_LINK_REVOKED);
      expect(reason).toContain('revoked');
    }
    expect(keptClosed).toBe(false);
    kept.ws.close();

    const bearer = await api(secretOf(doomed), `/api/pads/${a.padId}`);
    expect(bearer.status).toBe(401);
    expect(await bearer.text()).toContain('revoked');
    const cookie = await fetch(`${core.origin}/api/session`, { headers: { Cookie: pair } });
    expect(cookie.status).toBe(401);
    expect(await tryWebSocket(`pad/${a.padId}`, secretOf(doomed))).toBe(401);
    // The link itself is no longer traded for a cookie.
    expect((await fetch(`${core.origin}/?token=${secretOf(doomed)}`, { redirect: 'manual' })).status).toBe(
      401,
    );
  });
});

describe('a damaged join-link store', () => {
  it('gives a clear error, lets no join link in, and the core keeps serving the owner', async () => {
    const file = join(temp.dir, 'event-tokens.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, '{"version":1,"tokens":[{"id":"x"');
    await waitFor(
      () => logLines.some((l) => l.includes('event-tokens.json') && l.includes('cannot be read')),
      10_000,
      'the store error in the log',
    );
    const listed = await api(core.token, `/api/events/${a.eventId}/tokens`);
    expect(listed.status).toBe(503);
    expect(((await listed.json()) as { error: string }).error).toMatch(
      /event-tokens\.json.*cannot be read: not JSON/,
    );
    expect((await api(secretOf(linksA.organiser), '/api/session')).status).toBe(401);
    expect((await api(core.token, '/api/events')).status).toBe(200);
    expect(await tryWebSocket(`pad/${a.padId}`, core.token)).toBe('open');

    writeFileSync(file, JSON.stringify({ version: 1, tokens: [{ id: 'x', role: 'boss' }] }));
    await waitFor(() => logLines.some((l) => l.includes('tokens.0')), 10_000, 'the schema error in the log');
    expect((await api(secretOf(linksA.organiser), '/api/session')).status).toBe(401);

    writeFileSync(file, good);
    let status = 0;
    for (let i = 0; i < 200 && status !== 200; i++) {
      status = (await api(secretOf(linksA.organiser), '/api/session')).status;
      if (status !== 200) {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    expect(status, 'the repaired store lets the link in again').toBe(200);
  });
});

function jsonInit(body: unknown): RequestInit {
  return { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
}

function excalidrawInit(): RequestInit {
  return {
    method: 'POST',
    body: fixture('talk.excalidraw'),
    headers: { 'Content-Type': 'application/vnd.excalidraw+json' },
  };
}
