import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { eventTokenInfoSchema, type EventRole } from '../../../shared/api/eventTokenContract.js';
import { WORKSPACE_DOC, docNameFor } from '../../../shared/docs/docName.js';
import { addEvent } from '../../../shared/docs/workspaceIndex.js';
import { addPerson } from '../../../shared/event/eventChanges.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import { readPeople } from '../../../shared/event/readPeople.js';
import type { CoreLogger, RunningCore } from '../../../server/core/coreTypes.js';
import { startCore } from '../../../server/core/startCore.js';
import { readEventPeople } from '../../../server/plan/eventPeople.js';
import { withWorkspace } from '../../../server/plan/storeAccess.js';
import { connectSyncClient, waitFor } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { OLD_LAYOUT_CONTACT, OLD_LAYOUT_EMAIL, oldLayoutEvent } from '../../shared/event/oldLayoutEvent.js';

/**
 * Issues 10 and 12: contact details never reach participants. A workspace written by an older
 * version (people with e-mail addresses, consent and the organisers' contact inside the plan) is
 * opened by a real core; participants' (edit) and read-along (view) links sync the plan over
 * y-websocket and receive no e-mail address anywhere, and the people document is refused to every
 * role but the organiser.
 */

vi.setConfig({ testTimeout: 60_000 });

const EVENT = 'ev-alt';
const PLAN = docNameFor('event', EVENT);
const PEOPLE = docNameFor('event-people', EVENT);
/** Everything about people that must stay with the organisers. */
const SECRETS = [OLD_LAYOUT_EMAIL, 'orga@example.org', '+49 30 1234567', 'bad@example.org'];

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;
const links = {} as Record<EventRole, string>;
const logLines: string[] = [];
const logger: CoreLogger = {
  info: (m) => logLines.push(m),
  warn: (m) => logLines.push(m),
  error: (m) => logLines.push(m),
};

const start = (): Promise<RunningCore> =>
  startCore({ host: '127.0.0.1', port: 0, dataDir: temp.dir, logger });

function secretsIn(bytes: Uint8Array): string[] {
  return SECRETS.filter((secret) => Buffer.from(bytes).includes(Buffer.from(secret, 'utf8')));
}

function storedFile(name: string): Buffer {
  return readFileSync(join(temp.dir, 'docs', `${encodeURIComponent(name)}.ylog`));
}

async function makeLinks(): Promise<void> {
  for (const role of ['organiser', 'recorder', 'edit', 'view'] as const) {
    const res = await fetch(`${core.origin}/api/events/${EVENT}/tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${core.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role, label: role }),
    });
    expect(res.status).toBe(201);
    links[role] = eventTokenInfoSchema.parse(await res.json()).token!;
  }
}

/** Every byte the core sends a fresh y-websocket peer of `doc` until its answer to sync step 1. */
function rawSync(token: string, doc: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const ws = new WebSocket(`${core.origin.replace('http', 'ws')}/yjs/${doc}?token=${token}`);
    const received: Buffer[] = [];
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no sync answer on ${doc}`));
    }, 10_000);
    ws.on('open', () => {
      const step1 = encoding.createEncoder();
      encoding.writeVarUint(step1, 0);
      syncProtocol.writeSyncStep1(step1, new Y.Doc());
      ws.send(encoding.toUint8Array(step1));
    });
    ws.on('message', (data: Buffer) => {
      received.push(data);
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (
        decoding.readVarUint(decoder) === 0 &&
        decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2
      ) {
        clearTimeout(timer);
        ws.close();
        resolvePromise(Buffer.concat(received));
      }
    });
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      reject(new Error(`refused: ${res.statusCode}`));
    });
  });
}

/** The status of an upgrade to `doc`, or 'open'. */
function tryOpen(token: string, doc: string): Promise<number | 'open'> {
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

beforeAll(async () => {
  temp = makeTempDir('mitschrift-people-');
  withWorkspace(temp.dir, (access) => {
    access.change(WORKSPACE_DOC, (doc) =>
      addEvent(doc, { id: EVENT, title: 'Altes BarCamp', createdAt: '2026-05-01T00:00:00.000Z' }),
    );
    access.change(PLAN, (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(oldLayoutEvent())));
  });
  // The old layout really has the addresses in the plan's file.
  expect(secretsIn(storedFile(PLAN))).toEqual(SECRETS);
  core = await start();
  await makeLinks();
}, 60_000);

afterAll(async () => {
  await core?.close();
  temp.cleanup();
});

describe('people stay with the organisers', () => {
  it.each(['edit', 'view', 'recorder'] as const)(
    'a %s link syncs the plan with its hosts and receives no e-mail address anywhere',
    async (role) => {
      const client = connectSyncClient(core.origin, links[role], PLAN);
      try {
        await client.synced;
        await waitFor(() => readEvent(client.doc).sessions.length === 1, 10_000, 'the plan');
        // The plan shows the hosts as before.
        expect(readEvent(client.doc).sessions[0]!.hosts).toEqual(['Erika Mustermann']);
        expect(secretsIn(Y.encodeStateAsUpdate(client.doc))).toEqual([]);
        expect(client.doc.getMap('people').size).toBe(0);
        expect(client.doc.getMap('meta').has('organiserContact')).toBe(false);
      } finally {
        client.destroy();
      }
      // The bytes on the wire, not only what a Y.Doc kept of them.
      const wire = await rawSync(links[role], PLAN);
      expect(wire.length).toBeGreaterThan(0);
      expect(secretsIn(wire)).toEqual([]);
      expect(wire.includes(Buffer.from('Erika Mustermann'))).toBe(true);
    },
  );

  it('refuses the people document to every role but the organiser, and the organiser gets it all', async () => {
    for (const role of ['edit', 'view', 'recorder'] as const) {
      expect(await tryOpen(links[role], PEOPLE), role).toBe(403);
    }
    const organiser = connectSyncClient(core.origin, links.organiser, PEOPLE);
    try {
      await organiser.synced;
      await waitFor(() => readPeople(organiser.doc).people.length === 2, 10_000, 'the people');
      const people = readPeople(organiser.doc);
      expect(people.organiserContact).toBe(OLD_LAYOUT_CONTACT);
      expect(people.people).toEqual([
        { id: 'p-erika', name: 'Erika Mustermann', email: OLD_LAYOUT_EMAIL, consent: false },
        { id: 'p-max', name: 'Max Beispiel', consent: true },
      ]);
      // The organiser edits the list live; participants still get nothing of it.
      addPerson(organiser.doc, { id: 'p-neu', name: 'Nora Neu', email: 'nora@example.org' });
      await waitFor(
        () => {
          try {
            return storedFile(PEOPLE).includes(Buffer.from('nora@example.org'));
          } catch {
            return false;
          }
        },
        10_000,
        'the new person on disk',
      );
    } finally {
      organiser.destroy();
    }
    const wire = await rawSync(links.edit, PLAN);
    expect(wire.includes(Buffer.from('nora@example.org'))).toBe(false);
  });

  it('answers the plan over HTTP without contact details', async () => {
    for (const role of ['edit', 'view', 'recorder', 'organiser'] as const) {
      const res = await fetch(`${core.origin}/api/events/${EVENT}`, {
        headers: { Authorization: `Bearer ${links[role]}` },
      });
      expect(res.status, role).toBe(200);
      const body = await res.text();
      expect(secretsIn(Buffer.from(body)), role).toEqual([]);
      expect(body).not.toContain('organiserContact');
    }
  });

  it('left no address in the plan file, and moves nothing twice after a restart', async () => {
    expect(secretsIn(storedFile(PLAN))).toEqual([]);
    expect(logLines.filter((line) => line.startsWith('Moved the people of "event/ev-alt"'))).toHaveLength(1);
    await core.close();
    core = await start();
    const organiser = connectSyncClient(core.origin, links.organiser, PEOPLE);
    const viewer = connectSyncClient(core.origin, links.view, PLAN);
    try {
      await Promise.all([organiser.synced, viewer.synced]);
      await waitFor(() => readPeople(organiser.doc).people.length === 3, 10_000, 'the people');
      await waitFor(() => readEvent(viewer.doc).sessions.length === 1, 10_000, 'the plan');
      expect(readPeople(organiser.doc).people.map((p) => p.id)).toEqual(['p-erika', 'p-max', 'p-neu']);
      expect(secretsIn(Y.encodeStateAsUpdate(viewer.doc))).toEqual([]);
    } finally {
      organiser.destroy();
      viewer.destroy();
    }
    expect(logLines.filter((line) => line.startsWith('Moved the people of'))).toHaveLength(1);
    expect(secretsIn(storedFile(PLAN))).toEqual([]);
  });
});

describe('reading the people without a core (CLI)', () => {
  it('finds the people an old event document still holds, with those of the people document', () => {
    const docs = new Map<string, Y.Doc>([[PLAN, oldLayoutEvent()]]);
    const access = {
      read: <T>(name: string, read: (doc: Y.Doc) => T): T => read(docs.get(name) ?? new Y.Doc()),
      exists: (name: string): boolean => docs.has(name),
    };
    expect(readEventPeople(access, EVENT).people.map((p) => p.id)).toEqual(['p-erika', 'p-max']);
    const people = new Y.Doc();
    addPerson(people, { id: 'p-neu', name: 'Anna Neu', consent: true });
    docs.set(PEOPLE, people);
    const both = readEventPeople(access, EVENT);
    expect(both.people.map((p) => p.id)).toEqual(['p-neu', 'p-erika', 'p-max']);
    expect(both.organiserContact).toBe(OLD_LAYOUT_CONTACT);
  });
});
