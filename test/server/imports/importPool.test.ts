import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IMPORT_BUDGET,
  ImportBudgetError,
  ImportPool,
  ImportRefusedError,
} from '../../../server/imports/importPool.js';
import { planPreviewSchema } from '../../../shared/event/importedPlan.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('import pool (worker threads started from the TypeScript source)', () => {
  it('converts a file in a worker and hands back plain data', async () => {
    const pool = new ImportPool();
    const parsed = await pool.run({
      kind: 'pad',
      format: 'html',
      bytes: encode('<p onclick="x()">Hallo <b>Welt</b></p><script>alert(1)</script>'),
    });
    expect(parsed.format).toBe('html');
    expect(JSON.stringify(parsed.docs[0]?.doc)).toContain('"bold"');
    expect(parsed.removed).toMatchObject({ scripts: 1, eventHandlers: 1 });

    const preview = await pool.run({
      kind: 'plan',
      bytes: encode('title,room,start,end\nA,R1,2025-06-14T14:00,2025-06-14T14:45\n'),
      timeZone: 'Europe/Berlin',
      hint: 'csv',
    });
    expect(planPreviewSchema.parse(preview).summary.scheduled).toBe(1);

    const sketch = await pool.run({ kind: 'sketch', text: 'nope', now: 0, usedIds: [], zBase: {} });
    expect(sketch).toMatchObject({ ok: false });
  });

  it('passes a refusal of the file on with its status and message', async () => {
    const pool = new ImportPool();
    const refused = pool.run({ kind: 'pad', format: 'md', bytes: new Uint8Array([0x48, 0xe4, 0x6c]) });
    await expect(refused).rejects.toBeInstanceOf(ImportRefusedError);
    await expect(refused).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/not UTF-8/) });
  });

  it('ends a job that runs out of time and answers 422 naming the limit', async () => {
    // Four megabytes of Markdown take far longer than 20 ms to read (the clock starts once the
    // thread has loaded), so this job always runs out of time.
    const pool = new ImportPool({ ...DEFAULT_IMPORT_BUDGET, timeoutMs: 20 });
    const big = encode('Ein *Absatz* mit [Link](https://example.org).\n\n'.repeat(90_000));
    const slow = pool.run({ kind: 'pad', format: 'md', bytes: big });
    await expect(slow).rejects.toBeInstanceOf(ImportBudgetError);
    await expect(slow).rejects.toMatchObject({
      status: 422,
      code: 'import-too-slow',
      message: expect.stringMatching(/takes too long to read \(over 20 ms\)\. Nothing was imported\./),
    });
  });

  it('ends a job that needs more memory than its budget and answers 413 naming the limit', async () => {
    const pool = new ImportPool({
      ...DEFAULT_IMPORT_BUDGET,
      maxOldGenerationSizeMb: 24,
      maxYoungGenerationSizeMb: 4,
    });
    // 8 MB of Markdown becomes far more than 24 MB of tokens and nodes.
    const big = encode('Ein *Absatz* mit [Link](https://example.org) und `Code`.\n\n'.repeat(140_000));
    const greedy = pool.run({ kind: 'pad', format: 'md', bytes: big });
    await expect(greedy).rejects.toBeInstanceOf(ImportBudgetError);
    await expect(greedy).rejects.toMatchObject({
      status: 413,
      code: 'import-out-of-memory',
      message: expect.stringMatching(/needs more than 24 MB of memory/),
    });
    // The pool goes on working after a thread was ended.
    const after = await pool.run({ kind: 'pad', format: 'txt', bytes: encode('weiter') });
    expect(after.docs).toHaveLength(1);
  });

  it('queues jobs beyond its concurrency and refuses more than its queue with 503', async () => {
    const pool = new ImportPool({ ...DEFAULT_IMPORT_BUDGET, concurrency: 1, queue: 1 });
    const job = { kind: 'pad', format: 'txt', bytes: encode('x') } as const;
    const first = pool.run(job);
    const second = pool.run(job);
    await expect(pool.run(job)).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/too many/),
    });
    expect((await first).docs).toHaveLength(1);
    expect((await second).docs).toHaveLength(1);
  });
});
