import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventListResponseSchema, eventSummarySchema } from '../../../shared/api/contract.js';
import {
  eventDetailSchema,
  importPlanResponseSchema,
  importRefusedSchema,
} from '../../../shared/api/eventContract.js';
import { planPreviewSchema } from '../../../shared/event/importedPlan.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { connectSyncClient, waitFor } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { PLAN_FILES, SESSIONIZE_FILE } from './fixtures.js';

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

function postFile(path: string, body: Uint8Array<ArrayBuffer> | string, type: string): Promise<Response> {
  return api(path, { method: 'POST', body, headers: { 'Content-Type': type } });
}

const csvBytes = (file: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(file));

describe('event plan API', () => {
  it('previews a CSV file without creating anything', async () => {
    const res = await postFile('/api/events/plan-preview', csvBytes(PLAN_FILES.excelAnsi), 'text/csv');
    expect(res.status).toBe(200);
    const preview = planPreviewSchema.parse(await res.json());
    expect(preview.source).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(preview.summary).toMatchObject({ sessions: 27, scheduled: 26, proposed: 1, errors: 0 });
    expect(eventListResponseSchema.parse(await (await api('/api/events')).json()).events).toEqual([]);
  });

  it('imports a file as a new event that connected clients see at once', async () => {
    const workspace = connectSyncClient(core.origin, core.token, 'workspace');
    await workspace.synced;
    const res = await postFile(
      `/api/events/import-plan?title=${encodeURIComponent('OGD Leipzig')}`,
      csvBytes(PLAN_FILES.utf8),
      'text/csv',
    );
    expect(res.status).toBe(201);
    const body = importPlanResponseSchema.parse(await res.json());
    expect(body.event.title).toBe('OGD Leipzig');
    expect(body.added).toEqual({ rooms: 6, slots: 6, sessions: 27 });
    expect(body.skippedLines).toEqual([]);
    await waitFor(
      () => workspace.doc.getMap('events').has(body.event.id),
      5000,
      'the new event in the workspace index',
    );

    const eventDoc = connectSyncClient(core.origin, core.token, `event/${body.event.id}`);
    await eventDoc.synced;
    expect(readEvent(eventDoc.doc).sessions).toHaveLength(27);

    const detail = eventDetailSchema.parse(await (await api(`/api/events/${body.event.id}`)).json());
    expect(detail.sessions[1]).toMatchObject({
      title: 'Offene Haushaltsdaten für alle',
      start: '2026-06-13T10:15:00+02:00',
      room: 'Saal Nord',
    });
    workspace.destroy();
    eventDoc.destroy();
  });

  it('refuses a file with row errors with 422 and the problems, writing nothing; imports the rest on request', async () => {
    const bad =
      'title,room,start,end\nGut,Raum 1,2018-05-05T10:45,2018-05-05T11:30\nSpät,Raum 1,2018-05-05T25:00,2018-05-05T26:00\n';
    const res = await postFile('/api/events/import-plan?title=Kaputt', bad, 'text/csv; charset=utf-8');
    expect(res.status).toBe(422);
    const refused = importRefusedSchema.parse(await res.json());
    expect(refused.error).toBe('The file has 2 errors; nothing was imported.');
    expect(refused.details).toEqual([
      'Line 3, column "start": "25:00" is not a time of day (00:00 to 23:59).',
      'Line 3, column "end": "26:00" is not a time of day (00:00 to 23:59).',
    ]);
    expect(refused.preview.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(eventListResponseSchema.parse(await (await api('/api/events')).json()).events).toEqual([]);

    const skipped = await postFile(
      '/api/events/import-plan?title=Teilweise&skipBadRows=true',
      bad,
      'text/csv',
    );
    expect(skipped.status).toBe(201);
    const body = importPlanResponseSchema.parse(await skipped.json());
    expect(body.skippedLines).toEqual([3]);
    expect(body.added.sessions).toBe(1);
  });

  it('refuses a body over the limit with 413 and files that are no plan with 422', async () => {
    const big = new Uint8Array(10 * 1024 * 1024).fill(0x61);
    const res = await postFile('/api/events/plan-preview', big, 'text/csv');
    expect(res.status).toBe(413);
    const tooLarge = (await res.json()) as { error: string; code?: string };
    expect(tooLarge.error).toContain('plan files may be at most 5.0 MB');
    // The stable code the UI turns into its own text (plan.import.error.too-large).
    expect(tooLarge.code).toBe('too-large');
    const pipes = await postFile('/api/events/import-plan', 'title|room\nA|B\n', 'text/csv');
    expect(pipes.status).toBe(422);
    expect(importRefusedSchema.parse(await pipes.json()).details?.[0]).toContain(
      'Could not find the columns',
    );
    const wrongJson = await postFile('/api/events/import-plan', '{"talks": []}', 'application/json');
    expect(wrongJson.status).toBe(422);
    expect(importRefusedSchema.parse(await wrongJson.json()).details?.[0]).toContain(
      'not a Sessionize "All" export',
    );
    const badQuery = await postFile('/api/events/import-plan?title=%20', 'title\nA\n', 'text/csv');
    expect(badQuery.status).toBe(400);
  });

  it('imports a Sessionize export into an existing event, reusing its rooms and slots', async () => {
    const created = eventSummarySchema.parse(
      await (
        await api('/api/events', {
          method: 'POST',
          body: JSON.stringify({ title: 'Offene Verwaltung' }),
          headers: { 'Content-Type': 'application/json' },
        })
      ).json(),
    );
    const json = new Uint8Array(readFileSync(SESSIONIZE_FILE));
    const preview = planPreviewSchema.parse(
      await (await postFile(`/api/events/${created.id}/plan-preview`, json, 'application/json')).json(),
    );
    expect(preview.summary).toMatchObject({ sessions: 6, warnings: 1 });
    const first = importPlanResponseSchema.parse(
      await (await postFile(`/api/events/${created.id}/import-plan`, json, 'application/json')).json(),
    );
    expect(first.event).toEqual(created);
    expect(first.added).toEqual({ rooms: 3, slots: 4, sessions: 6 });
    const second = importPlanResponseSchema.parse(
      await (await postFile(`/api/events/${created.id}/import-plan`, json, 'application/json')).json(),
    );
    expect(second.added).toEqual({ rooms: 0, slots: 0, sessions: 6 });
    const detail = eventDetailSchema.parse(await (await api(`/api/events/${created.id}`)).json());
    expect(detail.sessions).toHaveLength(12);
    expect(detail.conflicts.filter((c) => c.kind === 'double-booked-cell')).toHaveLength(5);
    expect(detail.sessions.find((s) => s.title.startsWith('Sonntagsfrühstück'))?.start).toBe(
      '2024-10-27T10:00:00+01:00',
    );
  });

  it('exports the plan as CSV and iCalendar attachments', async () => {
    const body = importPlanResponseSchema.parse(
      await (
        await postFile(
          `/api/events/import-plan?title=${encodeURIComponent('BarCamp München 2018')}`,
          csvBytes(PLAN_FILES.utf8),
          'text/csv',
        )
      ).json(),
    );
    const id = body.event.id;
    const csv = await api(`/api/events/${id}/plan.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="barcamp-muenchen-2018-plan.csv"',
    );
    expect((await csv.text()).split('\r\n')).toHaveLength(29);
    const excel = await api(`/api/events/${id}/plan.csv?format=csv-excel-de`);
    expect(excel.headers.get('content-disposition')).toBe(
      'attachment; filename="barcamp-muenchen-2018-plan-excel.csv"',
    );
    expect(new Uint8Array(await excel.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const ics = await api(`/api/events/${id}/plan.ics`);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(ics.headers.get('content-disposition')).toBe(
      'attachment; filename="barcamp-muenchen-2018-plan.ics"',
    );
    expect((await ics.text()).match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(26);
    expect((await api(`/api/events/${id}/plan.csv?format=ics`)).status).toBe(400);
  });

  it('answers 404 for unknown events and routes without creating documents', async () => {
    expect((await api('/api/events/nope')).status).toBe(404);
    expect((await api('/api/events/nope/plan.ics')).status).toBe(404);
    expect((await postFile('/api/events/nope/plan-preview', 'title\nA\n', 'text/csv')).status).toBe(404);
    expect((await api('/api/events/nope/unknown')).status).toBe(404);
    expect((await api('/api/events/a/b/c')).status).toBe(404);
    // An unknown id must not leave an empty event document behind.
    expect(readdirSync(join(temp.dir, 'docs')).filter((f) => f.includes('nope'))).toEqual([]);
  });
});
