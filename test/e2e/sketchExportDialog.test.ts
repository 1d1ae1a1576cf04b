import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './helpers/axe.js';
import type { TestPage } from './helpers/browser.js';
import { REPO_ROOT, testbed } from './helpers/core.js';

/**
 * The sketchnote export dialog in the editor: opened from the editor bar, it shows the size the
 * core measures, downloads an SVG of what was drawn, and Cancel stops a running download.
 */

const bed = testbed();
let opened: TestPage;

beforeAll(async () => {
  opened = await bed.page({ viewport: { width: 1400, height: 900 } });
  opened.page.setDefaultTimeout(15_000);
});

const SKETCH = 'exportdialog1';

describe('sketch export dialog', () => {
  it('exports an SVG with the drawn stroke, and Cancel stops a download', async () => {
    const { page } = opened;
    await page.goto(`${bed.core.origin}/sketch/${SKETCH}?token=${bed.core.token}`);
    await page.waitForSelector('.sketch-host');
    await page.getByText('Online').first().waitFor();
    const box = await page.locator('.sketch-host').boundingBox();
    if (!box) {
      throw new Error('no sketch host');
    }
    await page.mouse.move(box.x + 200, box.y + 200);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(box.x + 200 + i * 20, box.y + 200 + i * 10);
    }
    await page.mouse.up();

    await page.getByRole('button', { name: 'Exportieren…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sketchnote exportieren' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByText(/mm/).count()).toBeGreaterThan(0);
    await dialog.getByLabel('PNG (Bild)').check();
    await dialog.getByLabel('Auflösung (DPI)').fill('150');
    await expect.poll(() => dialog.getByText(/Pixel/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${REPO_ROOT}/test-results/sketch-export-dialog.png` });
    await expectAccessible(page, 'sketch export dialog');

    await dialog.getByLabel('SVG (Vektor)').check();
    // The stroke reaches the core over sync; export until the SVG has it (bounded).
    let svg = '';
    for (let attempt = 0; attempt < 10 && !svg.includes('<path'); attempt++) {
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Herunterladen' }).click();
      const file = await (await download).path();
      svg = await readFile(file, 'utf8');
    }
    expect(svg).toContain('<svg');
    expect(svg).toContain('<path');
    await dialog.getByText('Export heruntergeladen.').waitFor();

    // Hold the next export's response so Cancel is pressed while it runs.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/export?format=pdf', async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    await dialog.getByLabel('PDF (Druck)').check();
    await dialog.getByRole('button', { name: 'Herunterladen' }).click();
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.getByText('Export abgebrochen.').waitFor();
    release();
    await dialog.getByRole('button', { name: 'Herunterladen' }).waitFor();

    await dialog.getByRole('button', { name: 'Schließen' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});
