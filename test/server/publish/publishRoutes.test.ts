import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  licenceListSchema,
  organisationListSchema,
  publishSettingsInfoSchema,
  publishStatusSchema,
  type PublishStatus,
} from '../../../shared/api/publishContract.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { startStandIn, type StandIn } from './ckanStandIn.js';

/**
 * Issue 12, publishing from the running core: the owner keeps the portal settings and the token
 * (which no answer and no log line ever contains); an organiser publishes an event with progress
 * per file; publishing again adds no dataset and uploads nothing unchanged; a wrong token is
 * answered with the portal's refusal in plain words.
 */

const TOKEN = 'editor-token';
const PLAN_CSV = 'title,room,start,end\nOffene Daten,Saal,2026-06-13T10:00,2026-06-13T11:00\n';

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore;
let ckan: StandIn;
let eventId: string;
const logged: string[] = [];
const answers: string[] = [];

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${core.origin}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${core.token}`, 'Content-Type': 'application/json', ...init.headers },
  });
  answers.push(await res.clone().text());
  return res;
}

async function publishToEnd(): Promise<PublishStatus> {
  const started = await api(`/api/events/${eventId}/publications`, {
    method: 'POST',
    body: JSON.stringify({ dryRun: false }),
  });
  expect(started.status).toBe(202);
  let status = publishStatusSchema.parse(await started.json());
  for (let i = 0; i < 400 && status.state === 'running'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = publishStatusSchema.parse(
      await (await api(`/api/events/${eventId}/publications/${status.id}`)).json(),
    );
  }
  return status;
}

beforeAll(async () => {
  temp = makeTempDir();
  ckan = await startStandIn();
  const log = (message: string): void => void logged.push(message);
  core = await startLoopbackCore(temp.dir, {
    logger: { info: log, warn: log, error: log },
    publishClient: { attempts: 2, backoffMs: 10, timeoutMs: 5000 },
  });
  const created = await api('/api/events/import-plan?title=Stadtforum', {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: PLAN_CSV,
  });
  eventId = ((await created.json()) as { event: { id: string } }).event.id;
}, 60_000);

afterAll(async () => {
  await core?.close();
  await ckan?.close();
  temp?.cleanup();
});

describe('publishing from the core', { timeout: 60_000 }, () => {
  it('keeps the settings and the token without ever answering the token', async () => {
    const saved = await api('/api/publish/settings', {
      method: 'PUT',
      body: JSON.stringify({ portal: ckan.url, organisation: 'ito', profile: 'public', maxMb: 100 }),
    });
    expect(saved.status).toBe(200);
    const withToken = await api('/api/publish/token', {
      method: 'PUT',
      body: JSON.stringify({ token: TOKEN }),
    });
    expect(publishSettingsInfoSchema.parse(await withToken.json())).toMatchObject({
      portal: ckan.url,
      organisation: 'ito',
      token: 'set',
      tokenSource: 'file',
    });
    const orgAnswer = await api('/api/publish/organisations');
    const organisations = organisationListSchema.parse(await orgAnswer.json());
    expect(organisations.organisations.map((o) => o.name)).toContain('ito');
    const licences = licenceListSchema.parse(await (await api('/api/publish/licences')).json());
    expect(licences.licences.map((l) => l.id)).toEqual(
      expect.arrayContaining(['cc-by', 'http://dcat-ap.de/def/licenses/dl-by-de/2.0']),
    );
  });

  it('publishes the event once, with progress per file, and again without duplicates, skipping unchanged files', async () => {
    const first = await publishToEnd();
    expect(first.error).toBeNull();
    expect(first.state).toBe('done');
    expect(first.dataset).toBe('created');
    expect(first.files.length).toBeGreaterThan(3);
    expect(first.files.every((f) => f.state === 'sent')).toBe(true);
    expect(ckan.datasets).toHaveLength(1);
    const uploads = ckan.uploads;
    const second = await publishToEnd();
    expect(second.state).toBe('done');
    expect(second.dataset).toBe('updated');
    expect(ckan.datasets).toHaveLength(1);
    // Nothing changed, so every file (PDFs, ZIP-less website, metadata) is byte-identical: they
    // carry the event's date, not the clock's. Compared by SHA-256, all skipped, nothing uploaded.
    expect(second.files.filter((f) => f.action !== 'unchanged').map((f) => f.path)).toEqual([]);
    expect(second.files.every((f) => f.state === 'skipped')).toBe(true);
    expect(ckan.uploads - uploads).toBe(0);
  });

  it("publishes with the event's licence as the portal names it, or the one chosen from license_list", async () => {
    // The imported event has CC BY 4.0: core CKAN's id for it is `cc-by`, which the portal lists.
    expect(ckan.datasets[0]?.license_id).toBe('cc-by');
    const settings = { portal: ckan.url, organisation: 'ito', profile: 'public', maxMb: 100 };
    await api('/api/publish/settings', {
      method: 'PUT',
      body: JSON.stringify({ ...settings, licence: 'cc-by-4.0-not-listed' }),
    });
    const refused = await publishToEnd();
    expect(refused.state).toBe('failed');
    expect(refused.error?.kind).toBe('validation');
    expect(refused.error?.message).toMatch(/does not offer the licence "cc-by-4.0-not-listed".*settings/);
    const iri = 'http://dcat-ap.de/def/licenses/dl-by-de/2.0';
    await api('/api/publish/settings', {
      method: 'PUT',
      body: JSON.stringify({ ...settings, licence: iri }),
    });
    const chosen = await publishToEnd();
    expect(chosen.state).toBe('done');
    expect(ckan.datasets).toHaveLength(1);
    expect(ckan.datasets[0]?.license_id).toBe(iri);
  });

  it('names a refused token in plain words, and the token is in no answer and no log line', async () => {
    await api('/api/publish/token', { method: 'PUT', body: JSON.stringify({ token: 'falsches-token-123' }) });
    const refused = await publishToEnd();
    expect(refused.state).toBe('failed');
    expect(refused.error?.kind).toBe('permission');
    for (const text of [...answers, ...logged]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('falsches-token-123');
    }
  });
});
