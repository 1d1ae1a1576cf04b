import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventDetailSchema, type EventDetail } from '../../shared/api/eventContract.js';
import { launchBrowser, type TestPage } from './helpers/browser.js';
import {
  PLAN_FIXTURES,
  card,
  expectNoProblems,
  importViaApi,
  openInvitation,
  placeOf,
  startRestartableCore,
  waitForGrid,
  waitForPlace,
  waitOnline,
  type RestartableCore,
} from './helpers/planPages.js';

/**
 * The session plan live between several screens, against a real core in Chromium: a session dragged
 * with the mouse on one laptop moves on the other and on the projected wall; edits made on two
 * laptops while both are offline all arrive once they are back. Needs `npx electron-vite build`.
 */

let server: RestartableCore;
let browser: Browser;
const opened: TestPage[] = [];
let detail: EventDetail;

async function fetchDetail(): Promise<EventDetail> {
  const response = await fetch(`${server.core.origin}/api/events/${detail.id}`, {
    headers: { authorization: `Bearer ${server.core.token}` },
  });
  return eventDetailSchema.parse(await response.json());
}

function cellSelector(room: string, start: string): string {
  const roomId = detail.rooms.find((r) => r.name === room)?.id;
  const slotId = detail.slots.find((s) => s.start.slice(11, 16) === start)?.id;
  if (!roomId || !slotId) {
    throw new Error(`No cell ${room} at ${start}.`);
  }
  return `td[data-drop="cell:${roomId}|${slotId}"]`;
}

/** Whether both the card and the target are inside the viewport (a person can only drag what they see). */
async function inViewport(page: Page, targetSelector: string, title: string): Promise<boolean> {
  const size = page.viewportSize();
  const boxes = [await page.locator(targetSelector).boundingBox(), await card(page, title).boundingBox()];
  return boxes.every((b) => b !== null && size !== null && b.y >= 0 && b.y + b.height <= size.height);
}

/** A real mouse drag: press on the card's title, move in steps, release over the target. */
async function mouseDrag(page: Page, title: string, targetSelector: string): Promise<void> {
  await page.locator(targetSelector).scrollIntoViewIfNeeded();
  const source = card(page, title).getByRole('heading');
  if (!(await source.isVisible()) || !(await inViewport(page, targetSelector, title))) {
    await source.scrollIntoViewIfNeeded();
  }
  const from = await source.boundingBox();
  const to = await page.locator(targetSelector).boundingBox();
  if (!from || !to) {
    throw new Error('Card or target cell is not on screen.');
  }
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

async function person(): Promise<TestPage> {
  const one = await openInvitation(browser, server.core.joinUrl, { viewport: { width: 1600, height: 900 } });
  opened.push(one);
  await one.page.goto(`${server.core.origin}/e/${detail.id}`);
  await waitForGrid(one.page, 26, 1);
  await waitOnline(one.page);
  return one;
}

beforeAll(async () => {
  server = await startRestartableCore();
  browser = await launchBrowser();
  const imported = await importViaApi(server.core, PLAN_FIXTURES.utf8, 'BarCamp live');
  detail = { id: imported.event.id } as EventDetail;
  detail = await fetchDetail();
});

afterAll(async () => {
  for (const { context } of opened) {
    await context.close();
  }
  await browser?.close();
  await server?.close();
});

describe('the plan, live on every screen', () => {
  let organiser: TestPage;
  let colleague: TestPage;

  it('moves a session dragged with the mouse on one screen on the other and on the wall', async () => {
    organiser = await person();
    colleague = await person();
    const wall = await openInvitation(browser, server.core.joinUrl, {
      viewport: { width: 1920, height: 1080 },
    });
    opened.push(wall);
    await wall.page.goto(`${server.core.origin}/wall/${detail.id}?now=2026-06-13T10:30`);
    const nowSection = wall.page.locator('.wall-slot--now');
    await nowSection.getByText('Ratsinformationssystem, aber verständlich').waitFor();
    expect(
      await nowSection
        .locator('.wall-card', { hasText: 'Ratsinformationssystem, aber verständlich' })
        .locator('.wall-card__room')
        .textContent(),
    ).toBe('Werkstatt');

    // Into a free cell: the plenary room is empty at 10:15.
    await mouseDrag(
      organiser.page,
      'Ratsinformationssystem, aber verständlich',
      cellSelector('Festsaal', '10:15'),
    );
    expect(await placeOf(organiser.page, 'Ratsinformationssystem, aber verständlich')).toBe('Festsaal|10:15');
    await waitForPlace(colleague.page, 'Ratsinformationssystem, aber verständlich', 'Festsaal|10:15');
    await nowSection
      .locator('.wall-card', { hasText: 'Ratsinformationssystem, aber verständlich' })
      .getByText('Festsaal')
      .waitFor();

    // Onto an occupied cell with Playwright's dragTo: the two sessions swap places.
    await card(organiser.page, 'Baumkataster zum Mitmachen')
      .getByRole('heading')
      .dragTo(card(organiser.page, 'Datenschutz & Transparenz – ein Widerspruch?').getByRole('heading'));
    await waitForPlace(colleague.page, 'Baumkataster zum Mitmachen', 'Saal Süd|13:00');
    await waitForPlace(colleague.page, 'Datenschutz & Transparenz – ein Widerspruch?', 'Saal Nord|13:00');

    // Back to the proposals: dropped on the list beside the grid.
    await mouseDrag(colleague.page, 'Schulwege sicher machen', '[data-testid="unscheduled"]');
    await waitForPlace(organiser.page, 'Schulwege sicher machen', 'unscheduled');
    await waitForGrid(organiser.page, 25, 2);
    await mouseDrag(organiser.page, 'Schulwege sicher machen', cellSelector('Dachgarten', '11:15'));
    await waitForPlace(colleague.page, 'Schulwege sicher machen', 'Dachgarten|11:15');

    const stored = await fetchDetail();
    expect(stored.sessions.find((s) => s.title === 'Ratsinformationssystem, aber verständlich')?.room).toBe(
      'Festsaal',
    );
    expect(stored.sessions.find((s) => s.title === 'Baumkataster zum Mitmachen')?.room).toBe('Saal Süd');
    expectNoProblems(organiser.problems);
    expectNoProblems(colleague.problems);
    expectNoProblems(wall.problems);
  });

  it('merges what two people changed while both were offline', async () => {
    const pill = (page: Page) => page.locator('header.app-header .connection');
    await organiser.context.setOffline(true);
    await colleague.context.setOffline(true);
    // setOffline blocks new connections; whether Chromium also drops open WebSockets has changed
    // between versions. If the pills still say online, the network going away is simulated by
    // stopping the core (every socket drops) and starting it again later on the same port.
    let stoppedCore = false;
    try {
      await pill(organiser.page)
        .and(organiser.page.locator('.connection--offline'))
        .waitFor({ timeout: 4000 });
      await pill(colleague.page)
        .and(colleague.page.locator('.connection--offline'))
        .waitFor({ timeout: 4000 });
      console.info('setOffline dropped the WebSockets.');
    } catch {
      console.info('setOffline left the WebSockets open; stopping the core instead.');
      await server.stop();
      stoppedCore = true;
    }
    for (const page of [organiser.page, colleague.page]) {
      await page.locator('header.app-header .connection--offline').waitFor({ timeout: 10_000 });
      expect(await pill(page).textContent()).toContain('Offline');
    }

    // The organiser counts hands for one proposal, by keyboard.
    await organiser.page.getByRole('link', { name: 'Vorschläge und Stimmen' }).click();
    const counter = organiser.page.getByRole('spinbutton', {
      name: 'Stimmen für „Ratsinformationssystem, aber verständlich“',
    });
    await counter.focus();
    await organiser.page.keyboard.press('+');
    await organiser.page.keyboard.press('+');
    await organiser.page.keyboard.press('+');
    expect(await counter.getAttribute('aria-valuenow')).toBe('12');

    // The colleague moves a session and counts another proposal.
    await mouseDrag(colleague.page, 'Leipziger Verkehrsdaten in Echtzeit', cellSelector('Festsaal', '15:00'));
    expect(await placeOf(colleague.page, 'Leipziger Verkehrsdaten in Echtzeit')).toBe('Festsaal|15:00');
    await colleague.page.getByRole('link', { name: 'Vorschläge und Stimmen' }).click();
    const chatbot = colleague.page.getByRole('spinbutton', {
      name: /Stimmen für „Sächsisch für Sprachassistenten/,
    });
    await chatbot.focus();
    await colleague.page.keyboard.type('7');
    expect(await chatbot.getAttribute('aria-valuenow')).toBe('7');

    // Both screens say that their edits have not been sent yet.
    for (const page of [organiser.page, colleague.page]) {
      await pill(page)
        .getByText(/noch nicht übertragen/)
        .waitFor();
    }

    if (stoppedCore) {
      await server.start();
    }
    await organiser.context.setOffline(false);
    await colleague.context.setOffline(false);
    for (const page of [organiser.page, colleague.page]) {
      await page.locator('header.app-header .connection--online').waitFor({ timeout: 20_000 });
    }

    // Each screen now has both edits.
    await organiser.page
      .getByRole('spinbutton', { name: /Stimmen für „Sächsisch für Sprachassistenten/ })
      .and(organiser.page.locator('[aria-valuenow="7"]'))
      .waitFor();
    await colleague.page
      .getByRole('spinbutton', { name: 'Stimmen für „Ratsinformationssystem, aber verständlich“' })
      .and(colleague.page.locator('[aria-valuenow="12"]'))
      .waitFor();
    await organiser.page.getByRole('link', { name: 'Sessionplan', exact: true }).click();
    await waitForPlace(organiser.page, 'Leipziger Verkehrsdaten in Echtzeit', 'Festsaal|15:00');

    // And so does the core.
    const stored = await fetchDetail();
    expect(stored.sessions.find((s) => s.title === 'Ratsinformationssystem, aber verständlich')?.votes).toBe(
      12,
    );
    expect(stored.sessions.find((s) => s.title.startsWith('Sächsisch für Sprachassistenten'))?.votes).toBe(7);
    expect(stored.sessions.find((s) => s.title === 'Leipziger Verkehrsdaten in Echtzeit')?.room).toBe(
      'Festsaal',
    );
    expectNoProblems(organiser.problems, { networkWasCut: true });
    expectNoProblems(colleague.problems, { networkWasCut: true });
  });
});
