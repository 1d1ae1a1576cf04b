import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../server/publish/ckanStandIn.js';
import { resultsDir } from './helpers/core.js';
import { planTestbed } from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';

/**
 * Issue 12: publishing from the event's "Import und Export" view to a CKAN portal (the repository's
 * stand-in): the owner enters the portal and token, picks the organisation from the portal,
 * publishes with progress and gets the dataset's link; a refused token is said in German.
 */

const RESULTS = resultsDir('publish');
const bed = planTestbed('OGD Leipzig');
let ckan: StandIn;

beforeAll(async () => {
  ckan = await startStandIn();
}, 30_000);
afterAll(async () => {
  await ckan?.close();
});

describe('the publish panel', () => {
  it('sets up the portal, publishes with progress and links the dataset; a wrong token is explained', async () => {
    const { page } = await bed.person({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${bed.core.origin}/e/${bed.eventId}?view=files`);
    const panel = page.getByRole('region', { name: 'Veröffentlichen im Datenportal' });
    await panel.waitFor();
    expect(await panel.getByRole('button', { name: 'Veröffentlichen', exact: true }).isDisabled()).toBe(true);
    await panel.getByLabel('Adresse des Portals').fill(ckan.url);
    await panel.getByLabel(/API-Token/).fill('editor-token');
    await panel.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await panel.getByText('Gespeichert.').waitFor();
    await panel.getByText('API-Token (gespeichert)').waitFor();
    // The token is never shown again, not even in the field.
    expect(await panel.getByLabel(/API-Token/).inputValue()).toBe('');
    await panel.getByRole('button', { name: 'Organisationen und Lizenzen vom Portal laden' }).click();
    await panel.getByLabel('Organisation').selectOption({ label: 'IT-Referat' });
    // The licence comes from the portal's license_list; the event's own stays the default.
    const licence = panel.getByLabel('Lizenz des Datensatzes');
    await licence.locator('option', { hasText: 'Datenlizenz Deutschland' }).waitFor({ state: 'attached' });
    expect(await licence.inputValue()).toBe('');
    await licence.selectOption({
      label: 'Datenlizenz Deutschland Namensnennung 2.0 (http://dcat-ap.de/def/licenses/dl-by-de/2.0)',
    });
    await panel.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await panel.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await panel.getByText(/Fertig: \d+ Dateien gesendet/).waitFor({ timeout: 60_000 });
    const link = panel.getByRole('link', { name: 'Datensatz im Portal öffnen' });
    expect(await link.getAttribute('href')).toContain(ckan.url);
    expect(ckan.datasets).toHaveLength(1);
    expect(ckan.datasets[0]?.license_id).toBe('http://dcat-ap.de/def/licenses/dl-by-de/2.0');
    await page.screenshot({ path: join(RESULTS, 'published.png'), fullPage: true });
    await expectAccessible(page, 'publish panel');

    await panel.getByLabel(/API-Token/).fill('falsches-token-123');
    await panel.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await panel.getByText('Gespeichert.').waitFor();
    await panel.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await panel.getByText(/Das Portal verweigert den Zugriff/).waitFor({ timeout: 60_000 });
    expect(ckan.datasets).toHaveLength(1);
    await page.screenshot({ path: join(RESULTS, 'refused.png'), fullPage: true });
  }, 180_000);
});
