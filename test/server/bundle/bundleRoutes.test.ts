import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStatusSchema, type ExportStatus } from '../../../shared/api/bundleContract.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { SECRET_NAME, makeBundleWorkspace } from './bundleWorkspace.js';

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;
let eventId: string;
beforeAll(async () => {
  temp = makeTempDir('mitschrift-bundle-http-');
  const data = join(temp.dir, 'ws');
  eventId = makeBundleWorkspace(data).eventId;
  core = await startLoopbackCore(data);
});
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${core.origin}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${core.token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function status(id: string): Promise<ExportStatus> {
  return exportStatusSchema.parse(await (await api('GET', `/api/events/${eventId}/exports/${id}`)).json());
}

describe('bundle routes', () => {
  it(
    'exports with progress, then serves the ZIP; the public one names nobody without consent',
    { timeout: 120_000 },
    async () => {
      const started = await api('POST', `/api/events/${eventId}/exports`, { profile: 'public' });
      expect(started.status).toBe(202);
      const first = exportStatusSchema.parse(await started.json());
      expect(first.state).toBe('running');
      expect((await api('GET', `/api/events/${eventId}/exports/${first.id}/bundle.zip`)).status).toBe(409);
      let current = first;
      const seen = new Set<number>();
      for (let i = 0; i < 600 && current.state === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        current = await status(first.id);
        seen.add(current.done);
      }
      expect(current.state).toBe('done');
      expect(seen.size).toBeGreaterThan(1);
      expect(current.pseudonyms.map((p) => p.name)).toContain(SECRET_NAME);
      const zip = await api('GET', `/api/events/${eventId}/exports/${first.id}/bundle.zip`);
      expect(zip.status).toBe(200);
      expect(zip.headers.get('content-disposition')).toContain('dokumentation-open-data-tag-2026-public.zip');
      const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()));
      expect(Object.keys(entries)).toHaveLength(current.files ?? -1);
      for (const [name, bytes] of Object.entries(entries)) {
        expect(Buffer.from(bytes).toString('utf8'), name).not.toContain(SECRET_NAME);
      }
    },
  );

  it('cancels a running export; it cannot be downloaded', { timeout: 60_000 }, async () => {
    const started = exportStatusSchema.parse(
      await (await api('POST', `/api/events/${eventId}/exports`, { profile: 'internal' })).json(),
    );
    const cancelled = await api('POST', `/api/events/${eventId}/exports/${started.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(exportStatusSchema.parse(await cancelled.json()).state).toBe('cancelled');
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await status(started.id)).state).toBe('cancelled');
    expect((await api('GET', `/api/events/${eventId}/exports/${started.id}/bundle.zip`)).status).toBe(409);
  });

  it('names bad requests: profile, unknown session, unknown event, unknown export', async () => {
    const badProfile = await api('POST', `/api/events/${eventId}/exports`, { profile: 'everything' });
    expect(badProfile.status).toBe(400);
    const badSession = await api('POST', `/api/events/${eventId}/exports`, {
      profile: 'public',
      sessions: ['nope'],
    });
    expect(badSession.status).toBe(400);
    expect(await badSession.json()).toMatchObject({ error: expect.stringContaining('"nope"') });
    expect((await api('POST', '/api/events/nope/exports', { profile: 'public' })).status).toBe(404);
    expect((await api('GET', `/api/events/${eventId}/exports/nope`)).status).toBe(404);
  });
});
