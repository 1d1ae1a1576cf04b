import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const entry = join(import.meta.dirname, '../../server/core/coreProcess.ts');
const dirs: string[] = [];

/** Starts the real core entry from source as a Node child, the way tests stand in for utilityProcess. */
function startChild(): ChildProcess {
  return fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve) => child.once('message', resolve));
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) {
    await rm(dir, { recursive: true, force: true });
  }
});

describe('core process entry', () => {
  it('reports its origin, serves /api/health with the token and exits 0 on shutdown', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mitschrift-coreproc-'));
    dirs.push(dataDir);
    const token = 'a'.repeat(32);
    const child = startChild();
    const exited = exitCode(child);
    child.send({ type: 'start', dataDir, host: '127.0.0.1', port: 0, token });
    const report = (await nextMessage(child)) as { type: string; origin: string };
    expect(report.type).toBe('listening');
    const res = await fetch(`${report.origin}/api/health`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    child.send({ type: 'shutdown' });
    expect(await exited).toBe(0);
  }, 30_000);

  it('keeps the portal token in memory for the desktop shell and reports every change to it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mitschrift-coreproc-'));
    dirs.push(dataDir);
    const token = 'b'.repeat(32);
    const child = startChild();
    const exited = exitCode(child);
    child.send({
      type: 'start',
      dataDir,
      host: '127.0.0.1',
      port: 0,
      token,
      publishTokenStorage: 'memory',
      publishToken: 'kept-by-shell-1234',
    });
    const report = (await nextMessage(child)) as { type: string; origin: string };
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const settings = await fetch(`${report.origin}/api/publish/settings`, { headers });
    expect(await settings.json()).toMatchObject({ token: 'set', tokenSource: 'shell' });
    const changed = nextMessage(child);
    const put = await fetch(`${report.origin}/api/publish/token`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ token: 'typed-in-app-5678' }),
    });
    expect(put.status).toBe(200);
    expect(await changed).toEqual({ type: 'publish-token', token: 'typed-in-app-5678' });
    const cleared = nextMessage(child);
    await fetch(`${report.origin}/api/publish/token/clear`, { method: 'POST', headers });
    expect(await cleared).toEqual({ type: 'publish-token', token: null });
    // Nothing of it on disk: the shell keeps it (encrypted), the workspace does not.
    expect(existsSync(join(dataDir, 'ckan-token'))).toBe(false);
    child.send({ type: 'shutdown' });
    expect(await exited).toBe(0);
  }, 30_000);

  it('answers a bad first message with a clear failure and exits 1', async () => {
    const child = startChild();
    const exited = exitCode(child);
    child.send({ type: 'start', host: '127.0.0.1', port: 'eighty' });
    const report = (await nextMessage(child)) as { type: string; message: string };
    expect(report.type).toBe('failed');
    expect(report.message).toMatch(/bad start message.*port/s);
    expect(await exited).toBe(1);
  }, 30_000);
});
