import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docNameFor } from '../../shared/docs/docName.js';
import { updateSession } from '../../shared/event/eventChanges.js';
import { readEvent } from '../../shared/event/readEvent.js';
import { connectSyncClient, waitFor } from '../helpers/syncClient.js';
import type { TestPage } from './helpers/browser.js';
import { resultsDir } from './helpers/core.js';
import { card, expectNoProblems, h1, waitForGrid, waitOnline, planTestbed } from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';

/**
 * The views of the plan as people see them, with axe and screenshots for a human to look at:
 * the editor grid (test-results/plan-grid.png), the projector wall with a running slot
 * (plan-wall.png), and the printed plan as a PDF made by Chromium's print engine and turned into a
 * picture with pdftoppm (plan-print.pdf, plan-print-1.png). Also the other views of the event
 * page, and the links from a session to its notes pad and sketchnote.
 * Needs `npx electron-vite build` and poppler-utils (pdftoppm).
 */

const RESULTS = resultsDir();
const TITLE = 'Open Government Tag Leipzig 2026';

const bed = planTestbed(TITLE);

/** A new person with the invitation, at this screen size. */
const person = (viewport: { width: number; height: number }): Promise<TestPage> => bed.person({ viewport });

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the event page', () => {
  it('shows the plan grid with rooms as columns and slots as rows, accessible', async () => {
    const { page, problems } = await person({ width: 1600, height: 900 });
    await page.goto(`${bed.core.origin}/e/${bed.eventId}`);
    await h1(page, TITLE);
    await waitForGrid(page, 26, 1);
    await waitOnline(page);

    const grid = page.getByRole('grid', { name: 'Samstag, 13. Juni 2026' });
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual([
      'Zeit',
      'Festsaal',
      'Saal Nord',
      'Saal Süd',
      'Werkstatt',
      'Bibliothek',
      'Dachgarten',
    ]);
    expect(await grid.getByRole('rowheader').allTextContents()).toEqual([
      '09:00 bis 10:00',
      '10:15 bis 11:00',
      '11:15 bis 12:00',
      '13:00 bis 13:45',
      '14:00 bis 14:45',
      '15:00 bis 15:45',
    ]);
    await page.getByRole('heading', { name: 'Konflikte (0)' }).waitFor();
    await expectAccessible(page, 'plan grid');
    await page.screenshot({ path: join(RESULTS, 'plan-grid.png') });
    expectNoProblems(problems);
  });

  it('flags conflicts in the cell and in the list', async () => {
    const { page, problems } = await person({ width: 1600, height: 900 });
    await page.goto(`${bed.core.origin}/e/${bed.eventId}?view=setup`);
    // A room too small for its session: Saal Süd gets 20 seats, "Digitale Verwaltung Leipzig" has 42 votes.
    await page.getByLabel('Plätze in Saal Süd').fill('20');
    await page.getByLabel('Plätze in Saal Süd').press('Enter');
    await page.getByRole('link', { name: 'Sessionplan', exact: true }).click();
    await page.getByRole('heading', { name: 'Konflikte (1)' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({
        hasText: '„Digitale Verwaltung Leipzig – Stand 2026“ hat 42 Stimmen, Saal Süd aber nur 20 Plätze.',
      })
      .waitFor();
    const flagged = card(page, 'Digitale Verwaltung Leipzig – Stand 2026');
    expect(await flagged.getAttribute('class')).toContain('session-card--conflict');
    expect(await flagged.locator('.badge--conflict').textContent()).toMatch(
      /^⚠ Konflikt: „Digitale Verwaltung/,
    );
    expect(await flagged.locator('xpath=ancestor::td[1]').getAttribute('class')).toContain(
      'plan-cell--conflict',
    );
    await page.getByRole('columnheader', { name: /Saal Süd\s*20 Plätze/ }).waitFor();
    await expectAccessible(page, 'plan grid with a conflict');

    // Back as it was, so the other views show the plan of the file.
    await page.goto(`${bed.core.origin}/e/${bed.eventId}?view=setup`);
    await page.getByLabel('Plätze in Saal Süd').fill('');
    await page.getByLabel('Plätze in Saal Süd').press('Enter');
    await page.getByRole('link', { name: 'Sessionplan', exact: true }).click();
    await page.getByRole('heading', { name: 'Konflikte (0)' }).waitFor();
    expectNoProblems(problems);
  });

  it('has accessible proposals, setup, people and import/export views', async () => {
    const { page, problems } = await person({ width: 1280, height: 900 });
    for (const [view, heading] of [
      ['proposals', '27 Sessions'],
      ['setup', 'Details der Veranstaltung'],
      ['people', 'Personen (0)'],
      ['files', 'Exportieren'],
    ] as const) {
      await page.goto(`${bed.core.origin}/e/${bed.eventId}?view=${view}`);
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      await expectAccessible(page, `event page, ${view}`);
    }
    // The export links are plain downloads that the session cookie authenticates.
    const csv = await page.getByRole('link', { name: 'CSV für Excel (deutsch)' }).getAttribute('href');
    expect(csv).toBe(`/api/events/${bed.eventId}/plan.csv?format=csv-excel-de`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Kalender (iCalendar)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.ics$/);

    // People with their consent to be named, default no.
    await page.goto(`${bed.core.origin}/e/${bed.eventId}?view=people`);
    await page.getByLabel('Name', { exact: true }).fill('Miriam Daten');
    await page.getByLabel('E-Mail (freiwillig)').fill('miriam@example.org');
    await page.getByRole('button', { name: 'Person hinzufügen' }).click();
    await page.getByRole('heading', { name: 'Personen (1)' }).waitFor();
    const consent = page.getByRole('checkbox', {
      name: 'Miriam Daten darf in der Dokumentation genannt werden',
    });
    expect(await consent.isChecked()).toBe(false);
    await consent.check();
    await expectAccessible(page, 'event page, people with one person');
    expectNoProblems(problems);
  });

  it('opens a session’s notes pad and its sketchnote under ids that stay the same', async () => {
    const { page, problems } = await person({ width: 1600, height: 900 });
    await page.goto(`${bed.core.origin}/e/${bed.eventId}`);
    await waitForGrid(page, 26, 1);
    const session = card(page, 'Ratsinformationssystem, aber verständlich');
    const sessionId = await session.getAttribute('data-session-id');
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(
      await session
        .getByRole('link', { name: 'Notizen zu „Ratsinformationssystem, aber verständlich“' })
        .getAttribute('href'),
    ).toBe(`/pad/${sessionId}`);
    const sketchLink = session.getByRole('link', {
      name: 'Sketchnote zu „Ratsinformationssystem, aber verständlich“',
    });
    const sketchHref = await sketchLink.getAttribute('href');
    expect(sketchHref).toMatch(/^\/sketch\/[A-Za-z0-9_-]+$/);

    // Opening the sketchnote stores its id in the session, so every device links the same sketch.
    await sketchLink.click();
    await page.waitForURL(`**${sketchHref}`);
    const client = connectSyncClient(
      bed.core.origin,
      bed.core.token,
      docNameFor('event', bed.eventId),
      new Y.Doc(),
    );
    try {
      await client.synced;
      await waitFor(
        () =>
          readEvent(client.doc).sessions.find((s) => s.id === sessionId)?.sketchId ===
          sketchHref?.split('/')[2],
        10_000,
        'the sketch id in the session',
      );
    } finally {
      client.destroy();
    }
    await page.goBack();
    await waitForGrid(page, 26, 1);
    expect(
      await card(page, 'Ratsinformationssystem, aber verständlich')
        .getByRole('link', { name: /Sketchnote/ })
        .getAttribute('href'),
    ).toBe(sketchHref);
    await card(page, 'Ratsinformationssystem, aber verständlich')
      .getByRole('link', { name: 'Notizen zu „Ratsinformationssystem, aber verständlich“' })
      .click();
    await page.waitForURL(`**/pad/${sessionId}`);
    expectNoProblems(problems);
  });
});

describe('the wall', () => {
  it('shows the running and the next slot in large type, with no app chrome, live', async () => {
    const { page, problems } = await person({ width: 1920, height: 1080 });
    await page.goto(`${bed.core.origin}/wall/${bed.eventId}?now=2026-06-13T10:30`);
    await h1(page, TITLE);
    expect(await page.locator('header.app-header').count()).toBe(0);
    const now = page.getByRole('region', { name: /Jetzt/ });
    await now.getByRole('heading', { name: 'Jetzt 10:15–11:00' }).waitFor();
    expect(await now.locator('.wall-card__title').allTextContents()).toEqual([
      'Offene Haushaltsdaten für alle',
      'Leichte Sprache in Bescheiden',
      'Ratsinformationssystem, aber verständlich',
      'Fahrradstraßen-Daten kartieren',
      'Beteiligungsportal: Was wurde aus den Vorschlägen?',
    ]);
    expect(await now.locator('.wall-card__room').first().textContent()).toBe('Saal Nord');
    expect(await now.locator('.wall-card__hosts').first().textContent()).toBe('Greta Lößner, Tobias Wendt');
    const next = page.getByRole('region', { name: /Als Nächstes/ });
    await next.getByRole('heading', { name: 'Als Nächstes 11:15–12:00' }).waitFor();
    expect(await next.locator('.wall-card').count()).toBe(5);
    await page.locator('.wall-plan__clock').getByText('10:30').waitFor();
    await page.locator('.wall__footer .connection--online').waitFor();

    // Type that reads from the back of the room: session titles at least 28 px on a 1080p wall.
    const titleSize = await now
      .locator('.wall-card__title')
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(titleSize).toBeGreaterThanOrEqual(28);
    await expectAccessible(page, 'wall');
    await page.screenshot({ path: join(RESULTS, 'plan-wall.png') });

    // Live: a change made on another screen appears without a reload.
    const client = connectSyncClient(
      bed.core.origin,
      bed.core.token,
      docNameFor('event', bed.eventId),
      new Y.Doc(),
    );
    try {
      await client.synced;
      const id = readEvent(client.doc).sessions.find(
        (s) => s.title === 'Ratsinformationssystem, aber verständlich',
      )!.id;
      updateSession(client.doc, id, {
        title: 'Ratsinformationssystem, aber verständlich – mit Ausbildungsbetrieben',
      });
      await now.getByText('Ratsinformationssystem, aber verständlich – mit Ausbildungsbetrieben').waitFor();
      updateSession(client.doc, id, { title: 'Ratsinformationssystem, aber verständlich' });
      await now.getByText('Ratsinformationssystem, aber verständlich', { exact: true }).waitFor();
    } finally {
      client.destroy();
    }

    // In the lunch break only what comes next is shown.
    await page.goto(`${bed.core.origin}/wall/${bed.eventId}?now=2026-06-13T12:30`);
    await page
      .getByText(/^Pause bis 13:00 Uhr/)
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Als Nächstes 13:00–13:45' }).waitFor();
    expect(await page.getByRole('region', { name: /Jetzt/ }).count()).toBe(0);
    expectNoProblems(problems);
  });
});

describe('the printed plan', () => {
  it('prints one A4 landscape page with title, date and the grid, readable from a distance', async () => {
    const { page, problems } = await person({ width: 1400, height: 900 });
    await page.goto(`${bed.core.origin}/e/${bed.eventId}/print`);
    await h1(page, TITLE);
    expect(await page.locator('header.app-header').count()).toBe(0);
    await page.getByText('13. Juni 2026', { exact: true }).waitFor();
    const table = page.getByRole('table', { name: 'Sessionplan Samstag, 13. Juni 2026' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Zeit',
      'Saal Nord',
      'Saal Süd',
      'Werkstatt',
      'Bibliothek',
      'Dachgarten',
    ]);
    // The opening plenary runs across the row; its room is named in the cell.
    const opening = table.getByRole('row', { name: /09:00/ });
    await opening.getByText('Eröffnung & Sessionplanung').waitFor();
    await opening.getByText('Festsaal').waitFor();
    expect(await table.locator('.print-session').count()).toBe(26);
    await page.getByRole('button', { name: 'Drucken / Als PDF speichern' }).waitFor();
    await expectAccessible(page, 'print view');

    const pdf = join(RESULTS, 'plan-print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    for (const old of (await readdir(RESULTS)).filter((f) => /^plan-print-\d+\.png$/.test(f))) {
      await rm(join(RESULTS, old));
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(RESULTS, 'plan-print')]);
    const pages = (await readdir(RESULTS)).filter((f) => /^plan-print-\d+\.png$/.test(f));
    expect(pages, 'the whole plan on one page').toEqual(['plan-print-1.png']);
    const size = pngSize(join(RESULTS, 'plan-print-1.png'));
    // A4 landscape at 60 dpi: 701 x 496 pixels.
    expect(size.width).toBeGreaterThan(size.height);
    expect(Math.round((size.width / size.height) * 100) / 100).toBeCloseTo(1.41, 1);
    expect(existsSync(pdf)).toBe(true);

    // A3 is a choice away; the page size follows.
    await page.getByLabel('Papier').selectOption('A3');
    const a3 = join(RESULTS, 'plan-print-a3.pdf');
    await page.pdf({ path: a3, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [a3], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+119\d\.\d+ x 841\.\d+ pts \(A3\)/);
    expectNoProblems(problems);
  });
});
