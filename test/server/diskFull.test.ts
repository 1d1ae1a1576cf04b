import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { healthResponseSchema, type HealthResponse } from '../../shared/api/contract.js';
import type { RunningCore } from '../../server/core/coreTypes.js';
import { startLoopbackCore } from '../helpers/loopbackCore.js';
import { CLOSE_WRITE_FAILED } from '../../server/sync/sharedDoc.js';
import { connectSyncClient, waitFor } from '../helpers/syncClient.js';
import { makeTempDir } from '../helpers/tempDir.js';

/**
 * A real full disk: the workspace lives on a 2 MiB tmpfs (mounting needs root, as in CI), live
 * y-websocket clients stream edits, a filler file takes the last byte, and is removed again.
 */
const root = makeTempDir('mitschrift-diskfull-');
const workspace = join(root.dir, 'workspace');
let skipReason: string | undefined;

beforeAll(() => {
  mkdirSync(workspace);
  if (process.platform !== 'linux') {
    skipReason = 'tmpfs is Linux only';
    return;
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', workspace], { stdio: 'pipe' });
  } catch (error) {
    skipReason = `mounting a tmpfs is not permitted here (${String((error as { stderr?: unknown }).stderr ?? error).trim()})`;
  }
});
afterAll(() => {
  if (skipReason === undefined) {
    execFileSync('umount', [workspace]);
  }
  root.cleanup();
});

/** Writes a file until the file system refuses another byte; returns its size. */
function fillDisk(file: string): number {
  const fd = openSync(file, 'w');
  let size = 0;
  try {
    for (const chunk of [65536, 4096, 256, 1]) {
      const buffer = Buffer.alloc(chunk, 0x2e);
      for (;;) {
        try {
          size += writeSync(fd, buffer);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') {
            throw error;
          }
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return size;
}

async function health(core: RunningCore): Promise<HealthResponse> {
  const res = await fetch(`${core.origin}/api/health`, {
    headers: { Authorization: `Bearer ${core.token}` },
  });
  return healthResponseSchema.parse(await res.json());
}

describe('a full disk under live clients (tmpfs)', () => {
  it('tells the clients, lists the document, recovers when space is back, and keeps every acknowledged edit', async (ctx) => {
    if (skipReason !== undefined) {
      console.info(`disk-full test skipped: ${skipReason}`);
      ctx.skip();
    }
    let core = await startLoopbackCore(workspace);
    const writer = connectSyncClient(core.origin, core.token, 'pad/full');
    const observer = connectSyncClient(core.origin, core.token, 'pad/full');
    const closes: { code: number; reason: string }[] = [];
    writer.provider.on('connection-close', (event) => {
      if (event) {
        closes.push({ code: event.code, reason: event.reason });
      }
    });
    await Promise.all([writer.synced, observer.synced]);

    // "Acknowledged": the core broadcast it to another client, which it does only after writing it.
    const acknowledged = new Set<string>();
    observer.doc.getArray<string>('edits').observe((event) => {
      for (const item of event.changes.added) {
        for (const value of item.content.getContent() as string[]) {
          acknowledged.add(value);
        }
      }
    });
    let sent = 0;
    const streaming = setInterval(() => {
      for (let k = 0; k < 3; k++) {
        writer.doc.getArray<string>('edits').push([`edit-${sent}-${'x'.repeat(40)}`]);
        sent += 1;
      }
    }, 3);
    const filler = join(workspace, 'filler');
    try {
      await waitFor(() => acknowledged.size > 300, 20_000, 'edits before the disk fills');
      const filled = fillDisk(filler);
      const sentWhenFull = sent;
      await waitFor(
        () => closes.some((c) => c.code === CLOSE_WRITE_FAILED),
        20_000,
        'the clients to be told that writing failed',
      );
      const toldAt = { sent, acknowledged: acknowledged.size };
      expect(closes.find((c) => c.code === CLOSE_WRITE_FAILED)?.reason).toBe(
        'Speichern fehlgeschlagen / storage write failed: ENOSPC',
      );
      const failing = await health(core);
      expect(failing.ok).toBe(false);
      expect(failing.problems).toContainEqual(
        expect.objectContaining({ doc: 'pad/full', kind: 'write-failed' }),
      );
      // Edits go on in the clients while the disk is full.
      const whileFull = sent;
      await waitFor(() => sent > whileFull + 100, 10_000, 'edits while the disk is full');

      unlinkSync(filler);
      await waitFor(() => acknowledged.size > toldAt.acknowledged + 200, 20_000, 'recovery and new edits');
      clearInterval(streaming);
      await waitFor(() => acknowledged.size === sent, 20_000, 'every edit to arrive');
      expect((await health(core)).problems).toEqual([]);

      writer.destroy();
      observer.destroy();
      await core.close();
      core = await startLoopbackCore(workspace);
      const reader = connectSyncClient(core.origin, core.token, 'pad/full', new Y.Doc());
      await reader.synced;
      const onDisk = new Set(reader.doc.getArray<string>('edits').toArray());
      reader.destroy();
      const missing = [...acknowledged].filter((v) => !onDisk.has(v));
      console.info(
        `disk-full test: filler ${filled} bytes; ${sentWhenFull} edits sent when the disk filled, ` +
          `${toldAt.acknowledged} acknowledged when the clients were told (close ${CLOSE_WRITE_FAILED}); ` +
          `${sent} sent in all, ${acknowledged.size} acknowledged, ${onDisk.size} on disk after recovery and restart, ${missing.length} missing`,
      );
      expect(missing).toEqual([]);
      expect(onDisk.size).toBe(sent);
    } finally {
      clearInterval(streaming);
      writer.destroy();
      observer.destroy();
      try {
        unlinkSync(filler);
      } catch {
        // Already removed.
      }
      await core.close();
    }
  });
});
