import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sketchSessionSchema } from '../../../shared/api/sketchContract.js';
import { WORKSPACE_DOC, docNameFor } from '../../../shared/docs/docName.js';
import { addEvent } from '../../../shared/docs/workspaceIndex.js';
import {
  addRoom,
  addSession,
  addSlot,
  ensureSketchId,
  setEventMeta,
} from '../../../shared/event/eventChanges.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { withWorkspace } from '../../../server/plan/storeAccess.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { makeTempDir } from '../../helpers/tempDir.js';

/**
 * `GET /api/sketches/:id/session`: the session a sketchnote documents, as the talk header
 * template fills it in (title, hosts, room, time); a sketchnote outside the plan gets nulls.
 */

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;

beforeEach(async () => {
  temp = makeTempDir();
  withWorkspace(temp.dir, (access) => {
    access.change(docNameFor('event', 'barcamp'), (doc) => {
      setEventMeta(doc, { venue: 'Rathaus, Ratssaal' });
      addRoom(doc, { id: 'r1', name: 'Raum Elbe' });
      addSlot(doc, { id: 's1', start: '2026-12-05T10:00', end: '2026-12-05T10:45' });
      addSession(doc, {
        id: 'talk',
        title: 'Offene Daten im Quartier',
        hosts: ['Alex Muster', 'Kim Beispiel'],
        cell: { roomId: 'r1', slotId: 's1' },
        createdAt: '2026-11-20T09:00:00Z',
      });
      addSession(doc, { id: 'idea', title: 'Noch ein Vorschlag', createdAt: '2026-11-20T09:30:00Z' });
      ensureSketchId(doc, 'talk');
    });
    access.change(WORKSPACE_DOC, (doc) => {
      addEvent(doc, { id: 'barcamp', title: 'BarCamp 2026', createdAt: '2026-11-01T00:00:00Z' });
    });
  });
  core = await startLoopbackCore(temp.dir);
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

function api(path: string): Promise<Response> {
  return fetch(`${core.origin}${path}`, { headers: { Authorization: `Bearer ${core.token}` } });
}

describe('the session of a sketchnote', () => {
  it('gives title, hosts, room and time from the plan', async () => {
    const res = await api('/api/sketches/talk/session');
    expect(res.status).toBe(200);
    const body = sketchSessionSchema.parse(await res.json());
    expect(body.event).toMatchObject({ id: 'barcamp', title: 'BarCamp 2026', venue: 'Rathaus, Ratssaal' });
    expect(body.session).toMatchObject({
      id: 'talk',
      title: 'Offene Daten im Quartier',
      hosts: ['Alex Muster', 'Kim Beispiel'],
      room: 'Raum Elbe',
    });
    expect(body.session?.start).toMatch(/^2026-12-05T10:00:00[+-]\d\d:\d\d$/);
    expect(body.session?.end).toMatch(/^2026-12-05T10:45:00/);
  });

  it('gives a proposal without room and time', async () => {
    const body = sketchSessionSchema.parse(await (await api('/api/sketches/idea/session')).json());
    expect(body.session).toMatchObject({ title: 'Noch ein Vorschlag', room: null, start: null, end: null });
  });

  it('answers with nothing (not an error) for a sketchnote outside the plan', async () => {
    const res = await api('/api/sketches/loose-sheet/session');
    expect(res.status).toBe(200);
    expect(sketchSessionSchema.parse(await res.json())).toEqual({ event: null, session: null });
  });
});
