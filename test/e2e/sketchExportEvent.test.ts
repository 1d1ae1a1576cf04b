import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventDetailSchema, type EventDetail } from '../../shared/api/eventContract.js';
import { addObject } from '../../shared/sketch/objects/objectEdits.js';
import { objectsMap } from '../../shared/sketch/objects/objectLayout.js';
import { connectSyncClient, waitForCoreDoc } from '../helpers/syncClient.js';
import { rect } from '../shared/sketch/objectsFixtures.js';
import { resultsDir } from './helpers/core.js';
import { planTestbed } from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';

/**
 * Issue 11: "every sketchnote of an event" from the editor's export dialog. Two sessions of the
 * imported plan have a sketchnote; the dialog offers both as one ZIP, with progress, and the ZIP
 * holds one file per session.
 */

const RESULTS = resultsDir('sketch-export-event');
const bed = planTestbed('OGD Leipzig');
let detail: EventDetail;

beforeAll(async () => {
  const res = await fetch(`${bed.core.origin}/api/events/${bed.eventId}`, {
    headers: { authorization: `Bearer ${bed.core.token}` },
  });
  detail = eventDetailSchema.parse(await res.json());
  for (const session of detail.sessions.slice(0, 2)) {
    const client = connectSyncClient(bed.core.origin, bed.core.token, `sketch/${session.id}`);
    await client.synced;
    client.doc.getMap('meta').set('format', 'a4');
    addObject(client.doc, `box-${session.id}`, rect({ fillColour: '#fde68a' }));
    await waitForCoreDoc(
      bed.core.origin,
      bed.core.token,
      `sketch/${session.id}`,
      (doc) => objectsMap(doc).size === 1,
      'the box',
    );
    client.destroy();
  }
}, 120_000);

describe('exporting every sketchnote of the event', () => {
  it('offers the event’s sketchnotes as one ZIP from the editor and downloads them', async () => {
    const { page } = await bed.person({ viewport: { width: 1400, height: 900 } });
    const first = detail.sessions[0]!;
    await page.goto(`${bed.core.origin}/sketch/${first.id}`);
    await page.waitForSelector('.sketch-host');
    await page.getByRole('button', { name: 'Exportieren…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sketchnote exportieren' });
    const all = dialog.getByLabel('Alle 2 Sketchnotes von „OGD Leipzig“ (eine ZIP-Datei)');
    await all.waitFor();
    expect(await dialog.getByLabel('Nur diese Sketchnote').isChecked()).toBe(true);
    await all.check();
    await dialog.getByLabel('SVG (Vektor)').check();
    await page.screenshot({ path: join(RESULTS, 'dialog.png') });
    await expectAccessible(page, 'export dialog with the event scope');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Herunterladen' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`mitschrift-sketchnotes-${bed.eventId}-svg.zip`);
    const entries = unzipSync(new Uint8Array(await readFile((await file.path())!)));
    const names = Object.keys(entries).sort();
    expect(names).toHaveLength(2);
    for (const session of detail.sessions.slice(0, 2)) {
      const name = names.find((n) => n.endsWith(`-${session.id}.svg`));
      expect(name, session.title).toBeDefined();
      expect(new TextDecoder().decode(entries[name!])).toContain('fill="#fde68a"');
    }
    await dialog.getByText('Export heruntergeladen.').waitFor();
  });
});
