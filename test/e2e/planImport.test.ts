import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventListResponseSchema } from '../../shared/api/contract.js';
import { eventDetailSchema } from '../../shared/api/eventContract.js';
import type { TestPage } from './helpers/browser.js';
import { testbed } from './helpers/core.js';
import {
  PLAN_FIXTURES,
  card,
  expectNoProblems,
  fixturePath,
  h1,
  placeOf,
  waitForGrid,
  waitOnline,
} from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';

/**
 * Importing a session plan through the UI: the core reads the file, the preview lists every row
 * with its problems before anything is saved, rows with errors are only left out on an explicit
 * choice that names them, and the imported event opens with its grid. Needs `npx electron-vite build`.
 */

const bed = testbed();

async function organiser(viewport = { width: 1280, height: 900 }): Promise<TestPage> {
  const one = await bed.person({ viewport });
  await h1(one.page, 'Veranstaltungen');
  await waitOnline(one.page);
  return one;
}

async function api<T>(path: string, parse: (body: unknown) => T): Promise<T> {
  const response = await fetch(`${bed.core.origin}/api/${path}`, {
    headers: { authorization: `Bearer ${bed.core.token}` },
  });
  expect(response.status).toBe(200);
  return parse(await response.json());
}

const importSection = (page: Page) => page.getByRole('region', { name: 'Sessionplan importieren' });

describe('importing a plan file through the preview', () => {
  for (const [shape, file] of Object.entries(PLAN_FIXTURES)) {
    it(`imports ${file} (${shape}): every row previewed, then 26 scheduled and 1 proposal`, async () => {
      const { page, problems } = await organiser();
      const before = (await api('events', (b) => eventListResponseSchema.parse(b))).events.length;
      const section = importSection(page);
      await section.getByLabel('Datei auswählen').setInputFiles(fixturePath(file));

      const preview = section.getByTestId('import-preview');
      await preview.waitFor();
      await preview
        .getByText('27 Zeilen gelesen: 26 mit Raum und Zeit, 1 ohne Platz; 6 Räume, 6 Zeitfenster.')
        .waitFor();
      await preview.getByText('0 Fehler, 0 Hinweise.').waitFor();
      // Every row of the file is listed, with its line number, before anything is saved.
      const rows = preview.locator('tbody tr');
      expect(await rows.count()).toBe(27);
      expect(await rows.first().locator('th').textContent()).toBe('2');
      expect(await rows.last().locator('th').textContent()).toBe('28');
      expect((await api('events', (b) => eventListResponseSchema.parse(b))).events.length).toBe(before);
      if (shape === 'utf8') {
        await expectAccessible(page, 'import preview');
      }

      const title = `OGD Leipzig aus ${shape}`;
      await section.getByLabel('Titel der neuen Veranstaltung').fill(title);
      await section.getByRole('button', { name: '27 Sessions importieren' }).click();
      await h1(page, title);
      expect(new URL(page.url()).pathname).toMatch(/^\/e\/[A-Za-z0-9_-]+$/);
      await waitForGrid(page, 26, 1);
      expect(await placeOf(page, 'Ratsinformationssystem, aber verständlich')).toBe('Werkstatt|10:15');
      expect(await placeOf(page, 'Eröffnung & Sessionplanung')).toBe('Festsaal|09:00');
      const proposal =
        shape === 'excelAnsi' ? 'Sächsisch für Sprachassistenten' : 'Sächsisch für Sprachassistenten 🤖';
      expect(await placeOf(page, proposal)).toBe('unscheduled');
      await page.getByText('26 eingeplant, 1 noch ohne Platz').waitFor();
      expectNoProblems(problems);
    });
  }

  it('shows each bad row with its problems, imports nothing until told to skip exactly those rows', async () => {
    const { page, problems } = await organiser();
    const csv = [
      'title,host,room,start,end,votes',
      'Offene Daten,Ada,Raum A,2018-05-05T10:00,2018-05-05T11:00,5',
      'Kaputte Zeit,Bob,Raum A,2018-05-05T25:00,2018-05-05T11:00,3',
      'Ohne Zahl,Cy,Raum B,2018-05-05T10:00,2018-05-05T11:00,viele',
      'Barrierefreiheit,Dee,Raum B,2018-05-05T11:15,2018-05-05T12:00,8',
    ].join('\n');
    const before = (await api('events', (b) => eventListResponseSchema.parse(b))).events.length;
    const section = importSection(page);
    await section.getByLabel('Datei auswählen').setInputFiles({
      name: 'plan-mit-fehlern.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    const preview = section.getByTestId('import-preview');
    await preview.getByText('2 Fehler, 0 Hinweise.').waitFor();
    const rows = preview.locator('tbody tr');
    expect(await rows.count()).toBe(4);
    const bad = preview.locator('tbody tr.preview-row--error');
    expect(await bad.locator('th').allTextContents()).toEqual(['3', '4']);
    // Line, column and message of each problem.
    await bad.nth(0).getByText('Fehler · start:').waitFor();
    await bad.nth(0).getByText('Diese Zeile wird nicht importiert.').waitFor();
    await bad.nth(1).getByText('Fehler · votes:').waitFor();
    // The problem is said in German from its code, with the value the row has there.
    expect(await bad.nth(1).textContent()).toContain('viele');
    expect(await bad.nth(1).locator('[lang="en"]').count()).toBe(0);

    // Importing needs the explicit choice; the choice names the rows it leaves out.
    const importButton = section.getByRole('button', { name: /Ohne fehlerhafte Zeilen importieren/ });
    expect(await importButton.getAttribute('aria-disabled')).toBe('true');
    // aria-disabled keeps it focusable and clickable (Playwright would wait for "enabled").
    await importButton.click({ force: true });
    await section.getByRole('alert').getByText('Bestätigen Sie zuerst').waitFor();
    expect((await api('events', (b) => eventListResponseSchema.parse(b))).events.length).toBe(before);

    const choice = section.getByRole('group', { name: '2 Zeilen haben Fehler' });
    expect(await choice.getByRole('listitem').allTextContents()).toEqual([
      'Zeile 3: „Kaputte Zeit“ (Fehler in: start)',
      'Zeile 4: „Ohne Zahl“ (Fehler in: votes)',
    ]);
    await choice.getByLabel('Diese 2 Zeilen auslassen und den Rest importieren').check();
    await section.getByLabel('Titel der neuen Veranstaltung').fill('Plan mit Fehlern');
    await importButton.click();
    await h1(page, 'Plan mit Fehlern');
    await waitForGrid(page, 2, 0);

    const id = new URL(page.url()).pathname.split('/')[2]!;
    const detail = await api(`events/${id}`, (b) => eventDetailSchema.parse(b));
    expect(detail.sessions.map((s) => s.title).sort()).toEqual(['Barrierefreiheit', 'Offene Daten']);
    expectNoProblems(problems);
  });

  it('merges a file into an existing event from its import tab', async () => {
    const { page, problems } = await organiser();
    await page.getByLabel('Titel der Veranstaltung').fill('BarCamp ohne Plan');
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    await page
      .getByRole('status')
      .getByRole('link', { name: 'Veranstaltung „BarCamp ohne Plan“ wurde angelegt.' })
      .click();
    await h1(page, 'BarCamp ohne Plan');
    await page.getByText('Den Sessionplan mit Räumen und Zeitfenstern bauen Sie hier auf').waitFor();

    await page.getByRole('link', { name: 'Import und Export' }).click();
    const section = page.getByRole('region', { name: 'Sessionplan in diese Veranstaltung importieren' });
    await section.getByLabel('Datei auswählen').setInputFiles(fixturePath(PLAN_FIXTURES.excelUtf8));
    await section.getByText('0 Fehler, 0 Hinweise.').waitFor();
    await section.getByRole('button', { name: '27 Sessions importieren' }).click();
    await section.getByText('Importiert: 27 Sessions, 6 neue Räume, 6 neue Zeitfenster.').waitFor();

    await page.getByRole('link', { name: 'Sessionplan', exact: true }).click();
    await waitForGrid(page, 26, 1);
    await card(page, 'Digitale Verwaltung Leipzig – Stand 2026').waitFor();
    expectNoProblems(problems);
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    it(`lays the preview out at ${viewport.width}x${viewport.height}: no clipped column, the confirm bar in view`, async () => {
      const { page, problems } = await organiser(viewport);
      const section = importSection(page);
      await section.getByLabel('Datei auswählen').setInputFiles(fixturePath(PLAN_FIXTURES.utf8));
      const preview = section.getByTestId('import-preview');
      await preview.locator('tbody tr').nth(26).waitFor({ state: 'attached' });
      // The table scrolls in its own box: the page itself never gets wider than the window.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      const box = (await preview.getByRole('region', { name: /Zeilen/ }).boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(viewport.height * 0.6 + 2);
      // With the preview's start in view, the confirm button is on screen too (sticky bar).
      await preview.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const confirm = section.getByRole('button', { name: '27 Sessions importieren' });
      const at = (await confirm.boundingBox())!;
      expect(at.y + at.height).toBeLessThanOrEqual(viewport.height);
      expect(at.y).toBeGreaterThanOrEqual(0);
      await page.screenshot({ path: `test-results/import-preview-${viewport.width}.png` });
      await expectAccessible(page, `import preview ${viewport.width}`);
      expectNoProblems(problems);
    });
  }

  it('says in German why the core refused a file (a stable code, not its English sentence)', async () => {
    const { page } = await organiser();
    const section = importSection(page);
    // Over the 5 MB a plan file may have: the core answers 413 with the code "too-large".
    await section.getByLabel('Datei auswählen').setInputFiles({
      name: 'riesig.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(6 * 1024 * 1024, 0x61),
    });
    await section.getByText('Die Datei ist zu groß für einen Plan. Es wurde nichts importiert.').waitFor();
    expect(await section.getByText(/plan files may be at most/).count()).toBe(0);
  });
});
