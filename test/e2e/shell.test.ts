import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './helpers/axe.js';
import { launchBrowser, openPage, type PageProblems, type TestPage } from './helpers/browser.js';
import { REPO_ROOT, startTestCore, type TestCore } from './helpers/core.js';

/**
 * The renderer shell against a real core in Chromium: access through the invitation link, German
 * first with English switchable, the live events list across two people, every deep link, and
 * accessibility. Needs a fresh build: `npx electron-vite build`.
 */

const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results');

let testCore: TestCore;
let browser: Browser;
const pages: TestPage[] = [];

beforeAll(async () => {
  testCore = await startTestCore();
  browser = await launchBrowser();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  for (const { context } of pages) {
    await context.close();
  }
  await browser?.close();
  await testCore?.close();
});

/** A new person (own cookies and storage) who opened the invitation link. */
async function openInvitation(options?: Parameters<typeof openPage>[1]): Promise<TestPage> {
  const opened = await openPage(browser, options);
  pages.push(opened);
  await opened.page.goto(testCore.core.joinUrl);
  return opened;
}

async function h1(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ state: 'visible', timeout: 15_000 });
}

async function waitOnline(page: Page): Promise<void> {
  await page.locator('.connection--online').first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

function expectNoProblems(problems: PageProblems): void {
  expect(problems.pageErrors, 'uncaught errors in the page').toEqual([]);
  // A CSP violation or a failed module load would show up here first.
  expect(problems.consoleErrors, 'console errors in the page').toEqual([]);
}

async function createEvent(page: Page, title: string): Promise<void> {
  await page.getByLabel('Titel der Veranstaltung').fill(title);
  await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
  await page.getByRole('status').getByText(`Veranstaltung „${title}“ wurde angelegt.`).waitFor();
}

async function eventIdFromList(page: Page, title: string): Promise<string> {
  const href = await page.getByRole('link', { name: title, exact: true }).getAttribute('href');
  const match = /^\/e\/([A-Za-z0-9_-]+)$/.exec(href ?? '');
  if (!match?.[1]) {
    throw new Error(`The list entry for "${title}" links to ${href}, not to /e/<id>.`);
  }
  return match[1];
}

describe('access', () => {
  it('answers 401 with a plain explanation without the invitation link', async () => {
    const response = await fetch(`${testCore.core.origin}/`);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Einladungslink');

    const opened = await openPage(browser);
    pages.push(opened);
    const { page } = opened;
    const navigation = await page.goto(`${testCore.core.origin}/settings`);
    expect(navigation?.status()).toBe(401);
  });
});

describe('language', () => {
  it('opens in German, drops the token from the address, switches to English and keeps it', async () => {
    const { page, problems } = await openInvitation();
    await h1(page, 'Veranstaltungen');
    expect(page.url()).not.toContain('token');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await htmlLang(page)).toBe('de');
    expect(await page.title()).toBe('Veranstaltungen – Mitschrift');

    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Events');
    expect(await htmlLang(page)).toBe('en');

    await page.reload();
    await h1(page, 'Events');
    expect(await htmlLang(page)).toBe('en');
    await page.getByRole('button', { name: 'Deutsch' }).waitFor();
    expectNoProblems(problems);
  });
});

describe('events list', () => {
  it('shows an event created by one person to another without a reload', async () => {
    const organiser = await openInvitation();
    const participant = await openInvitation();
    await h1(organiser.page, 'Veranstaltungen');
    await h1(participant.page, 'Veranstaltungen');
    await waitOnline(organiser.page);
    await waitOnline(participant.page);

    await createEvent(organiser.page, 'Tag der offenen Verwaltung');
    await createEvent(organiser.page, 'BarCamp Verwaltung digital');

    const list = participant.page.locator('.event-list');
    await list.getByRole('link', { name: 'BarCamp Verwaltung digital' }).waitFor({ timeout: 10_000 });
    // Newest first.
    expect(await list.getByRole('link').allTextContents()).toEqual([
      'BarCamp Verwaltung digital',
      'Tag der offenen Verwaltung',
    ]);

    await participant.page.getByLabel('Veranstaltungen nach Titel durchsuchen').fill('barcamp');
    expect(await list.getByRole('link').allTextContents()).toEqual(['BarCamp Verwaltung digital']);
    await participant.page.getByText('1 von 2 Veranstaltungen').waitFor();

    expectNoProblems(organiser.problems);
    expectNoProblems(participant.problems);
  });
});

describe('deep links and accessibility', () => {
  let eventId: string;
  let visitor: TestPage;

  beforeAll(async () => {
    visitor = await openInvitation();
    await h1(visitor.page, 'Veranstaltungen');
    await createEvent(visitor.page, 'Open Government Tag 2025');
    eventId = await eventIdFromList(visitor.page, 'Open Government Tag 2025');
  });

  it('serves index.html with absolute asset paths, which deep links need', async () => {
    // electron-vite builds the renderer with base './' unless told otherwise; then /pad/x would ask
    // for /pad/assets/… and get index.html back instead of the script.
    const response = await fetch(`${testCore.core.origin}/pad/x`, {
      headers: { authorization: `Bearer ${testCore.core.token}` },
    });
    const html = await response.text();
    expect(html, 'renderer base must be "/" (electron.vite.config.ts)').toMatch(/src="\/assets\//);
    expect(html).not.toMatch(/(src|href)="\.\/assets\//);
  });

  it('renders each deep link in its own view', async () => {
    const { page, problems } = visitor;

    await page.goto(`${testCore.core.origin}/e/${eventId}`);
    await h1(page, 'Open Government Tag 2025');
    await page.getByText('Den Sessionplan mit Räumen').waitFor();
    expect(await page.getByRole('link', { name: 'Wandansicht öffnen' }).getAttribute('href')).toBe(
      `/wall/${eventId}`,
    );

    await page.goto(`${testCore.core.origin}/pad/x`);
    await h1(page, 'Sessionnotizen');
    await page.getByText('pad/x', { exact: true }).waitFor();
    await waitOnline(page);

    await page.goto(`${testCore.core.origin}/sketch/x`);
    await h1(page, 'Sketchnote');
    await page.locator('.sketch-host').waitFor();
    await waitOnline(page);
    // The sketchnote has a window of its own: a slim title bar, no site header.
    expect(await page.locator('header.app-header').count(), 'the sketchnote has no app chrome').toBe(0);

    await page.goto(`${testCore.core.origin}/wall/${eventId}`);
    await h1(page, 'Open Government Tag 2025');
    expect(await page.locator('header.app-header').count(), 'the wall has no app chrome').toBe(0);

    await page.goto(`${testCore.core.origin}/settings`);
    await h1(page, 'Einstellungen');
    await page.getByText('Sie nutzen Mitschrift im Browser.').waitFor();
    await page.getByText('Alle gespeicherten Dateien wurden vollständig gelesen.').waitFor();

    await page.goto(`${testCore.core.origin}/gibt-es-nicht`);
    await h1(page, 'Seite nicht gefunden');

    expectNoProblems(problems);
  });

  it('has no serious accessibility problems and looks right in German and English', async () => {
    const { page, problems } = visitor;

    await page.goto(`${testCore.core.origin}/`);
    await h1(page, 'Veranstaltungen');
    await waitOnline(page);
    await expectAccessible(page, 'events (de)');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'shell-de.png'), fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Events');
    await expectAccessible(page, 'events (en)');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'shell-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await h1(page, 'Veranstaltungen');

    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await h1(page, 'Einstellungen');
    await expectAccessible(page, 'settings');

    await page.goto(`${testCore.core.origin}/e/${eventId}`);
    await h1(page, 'Open Government Tag 2025');
    await expectAccessible(page, 'event');

    expectNoProblems(problems);
  });
});

describe('desktop bridge', () => {
  /** Stands in for the preload's `window.mitschrift`, recording calls so the test can check them. */
  function fakeDesktopApi(): void {
    type Listener = (command: string) => void;
    const state = window as unknown as { __desktopCalls: string[][]; __menu: Listener | null };
    state.__desktopCalls = [];
    state.__menu = null;
    Object.defineProperty(window, 'mitschrift', {
      value: {
        getAppInfo: () =>
          Promise.resolve({
            version: '0.1.0',
            electron: '45.4.1',
            platform: 'linux',
            dataDir: '/srv/mitschrift',
          }),
        openProjector: (eventId: string) => {
          state.__desktopCalls.push(['openProjector', eventId]);
          return Promise.resolve();
        },
        openSketchProjector: (sketchId: string) => {
          state.__desktopCalls.push(['openSketchProjector', sketchId]);
          return Promise.resolve();
        },
        setMenuLanguage: (language: string) => {
          state.__desktopCalls.push(['setMenuLanguage', language]);
          return Promise.resolve();
        },
        onMenuCommand: (listener: Listener) => {
          state.__menu = listener;
          return () => {
            state.__menu = null;
          };
        },
      },
    });
  }

  async function calls(page: Page): Promise<string[][]> {
    return page.evaluate(() => (window as unknown as { __desktopCalls: string[][] }).__desktopCalls);
  }

  async function menu(page: Page, command: string): Promise<void> {
    await page.evaluate((name) => {
      const listener = (window as unknown as { __menu: ((command: string) => void) | null }).__menu;
      if (!listener) {
        throw new Error('The renderer did not subscribe to menu commands.');
      }
      listener(name);
    }, command);
  }

  it('follows menu commands, syncs the menu language and opens the projector window', async () => {
    const opened = await openPage(browser);
    pages.push(opened);
    const { page, problems } = opened;
    await page.addInitScript(fakeDesktopApi);
    await page.goto(testCore.core.joinUrl);
    await h1(page, 'Veranstaltungen');
    // The native menu learns the remembered language on start.
    expect(await calls(page)).toContainEqual(['setMenuLanguage', 'de']);

    await menu(page, 'open-settings');
    await h1(page, 'Einstellungen');
    await page.getByText('/srv/mitschrift').waitFor();

    await menu(page, 'new-event');
    await h1(page, 'Veranstaltungen');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'title');

    await createEvent(page, 'Projektortest');
    const eventId = await eventIdFromList(page, 'Projektortest');
    await page.getByRole('link', { name: 'Projektortest', exact: true }).click();
    await h1(page, 'Projektortest');
    await page.getByRole('button', { name: 'Auf dem Projektor zeigen' }).click();
    await page.waitForFunction(() =>
      (window as unknown as { __desktopCalls: string[][] }).__desktopCalls.some(
        ([name]) => name === 'openProjector',
      ),
    );
    expect(await calls(page)).toContainEqual(['openProjector', eventId]);

    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Projektortest');
    expect(await calls(page)).toContainEqual(['setMenuLanguage', 'en']);

    // A sketchnote goes to the same projector window, through its own channel.
    await page.goto(`${testCore.core.origin}/sketch/projector-test`);
    await h1(page, 'Sketchnote');
    await page.getByRole('button', { name: 'Show on projector' }).click();
    await page.waitForFunction(() =>
      (window as unknown as { __desktopCalls: string[][] }).__desktopCalls.some(
        ([name]) => name === 'openSketchProjector',
      ),
    );
    expect(await calls(page)).toContainEqual(['openSketchProjector', 'projector-test']);

    await menu(page, 'open-events');
    await h1(page, 'Events');
    expectNoProblems(problems);
  });
});
