import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanResponseSchema } from '../../shared/api/eventContract.js';
import { seriousA11yViolations } from './helpers/axe.js';
import { launchBrowser, openPage, type TestPage } from './helpers/browser.js';
import { REPO_ROOT, startTestCore, type TestCore } from './helpers/core.js';
import { PLAN_FIXTURES, fixturePath } from './helpers/planPages.js';

/**
 * The documentation bundle dialog in an event's files tab: the owner picks the public profile,
 * the progress runs from the core's export status, and the ZIP arrives as a download.
 */

let testCore: TestCore;
let browser: Browser;
let opened: TestPage;

beforeAll(async () => {
  testCore = await startTestCore();
  browser = await launchBrowser();
  opened = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  opened.page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await opened?.context.close();
  await browser?.close();
  await testCore?.close();
});

describe('documentation bundle dialog', () => {
  it('creates a public bundle and downloads the ZIP', async () => {
    const response = await fetch(`${testCore.core.origin}/api/events/import-plan?title=B%C3%BCndeltag`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testCore.core.token}`, 'content-type': 'text/csv' },
      body: await readFile(fixturePath(PLAN_FIXTURES.utf8)),
    });
    expect(response.status).toBe(201);
    const { event } = importPlanResponseSchema.parse(await response.json());

    const { page } = opened;
    await page.goto(`${testCore.core.origin}/e/${event.id}?view=files&token=${testCore.core.token}`);
    await page.getByRole('button', { name: 'Paket erstellen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dokumentationspaket erstellen' });
    await dialog.waitFor();
    await dialog
      .getByText('Namen ohne Einwilligung werden pseudonymisiert; Chat und Verlauf fehlen.')
      .waitFor();
    await page.screenshot({ path: `${REPO_ROOT}/test-results/bundle-dialog.png` });
    expect(await seriousA11yViolations(page, 'bundle dialog')).toEqual([]);

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Erstellen und herunterladen' }).click();
    const file = await (
      await download.catch(async (error: unknown) => {
        await page.screenshot({ path: `${REPO_ROOT}/test-results/bundle-dialog-fail.png` });
        throw error;
      })
    ).path();
    const names = Object.keys(unzipSync(new Uint8Array(await readFile(file))));
    expect(names.length).toBeGreaterThan(0);
    await dialog.getByText('Paket heruntergeladen.').waitFor();
    await page.screenshot({ path: `${REPO_ROOT}/test-results/bundle-dialog-done.png` });
  });
});
