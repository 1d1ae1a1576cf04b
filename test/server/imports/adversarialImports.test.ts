import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/api/contract.js';
import { importResponseSchema } from '../../../shared/api/padContract.js';
import { planPreviewSchema } from '../../../shared/event/importedPlan.js';
import { connectSyncClient, waitFor, type SyncClient } from '../../helpers/syncClient.js';
import { startPadTestCore, type PadTestCore } from '../pad/padTestCore.js';

/**
 * Hostile files of about 1 MB (each was minutes of frozen event loop with the hand-written
 * parsers): each is imported or refused with a clear error, never stopped by the time budget,
 * and while the worker reads it a live client on another pad keeps receiving edits.
 */

let t: PadTestCore;
let clients: SyncClient[] = [];

beforeAll(async () => {
  t = await startPadTestCore();
});

afterAll(async () => {
  for (const client of clients) {
    client.destroy();
  }
  clients = [];
  await t.close();
});

const MB = 1_000_000;
const nestedQuoteLines = `${'>'.repeat(1000)} x\n`.repeat(MB / 1003);

const cases: [string, 'md' | 'html', string, number[], RegExp | null][] = [
  ['Markdown: "[" × 1M', 'md', '['.repeat(MB), [201], null],
  ['Markdown: "*" × 1M', 'md', '*'.repeat(MB), [201], null],
  ['Markdown: "*a " × 333k', 'md', '*a '.repeat(MB / 3), [201, 422], null],
  ['Markdown: "[a](" × 250k', 'md', '[a]('.repeat(MB / 4), [201], null],
  ['Markdown: ">" × 1M', 'md', '>'.repeat(MB), [422], /nested more than 48 levels/],
  ['Markdown: 1,000 lines of 1,000 nested ">"', 'md', nestedQuoteLines, [422], /nested more than 48 levels/],
  ['HTML: "<div>" × 200k', 'html', '<div>'.repeat(MB / 5), [422], /nested more than 200 elements deep/],
  ['HTML: unclosed "<b>" × 333k', 'html', '<b>'.repeat(MB / 3), [422], /nested more than 200 elements deep/],
  ['HTML: unclosed "<p>x" × 250k', 'html', '<p>x'.repeat(MB / 4), [422], /more than 200000 elements/],
  ['HTML: unclosed "<li>" × 250k', 'html', '<li>'.repeat(MB / 4), [422], /more than 200000 elements/],
];

describe('imports off the event loop', () => {
  it.each(cases)(
    '%s is imported or refused within the budget while another pad keeps syncing',
    async (_name, format, body, statuses, message) => {
      const writer = connectSyncClient(t.core.origin, t.core.token, 'pad/live-elsewhere');
      const reader = connectSyncClient(t.core.origin, t.core.token, 'pad/live-elsewhere');
      clients.push(writer, reader);
      await Promise.all([writer.synced, reader.synced]);

      let answered = false;
      const importing = t
        .api(`/api/pads/hostile/import?format=${format}`, { method: 'POST', body })
        .then((res) => {
          answered = true;
          return res;
        });
      // While the worker reads the file, an edit on another pad reaches another client. With the
      // import on the event loop nothing would arrive before the answer. Bounded by the budget.
      const probe = writer.doc.getMap<number>('probe');
      let deliveredWhileImporting = 0;
      for (let round = 1; !answered && round < 10_000; round++) {
        probe.set('round', round);
        await waitFor(() => reader.doc.getMap<number>('probe').get('round') === round, 15_000, 'a live edit');
        if (!answered) {
          deliveredWhileImporting++;
        }
      }
      expect(deliveredWhileImporting).toBeGreaterThan(0);

      const res = await importing;
      expect(statuses).toContain(res.status);
      if (res.status === 201) {
        importResponseSchema.parse(await res.json());
      } else {
        const error = apiErrorSchema.parse(await res.json());
        expect(error.error).not.toMatch(/takes too long|memory/);
        expect(error.error).toMatch(/Nothing was imported|nothing was imported/);
        if (message) {
          expect([error.error, ...(error.details ?? [])].join('\n')).toMatch(message);
        }
      }
    },
  );

  it('answers a 4.8 MB CSV plan preview with a short refusal, read in the worker', async () => {
    const lines = ['title,host,room,start,end,votes,tags,description'];
    for (let i = 0; lines.length < 48_000; i++) {
      lines.push(
        `"Session ${i}","Host ${i}","Raum ${i % 7}","2025-06-14T10:00","2025-06-14T11:00",1,a,"Text ${i}"`,
      );
    }
    const res = await t.api('/api/events/plan-preview', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: lines.join('\n'),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeLessThan(2_000);
    expect(planPreviewSchema.parse(JSON.parse(text)).fileProblems.map((p) => p.code)).toEqual([
      'too-many-rows',
    ]);
  });
});
