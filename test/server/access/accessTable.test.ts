import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { eventDetailSchema } from '../../../shared/api/eventContract.js';
import { DOC_KINDS, type DocKind } from '../../../shared/docs/docName.js';
import { revisionListSchema } from '../../../shared/api/padContract.js';
import {
  allows,
  docAccess,
  sessionInfo,
  type EventLookup,
  type RouteParams,
} from '../../../server/access/accessCheck.js';
import {
  EVENT_ROLES,
  ROUTES,
  type EventRole,
  type Principal,
  type RouteId,
} from '../../../server/access/accessTable.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { API_HANDLERS } from '../../../server/http/apiRoutes.js';
import { connectSyncClient, waitFor } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { fixture } from '../../shared/sketch/excalidrawFixtures.js';
import { PLAN_CSV } from '../pad/padTestCore.js';

/**
 * Finding 4 of issue 9: one access table decides every route and every document kind. This tries
 * each row with no token, the read-along (view) token and the full (edit) token.
 */

type Who = 'none' | 'view' | 'edit';
interface Ids {
  eventId: string;
  padId: string;
  sketchId: string;
  tokenId: string;
}
interface Sample {
  path: string;
  body?: BodyInit;
  type?: string;
}

const json = (value: unknown): Pick<Sample, 'body' | 'type'> => ({
  body: JSON.stringify(value),
  type: 'application/json',
});
const csv: Pick<Sample, 'body' | 'type'> = { body: PLAN_CSV, type: 'text/csv' };

/** A well-formed request for every route (the compiler insists on one per row). */
const SAMPLES: Record<RouteId, (ids: Ids) => Sample> = {
  health: () => ({ path: '/api/health' }),
  session: () => ({ path: '/api/session' }),
  listEvents: () => ({ path: '/api/events' }),
  createEvent: () => ({ path: '/api/events', ...json({ title: 'Neu' }) }),
  previewPlan: () => ({ path: '/api/events/plan-preview', ...csv }),
  importPlan: () => ({ path: '/api/events/import-plan?title=Zweites', ...csv }),
  event: ({ eventId }) => ({ path: `/api/events/${eventId}` }),
  listEventTokens: ({ eventId }) => ({ path: `/api/events/${eventId}/tokens` }),
  createEventToken: ({ eventId }) => ({
    path: `/api/events/${eventId}/tokens`,
    ...json({ role: 'view', label: 'Projektor' }),
  }),
  renameEventToken: ({ eventId, tokenId }) => ({
    path: `/api/events/${eventId}/tokens/${tokenId}`,
    ...json({ label: 'Beamer' }),
  }),
  revokeEventToken: ({ eventId, tokenId }) => ({ path: `/api/events/${eventId}/tokens/${tokenId}/revoke` }),
  previewEventPlan: ({ eventId }) => ({ path: `/api/events/${eventId}/plan-preview`, ...csv }),
  importEventPlan: ({ eventId }) => ({ path: `/api/events/${eventId}/import-plan`, ...csv }),
  exportPlanCsv: ({ eventId }) => ({ path: `/api/events/${eventId}/plan.csv` }),
  exportPlanIcs: ({ eventId }) => ({ path: `/api/events/${eventId}/plan.ics` }),
  startExport: ({ eventId }) => ({ path: `/api/events/${eventId}/exports`, ...json({ profile: 'public' }) }),
  exportStatus: ({ eventId }) => ({ path: `/api/events/${eventId}/exports/unknown` }),
  cancelExport: ({ eventId }) => ({ path: `/api/events/${eventId}/exports/unknown/cancel` }),
  downloadExport: ({ eventId }) => ({ path: `/api/events/${eventId}/exports/unknown/bundle.zip` }),
  publishSettings: () => ({ path: '/api/publish/settings' }),
  putPublishSettings: () => ({
    path: '/api/publish/settings',
    ...json({ portal: 'http://127.0.0.1:9', organisation: 'ito', profile: 'public', maxMb: 10 }),
  }),
  putPublishToken: () => ({ path: '/api/publish/token', ...json({ token: 'editor-token' }) }),
  clearPublishToken: () => ({ path: '/api/publish/token/clear' }),
  // No token is set when this runs (clearPublishToken ran before): the owner is told so (409).
  publishOrganisations: () => ({ path: '/api/publish/organisations' }),
  publishLicences: () => ({ path: '/api/publish/licences' }),
  startPublish: ({ eventId }) => ({ path: `/api/events/${eventId}/publications`, ...json({ dryRun: true }) }),
  publishStatus: ({ eventId }) => ({ path: `/api/events/${eventId}/publications/unknown` }),
  cancelPublish: ({ eventId }) => ({ path: `/api/events/${eventId}/publications/unknown/cancel` }),
  listAttachments: ({ padId }) => ({ path: `/api/sessions/${padId}/attachments` }),
  addAttachment: ({ padId }) => ({
    path: `/api/sessions/${padId}/attachments?title=Folien&licence=CC-BY-4.0`,
    body: '%PDF-1.4\n%%EOF\n',
    type: 'application/pdf',
  }),
  addAttachmentLink: ({ padId }) => ({
    path: `/api/sessions/${padId}/attachments/links`,
    ...json({ url: 'https://video.example.org/1', title: 'Video', licence: 'CC-BY-4.0', linkKind: 'video' }),
  }),
  downloadAttachment: ({ padId }) => ({ path: `/api/sessions/${padId}/attachments/unknown` }),
  removeAttachment: ({ padId }) => ({ path: `/api/sessions/${padId}/attachments/unknown/remove` }),
  pad: ({ padId }) => ({ path: `/api/pads/${padId}` }),
  revisions: ({ padId }) => ({ path: `/api/pads/${padId}/revisions` }),
  commitRevision: ({ padId }) => ({ path: `/api/pads/${padId}/revisions` }),
  revision: ({ padId }) => ({ path: `/api/pads/${padId}/revisions/0` }),
  restoreRevision: ({ padId }) => ({
    path: `/api/pads/${padId}/revisions/0/restore`,
    ...json({ author: { id: 'uAda', name: 'Ada' } }),
  }),
  saveRevision: ({ padId }) => ({
    path: `/api/pads/${padId}/saved-revisions`,
    ...json({ rev: 0, label: 'Start' }),
  }),
  exportPad: ({ padId }) => ({ path: `/api/pads/${padId}/export?format=txt` }),
  importPad: ({ padId }) => ({
    path: `/api/pads/${padId}/import?format=txt`,
    body: 'Importiert',
    type: 'application/octet-stream',
  }),
  padTemplate: ({ padId }) => ({ path: `/api/pads/${padId}/template` }),
  putPadTemplate: ({ padId }) => ({
    path: `/api/pads/${padId}/template`,
    ...json({ template: '# {{title}}' }),
  }),
  padShare: ({ padId }) => ({ path: `/api/pads/${padId}/share` }),
  eventPadTemplate: ({ eventId }) => ({ path: `/api/events/${eventId}/pad-template` }),
  applyEventPadTemplate: ({ eventId }) => ({ path: `/api/events/${eventId}/pad-template/apply` }),
  importExcalidraw: ({ sketchId }) => ({
    path: `/api/sketches/${sketchId}/import-excalidraw`,
    body: fixture('talk.excalidraw'),
    type: 'application/vnd.excalidraw+json',
  }),
  exportExcalidraw: ({ sketchId }) => ({ path: `/api/sketches/${sketchId}/export.excalidraw` }),
  shareStatus: () => ({ path: '/api/share' }),
  // An address of no interface: the owner is let through and told so (400).
  startShare: () => ({ path: '/api/share', ...json({ address: '192.0.2.1' }) }),
  stopShare: () => ({ path: '/api/share/stop' }),
  renderSketch: ({ sketchId }) => ({ path: `/api/sketches/${sketchId}/export?format=svg` }),
  sketchExportSize: ({ sketchId }) => ({ path: `/api/sketches/${sketchId}/export-size?dpi=150` }),
  renderEventSketches: ({ eventId }) => ({ path: `/api/events/${eventId}/sketches.zip?format=svg` }),
  sketchSession: ({ sketchId }) => ({ path: `/api/sketches/${sketchId}/session` }),
  page: ({ padId }) => ({ path: `/pad/${padId}` }),
};

/** What each token gets; `none` is always 401. The read-along link reads pads and nothing else. */
const EXPECTED: Record<RouteId, { view: number; edit: number }> = {
  health: { view: 200, edit: 200 },
  session: { view: 200, edit: 200 },
  listEvents: { view: 403, edit: 200 },
  createEvent: { view: 403, edit: 201 },
  previewPlan: { view: 403, edit: 200 },
  importPlan: { view: 403, edit: 201 },
  event: { view: 403, edit: 200 },
  listEventTokens: { view: 403, edit: 200 },
  createEventToken: { view: 403, edit: 201 },
  renameEventToken: { view: 403, edit: 200 },
  revokeEventToken: { view: 403, edit: 200 },
  previewEventPlan: { view: 403, edit: 200 },
  importEventPlan: { view: 403, edit: 200 },
  exportPlanCsv: { view: 403, edit: 200 },
  exportPlanIcs: { view: 403, edit: 200 },
  startExport: { view: 403, edit: 202 },
  exportStatus: { view: 403, edit: 404 },
  cancelExport: { view: 403, edit: 404 },
  downloadExport: { view: 403, edit: 404 },
  publishSettings: { view: 403, edit: 200 },
  putPublishSettings: { view: 403, edit: 200 },
  putPublishToken: { view: 403, edit: 200 },
  clearPublishToken: { view: 403, edit: 200 },
  publishOrganisations: { view: 403, edit: 409 },
  publishLicences: { view: 403, edit: 409 },
  startPublish: { view: 403, edit: 202 },
  publishStatus: { view: 403, edit: 404 },
  cancelPublish: { view: 403, edit: 404 },
  listAttachments: { view: 403, edit: 200 },
  addAttachment: { view: 403, edit: 201 },
  addAttachmentLink: { view: 403, edit: 201 },
  downloadAttachment: { view: 403, edit: 404 },
  removeAttachment: { view: 403, edit: 404 },
  pad: { view: 200, edit: 200 },
  revisions: { view: 200, edit: 200 },
  commitRevision: { view: 403, edit: 200 },
  revision: { view: 200, edit: 200 },
  restoreRevision: { view: 403, edit: 201 },
  saveRevision: { view: 403, edit: 201 },
  exportPad: { view: 200, edit: 200 },
  importPad: { view: 403, edit: 201 },
  padTemplate: { view: 403, edit: 200 },
  putPadTemplate: { view: 403, edit: 200 },
  padShare: { view: 403, edit: 200 },
  eventPadTemplate: { view: 403, edit: 200 },
  applyEventPadTemplate: { view: 403, edit: 200 },
  importExcalidraw: { view: 403, edit: 200 },
  exportExcalidraw: { view: 403, edit: 200 },
  shareStatus: { view: 403, edit: 200 },
  startShare: { view: 403, edit: 400 },
  stopShare: { view: 403, edit: 200 },
  renderSketch: { view: 403, edit: 200 },
  sketchExportSize: { view: 403, edit: 200 },
  // Let in; this event's sessions have no sketchnote yet (the route's own test has some).
  renderEventSketches: { view: 403, edit: 404 },
  sketchSession: { view: 403, edit: 200 },
  page: { view: 200, edit: 200 },
};

const VIEW: Principal = { kind: 'role', role: 'view', eventId: null };
const noLookup: EventLookup = { padEvent: () => undefined, sketchEvent: () => undefined };

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;
let ids: Ids;

function tokenOf(who: Who): string | undefined {
  return who === 'edit' ? core.token : who === 'view' ? core.viewToken : undefined;
}

function send(who: Who, method: string, sample: Sample): Promise<Response> {
  const token = tokenOf(who);
  const headers: Record<string, string> = {};
  if (token) {
    headers['Authorization'] = `Bearer ${token}`;
  }
  if (sample.type) {
    headers['Content-Type'] = sample.type;
  }
  return fetch(`${core.origin}${sample.path}`, {
    method,
    headers,
    redirect: 'manual',
    ...(sample.body === undefined ? {} : { body: sample.body }),
  });
}

function tryWebSocket(doc: string, who: Who): Promise<number | 'open'> {
  const token = tokenOf(who);
  return new Promise((resolvePromise) => {
    const ws = new WebSocket(
      `${core.origin.replace('http', 'ws')}/yjs/${doc}${token ? `?token=${token}` : ''}`,
    );
    ws.on('open', () => {
      ws.close();
      resolvePromise('open');
    });
    ws.on('unexpected-response', (_req, res) => resolvePromise(res.statusCode ?? 0));
    ws.on('error', () => resolvePromise(0));
  });
}

function docFiles(): string[] {
  return readdirSync(join(temp.dir, 'docs')).sort();
}

beforeAll(async () => {
  temp = makeTempDir('mitschrift-access-');
  const ui = join(temp.dir, 'ui');
  mkdirSync(ui);
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Mitschrift</title>');
  const dataDir = join(temp.dir, 'data');
  core = await startLoopbackCore(dataDir, { rendererDir: ui });
  temp = { ...temp, dir: dataDir };
  const created = await fetch(`${core.origin}/api/events/import-plan?title=BarCamp`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${core.token}`, 'Content-Type': 'text/csv' },
    body: PLAN_CSV,
  });
  const { event } = (await created.json()) as { event: { id: string } };
  const detail = eventDetailSchema.parse(
    await (
      await fetch(`${core.origin}/api/events/${event.id}`, {
        headers: { Authorization: `Bearer ${core.token}` },
      })
    ).json(),
  );
  const padId = detail.sessions[0]!.id;
  const made = await fetch(`${core.origin}/api/events/${event.id}/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${core.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ role: 'edit' }),
  });
  const { id: tokenId } = (await made.json()) as { id: string };
  ids = { eventId: event.id, padId, sketchId: 'talk-1', tokenId };
  // The pad exists (with its template revision 0) before anyone reads it.
  const client = connectSyncClient(core.origin, core.token, `pad/${padId}`);
  await client.synced;
  await waitFor(() => client.doc.getXmlFragment('content').length > 0, 10_000, 'the template');
  client.destroy();
}, 60_000);

afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('access table: every route', () => {
  it('has exactly one handler per API row, and nothing dispatches outside the table', () => {
    expect([...Object.keys(API_HANDLERS), 'page'].sort()).toEqual(Object.keys(ROUTES).sort());
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('agrees with the table for the read-along link', () => {
    for (const id of Object.keys(ROUTES) as RouteId[]) {
      expect(allows(VIEW, ROUTES[id].need, {}, noLookup), id).toBe(EXPECTED[id].view !== 403);
    }
  });

  it.each(Object.keys(ROUTES) as RouteId[])(
    '%s: no token 401, view and edit as the table says',
    async (id) => {
      const spec = ROUTES[id];
      const sample = SAMPLES[id](ids);
      for (const who of ['none', 'view', 'edit'] as const) {
        const res = await send(who, spec.method, sample);
        const body = await res.text();
        const expected = who === 'none' ? 401 : EXPECTED[id][who];
        expect(res.status, `${who} ${spec.method} ${sample.path}: ${body.slice(0, 200)}`).toBe(expected);
        if (who === 'view' && id === 'health') {
          // The core's data folder (and the damaged files, which name it) is the owner's business.
          expect(body).not.toContain(temp.dir);
          expect(Object.keys(JSON.parse(body)).sort()).toEqual([
            'ok',
            'problems',
            'ready',
            'version',
            'workspaceId',
          ]);
        }
        if (who === 'edit' && id === 'health') {
          expect(JSON.parse(body)).toMatchObject({ dataDir: temp.dir });
        }
      }
    },
  );

  it('refuses what is not in the table (deny by default)', async () => {
    const edit = (method: string, path: string) => send('edit', method, { path });
    expect((await edit('GET', '/api/nothing')).status).toBe(404);
    expect((await edit('DELETE', '/api/events')).status).toBe(404);
    expect((await edit('PATCH', '/api/health')).status).toBe(404);
    expect((await edit('GET', `/api/pads/${ids.padId}/nothing`)).status).toBe(404);
    expect((await edit('GET', '/api/pads/not%20an%20id')).status).toBe(404);
    expect((await edit('POST', `/pad/${ids.padId}`)).status).toBe(405);
    expect((await send('none', 'GET', { path: '/api/nothing' })).status).toBe(401);
  });
});

describe('access table: every document kind', () => {
  it('opens documents as the table says, and a read-only link never creates one', async () => {
    const docs = {
      workspace: 'workspace',
      event: `event/${ids.eventId}`,
      people: `event-people/${ids.eventId}`,
      existingPad: `pad/${ids.padId}`,
      newPad: 'pad/never-written',
      sketch: `sketch/${ids.sketchId}`,
    };
    const expected: Record<keyof typeof docs, Record<Who, number | 'open'>> = {
      workspace: { none: 401, view: 403, edit: 'open' },
      event: { none: 401, view: 403, edit: 'open' },
      people: { none: 401, view: 403, edit: 'open' },
      existingPad: { none: 401, view: 'open', edit: 'open' },
      newPad: { none: 401, view: 404, edit: 'open' },
      sketch: { none: 401, view: 403, edit: 'open' },
    };
    for (const who of ['none', 'view', 'edit'] as const) {
      const before = docFiles();
      for (const [kind, doc] of Object.entries(docs) as [keyof typeof docs, string][]) {
        expect(await tryWebSocket(doc, who), `${who} ${doc}`).toBe(expected[kind][who]);
      }
      if (who !== 'edit') {
        // Nothing a refused or read-only connection names becomes a file.
        expect(docFiles(), who).toEqual(before);
      }
    }
    // Thirty made-up pad ids from the read-along link: thirty refusals, no new files.
    const before = docFiles();
    for (let i = 0; i < 30; i++) {
      expect(await tryWebSocket(`pad/made-up-${i}`, 'view')).toBe(404);
    }
    expect(docFiles()).toEqual(before);
  });

  it('decides per-event roles by the event of the path, the pad or the sketch (for the hosting issue)', () => {
    const lookup: EventLookup = {
      padEvent: (padId) => (padId === 'p1' ? 'A' : undefined),
      sketchEvent: (sketchId) => (sketchId === 's1' ? 'A' : undefined),
    };
    const organiserA: Principal = { kind: 'role', role: 'organiser', eventId: 'A' };
    const recorderA: Principal = { kind: 'role', role: 'recorder', eventId: 'A' };
    const viewA: Principal = { kind: 'role', role: 'view', eventId: 'A' };
    expect(allows(organiserA, ROUTES.exportPlanCsv.need, { eventId: 'A' }, lookup)).toBe(true);
    expect(allows(organiserA, ROUTES.exportPlanCsv.need, { eventId: 'B' }, lookup)).toBe(false);
    expect(allows(recorderA, ROUTES.exportPlanCsv.need, { eventId: 'A' }, lookup)).toBe(false);
    expect(allows(recorderA, ROUTES.importPad.need, { padId: 'p1' }, lookup)).toBe(true);
    expect(allows(recorderA, ROUTES.importPad.need, { padId: 'p2' }, lookup)).toBe(false);
    expect(allows(organiserA, ROUTES.listEvents.need, {}, lookup)).toBe(false);
    expect(allows({ kind: 'owner' }, ROUTES.listEvents.need, {}, lookup)).toBe(true);
    expect(docAccess(recorderA, 'sketch/s1', lookup)).toBe('write');
    expect(docAccess(viewA, 'pad/p1', lookup)).toBe('read');
    expect(docAccess(viewA, 'pad/p2', lookup)).toBe('none');
    expect(docAccess(recorderA, 'event/A', lookup)).toBe('read');
    expect(docAccess(organiserA, 'event/A', lookup)).toBe('write');
    expect(docAccess(organiserA, 'workspace', lookup)).toBe('none');
    expect(docAccess(organiserA, 'event-people/A', lookup)).toBe('write');
    expect(docAccess(organiserA, 'event-people/B', lookup)).toBe('none');
    expect(docAccess(recorderA, 'event-people/A', lookup)).toBe('none');
    expect(docAccess(viewA, 'event-people/A', lookup)).toBe('none');
  });
});

/** Which roles on their own event may use each route, as issue 10 states them (independent of the table). */
const ROLE_ROUTES: Record<RouteId, readonly EventRole[] | 'anyone' | 'owner'> = {
  health: 'anyone',
  session: 'anyone',
  page: 'anyone',
  listEvents: 'owner',
  createEvent: 'owner',
  previewPlan: 'owner',
  importPlan: 'owner',
  event: ['organiser', 'recorder', 'edit', 'view'],
  listEventTokens: ['organiser'],
  createEventToken: ['organiser'],
  renameEventToken: ['organiser'],
  revokeEventToken: ['organiser'],
  previewEventPlan: ['organiser'],
  importEventPlan: ['organiser'],
  exportPlanCsv: ['organiser'],
  exportPlanIcs: ['organiser'],
  pad: ['organiser', 'recorder', 'edit', 'view'],
  revisions: ['organiser', 'recorder', 'edit', 'view'],
  revision: ['organiser', 'recorder', 'edit', 'view'],
  exportPad: ['organiser', 'recorder', 'edit', 'view'],
  commitRevision: ['organiser', 'recorder', 'edit'],
  restoreRevision: ['organiser', 'recorder', 'edit'],
  saveRevision: ['organiser', 'recorder', 'edit'],
  importPad: ['organiser', 'recorder', 'edit'],
  padTemplate: ['organiser', 'recorder', 'edit'],
  padShare: ['organiser', 'recorder', 'edit'],
  putPadTemplate: ['organiser'],
  importExcalidraw: ['organiser', 'recorder'],
  exportExcalidraw: ['organiser', 'recorder', 'edit', 'view'],
  shareStatus: 'owner',
  startShare: 'owner',
  stopShare: 'owner',
  renderSketch: ['organiser', 'recorder', 'edit', 'view'],
  sketchExportSize: ['organiser', 'recorder', 'edit', 'view'],
  renderEventSketches: ['organiser', 'recorder', 'edit', 'view'],
  sketchSession: ['organiser', 'recorder', 'edit', 'view'],
  startExport: ['organiser'],
  exportStatus: ['organiser'],
  cancelExport: ['organiser'],
  downloadExport: ['organiser'],
  eventPadTemplate: ['organiser'],
  applyEventPadTemplate: ['organiser'],
  publishSettings: 'owner',
  putPublishSettings: 'owner',
  putPublishToken: 'owner',
  clearPublishToken: 'owner',
  publishOrganisations: 'owner',
  publishLicences: 'owner',
  startPublish: ['organiser'],
  publishStatus: ['organiser'],
  cancelPublish: ['organiser'],
  listAttachments: ['organiser', 'recorder'],
  addAttachment: ['organiser', 'recorder'],
  addAttachmentLink: ['organiser', 'recorder'],
  downloadAttachment: ['organiser', 'recorder'],
  removeAttachment: ['organiser', 'recorder'],
};

/**
 * How each role opens the documents of its own event (every other event: none). The people with
 * their contact details are the organisers' only: recorders see host names in the plan.
 */
const ROLE_DOCS: Record<EventRole, Record<'workspace' | DocKind, 'write' | 'read' | 'none'>> = {
  organiser: {
    workspace: 'none',
    event: 'write',
    'event-people': 'write',
    'event-library': 'write',
    pad: 'write',
    sketch: 'write',
  },
  recorder: {
    workspace: 'none',
    event: 'read',
    'event-people': 'none',
    'event-library': 'write',
    pad: 'write',
    sketch: 'write',
  },
  // Participants and read-along links never see the team's stamps and templates.
  edit: {
    workspace: 'none',
    event: 'read',
    'event-people': 'none',
    'event-library': 'none',
    pad: 'write',
    sketch: 'read',
  },
  view: {
    workspace: 'none',
    event: 'read',
    'event-people': 'none',
    'event-library': 'none',
    pad: 'read',
    sketch: 'read',
  },
};

/** A document of each kind of events A and B, and pads and sketchnotes of no event (`p0`, `s0`). */
const KIND_DOCS: Record<DocKind, { own: string; others: string[] }> = {
  event: { own: 'event/A', others: ['event/B'] },
  'event-people': { own: 'event-people/A', others: ['event-people/B'] },
  'event-library': { own: 'event-library/A', others: ['event-library/B'] },
  pad: { own: 'pad/p1', others: ['pad/p2', 'pad/p0'] },
  sketch: { own: 'sketch/s1', others: ['sketch/s2', 'sketch/s0'] },
};

describe('access table: per-event roles', () => {
  // Pads p1 and sketches s1 are of event A's sessions, p2 and s2 of event B's; p0 and s0 of none.
  const lookup: EventLookup = {
    padEvent: (padId) => ({ p1: 'A', p2: 'B' })[padId],
    sketchEvent: (sketchId) => ({ s1: 'A', s2: 'B' })[sketchId],
  };
  const common = { tokenId: 't', rev: '0', exportId: 'x', publishId: 'x', attachmentId: 'x' };
  const ownParams: RouteParams = { eventId: 'A', padId: 'p1', sketchId: 's1', sessionId: 'p1', ...common };
  const otherParams: RouteParams = { eventId: 'B', padId: 'p2', sketchId: 's2', sessionId: 'p2', ...common };
  const noEventParams: RouteParams = {
    eventId: 'Z',
    padId: 'p0',
    sketchId: 's0',
    sessionId: 'p0',
    ...common,
  };

  it.each(EVENT_ROLES)('%s: every route of its own event as the issue says, nothing of another', (role) => {
    const principal: Principal = { kind: 'role', role, eventId: 'A', tokenId: 't' };
    for (const id of Object.keys(ROUTES) as RouteId[]) {
      const rule = ROLE_ROUTES[id];
      const own = rule === 'anyone' || (rule !== 'owner' && rule.includes(role));
      expect(allows(principal, ROUTES[id].need, ownParams, lookup), `${role} ${id} own`).toBe(own);
      expect(allows(principal, ROUTES[id].need, otherParams, lookup), `${role} ${id} other`).toBe(
        rule === 'anyone',
      );
      expect(allows(principal, ROUTES[id].need, noEventParams, lookup), `${role} ${id} no event`).toBe(
        rule === 'anyone',
      );
      expect(allows({ kind: 'owner' }, ROUTES[id].need, otherParams, lookup), `owner ${id}`).toBe(true);
    }
  });

  it.each(EVENT_ROLES)('%s: documents of its own event as the issue says, none of another', (role) => {
    const principal: Principal = { kind: 'role', role, eventId: 'A', tokenId: 't' };
    const expected = ROLE_DOCS[role];
    expect(docAccess(principal, 'workspace', lookup)).toBe(expected.workspace);
    // Every kind of document the core stores (DOC_KINDS), so a new kind cannot go untested.
    expect(Object.keys(KIND_DOCS).sort()).toEqual([...DOC_KINDS].sort());
    for (const kind of DOC_KINDS) {
      const { own, others } = KIND_DOCS[kind];
      expect(docAccess(principal, own, lookup), `${role} ${own}`).toBe(expected[kind]);
      for (const other of others) {
        expect(docAccess(principal, other, lookup), `${role} ${other}`).toBe('none');
      }
    }
  });

  it.each(EVENT_ROLES)('%s: GET /api/session tells the renderer the same per document kind', (role) => {
    const info = sessionInfo({ kind: 'role', role, eventId: 'A', tokenId: 't' });
    expect(info).toEqual({
      access: role === 'view' ? 'view' : 'edit',
      role,
      eventId: 'A',
      docs: ROLE_DOCS[role],
    });
  });

  it('tells the owner and the workspace-wide read-along token what they open', () => {
    expect(sessionInfo({ kind: 'owner' }).docs).toEqual({
      workspace: 'write',
      event: 'write',
      'event-people': 'write',
      'event-library': 'write',
      pad: 'write',
      sketch: 'write',
    });
    expect(sessionInfo(VIEW).docs).toEqual({
      workspace: 'none',
      event: 'none',
      'event-people': 'none',
      'event-library': 'none',
      pad: 'read',
      sketch: 'none',
    });
  });

  it('keeps the workspace-wide read-along token to pads (read-only)', () => {
    expect(docAccess(VIEW, 'pad/p1', lookup)).toBe('read');
    expect(docAccess(VIEW, 'pad/p2', lookup)).toBe('read');
    for (const doc of ['workspace', 'event/A', 'event-people/A', 'sketch/s1']) {
      expect(docAccess(VIEW, doc, lookup), doc).toBe('none');
    }
    expect(allows(VIEW, ROUTES.event.need, ownParams, lookup)).toBe(false);
    expect(allows(VIEW, ROUTES.exportExcalidraw.need, ownParams, lookup)).toBe(false);
  });
});

describe('access table: no GET changes anything', () => {
  it('lists revisions and exports without recording one; an editor records with POST', async () => {
    const client = connectSyncClient(core.origin, core.token, `pad/${ids.padId}`);
    await client.synced;
    const para = new Y.XmlElement('paragraph');
    const line = new Y.XmlText();
    line.insert(0, 'Noch nicht in einer Revision');
    para.insert(0, [line]);
    client.doc.getXmlFragment('content').push([para]);
    await new Promise((r) => setTimeout(r, 300));
    const revisionFile = join(temp.dir, 'pads', readdirSync(join(temp.dir, 'pads'))[0]!);
    const count = async (who: Who): Promise<number> => {
      const res = await send(who, 'GET', { path: `/api/pads/${ids.padId}/revisions` });
      return revisionListSchema.parse(await res.json()).revisions.length;
    };
    const n = await count('edit');
    const size = statSync(revisionFile).size;
    for (const who of ['view', 'edit', 'view', 'edit'] as const) {
      expect(await count(who)).toBe(n);
      const exported = await send(who, 'GET', { path: `/api/pads/${ids.padId}/export?format=etherpad` });
      expect(exported.status).toBe(200);
      // The .etherpad file still carries the pending edit, as its last revision.
      expect(await exported.text()).toContain('Noch nicht in einer Revision');
    }
    expect(statSync(revisionFile).size).toBe(size);
    const recorded = await send('edit', 'POST', SAMPLES.commitRevision(ids));
    expect(revisionListSchema.parse(await recorded.json()).revisions).toHaveLength(n + 1);
    client.destroy();
  });
});
