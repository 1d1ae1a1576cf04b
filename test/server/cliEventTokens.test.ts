import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { eventTokenListSchema } from '../../shared/api/eventTokenContract.js';
import { sessionInfoSchema } from '../../shared/api/padContract.js';
import { CLOSE_LINK_REVOKED } from '../../server/sync/syncEndpoint.js';
import { runCliToEnd, startServe, type CliResult } from '../helpers/cliProcess.js';
import { makeTempDir } from '../helpers/tempDir.js';
import { PLAN_CSV } from './pad/padTestCore.js';

/**
 * `mitschrift event share|tokens|revoke|rename-token` end to end: real CLI processes on a workspace,
 * with no core and beside a running `serve` (which must apply a revoke at once).
 */

vi.setConfig({ testTimeout: 120_000 });

let temp: ReturnType<typeof makeTempDir>;
let eventId: string;

/** A command's result with its output as lines (the last line is what a script would read). */
async function cli(args: string[]): Promise<CliResult & { out: string[] }> {
  const result = await runCliToEnd(args);
  return { ...result, out: result.stdout.trimEnd().split('\n') };
}

beforeAll(async () => {
  temp = makeTempDir('mitschrift-cli-tokens-');
  const plan = join(temp.dir, 'plan.csv');
  writeFileSync(plan, PLAN_CSV);
  const made = await cli([
    'event',
    'import-plan',
    plan,
    '--data',
    join(temp.dir, 'ws'),
    '--title',
    'BarCamp',
  ]);
  expect(made.code, made.stderr).toBe(0);
  eventId = made.out.at(-1)!;
}, 120_000);

afterAll(() => temp.cleanup());

describe('mitschrift event share / tokens / revoke / rename-token', () => {
  it('works without a core: a loopback link comes with a warning before it; bad input is refused clearly', async () => {
    const data = join(temp.dir, 'ws');
    const shared = await cli([
      'event',
      'share',
      eventId,
      '--role',
      'view',
      '--label',
      'Projektor',
      '--data',
      data,
    ]);
    expect(shared.code, shared.stderr).toBe(0);
    expect(shared.out.at(-1)).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1/e/${eventId}\\?token=[A-Za-z0-9_-]{32}$`),
    );
    expect(shared.stderr).toMatch(/^Warning: .*this machine only/m);

    const withUrl = await cli([
      'event',
      'share',
      eventId,
      '--role',
      'organiser',
      '--url',
      'http://192.168.1.20:8080',
      '--data',
      data,
    ]);
    expect(withUrl.stderr).toBe('');
    expect(withUrl.out.at(-1)).toMatch(new RegExp(`^http://192\\.168\\.1\\.20:8080/e/${eventId}\\?token=`));

    const badRole = await cli(['event', 'share', eventId, '--role', 'owner', '--data', data]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be organiser, recorder, edit or view, not "owner"');
    const noEvent = await cli(['event', 'share', 'nope', '--role', 'view', '--data', data]);
    expect(noEvent.code).toBe(1);
    expect(noEvent.stderr).toContain('There is no event "nope"');
    const noToken = await cli(['event', 'revoke', eventId, 'nope', '--data', data]);
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain(`Event "${eventId}" has no join link "nope"`);
  });

  it('beside a running core: the printed link works there, and a revoke closes its connections at once', async () => {
    const data = join(temp.dir, 'ws');
    const server = await startServe(['--port', '0', '--data', data]);
    try {
      const shared = await cli([
        'event',
        'share',
        eventId,
        '--role',
        'edit',
        '--label',
        'Teilnehmende Raum 2',
        '--data',
        data,
      ]);
      expect(shared.code, shared.stderr).toBe(0);
      const url = new URL(shared.out.at(-1)!);
      // The running core's own (loopback) address, with a warning line before the link.
      expect(url.origin).toBe(server.origin);
      expect(shared.stderr).toContain(`the core listens on ${server.origin}`);
      const token = url.searchParams.get('token')!;
      const session = await fetch(`${server.origin}/api/session`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(sessionInfoSchema.parse(await session.json())).toMatchObject({
        role: 'edit',
        eventId,
        label: 'Teilnehmende Raum 2',
      });

      const listed = await cli(['event', 'tokens', eventId, '--data', data, '--json']);
      expect(listed.code, listed.stderr).toBe(0);
      const list = eventTokenListSchema.parse(JSON.parse(listed.out.join('\n')));
      const mine = list.tokens.find((t) => t.token === token)!;
      expect(mine).toMatchObject({ role: 'edit', label: 'Teilnehmende Raum 2', revoked: null });
      expect(list.tokens.map((t) => t.role).sort()).toEqual(['edit', 'organiser', 'view']);
      expect(listed.out.join('\n')).not.toContain(server.token);
      const table = await cli(['event', 'tokens', eventId, '--data', data]);
      expect(table.out[0]).toBe('id\trole\tcreated\trevoked\tlabel\tlink');
      expect(table.out.find((l) => l.startsWith(mine.id))).toContain('\tedit\t');

      const renamed = await cli([
        'event',
        'rename-token',
        eventId,
        mine.id,
        '--label',
        'Raum 3',
        '--data',
        data,
      ]);
      expect(renamed.code, renamed.stderr).toBe(0);
      const after = await fetch(`${server.origin}/api/session`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(sessionInfoSchema.parse(await after.json()).label).toBe('Raum 3');

      // A live connection with the link, then the CLI revokes it in another process.
      const live = new WebSocket(
        `${server.origin.replace('http', 'ws')}/yjs/event/${eventId}?token=${token}`,
      );
      const closed = new Promise<{ code: number; reason: string }>((r) =>
        live.on('close', (code, reason) => r({ code, reason: reason.toString() })),
      );
      await new Promise((r, reject) => {
        live.once('open', r);
        live.once('error', reject);
      });
      const revoked = await cli(['event', 'revoke', eventId, mine.id, '--data', data]);
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(revoked.out.at(-1)).toContain(`The core at ${server.origin} closes its connections now.`);
      const { code, reason } = await closed;
      expect(code).toBe(CLOSE_LINK_REVOKED);
      expect(reason).toContain('revoked');
      const refused = await fetch(`${server.origin}/api/session`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain('revoked');

      // A damaged store: a clear error from the CLI, and the core keeps serving the owner.
      writeFileSync(join(data, 'event-tokens.json'), 'not json');
      const broken = await cli(['event', 'tokens', eventId, '--data', data]);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/event-tokens\.json\) cannot be read: not JSON/);
      const health = await fetch(`${server.origin}/api/health`, {
        headers: { Authorization: `Bearer ${server.token}` },
      });
      expect(health.status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
