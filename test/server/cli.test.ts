import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LISTENING_LINE, runCli, startServe } from '../helpers/cliProcess.js';
import { connectSyncClient } from '../helpers/syncClient.js';
import { makeTempDir } from '../helpers/tempDir.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('mitschrift CLI', () => {
  it('lists every command in --help', async () => {
    const proc = runCli(['--help']);
    expect((await proc.exited).code).toBe(0);
    expect(proc.stdout()).toContain('mitschrift serve [--host H] [--port P] [--data DIR]');
    expect(proc.stdout()).toMatch(/mitschrift version/);
  });

  it('serve prints the listening line, serves the token, and exits 0 on SIGTERM after flushing', async () => {
    const server = await startServe(['--host', '127.0.0.1', '--port', '0', '--data', temp.dir]);
    expect(server.stdout()).toMatch(LISTENING_LINE);
    expect(
      (await fetch(`${server.origin}/api/health`, { headers: { Authorization: `Bearer ${server.token}` } }))
        .status,
    ).toBe(200);
    const client = connectSyncClient(server.origin, server.token, 'event/e1');
    await client.synced;
    client.doc.getMap('plan').set('title', 'BarCamp');
    await new Promise((r) => setTimeout(r, 50));
    client.destroy();
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    // The token is the workspace's own, so handed-out links survive a restart.
    const again = await startServe(['--port', '0', '--data', temp.dir]);
    expect(again.token).toBe(server.token);
    const reader = connectSyncClient(again.origin, again.token, 'event/e1');
    await reader.synced;
    expect(reader.doc.getMap('plan').get('title')).toBe('BarCamp');
    reader.destroy();
    again.child.kill('SIGTERM');
    await again.exited;
  });

  it('refuses a second serve on a workspace in use, naming the holder', async () => {
    const first = await startServe(['--port', '0', '--data', temp.dir]);
    const second = runCli(['serve', '--port', '0', '--data', temp.dir]);
    expect((await second.exited).code).toBe(1);
    expect(second.stderr()).toMatch(
      /is in use by another Mitschrift process \(pid \d+ on .*http:\/\/127\.0\.0\.1:\d+/,
    );
    first.child.kill('SIGTERM');
    await first.exited;
  });

  it('rejects a bad port and an unknown command with a clear message', async () => {
    const bad = runCli(['serve', '--port', 'abc', '--data', temp.dir]);
    expect((await bad.exited).code).toBe(2);
    expect(bad.stderr()).toContain('--port must be a number');
    const unknown = runCli(['frobnicate']);
    expect((await unknown.exited).code).toBe(2);
    expect(unknown.stderr()).toContain('unknown command "frobnicate"');
  });
});
