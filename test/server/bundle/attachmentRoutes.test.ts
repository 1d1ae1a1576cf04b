import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentListSchema, attachmentSchema } from '../../../shared/api/attachmentContract.js';
import { eventTokenInfoSchema, type EventRole } from '../../../shared/api/eventTokenContract.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { makeBundleWorkspace } from './bundleWorkspace.js';
import { jpegOf, photoPixels } from './photoFixtures.js';

/**
 * The attachment routes of a running core: organisers and recorders add, list, download and remove
 * a session's files and links; participants and read-along links get nothing; malformed uploads are
 * refused with a reason and leave nothing behind; a cut-off upload leaves the core serving.
 */

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;
let eventId: string;
const tokens = {} as Record<EventRole | 'owner', string>;
const SESSION = 's-daten';
const base = `/api/sessions/${SESSION}/attachments`;

function api(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${core.origin}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
  });
}

function upload(token: string, bytes: Uint8Array, query = '?title=Foto%20der%20Pinnwand&licence=CC-BY-4.0') {
  return api(token, `${base}${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: Buffer.from(bytes),
  });
}

async function listed(): Promise<string[]> {
  const res = await api(tokens.owner, base);
  return attachmentListSchema.parse(await res.json()).attachments.map((a) => a.title);
}

beforeAll(async () => {
  temp = makeTempDir('mitschrift-attach-http-');
  const data = join(temp.dir, 'ws');
  eventId = makeBundleWorkspace(data).eventId;
  core = await startLoopbackCore(data);
  tokens.owner = core.token;
  for (const role of ['organiser', 'recorder', 'edit', 'view'] as const) {
    const res = await api(core.token, `/api/events/${eventId}/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role }),
    });
    tokens[role] = eventTokenInfoSchema.parse(await res.json()).token ?? '';
  }
}, 60_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('attachment routes', () => {
  it(
    'organisers upload a photo, recorders add a link; both list, download and remove',
    { timeout: 60_000 },
    async () => {
      const photo = await jpegOf(photoPixels(1200, 900));
      const added = await upload(tokens.organiser, photo);
      expect(added.status).toBe(201);
      const attachment = attachmentSchema.parse(await added.json());
      expect(attachment).toMatchObject({ kind: 'file', type: 'jpeg', bytes: photo.byteLength });
      const link = await api(tokens.recorder, `${base}/links`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          url: 'https://video.example.org/v/1',
          title: 'Aufzeichnung',
          licence: 'CC-BY-4.0',
          linkKind: 'video',
        }),
      });
      expect(link.status).toBe(201);
      expect(await listed()).toEqual(['Foto der Pinnwand', 'Aufzeichnung']);
      const download = await api(tokens.recorder, `${base}/${attachment.id}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/jpeg');
      expect(download.headers.get('content-disposition')).toContain('foto-der-pinnwand.jpg');
      expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(photo))).toBe(true);
      for (const role of ['edit', 'view'] as const) {
        expect((await api(tokens[role], base)).status, role).toBe(403);
        expect((await upload(tokens[role], photo)).status, role).toBe(403);
      }
      const removed = await api(tokens.organiser, `${base}/${attachment.id}/remove`, { method: 'POST' });
      expect(removed.status).toBe(200);
      expect(attachmentListSchema.parse(await removed.json()).attachments.map((a) => a.title)).toEqual([
        'Aufzeichnung',
      ]);
      expect((await api(tokens.owner, `${base}/${attachment.id}`)).status).toBe(404);
    },
  );

  it('refuses malformed uploads with a reason and stores nothing', { timeout: 60_000 }, async () => {
    const before = await listed();
    const refused = async (res: Promise<Response>, status: number, text: RegExp): Promise<void> => {
      const answer = await res;
      const body = (await answer.json()) as { error: string };
      expect(answer.status, body.error).toBe(status);
      expect(body.error).toMatch(text);
    };
    await refused(upload(tokens.owner, new TextEncoder().encode('<html>')), 415, /not a PDF, PNG or JPEG/);
    const huge = new Uint8Array(21 * 1024 * 1024);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    await refused(upload(tokens.owner, huge), 413, /more than the 20 MB allowed/);
    const photo = await jpegOf(photoPixels(320, 240));
    await refused(upload(tokens.owner, photo.subarray(0, 2000)), 422, /incomplete: its end is missing/);
    await refused(upload(tokens.owner, photo, '?licence=CC-BY-4.0'), 400, /needs a title and a licence/);
    await refused(
      api(tokens.owner, `${base}/links`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: 'javascript:alert(1)', title: 'x', licence: 'y', linkKind: 'video' }),
      }),
      400,
      /does not match the API contract/,
    );
    await refused(
      api(tokens.owner, '/api/sessions/no-such-session/attachments'),
      404,
      /no session "no-such-session"/,
    );
    expect(await listed()).toEqual(before);
  });

  it('survives an upload that is cut off mid-way and stores nothing of it', { timeout: 30_000 }, async () => {
    const before = await listed();
    const url = new URL(`${base}?title=Abgebrochen&licence=CC-BY-4.0`, core.origin);
    await new Promise<void>((resolve) => {
      const req = httpRequest(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${core.token}`,
          'Content-Type': 'application/octet-stream',
          'Content-Length': '100000',
        },
      });
      req.on('error', () => resolve());
      req.on('response', (res) => {
        res.resume();
        resolve();
      });
      req.write(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
      setTimeout(() => req.destroy(), 200);
    });
    const health = await api(core.token, '/api/health');
    expect(health.status).toBe(200);
    expect(await listed()).toEqual(before);
  });
});
