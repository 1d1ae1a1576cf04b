import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventDetailSchema } from '../../shared/api/eventContract.js';
import { eventTokenInfoSchema } from '../../shared/api/eventTokenContract.js';
import { connectSyncClient } from '../helpers/syncClient.js';
import { jpegOf, photoPixels } from '../server/bundle/photoFixtures.js';
import type { TestPage } from './helpers/browser.js';
import { resultsDir, testbed } from './helpers/core.js';
import { importPlanText } from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';
import { expectStatus, storedObjects, storedStrokes } from './helpers/sketchPages.js';

/**
 * Issue 11, icons, stamps and templates: a recorder opens the library beside the canvas, finds
 * icons in German or English and places them, saves a selection as a stamp and places it again
 * in another sketchnote, puts the talk header filled from the event plan and a frame on the
 * sheet, saves the sheet as her template and starts the next sheet from it; a broken library
 * file is refused by name. Everything placed lands in the shared document.
 */

const RESULTS = resultsDir('sketch-library');
const bed = testbed();
const PLAN = [
  'title,host,room,start,end,votes,tags,description',
  '"Offene Daten im Quartier","Anna Schmidt","Raum Elbe","2026-06-13T10:00","2026-06-13T10:45",,,',
].join('\n');
let recorder: TestPage;
let sessionId: string;
let eventId: string;

async function stored(sketchId: string) {
  const client = connectSyncClient(bed.core.origin, bed.core.token, `sketch/${sketchId}`);
  await client.synced;
  return client;
}

/**
 * Drags what was just placed (selected, in the middle of the canvas) to a point given as shares of
 * the canvas, as a recorder moves a placed icon into place.
 */
let drags = 0;
async function dragPlaced(page: TestPage['page'], to: { x: number; y: number }): Promise<void> {
  await page.locator('.sketch-selectionbar').waitFor();
  const box = (await page.locator('.sketch-host').boundingBox())!;
  // Two presses within 400 ms and 8 px are a double click (in a frame: write text in it), so each
  // drag grabs the placed item a little elsewhere inside its box.
  const offset = ((drags++ % 3) - 1) * 12;
  await page.mouse.move(box.x + box.width / 2 + offset, box.y + box.height / 2 + offset);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to.x, box.y + box.height * to.y, { steps: 8 });
  await page.mouse.up();
}

async function counts(sketchId: string): Promise<{ strokes: number; objects: number }> {
  const client = await stored(sketchId);
  try {
    return { strokes: storedStrokes(client.doc).length, objects: storedObjects(client.doc).length };
  } finally {
    client.destroy();
  }
}

beforeAll(async () => {
  const { origin, token } = bed.core;
  const { event } = await importPlanText(bed.core, PLAN, 'BarCamp');
  const detail = eventDetailSchema.parse(
    await (
      await fetch(`${origin}/api/events/${event.id}`, { headers: { Authorization: `Bearer ${token}` } })
    ).json(),
  );
  sessionId = detail.sessions[0]!.id;
  eventId = event.id;
  recorder = await bed.person({ viewport: { width: 1440, height: 900 } });
  recorder.page.setDefaultTimeout(20_000);
  await recorder.page.goto(`${origin}/sketch/${sessionId}`);
  await recorder.page.waitForSelector('.sketch-host');
  await recorder.page.getByText('Online').first().waitFor();
}, 120_000);

describe('the sketch library', () => {
  it('finds icons in German and English and places them as editable strokes', async () => {
    const { page } = recorder;
    await page.getByRole('button', { name: 'Bibliothek', exact: true }).click();
    const library = page.getByRole('region', { name: 'Bibliothek' });
    await library.waitFor();
    await expectAccessible(page, 'the library');
    const search = library.getByLabel('Symbole suchen (Deutsch oder Englisch)');
    await search.fill('Idee');
    await expect
      .poll(() => library.locator('[data-icon]').first().getAttribute('data-icon'))
      .toBe('lightBulb');
    await library.getByRole('button', { name: 'Idee' }).click();
    await expectStatus(page, /Symbol „Idee“ eingefügt/);
    await expect.poll(async () => (await counts(sessionId)).strokes).toBe(4);
    // Placed selected: one drag moves it (into the middle column).
    const client = await stored(sessionId);
    const xs = () => storedStrokes(client.doc).map((s) => s.points.summary!.minX);
    const before = Math.min(...xs());
    await dragPlaced(page, { x: 0.56, y: 0.42 });
    await expect.poll(() => Math.min(...xs())).toBeGreaterThan(before + 50);
    client.destroy();

    await search.fill('town hall');
    await library.getByRole('button', { name: 'Rathaus' }).click();
    await expectStatus(page, /Symbol „Rathaus“ eingefügt/);
    await dragPlaced(page, { x: 0.72, y: 0.45 });
    await search.fill('xyzzy');
    await library.getByText('Kein Symbol passt zu „xyzzy“.').waitFor();
    await search.fill('');
    await library.getByLabel('Kategorie').selectOption('emotions');
    await library.getByRole('button', { name: 'fröhlich' }).click();
    await expectStatus(page, /Symbol „fröhlich“ eingefügt/);
    await dragPlaced(page, { x: 0.64, y: 0.78 });
    const after = await counts(sessionId);
    expect(after.strokes).toBeGreaterThan(4 + 8);
  });

  it('saves the selection as a stamp and places it again', async () => {
    const { page } = recorder;
    const library = page.getByRole('region', { name: 'Bibliothek' });
    // The smiley just placed is still selected.
    await library.getByRole('tab', { name: 'Stempel' }).click();
    await library.getByText(/Noch keine Stempel/).waitFor();
    await library.getByLabel('Name', { exact: true }).fill('Mein Smiley');
    await library.getByRole('button', { name: 'Auswahl als Stempel speichern' }).click();
    await expectStatus(page, /Stempel „Mein Smiley“ gespeichert/);
    const before = (await counts(sessionId)).strokes;
    await library.getByRole('button', { name: '„Mein Smiley“ einfügen' }).click();
    await expectStatus(page, /Stempel „Mein Smiley“ eingefügt/);
    // The smiley has 4 lines (face, two eyes, mouth).
    await expect.poll(async () => (await counts(sessionId)).strokes).toBe(before + 4);
    await dragPlaced(page, { x: 0.72, y: 0.78 });
    await expectAccessible(page, 'the stamps tab');
  });

  it('puts the talk header from the plan and a frame on the sheet, with a photo', async () => {
    const { page } = recorder;
    const library = page.getByRole('region', { name: 'Bibliothek' });
    await library.getByRole('tab', { name: 'Vorlagen' }).click();
    await expect
      .poll(() => library.getByLabel('Titel', { exact: true }).inputValue())
      .toBe('Offene Daten im Quartier');
    const details = await library.getByLabel('Angaben unter dem Titel').inputValue();
    expect(details).toContain('Mit Anna Schmidt');
    expect(details).toContain('Raum Elbe');
    expect(details).toContain('13. Juni 2026');
    await library.getByRole('button', { name: 'Kopfzeile einfügen' }).click();
    await expectStatus(page, /Kopfzeile eingefügt/);
    await library.getByRole('button', { name: 'Drei Spalten' }).click();
    await expectStatus(page, /„Drei Spalten“ eingefügt/);
    const client = await stored(sessionId);
    try {
      await expect.poll(() => storedObjects(client.doc).filter((o) => o.kind === 'rect').length).toBe(3);
      const texts = storedObjects(client.doc).flatMap((o) => (o.kind === 'text' ? [o.text] : []));
      expect(texts).toContain('Offene Daten im Quartier');
      expect(texts.some((text) => text.includes('Raum Elbe'))).toBe(true);
      expect(storedObjects(client.doc).some((o) => o.kind === 'banner')).toBe(true);
    } finally {
      client.destroy();
    }
    await expectAccessible(page, 'the templates tab');
    // A photo of a slide, as a recorder adds one.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Bild einfügen…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'folie.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(await jpegOf(photoPixels(1600, 900))),
    });
    await expectStatus(page, /Bild eingefügt/);
    await dragPlaced(page, { x: 0.29, y: 0.6 });
    for (const [name, at] of [
      ['Gruppe', { x: 0.41, y: 0.5 }],
      ['Sprechblase', { x: 0.45, y: 0.36 }],
      ['Pfeil rechts', { x: 0.47, y: 0.6 }],
      ['Zeitstrahl', { x: 0.6, y: 0.66 }],
      ['Idee', { x: 0.26, y: 0.85 }],
    ] as const) {
      await library.getByRole('tab', { name: 'Symbole' }).click();
      await library.getByLabel('Kategorie').selectOption('');
      await library.getByLabel('Symbole suchen (Deutsch oder Englisch)').fill(name);
      await library.getByRole('button', { name, exact: true }).click();
      await expectStatus(page, new RegExp(`Symbol „${name}“ eingefügt`));
      await dragPlaced(page, at);
    }
    await page.getByRole('button', { name: 'Bibliothek schließen' }).click();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(RESULTS, 'sheet.png') });
    // The sheet as the recorder hands it over: the header's banner, icons and photo in the export.
    const png = PNG.sync.read(
      Buffer.from(
        await (
          await fetch(`${bed.core.origin}/api/sketches/${sessionId}/export?format=png&scale=0.25`, {
            headers: { Authorization: `Bearer ${bed.core.token}` },
          })
        ).arrayBuffer(),
      ),
    );
    writeFileSync(join(RESULTS, 'sheet-export.png'), PNG.sync.write(png));
    let banner = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      // The header's light yellow (#fff3b0).
      if (png.data[i] === 0xff && png.data[i + 1] === 0xf3 && png.data[i + 2] === 0xb0) {
        banner += 1;
      }
    }
    expect(banner).toBeGreaterThan(1000);
  });

  it('saves the sheet as a template and starts another sketchnote from it, stamps included', async () => {
    const { page } = recorder;
    await page.getByRole('button', { name: 'Bibliothek', exact: true }).click();
    const library = page.getByRole('region', { name: 'Bibliothek' });
    await library.getByRole('tab', { name: 'Vorlagen' }).click();
    const own = library.getByLabel('Name', { exact: true }).last();
    await own.fill('Mein BarCamp-Blatt');
    await library.getByRole('button', { name: 'Blatt als Vorlage speichern' }).click();
    await expectStatus(page, /Vorlage „Mein BarCamp-Blatt“ gespeichert/);
    const original = await counts(sessionId);

    await page.goto(`${bed.core.origin}/sketch/freiesblatt`);
    await page.waitForSelector('.sketch-host');
    await page.getByText('Online').first().waitFor();
    await page.getByRole('button', { name: 'Bibliothek', exact: true }).click();
    await library.getByRole('tab', { name: 'Vorlagen' }).click();
    await library.getByText(/gehört zu keiner geplanten Session/).waitFor();
    await library.getByRole('button', { name: '„Mein BarCamp-Blatt“ einfügen' }).click();
    await expectStatus(page, /Vorlage „Mein BarCamp-Blatt“ eingefügt/);
    await expect.poll(() => counts('freiesblatt')).toEqual(original);
    await library.getByRole('tab', { name: 'Stempel' }).click();
    await library.getByRole('button', { name: '„Mein Smiley“ einfügen' }).click();
    await expect.poll(async () => (await counts('freiesblatt')).strokes).toBe(original.strokes + 4);
    await page.screenshot({ path: join(RESULTS, 'from-template.png') });
  });

  it('refuses a library file that is not one, by name, and keeps the library', async () => {
    const { page } = recorder;
    const library = page.getByRole('region', { name: 'Bibliothek' });
    const chooser = page.waitForEvent('filechooser');
    await library.getByRole('button', { name: 'Bibliothek aus Datei laden…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'kaputt.mitschrift-library.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"type":"excalidrawlib","libraryItems":[]}'),
    });
    await expectStatus(
      page,
      /„kaputt\.mitschrift-library\.json“ wurde nicht geladen: the file is not a Mitschrift library/,
    );
    await library.getByRole('button', { name: '„Mein Smiley“ einfügen' }).waitFor();
  });

  it('shares a stamp with the event’s team: another recorder’s device places it; damaged entries are left out', async () => {
    const { origin, token } = bed.core;
    const { page } = recorder;
    await page.goto(`${origin}/sketch/${sessionId}`);
    await page.waitForSelector('.sketch-host');
    await page.getByText('Online').first().waitFor();
    await page.getByRole('button', { name: 'Bibliothek', exact: true }).click();
    const library = page.getByRole('region', { name: 'Bibliothek' });
    await library.getByRole('tab', { name: 'Stempel' }).click();
    const team = library.getByRole('region', { name: 'Team der Veranstaltung „BarCamp“' });
    await team.getByText(/Noch nichts geteilt/).waitFor();
    await library
      .getByRole('button', { name: '„Mein Smiley“ mit dem Team der Veranstaltung teilen' })
      .click();
    await expectStatus(page, /„Mein Smiley“ ist jetzt für das ganze Team da/);
    await team.getByRole('button', { name: '„Mein Smiley“ einfügen' }).waitFor();
    await expectAccessible(page, 'the team library');

    // A buggy or hostile client writes something that is not a stamp beside it: left out, and said so.
    const junk = connectSyncClient(origin, token, `event-library/${eventId}`);
    await junk.synced;
    junk.doc.getMap('entries').set('kaputt', {
      id: 'kaputt',
      kind: 'stamp',
      name: 'Kaputt',
      createdAt: Date.now(),
      content: '<svg onload="alert(1)"/>',
    });
    await team.getByText('1 beschädigter Eintrag der Team-Bibliothek wird nicht gezeigt.').waitFor();
    expect(await team.getByText('Kaputt').count()).toBe(0);
    junk.destroy();

    // A second recorder joins by link on a tablet of her own: no stamps on it, the team's are there.
    const made = await fetch(`${origin}/api/events/${eventId}/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'recorder', label: 'Tablet' }),
    });
    expect(made.status).toBe(201);
    const other = await bed.page({ viewport: { width: 1440, height: 900 } });
    other.page.setDefaultTimeout(20_000);
    await other.page.goto(eventTokenInfoSchema.parse(await made.json()).url!);
    await other.page.goto(`${origin}/sketch/${sessionId}`);
    await other.page.waitForSelector('.sketch-host');
    await other.page.getByText('Online').first().waitFor();
    await other.page.getByRole('button', { name: 'Bibliothek', exact: true }).click();
    const otherLibrary = other.page.getByRole('region', { name: 'Bibliothek' });
    await otherLibrary.getByRole('tab', { name: 'Stempel' }).click();
    await otherLibrary.getByText(/Noch keine Stempel/).waitFor();
    const otherTeam = otherLibrary.getByRole('region', { name: 'Team der Veranstaltung „BarCamp“' });
    const before = (await counts(sessionId)).strokes;
    await otherTeam.getByRole('button', { name: '„Mein Smiley“ einfügen' }).click();
    await expectStatus(other.page, /Stempel „Mein Smiley“ eingefügt/);
    await expect.poll(async () => (await counts(sessionId)).strokes).toBe(before + 4);
    await other.page.screenshot({ path: join(RESULTS, 'team-library.png') });
    // On a phone the panel takes the whole stage; the team's section is reached by scrolling, not sideways.
    await other.page.setViewportSize({ width: 390, height: 844 });
    await otherTeam.getByRole('button', { name: '„Mein Smiley“ einfügen' }).scrollIntoViewIfNeeded();
    expect(await other.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await other.page.screenshot({ path: join(RESULTS, 'team-library-phone.png') });
    await other.page.setViewportSize({ width: 1440, height: 900 });

    // Deleted from the team library on the tablet: gone on the first device too, kept on it as its own.
    await otherTeam.getByRole('button', { name: '„Mein Smiley“ aus der Team-Bibliothek löschen' }).click();
    await team.getByText(/Noch nichts geteilt/).waitFor();
    await library.getByRole('button', { name: '„Mein Smiley“ einfügen' }).waitFor();
  });
});
