import { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { healthResponseSchema } from '../../shared/api/contract.js';
import type { RunningCore } from '../../server/core/coreTypes.js';
import { startLoopbackCore } from '../helpers/loopbackCore.js';
import { DocStore, DocWriteFailedError } from '../../server/storage/docStore.js';
import { withLockedDocs } from '../../server/storage/lockedDocs.js';
import { lockWorkspace } from '../../server/storage/workspaceLock.js';
import { DocRegistry } from '../../server/sync/docRegistry.js';
import { CLOSE_WRITE_FAILED } from '../../server/sync/sharedDoc.js';
import { injectFileFaults, type FileFaults } from '../helpers/fileFaults.js';
import { connectSyncClient, waitFor, type SyncClient } from '../helpers/syncClient.js';
import { makeTempDir } from '../helpers/tempDir.js';

/** A logger that keeps what it was told. */
function captureLogger(): {
  lines: string[];
  info(m: string): void;
  warn(m: string): void;
  error(m: string): void;
} {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

let temp: ReturnType<typeof makeTempDir>;
let faults: FileFaults;
let core: RunningCore | undefined;
const clients: SyncClient[] = [];

beforeEach(() => {
  temp = makeTempDir();
  // Before anything opens a file, so the spy knows every descriptor's path.
  faults = injectFileFaults();
});
afterEach(async () => {
  for (const client of clients.splice(0)) {
    client.destroy();
  }
  faults.heal();
  await core?.close();
  core = undefined;
  faults.restore();
  vi.restoreAllMocks();
  temp.cleanup();
});

async function health(c: RunningCore): Promise<ReturnType<typeof healthResponseSchema.parse>> {
  const res = await fetch(`${c.origin}/api/health`, { headers: { Authorization: `Bearer ${c.token}` } });
  return healthResponseSchema.parse(await res.json());
}

/** Connects a client and records the close codes and reasons it is given. */
function client(
  c: RunningCore,
  docName: string,
): SyncClient & { closes: { code: number; reason: string }[] } {
  const connected = connectSyncClient(c.origin, c.token, docName);
  clients.push(connected);
  const closes: { code: number; reason: string }[] = [];
  connected.provider.on('connection-close', (event) => {
    if (event) {
      closes.push({ code: event.code, reason: event.reason });
    }
  });
  return Object.assign(connected, { closes });
}

/** Opens a raw WebSocket and resolves with the close code and reason the core gives it. */
function closeOf(c: RunningCore, docName: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${c.origin.replace('http', 'ws')}/yjs/${docName}?token=${c.token}`);
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('error', reject);
  });
}

function items(doc: Y.Doc): string[] {
  return doc.getArray<string>('items').toArray();
}

/** Reads a document from disk the way the next start would. */
function stored(dataDir: string, docName: 'pad/faulty' | 'sketch/faulty'): string[] {
  const { doc, log } = new DocStore(dataDir).open(docName, { gc: true });
  log.close();
  return items(doc);
}

describe('storage faults under live clients (injected file-system errors)', () => {
  it('a failed append closes the sockets with the reason, lists the document, refuses it, and recovers losing nothing', async () => {
    const logger = captureLogger();
    core = await startLoopbackCore(temp.dir, { logger });
    const c = core;
    const writer = client(c, 'pad/faulty');
    const observer = client(c, 'pad/faulty');
    await Promise.all([writer.synced, observer.synced]);
    writer.doc.getArray<string>('items').push(['before']);
    await waitFor(() => items(observer.doc).includes('before'), 5_000, 'the first edit');

    faults.fail('write', (path) => path.endsWith('pad%2Ffaulty.ylog'), 'ENOSPC');
    writer.doc.getArray<string>('items').push(['during-1']);
    await waitFor(() => writer.closes.some((e) => e.code === CLOSE_WRITE_FAILED), 5_000, 'the close');
    expect(writer.closes[0]).toEqual({
      code: CLOSE_WRITE_FAILED,
      reason: 'Speichern fehlgeschlagen / storage write failed: ENOSPC',
    });
    await waitFor(() => observer.closes.length > 0, 5_000, 'the observer is told');
    expect(observer.closes[0]?.code).toBe(CLOSE_WRITE_FAILED);
    // What could not be written was not broadcast.
    expect(items(observer.doc)).toEqual(['before']);
    writer.doc.getArray<string>('items').push(['during-2']);

    const failing = await health(c);
    expect(failing.ok).toBe(false);
    expect(failing.problems).toEqual([
      expect.objectContaining({
        doc: 'pad/faulty',
        kind: 'write-failed',
        message: expect.stringMatching(/ENOSPC/),
      }),
    ]);
    const refused = await closeOf(c, 'pad/faulty');
    expect(refused.code).toBe(4500);
    expect(refused.reason).toMatch(/storage write failed .*ENOSPC/);
    // Other documents keep working, and HTTP changes to the failed one are refused.
    const other = client(c, 'pad/other');
    await other.synced;
    expect(logger.lines.some((l) => l.startsWith('error') && l.includes('ENOSPC'))).toBe(true);

    faults.heal();
    await waitFor(
      () => ['before', 'during-1', 'during-2'].every((v) => items(observer.doc).includes(v)),
      10_000,
      'recovery and resync',
    );
    expect((await health(c)).problems).toEqual([]);
    writer.doc.getArray<string>('items').push(['after']);
    await waitFor(() => items(observer.doc).includes('after'), 5_000, 'an edit after recovery');

    const sent = items(writer.doc).length;
    const acknowledged = items(observer.doc).length;
    await c.close();
    core = undefined;
    const onDisk = stored(temp.dir, 'pad/faulty');
    console.info(
      `append fault: ${sent} edits sent, ${acknowledged} acknowledged, ${onDisk.length} on disk after restart; ${faults.failures} injected write failures`,
    );
    expect(onDisk.sort()).toEqual(['after', 'before', 'during-1', 'during-2']);
  });

  it('a failing fdatasync of the timer marks the document failed instead of ending the process, then recovers', async () => {
    core = await startLoopbackCore(temp.dir, { logger: captureLogger() });
    const c = core;
    const writer = client(c, 'sketch/faulty');
    await writer.synced;
    faults.fail('fdatasync', (path) => path.endsWith('sketch%2Ffaulty.ylog'), 'EIO', 1);
    writer.doc.getArray<string>('items').push(['one']);
    await waitFor(() => writer.closes.length > 0, 5_000, 'the close');
    expect(writer.closes[0]).toEqual({
      code: CLOSE_WRITE_FAILED,
      reason: 'Speichern fehlgeschlagen / storage write failed: EIO',
    });
    // The fault was a single one: the core's next flush writes the whole state again.
    await waitFor(() => writer.provider.synced && writer.closes.length >= 1, 10_000, 'the reconnect');
    writer.doc.getArray<string>('items').push(['two']);
    const reader = client(c, 'sketch/faulty');
    await waitFor(() => items(reader.doc).length === 2, 10_000, 'both edits');
    expect((await health(c)).ok).toBe(true);
    await c.close();
    core = undefined;
    expect(stored(temp.dir, 'sketch/faulty')).toEqual(['one', 'two']);
  });

  it('a failing compaction at unload keeps the document in memory, listed as failed, until it can be written', async () => {
    const logger = captureLogger();
    const store = new DocStore(temp.dir);
    const registry = new DocRegistry(store, { logger, idleUnloadMs: 10 });
    const shared = registry.acquire('sketch/faulty');
    shared.doc.getArray<string>('items').push(['kept']);
    faults.fail('open', (path) => path.includes('sketch%2Ffaulty.ylog.tmp-'), 'ENOSPC');
    registry.release('sketch/faulty');
    await waitFor(() => shared.failure !== undefined, 5_000, 'the failed unload');
    expect(registry.isLoaded('sketch/faulty')).toBe(true);
    expect(store.problems()).toEqual([
      expect.objectContaining({ doc: 'sketch/faulty', kind: 'write-failed' }),
    ]);
    expect(() => registry.acquire('sketch/faulty')).toThrow(/storage write failed/);
    expect(registry.read('sketch/faulty', items)).toEqual(['kept']);
    registry.flushAll();
    expect(registry.isLoaded('sketch/faulty')).toBe(true);

    faults.heal();
    // The core's flush timer retries (backing off while the disk refuses): here the test is the timer.
    await waitFor(
      () => {
        registry.flushAll();
        return store.problems().length === 0;
      },
      10_000,
      'the recovery',
    );
    await waitFor(() => !registry.isLoaded('sketch/faulty'), 5_000, 'the unload after recovery');
    expect(stored(temp.dir, 'sketch/faulty')).toEqual(['kept']);
    expect(logger.lines.some((l) => l.includes('stays in memory'))).toBe(true);
  });

  it('a failing write inside an HTTP change answers 503 with the reason, not 201', async () => {
    core = await startLoopbackCore(temp.dir, { logger: captureLogger() });
    const c = core;
    faults.fail('write', (path) => path.endsWith('workspace.ylog'), 'ENOSPC');
    const res = await fetch(`${c.origin}/api/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${c.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Nicht gespeichert' }),
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/storage write failed.*ENOSPC/);
    faults.heal();
    // The core's next flush writes the workspace again; the change was kept in memory, not lost.
    for (let i = 0; i < 50 && !(await health(c)).ok; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await health(c)).ok).toBe(true);
  });
});

describe('storage faults outside a running core', () => {
  it('a new document the disk cannot take is refused with the reason, and nothing is left behind', () => {
    const store = new DocStore(temp.dir);
    faults.fail('write', (path) => path.includes('pad%2Fnew.ylog.tmp-'), 'ENOSPC');
    expect(() => store.open('pad/new', { gc: false })).toThrow(DocWriteFailedError);
    expect(() => store.open('pad/new', { gc: false })).toThrow(/storage write failed \(pad\/new\): ENOSPC/);
    expect(store.listDocNames()).toEqual([]);
  });

  it('a CLI change the disk refuses fails the command, and the workspace lock is released', () => {
    withLockedDocs(temp.dir, (open) => open('workspace', { gc: true }).getArray('items').push(['saved']));
    faults.fail('write', (path) => path.endsWith('workspace.ylog'), 'ENOSPC');
    expect(() =>
      withLockedDocs(temp.dir, (open) => open('workspace', { gc: true }).getArray('items').push(['refused'])),
    ).toThrow(/ENOSPC/);
    faults.heal();
    faults.fail('fdatasync', (path) => path.endsWith('workspace.ylog'), 'EIO', 1);
    expect(() =>
      withLockedDocs(temp.dir, (open) =>
        open('workspace', { gc: true }).getArray('items').push(['unsynced']),
      ),
    ).toThrow(/EIO/);
    lockWorkspace(temp.dir).release();
  });
});

describe('HTTP writes answer after fdatasync', () => {
  function recordResponses(events: string[]): void {
    const writeHead = ServerResponse.prototype.writeHead;
    vi.spyOn(ServerResponse.prototype, 'writeHead').mockImplementation(function (
      this: ServerResponse,
      ...args: unknown[]
    ) {
      events.push(`respond:${String(args[0])}`);
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    });
  }

  /** The events of one request, and whether `file` was fdatasync'ed before the answer. */
  async function syncedBeforeAnswer(
    request: () => Promise<Response>,
    fileEnd: string,
  ): Promise<{ status: number; synced: boolean }> {
    const from = faults.events.length;
    const res = await request();
    await res.arrayBuffer();
    const events = faults.events.slice(from);
    const answered = events.findIndex((e) => e.startsWith('respond:'));
    const synced = events.slice(0, answered).some((e) => e.startsWith('fdatasync:') && e.endsWith(fileEnd));
    return { status: res.status, synced };
  }

  it('creating an event, importing a pad and restoring a revision sync the documents and the history first', async () => {
    core = await startLoopbackCore(temp.dir, { logger: captureLogger() });
    const c = core;
    recordResponses(faults.events);
    const auth = { Authorization: `Bearer ${c.token}` };

    const created = await syncedBeforeAnswer(
      () =>
        fetch(`${c.origin}/api/events`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: 'Dauerhaft' }),
        }),
      'workspace.ylog',
    );
    expect(created).toEqual({ status: 201, synced: true });

    const imported = await syncedBeforeAnswer(
      () =>
        fetch(`${c.origin}/api/pads/durable/import?format=md`, {
          method: 'POST',
          headers: auth,
          body: '# Titel\n\nErster Absatz.',
        }),
      'pad%2Fdurable.ylog',
    );
    expect(imported).toEqual({ status: 201, synced: true });
    const historyFirst = await syncedBeforeAnswer(
      () =>
        fetch(`${c.origin}/api/pads/durable/import?format=md`, {
          method: 'POST',
          headers: auth,
          body: 'Zweiter Stand.',
        }),
      'durable.revisions',
    );
    expect(historyFirst).toEqual({ status: 201, synced: true });

    const restored = await syncedBeforeAnswer(
      () =>
        fetch(`${c.origin}/api/pads/durable/revisions/0/restore`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ author: { id: 'uAda', name: 'Ada' } }),
        }),
      'pad%2Fdurable.ylog',
    );
    expect(restored).toEqual({ status: 201, synced: true });
  });
});
