import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventDetailSchema, type EventDetail } from '../../shared/api/eventContract.js';
import type { TestPage } from './helpers/browser.js';
import {
  announced,
  expectNoProblems,
  placeOf,
  waitForGrid,
  waitForPlace,
  waitOnline,
  planTestbed,
} from './helpers/planPages.js';

/**
 * The plan without a mouse: moving and swapping sessions with "Move", the arrow keys and Enter,
 * and counting votes at the pitch with + / − / arrows / digits; every result is announced in the
 * live region. Needs `npx electron-vite build`.
 */

const bed = planTestbed('Tastatur-BarCamp');

async function detail(): Promise<EventDetail> {
  const response = await fetch(`${bed.core.origin}/api/events/${bed.eventId}`, {
    headers: { authorization: `Bearer ${bed.core.token}` },
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
    person = await bed.person({ viewport: { width: 1600, height: 900 } });
    await person.page.goto(`${bed.core.origin}/e/${bed.eventId}`);
    await waitForGrid(person.page, 26, 1);
    await waitOnline(person.page);
  });

  it('moves a session with Move, the arrow keys and Enter, and can cancel with Escape', async () => {
    const { page } = person;
    // The grid is one tab stop (arrow keys between cells, Enter into a cell): start on the button.
    const target = '„Ratsinformationssystem, aber verständlich“ umplanen';
    await page.getByRole('button', { name: target }).focus();
    expect(await focused(page)).toBe(`button: ${target}`);

    await page.keyboard.press('Enter');
    // Move mode: focus is on the session's own cell, every cell is a target.
    expect(await focused(page)).toBe('button: Bisheriger Platz: Werkstatt, 10:15–11:00. Abbrechen');
    await page.getByRole('region', { name: 'Session umplanen' }).waitFor();
    await page.keyboard.press('ArrowUp'); // the opening slot, empty in Werkstatt
    expect(await focused(page)).toBe(
      'button: „Ratsinformationssystem, aber verständlich“ nach Werkstatt, 09:00–10:00 verschieben',
    );
    await page.keyboard.press('Enter');
    await waitForPlace(page, 'Ratsinformationssystem, aber verständlich', 'Werkstatt|09:00');
    await announcedText(
      page,
      '„Ratsinformationssystem, aber verständlich“ liegt jetzt in Werkstatt, 09:00–10:00.',
    );
    // Focus followed the session to its new place.
    expect(await focused(page)).toBe(`button: ${target}`);

    // Escape leaves everything where it is.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await announcedText(page, 'Umplanen abgebrochen.');
    expect(await focused(page)).toBe(`button: ${target}`);
    expect(await placeOf(page, 'Ratsinformationssystem, aber verständlich')).toBe('Werkstatt|09:00');

    // Onto an occupied cell: the two swap.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // The button says what the move does, and what happens to the session already there.
    expect(await focused(page)).toBe(
      'button: „Ratsinformationssystem, aber verständlich“ mit „Barrierefreie Formulare“ tauschen (Werkstatt, 11:15–12:00). ' +
        '„Ratsinformationssystem, aber verständlich“ kommt nach Werkstatt, 11:15–12:00. ' +
        '„Barrierefreie Formulare“ ist dort und wechselt dafür nach Werkstatt, 09:00–10:00.',
    );
    await page.keyboard.press('Enter');
    await waitForPlace(page, 'Ratsinformationssystem, aber verständlich', 'Werkstatt|11:15');
    await waitForPlace(page, 'Barrierefreie Formulare', 'Werkstatt|09:00');
    await announcedText(
      page,
      '„Ratsinformationssystem, aber verständlich“ und „Barrierefreie Formulare“ haben getauscht; „Ratsinformationssystem, aber verständlich“ liegt jetzt in Werkstatt, 11:15–12:00.',
    );

    // A proposal is scheduled the same way, and a session goes back to the proposals.
    await page.getByRole('button', { name: /„Sächsisch für Sprachassistenten.*“ einplanen/ }).focus();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatch(/nach Festsaal, 09:00–10:00 verschieben|tauschen/);
    await page.keyboard.press('ArrowDown'); // Festsaal 10:15, free
    await page.keyboard.press('Enter');
    await waitForPlace(page, 'Sächsisch für Sprachassistenten 🤖', 'Festsaal|10:15');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /aus dem Plan nehmen/ }).focus();
    await page.keyboard.press('Enter');
    await waitForPlace(page, 'Sächsisch für Sprachassistenten 🤖', 'unscheduled');

    const stored = await detail();
    expect(
      stored.sessions.find((s) => s.title === 'Ratsinformationssystem, aber verständlich'),
    ).toMatchObject({ room: 'Werkstatt' });
    expect(
      stored.sessions.find((s) => s.title === 'Ratsinformationssystem, aber verständlich')?.start,
    ).toContain('T11:15');
    expectNoProblems(person.problems);
  });

  it('counts votes at the pitch with + / −, arrows, digits and Enter, announcing each count', async () => {
    const { page } = person;
    await page.getByRole('link', { name: 'Vorschläge und Stimmen' }).click();
    const counter = page.getByRole('spinbutton', {
      name: 'Stimmen für „Ratsinformationssystem, aber verständlich“',
    });
    await counter.focus();
    expect(await counter.getAttribute('aria-valuenow')).toBe('9');

    await page.keyboard.press('+');
    await page.keyboard.press('+');
    expect(await counter.getAttribute('aria-valuenow')).toBe('11');
    await announcedText(page, '„Ratsinformationssystem, aber verständlich“: 11 Stimmen');
    await page.keyboard.press('ArrowDown');
    expect(await counter.getAttribute('aria-valuetext')).toBe('10 Stimmen');
    await page.keyboard.press('PageUp');
    expect(await counter.getAttribute('aria-valuenow')).toBe('15');
    await page.keyboard.press('Home');
    await announcedText(page, '„Ratsinformationssystem, aber verständlich“: 0 Stimmen');
    await page.keyboard.press('-');
    expect(await counter.getAttribute('aria-valuenow')).toBe('0');
    await page.keyboard.press('1');
    await announcedText(page, '„Ratsinformationssystem, aber verständlich“: 1 Stimme');
    await page.keyboard.press('3');
    expect(await counter.getAttribute('aria-valuenow')).toBe('13');
    await announcedText(page, '„Ratsinformationssystem, aber verständlich“: 13 Stimmen');

    // Enter goes on to the next proposal in the list (pitch order).
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('spinbutton: Stimmen für „Fahrradstraßen-Daten kartieren“');
    await page.keyboard.type('24');
    await page.keyboard.press('Shift+Enter');
    expect(await focused(page)).toBe('spinbutton: Stimmen für „Ratsinformationssystem, aber verständlich“');

    // The large buttons do the same with a pointer.
    await page
      .getByRole('button', { name: 'Eine Stimme mehr für „Ratsinformationssystem, aber verständlich“' })
      .click();
    expect(await counter.getAttribute('aria-valuenow')).toBe('14');

    await expect
      .poll(
        async () =>
          (await detail()).sessions.find((s) => s.title === 'Ratsinformationssystem, aber verständlich')
            ?.votes,
      )
      .toBe(14);
    expect((await detail()).sessions.find((s) => s.title === 'Fahrradstraßen-Daten kartieren')?.votes).toBe(
      24,
    );
    expect(await announced(page)).toBe('„Ratsinformationssystem, aber verständlich“: 14 Stimmen');
    expectNoProblems(person.problems);
  });
});
