import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventDetailSchema, type EventDetail } from '../../shared/api/eventContract.js';
import { launchBrowser, type TestPage } from './helpers/browser.js';
import { startTestCore, type TestCore } from './helpers/core.js';
import {
  announced,
  BARCAMP_FIXTURES,
  expectNoProblems,
  importViaApi,
  openInvitation,
  placeOf,
  waitForGrid,
  waitForPlace,
  waitOnline,
} from './helpers/planPages.js';

/**
 * The plan without a mouse: moving and swapping sessions with "Move", the arrow keys and Enter,
 * and counting votes at the pitch with + / − / arrows / digits; every result is announced in the
 * live region. Needs `npx electron-vite build`.
 */

let testCore: TestCore;
let browser: Browser;
let eventId: string;
const opened: TestPage[] = [];

beforeAll(async () => {
  testCore = await startTestCore();
  browser = await launchBrowser();
  eventId = (await importViaApi(testCore.core, BARCAMP_FIXTURES.utf8, 'Tastatur-BarCamp')).event.id;
});

afterAll(async () => {
  for (const { context } of opened) {
    await context.close();
  }
  await browser?.close();
  await testCore?.close();
});

async function detail(): Promise<EventDetail> {
  const response = await fetch(`${testCore.core.origin}/api/events/${eventId}`, {
    headers: { authorization: `Bearer ${testCore.core.token}` },
  });
  return eventDetailSchema.parse(await response.json());
}

/** What has keyboard focus, as role and accessible name. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return `${element?.getAttribute('role') ?? element?.tagName.toLowerCase()}: ${element?.getAttribute('aria-label') ?? element?.textContent ?? ''}`;
  });
}

async function announcedText(page: Page, text: string): Promise<void> {
  await page.getByTestId('announcer').getByText(text, { exact: true }).waitFor({ timeout: 5000 });
}

describe('the plan by keyboard', () => {
  let person: TestPage;

  beforeAll(async () => {
    person = await openInvitation(browser, testCore.core.joinUrl, { viewport: { width: 1600, height: 900 } });
    opened.push(person);
    await person.page.goto(`${testCore.core.origin}/e/${eventId}`);
    await waitForGrid(person.page, 26, 1);
    await waitOnline(person.page);
  });

  it('moves a session with Move, the arrow keys and Enter, and can cancel with Escape', async () => {
    const { page } = person;
    // Tab from the view navigation until the Move button of the session is reached.
    await page.getByRole('link', { name: 'Sessionplan', exact: true }).focus();
    const target = '„Berufswahl 4.0“ umplanen';
    for (let i = 0; i < 200 && (await focused(page)) !== `button: ${target}`; i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused(page)).toBe(`button: ${target}`);

    await page.keyboard.press('Enter');
    // Move mode: focus is on the session's own cell, every cell is a target.
    expect(await focused(page)).toBe('button: Bisheriger Platz: Raum 1.03, 10:45–11:30. Abbrechen');
    await page.getByRole('region', { name: 'Session umplanen' }).waitFor();
    await page.keyboard.press('ArrowUp'); // the opening slot, empty in Raum 1.03
    expect(await focused(page)).toBe('button: „Berufswahl 4.0“ nach Raum 1.03, 09:30–10:30 verschieben');
    await page.keyboard.press('Enter');
    await waitForPlace(page, 'Berufswahl 4.0', 'Raum 1.03|09:30');
    await announcedText(page, '„Berufswahl 4.0“ liegt jetzt in Raum 1.03, 09:30–10:30.');
    // Focus followed the session to its new place.
    expect(await focused(page)).toBe(`button: ${target}`);

    // Escape leaves everything where it is.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await announcedText(page, 'Umplanen abgebrochen.');
    expect(await focused(page)).toBe(`button: ${target}`);
    expect(await placeOf(page, 'Berufswahl 4.0')).toBe('Raum 1.03|09:30');

    // Onto an occupied cell: the two swap.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe(
      'button: „Berufswahl 4.0“ mit „Kompetenzen gekonnt vermitteln“ tauschen (Raum 1.03, 11:45–12:30)',
    );
    await page.keyboard.press('Enter');
    await waitForPlace(page, 'Berufswahl 4.0', 'Raum 1.03|11:45');
    await waitForPlace(page, 'Kompetenzen gekonnt vermitteln', 'Raum 1.03|09:30');
    await announcedText(
      page,
      '„Berufswahl 4.0“ und „Kompetenzen gekonnt vermitteln“ haben getauscht; „Berufswahl 4.0“ liegt jetzt in Raum 1.03, 11:45–12:30.',
    );

    // A proposal is scheduled the same way, and a session goes back to the proposals.
    await page.getByRole('button', { name: /„Chatbot auf Bairisch.*“ einplanen/ }).focus();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatch(/nach Plenum, 09:30–10:30 verschieben|tauschen/);
    await page.keyboard.press('ArrowDown'); // Plenum 10:45, free
    await page.keyboard.press('Enter');
    await waitForPlace(page, 'Chatbot auf Bairisch 🥨', 'Plenum|10:45');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /aus dem Plan nehmen/ }).focus();
    await page.keyboard.press('Enter');
    await waitForPlace(page, 'Chatbot auf Bairisch 🥨', 'unscheduled');

    const stored = await detail();
    expect(stored.sessions.find((s) => s.title === 'Berufswahl 4.0')).toMatchObject({ room: 'Raum 1.03' });
    expect(stored.sessions.find((s) => s.title === 'Berufswahl 4.0')?.start).toContain('T11:45');
    expectNoProblems(person.problems);
  });

  it('counts votes at the pitch with + / −, arrows, digits and Enter, announcing each count', async () => {
    const { page } = person;
    await page.getByRole('link', { name: 'Vorschläge und Stimmen' }).click();
    const counter = page.getByRole('spinbutton', { name: 'Stimmen für „Berufswahl 4.0“' });
    await counter.focus();
    expect(await counter.getAttribute('aria-valuenow')).toBe('9');

    await page.keyboard.press('+');
    await page.keyboard.press('+');
    expect(await counter.getAttribute('aria-valuenow')).toBe('11');
    await announcedText(page, '„Berufswahl 4.0“: 11 Stimmen');
    await page.keyboard.press('ArrowDown');
    expect(await counter.getAttribute('aria-valuetext')).toBe('10 Stimmen');
    await page.keyboard.press('PageUp');
    expect(await counter.getAttribute('aria-valuenow')).toBe('15');
    await page.keyboard.press('Home');
    await announcedText(page, '„Berufswahl 4.0“: 0 Stimmen');
    await page.keyboard.press('-');
    expect(await counter.getAttribute('aria-valuenow')).toBe('0');
    await page.keyboard.press('1');
    await announcedText(page, '„Berufswahl 4.0“: 1 Stimme');
    await page.keyboard.press('3');
    expect(await counter.getAttribute('aria-valuenow')).toBe('13');
    await announcedText(page, '„Berufswahl 4.0“: 13 Stimmen');

    // Enter goes on to the next proposal in the list (pitch order).
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('spinbutton: Stimmen für „Nutzen und Grenzen digitaler Bildung“');
    await page.keyboard.type('24');
    await page.keyboard.press('Shift+Enter');
    expect(await focused(page)).toBe('spinbutton: Stimmen für „Berufswahl 4.0“');

    // The large buttons do the same with a pointer.
    await page.getByRole('button', { name: 'Eine Stimme mehr für „Berufswahl 4.0“' }).click();
    expect(await counter.getAttribute('aria-valuenow')).toBe('14');

    await expect
      .poll(async () => (await detail()).sessions.find((s) => s.title === 'Berufswahl 4.0')?.votes)
      .toBe(14);
    expect(
      (await detail()).sessions.find((s) => s.title === 'Nutzen und Grenzen digitaler Bildung')?.votes,
    ).toBe(24);
    expect(await announced(page)).toBe('„Berufswahl 4.0“: 14 Stimmen');
    expectNoProblems(person.problems);
  });
});
