import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServe } from '../helpers/cliProcess.js';
import { connectSyncClient, waitFor } from '../helpers/syncClient.js';
import { makeTempDir } from '../helpers/tempDir.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('crash safety', () => {
  it('keeps every edit acknowledged before a SIGKILL in the middle of a stream of edits', async () => {
    // 2,500 edits a second from one client: far above the per-connection message limit, which this
    // test is not about, so it is lifted here (the flag is the one organisers would use).
    const server = await startServe(['--port', '0', '--data', temp.dir, '--messages-per-second', '100000']);
    const writer = connectSyncClient(server.origin, server.token, 'pad/crash');
    const observer = connectSyncClient(server.origin, server.token, 'pad/crash');
    await Promise.all([writer.synced, observer.synced]);

    // "Acknowledged" = the core has broadcast it to another client; it does so only after writing it.
    const seenByObserver = new Set<number>();
    observer.doc.getArray<number>('edits').observe((event) => {
      for (const item of event.changes.added) {
        for (const value of item.content.getContent() as number[]) {
          seenByObserver.add(value);
        }
      }
    });
    const sentAt: number[] = [];
    let next = 0;
    const streaming = setInterval(() => {
      for (let k = 0; k < 5; k++) {
        sentAt[next] = Date.now();
        writer.doc.getArray<number>('edits').push([next]);
        next += 1;
      }
    }, 2);
    await waitFor(() => seenByObserver.size > 1500, 30_000, 'a stream of edits');
    const killedAt = Date.now();
    server.child.kill('SIGKILL');
    clearInterval(streaming);
    writer.destroy();
    observer.destroy();
    expect((await server.exited).signal).toBe('SIGKILL');

    const restarted = await startServe(['--port', '0', '--data', temp.dir]);
    const reader = connectSyncClient(restarted.origin, restarted.token, 'pad/crash', new Y.Doc());
    await reader.synced;
    const stored = new Set(reader.doc.getArray<number>('edits').toArray());
    const missingSeen = [...seenByObserver].filter((v) => !stored.has(v));
    const sentEarly = sentAt.map((t, i) => (t <= killedAt - 100 ? i : -1)).filter((i) => i >= 0);
    const missingEarly = sentEarly.filter((v) => !stored.has(v));
    console.info(
      `crash test: ${next} edits sent, ${seenByObserver.size} acknowledged, ${stored.size} stored after SIGKILL + restart; ` +
        `${missingEarly.length} of ${sentEarly.length} sent 100 ms or more before the kill missing (timing only, not asserted)`,
    );
    // The guarantee is about acknowledged edits: whatever another client has seen is on disk. How many
    // edits were still in flight at the kill depends on machine load, so it is printed, not asserted.
    expect(missingSeen).toEqual([]);
    expect(seenByObserver.size).toBeGreaterThan(100);
    reader.destroy();
    restarted.child.kill('SIGTERM');
    expect((await restarted.exited).code).toBe(0);
  });
});
