import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestPage } from './helpers/browser.js';
import { REPO_ROOT, startTestCore, type TestCore } from './helpers/core.js';
import {
  PLAN_FIXTURES,
  expectAccessible,
  expectNoProblems,
  importViaApi,
  openInvitation,
} from './helpers/planPages.js';

/**
 * A participant on a phone (390x844, touch): opens the event's link, finds the current session in
 * "Jetzt / Als Nächstes" with one tap, writes a line (asked for a name inline), and reads the chat
 * behind its unread badge. Needs `npx electron-vite build`.
 */

const RESULTS = join(REPO_ROOT, 'test-results');
const PHONE = { width: 390, height: 844 };
let testCore: TestCore;
let browser: Browser;
let eventId: string;
const opened: TestPage[] = [];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  testCore = await startTestCore();
  browser = await launchBrowser();
  eventId = (await importViaApi(testCore.core, PLAN_FIXTURES.utf8, 'Open-Government-Tag Leipzig')).event.id;
});

afterAll(async () => {
  for (const { context } of opened) {
    await context.close();
  }
  await browser?.close();
  await testCore?.close();
});

describe('a participant on a phone', () => {
  it('finds the running session, writes a line and reads the chat', async () => {
    const phone = await openInvitation(browser, testCore.core.joinUrl, { viewport: PHONE, touch: true });
    opened.push(phone);
    const { page } = phone;
    await page.goto(`${testCore.core.origin}/e/${eventId}/now?at=2026-06-13T10:30`);
    const now = page.getByRole('region', { name: /^Jetzt/ });
    await now.getByRole('link', { name: /Offene Haushaltsdaten für alle/ }).waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Open-Government-Tag Leipzig');
    // Nothing runs off the side of the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(RESULTS, 'phone-finder.png'), fullPage: true });
    await expectAccessible(page, 'the session finder on a phone');

    // Search narrows the list (accents and case do not matter).
    await page.getByRole('searchbox').fill('lossner');
    await page.getByRole('region', { name: /1 Treffer/ }).waitFor();
    await page.getByRole('searchbox').fill('');

    // Tap: the session's notes.
    await now.getByRole('link', { name: /Offene Haushaltsdaten für alle/ }).tap();
    const editor = page.getByRole('textbox', { name: 'Notizen der Session' });
    await editor.waitFor({ timeout: 15_000 });
    await page.getByText('Notizen', { exact: true }).first().waitFor();
    // The notes start on the first screen.
    const box = await editor.boundingBox();
    expect(box?.y ?? PHONE.height).toBeLessThan(PHONE.height * 0.5);
    await page.screenshot({ path: join(RESULTS, 'phone-pad.png') });

    // Writing: the name is asked inline at the first keystroke, the text stays.
    await editor.tap();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Haushalt 2027 als CSV');
    const nameField = page.getByRole('textbox', { name: 'Unter welchem Namen schreiben Sie?' });
    await nameField.waitFor();
    await nameField.fill('Pia vom Handy');
    await nameField.press('Enter');
    await nameField.waitFor({ state: 'detached' });
    await expect.poll(() => editor.textContent()).toContain('Haushalt 2027 als CSV');
    // The toolbar is one row.
    const toolbar = page.getByRole('toolbar', { name: /Formatierung|Textformat/ });
    const toolbarBox = await toolbar.boundingBox();
    expect(toolbarBox?.height ?? 999).toBeLessThan(64);

    // A message from someone at a laptop shows up as an unread badge; tapping it opens the chat.
    const laptop = await openInvitation(browser, testCore.core.joinUrl);
    opened.push(laptop);
    await laptop.page.goto(page.url());
    await laptop.page.getByRole('button', { name: /^Chat/ }).click();
    await laptop.page.getByRole('textbox', { name: 'Nachricht' }).fill('Folien kommen später');
    await laptop.page.getByRole('textbox', { name: 'Nachricht' }).press('Enter');
    const badge = page.getByRole('button', { name: /Chat.*1 ungelesene Nachricht/ });
    await badge.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(RESULTS, 'phone-pad-badge.png') });
    await badge.tap();
    await page.getByRole('log').getByText('Folien kommen später').waitFor();
    await page.screenshot({ path: join(RESULTS, 'phone-chat.png') });
    await expectAccessible(page, 'the pad with the chat on a phone');
    await page.getByRole('button', { name: 'Chat schließen' }).tap();
    await page.getByRole('button', { name: /^Chat$/ }).waitFor();
    expectNoProblems(phone.problems);
    expectNoProblems(laptop.problems);
  });
});
