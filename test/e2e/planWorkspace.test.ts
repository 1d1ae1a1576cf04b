import { describe, expect, it } from 'vitest';
import { eventDetailSchema } from '../../shared/api/eventContract.js';
import { readPeople } from '../../shared/event/readPeople.js';
import { connectSyncClient, waitFor } from '../helpers/syncClient.js';
import type { TestPage } from './helpers/browser.js';
import { expectNoProblems, h1, waitForGrid, waitOnline, planTestbed } from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';

/**
 * The workspace of events: rename (the title lives in the workspace index, so every list follows),
 * copy an event as next year's template (details, rooms and slot pattern on the new date; no
 * sessions), and the trash with restore, seen by a second person live. Needs `npx electron-vite build`.
 */

const bed = planTestbed('OGD Leipzig 2026');

async function person(): Promise<TestPage> {
  const one = await bed.person({
    viewport: { width: 1280, height: 900 },
  });
  await h1(one.page, 'Veranstaltungen');
  await waitOnline(one.page);
  return one;
}

async function detail(id: string) {
  const response = await fetch(`${bed.core.origin}/api/events/${id}`, {
    headers: { authorization: `Bearer ${bed.core.token}` },
  });
  return {
    status: response.status,
    body: response.status === 200 ? eventDetailSchema.parse(await response.json()) : null,
  };
}

describe('the workspace of events', () => {
  let organiser: TestPage;
  let colleague: TestPage;

  it('renames an event and edits its details; the other person’s list follows live', async () => {
    organiser = await person();
    colleague = await person();
    const { page } = organiser;
    await page.goto(`${bed.core.origin}/e/${bed.eventId}?view=setup`);
    await h1(page, 'OGD Leipzig 2026');
    const title = page.getByLabel('Titel', { exact: true });
    await title.fill('Open Government Tag Leipzig 2026');
    await title.press('Enter');
    await h1(page, 'Open Government Tag Leipzig 2026');
    await page.getByLabel('Motto').fill('Stadt. Digital. Gemeinsam.');
    await page.getByLabel('Ort', { exact: true }).fill('Neues Rathaus Leipzig');
    await page.getByLabel('Kontakt des Orga-Teams').fill('ogd@leipzig.example');
    await page.getByLabel('Kontakt des Orga-Teams').blur();
    await page.getByLabel('Lizenz der Dokumentation').selectOption('CC-BY-SA-4.0');
    await page.getByText('13. Juni 2026 · Neues Rathaus Leipzig').waitFor();

    // An empty title is refused with a message, the old one stays.
    await title.fill('   ');
    await title.press('Enter');
    await page.getByRole('alert').getByText('Bitte geben Sie einen Titel ein.').waitFor();
    await title.press('Escape');
    expect(await title.inputValue()).toBe('Open Government Tag Leipzig 2026');

    await colleague.page
      .locator('.event-list')
      .getByRole('link', { name: 'Open Government Tag Leipzig 2026' })
      .waitFor();
    const stored = (await detail(bed.eventId)).body!;
    expect(stored).toMatchObject({
      title: 'Open Government Tag Leipzig 2026',
      motto: 'Stadt. Digital. Gemeinsam.',
      venue: 'Neues Rathaus Leipzig',
      licence: 'CC-BY-SA-4.0',
    });
    // The contact is kept with the people (organisers only), not in the plan every join link reads.
    expect(JSON.stringify(stored)).not.toContain('ogd@leipzig.example');
    const people = connectSyncClient(bed.core.origin, bed.core.token, `event-people/${bed.eventId}`);
    try {
      await people.synced;
      await waitFor(
        () => readPeople(people.doc).organiserContact === 'ogd@leipzig.example',
        10_000,
        'the contact',
      );
    } finally {
      people.destroy();
    }
    await expectAccessible(page, 'event details');
    expectNoProblems(organiser.problems);
  });

  it('adds a room, a day and a slot to the plan', async () => {
    const { page } = organiser;
    await page.getByLabel('Name', { exact: true }).fill('Raum 2.01');
    await page.getByLabel('Plätze', { exact: true }).fill('15');
    await page.getByRole('button', { name: 'Raum hinzufügen' }).click();
    await page.getByRole('heading', { name: 'Räume (7)' }).waitFor();
    await page.getByRole('button', { name: 'Raum 2.01 nach links' }).click();

    await page.getByLabel('Weiterer Tag').fill('2026-06-14');
    await page.getByRole('button', { name: 'Tag hinzufügen' }).click();
    await page.getByRole('heading', { name: 'Sonntag, 14. Juni 2026' }).waitFor();
    await page.getByLabel('Tag', { exact: true }).selectOption('2026-06-14');
    await page.getByLabel('Beginn', { exact: true }).fill('10:00');
    await page.getByLabel('Ende', { exact: true }).fill('11:00');
    await page.getByRole('button', { name: 'Zeitfenster hinzufügen' }).click();
    await page.getByRole('heading', { name: 'Zeitfenster (7)' }).waitFor();

    await page.getByRole('link', { name: 'Sessionplan', exact: true }).click();
    await page.getByRole('grid', { name: 'Sonntag, 14. Juni 2026' }).waitFor();
    const rooms = await page
      .getByRole('grid', { name: 'Samstag, 13. Juni 2026' })
      .getByRole('columnheader')
      .allTextContents();
    expect(rooms.slice(-2)).toEqual(['Raum 2.0115 Plätze', 'Dachgarten']);
    await waitForGrid(page, 26, 1);
    const stored = (await detail(bed.eventId)).body!;
    expect(stored.days).toEqual(['2026-06-13', '2026-06-14']);
    expect(stored.slots.at(-1)?.start).toBe('2026-06-14T10:00:00+02:00');
  });

  it('copies the event as next year’s template: same weekday, rooms and slot pattern, no sessions', async () => {
    const { page, problems } = organiser;
    await page.getByRole('link', { name: 'Details, Räume, Zeiten' }).click();
    const firstDay = page.getByLabel('Erster Tag der neuen Veranstaltung');
    // 52 weeks later: Saturday again.
    expect(await firstDay.inputValue()).toBe('2027-06-12');
    expect(await page.getByLabel('Titel der neuen Veranstaltung').inputValue()).toBe(
      'Open Government Tag Leipzig 2027',
    );
    await page.getByRole('button', { name: 'Kopie anlegen' }).click();
    await h1(page, 'Open Government Tag Leipzig 2027');
    const copyId = new URL(page.url()).pathname.split('/')[2]!;
    expect(copyId).not.toBe(bed.eventId);
    await page.getByRole('heading', { name: 'Räume (7)' }).waitFor();
    await page.getByRole('heading', { name: 'Samstag, 12. Juni 2027' }).waitFor();

    await expect.poll(async () => (await detail(copyId)).body?.slots.length, { timeout: 10_000 }).toBe(7);
    const copy = (await detail(copyId)).body!;
    expect(copy.days).toEqual(['2027-06-12', '2027-06-13']);
    expect(copy.slots[1]).toMatchObject({
      start: '2027-06-12T10:15:00+02:00',
      end: '2027-06-12T11:00:00+02:00',
    });
    expect(copy.rooms.map((r) => r.name)).toContain('Raum 2.01');
    expect(copy).toMatchObject({
      motto: 'Stadt. Digital. Gemeinsam.',
      venue: 'Neues Rathaus Leipzig',
      licence: 'CC-BY-SA-4.0',
    });
    expect(copy.sessions).toEqual([]);

    await page.getByRole('link', { name: 'Sessionplan', exact: true }).click();
    await waitForGrid(page, 0, 0);
    await colleague.page
      .locator('.event-list')
      .getByRole('link', { name: 'Open Government Tag Leipzig 2027' })
      .waitFor();
    // Newest first.
    expect(await colleague.page.locator('.event-list').getByRole('link').first().textContent()).toBe(
      'Open Government Tag Leipzig 2027',
    );
    expectNoProblems(problems);
  });

  it('moves an event to the trash and back, keeping its plan', async () => {
    const { page, problems } = organiser;
    await page.goto(`${bed.core.origin}/e/${bed.eventId}?view=setup`);
    await page.getByRole('button', { name: 'In den Papierkorb legen …' }).click();
    await page.getByRole('button', { name: 'Ja, in den Papierkorb legen' }).click();
    await page.getByText(/Diese Veranstaltung liegt seit .* im Papierkorb\./).waitFor();

    // Gone from the other person's list, listed in the trash there.
    const list = colleague.page.locator('.event-list').first();
    await list.getByRole('link', { name: 'Open Government Tag Leipzig 2026' }).waitFor({ state: 'detached' });
    const trash = colleague.page.getByRole('region', { name: 'Papierkorb (1)' });
    await trash.getByRole('link', { name: 'Open Government Tag Leipzig 2026' }).waitFor();
    expect((await detail(bed.eventId)).status).toBe(404);
    await expectAccessible(colleague.page, 'events list with trash');

    await trash.getByRole('button', { name: '„Open Government Tag Leipzig 2026“ wiederherstellen' }).click();
    await colleague.page.getByText('„Open Government Tag Leipzig 2026“ ist wiederhergestellt.').waitFor();
    await colleague.page
      .locator('.event-list')
      .first()
      .getByRole('link', { name: 'Open Government Tag Leipzig 2026' })
      .waitFor();
    await page.getByText(/Diese Veranstaltung liegt seit/).waitFor({ state: 'detached' });
    const restored = (await detail(bed.eventId)).body!;
    expect(restored.sessions).toHaveLength(27);
    expectNoProblems(problems);
    expectNoProblems(colleague.problems);
  });
});
