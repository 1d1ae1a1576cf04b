import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTokenInfoSchema, type EventTokenInfo } from '../../../shared/api/eventTokenContract.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { CLOSE_LINK_REVOKED } from '../../../server/sync/syncEndpoint.js';
import { runCliToEnd } from '../../helpers/cliProcess.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import {
  scaleOutSkipReason,
  sql,
  startPostgres,
  startRedis,
  type PostgresService,
  type Service,
} from '../../helpers/scaleOutServices.js';
import { makeTempDir } from '../../helpers/tempDir.js';

/**
 * Issue 10: join links in a scaled-out workspace. Two nodes share PostgreSQL and Redis; a link made
 * on one node (or by the CLI with --postgres) works on the other, revoking it anywhere closes its
 * live connections on every node, and it survives a node's restart. A damaged value in PostgreSQL
 * lets no link in (the owner keeps working) and a stray notification changes nothing.
 */

const skip = scaleOutSkipReason();

const PLAN_CSV = 'title,room,start,end\nStadtgespräch,Saal,2026-06-13T10:00,2026-06-13T11:00\n';

describe.skipIf(skip !== undefined)('scale-out: join links shared by every node', () => {
  let redis: Service;
  let postgres: PostgresService;
  const temps: { dir: string; cleanup(): void }[] = [];
  const cores: RunningCore[] = [];
  const errors: string[] = [];
  let a: RunningCore;
  let b: RunningCore;
  let eventId: string;

  async function node(dir?: string): Promise<RunningCore> {
    const temp = dir ? undefined : makeTempDir('mitschrift-node-');
    if (temp) {
      temps.push(temp);
    }
    const core = await startLoopbackCore(dir ?? temp!.dir, {
      scaleOut: { postgres: postgres.url, redis: redis.url },
      logger: { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) },
    });
    cores.push(core);
    return core;
  }

  function api(core: RunningCore, token: string, path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${core.origin}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
    });
  }

  /** Polls (bounded) until the node answers the event's route to this token with `status`. */
  async function eventAnswers(core: RunningCore, token: string, status: number): Promise<void> {
    let last = 0;
    for (let i = 0; i < 100; i++) {
      last = (await api(core, token, `/api/events/${eventId}`)).status;
      if (last === status) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${core.origin} answered ${last}, not ${status}`);
  }

  function openSocket(core: RunningCore, token: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${core.origin.replace('http', 'ws')}/yjs/event/${eventId}?token=${token}`);
      const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
      ws.on('open', () => resolve({ ws, closed }));
      ws.on('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
      ws.on('error', reject);
    });
  }

  function upgradeStatus(core: RunningCore, token: string): Promise<number | 'open'> {
    return openSocket(core, token).then(
      ({ ws }) => {
        ws.close();
        return 'open' as const;
      },
      (error: Error) => Number(/refused with (\d+)/.exec(error.message)?.[1] ?? 0),
    );
  }

  async function share(core: RunningCore, role: string, label: string): Promise<EventTokenInfo> {
    const res = await api(core, core.token, `/api/events/${eventId}/tokens`, {
      method: 'POST',
      body: JSON.stringify({ role, label }),
    });
    expect(res.status).toBe(201);
    return eventTokenInfoSchema.parse(await res.json());
  }

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    a = await node();
    b = await node();
    const created = await api(a, a.token, `/api/events/import-plan?title=Stadtforum`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: PLAN_CSV,
    });
    expect(created.status).toBe(201);
    eventId = ((await created.json()) as { event: { id: string } }).event.id;
  }, 90_000);

  afterAll(async () => {
    for (const core of cores) {
      await core.close().catch(() => undefined);
    }
    await Promise.all([redis?.stop(), postgres?.stop()]);
    for (const temp of temps) {
      temp.cleanup();
    }
  }, 60_000);

  it('a link made on node A opens the event on node B; unknown links are refused on both', async () => {
    const link = await share(a, 'edit', 'Teilnehmende Raum 2');
    await eventAnswers(b, link.token!, 200);
    expect(await upgradeStatus(b, link.token!)).toBe('open');
    expect((await api(a, link.token!, `/api/events/${eventId}`)).status).toBe(200);
    for (const core of [a, b]) {
      expect((await api(core, 'x'.repeat(32), `/api/events/${eventId}`)).status).toBe(401);
      expect(await upgradeStatus(core, 'x'.repeat(32))).toBe(401);
    }
    // Both nodes list it: one store.
    const listed = await api(b, b.token, `/api/events/${eventId}/tokens`);
    expect(JSON.stringify(await listed.json())).toContain(link.id);
  });

  it('revoking on node B closes the link’s live connections on node A at once and refuses it everywhere', async () => {
    const link = await share(a, 'view', 'Projektor');
    await eventAnswers(b, link.token!, 200);
    const onA = await openSocket(a, link.token!);
    const onB = await openSocket(b, link.token!);
    const revoked = await api(b, b.token, `/api/events/${eventId}/tokens/${link.id}/revoke`, {
      method: 'POST',
    });
    expect(revoked.status).toBe(200);
    const codes = await Promise.race([
      Promise.all([onA.closed, onB.closed]),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not closed within 5 s')), 5000)),
    ]);
    expect(codes).toEqual([CLOSE_LINK_REVOKED, CLOSE_LINK_REVOKED]);
    for (const core of [a, b]) {
      expect((await api(core, link.token!, `/api/events/${eventId}`)).status).toBe(401);
      expect(await upgradeStatus(core, link.token!)).toBe(401);
    }
  });

  it('the CLI makes and revokes links with --postgres; every node follows', async () => {
    const made = await runCliToEnd([
      'event',
      'share',
      eventId,
      '--role',
      'view',
      '--label',
      'Wand',
      '--postgres',
      postgres.url,
      '--url',
      'https://mitschrift.stadt.example',
    ]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const url = made.stdout.trim().split('\n').at(-1)!;
    expect(url).toMatch(new RegExp(`^https://mitschrift\\.stadt\\.example/e/${eventId}\\?token=`));
    const token = new URL(url).searchParams.get('token')!;
    await eventAnswers(a, token, 200);
    await eventAnswers(b, token, 200);
    const listed = await runCliToEnd(['event', 'tokens', eventId, '--postgres', postgres.url, '--json']);
    const id = (JSON.parse(listed.stdout) as { tokens: Array<{ id: string; label: string }> }).tokens.find(
      (t) => t.label === 'Wand',
    )!.id;
    const live = await openSocket(b, token);
    const revoked = await runCliToEnd(['event', 'revoke', eventId, id, '--postgres', postgres.url]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('Every node closes its connections now.');
    expect(await live.closed).toBe(CLOSE_LINK_REVOKED);
    await eventAnswers(a, token, 401);
    // An unknown event is refused before anything is written.
    const unknown = await runCliToEnd([
      'event',
      'share',
      'nope',
      '--role',
      'edit',
      '--postgres',
      postgres.url,
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('There is no event "nope"');
  });

  it('keeps working links across a node restart; a damaged store lets no link in until repaired', async () => {
    const link = await share(b, 'edit', 'bleibt');
    const dir = a.dataDir;
    await a.close();
    a = await node(dir);
    await eventAnswers(a, link.token!, 200);

    // A stray notification with a payload nobody wrote changes nothing.
    await sql(postgres.url, "SELECT pg_notify('mitschrift_join_links', 'kaputt {')");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await eventAnswers(a, link.token!, 200);

    const [good] = await sql<{ value: string }>(
      postgres.url,
      "SELECT value FROM mitschrift_settings WHERE key = 'event-tokens'",
    );
    await sql(
      postgres.url,
      'UPDATE mitschrift_settings SET value = \'{"version":1,"tokens":[{\' WHERE key = \'event-tokens\'',
    );
    await sql(postgres.url, "SELECT pg_notify('mitschrift_join_links', '')");
    await eventAnswers(a, link.token!, 401);
    await eventAnswers(b, link.token!, 401);
    expect(errors.some((m) => m.includes('cannot be read') && m.includes('PostgreSQL'))).toBe(true);
    // The owner is not a join link: still in.
    expect((await api(a, a.token, `/api/events/${eventId}`)).status).toBe(200);
    await sql(postgres.url, "UPDATE mitschrift_settings SET value = $1 WHERE key = 'event-tokens'", [
      good!.value,
    ]);
    await sql(postgres.url, "SELECT pg_notify('mitschrift_join_links', '')");
    await eventAnswers(a, link.token!, 200);
    await eventAnswers(b, link.token!, 200);
  });
});
