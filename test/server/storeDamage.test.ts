import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { healthResponseSchema } from '../../shared/api/contract.js';
import { startLoopbackCore } from '../helpers/loopbackCore.js';
import type { RunningCore } from '../../server/core/coreTypes.js';
import { DocStore } from '../../server/storage/docStore.js';
import { connectSyncClient } from '../helpers/syncClient.js';
import { makeTempDir } from '../helpers/tempDir.js';

let temp: ReturnType<typeof makeTempDir>;
let core: RunningCore | undefined;
const warnings: string[] = [];
const logger = {
  info: () => undefined,
  warn: (m: string) => warnings.push(m),
  error: (m: string) => warnings.push(m),
};

beforeEach(() => {
  temp = makeTempDir();
  warnings.length = 0;
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  temp.cleanup();
});

async function writeDoc(name: string, text: string): Promise<void> {
  const c = await startLoopbackCore(temp.dir, { logger });
  const client = connectSyncClient(c.origin, c.token, name);
  await client.synced;
  for (const word of text.split(' ')) {
    client.doc.getText('t').insert(client.doc.getText('t').length, word + ' ');
  }
  await new Promise((r) => setTimeout(r, 100));
  client.destroy();
  await c.close();
}

function closeReason(origin: string, token: string, doc: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/yjs/${doc}?token=${token}`);
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

describe('a damaged store file', () => {
  it('is reported by name at start-up and in /api/health; that document stays closed, the rest opens', async () => {
    await writeDoc('pad/damaged', 'eins zwei drei vier');
    await writeDoc('pad/healthy', 'alles gut');
    const file = new DocStore(temp.dir).fileFor('pad/damaged');
    // A flipped byte inside the first record: real damage, not a torn tail. (After compaction the
    // file holds one record, so damage it and append a valid-looking second record header.)
    const bytes = readFileSync(file);
    bytes[12] = bytes[12]! ^ 0x5a;
    writeFileSync(file, Buffer.concat([bytes, Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 7])]));

    core = await startLoopbackCore(temp.dir, { logger });
    expect(warnings.join('\n')).toMatch(/Store problem: .*pad%2Fdamaged\.ylog: corrupted at byte 8/);
    const health = healthResponseSchema.parse(
      await (
        await fetch(`${core.origin}/api/health`, { headers: { Authorization: `Bearer ${core.token}` } })
      ).json(),
    );
    expect(health.ok).toBe(false);
    expect(health.problems).toEqual([
      expect.objectContaining({ doc: 'pad/damaged', kind: 'corrupted', file }),
    ]);

    const refused = await closeReason(core.origin, core.token, 'pad/damaged');
    expect(refused.code).toBe(4500);
    expect(refused.reason).toContain('pad/damaged');

    const healthy = connectSyncClient(core.origin, core.token, 'pad/healthy');
    await healthy.synced;
    expect(healthy.doc.getText('t').toString()).toBe('alles gut ');
    healthy.destroy();
  });

  it('with a cut-off tail opens with the intact part and keeps the original beside it', async () => {
    await writeDoc('pad/torn', 'eins zwei');
    const file = new DocStore(temp.dir).fileFor('pad/torn');
    // Append a record whose payload was cut off by a crash.
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from([50, 0, 0, 0, 1, 2, 3, 4, 9, 9])]));
    const size = statSync(file).size;
    truncateSync(file, size - 1);

    core = await startLoopbackCore(temp.dir, { logger });
    expect(core.problems).toEqual([expect.objectContaining({ doc: 'pad/torn', kind: 'truncated' })]);
    const client = connectSyncClient(core.origin, core.token, 'pad/torn');
    await client.synced;
    expect(client.doc.getText('t').toString()).toBe('eins zwei ');
    client.destroy();
  });
});
