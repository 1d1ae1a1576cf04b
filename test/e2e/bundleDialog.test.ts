import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './helpers/axe.js';
import type { TestPage } from './helpers/browser.js';
import { REPO_ROOT } from './helpers/core.js';
import { planTestbed } from './helpers/planPages.js';

/**
 * The documentation bundle dialog in an event's files tab: the owner picks the public profile,
 * the progress runs from the core's export status, and the ZIP arrives as a download.
 */

const bed = planTestbed('Bündeltag');
let opened: TestPage;

beforeAll(async () => {
  opened = await bed.page({ viewport: { width: 1280, height: 900 } });
  opened.page.setDefaultTimeout(15_000);
});

describe('documentation bundle dialog', () => {
  it('creates a public bundle and downloads the ZIP', async () => {
    const { page } = opened;
    await page.goto(`${bed.core.origin}/e/${bed.eventId}?view=files&token=${bed.core.token}`);
    await page.getByRole('button', { name: 'Paket erstellen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dokumentationspaket erstellen' });
    await dialog.waitFor();
    await dialog
      .getByText('Namen ohne Einwilligung werden pseudonymisiert; Chat und Verlauf fehlen.')
      .waitFor();
    await page.screenshot({ path: `${REPO_ROOT}/test-results/bundle-dialog.png` });
    await expectAccessible(page, 'bundle dialog');

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
