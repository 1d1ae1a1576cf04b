import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventDetailSchema, type EventDetail } from '../../shared/api/eventContract.js';
import { connectSyncClient } from '../helpers/syncClient.js';
import type { TestPage } from './helpers/browser.js';
import { resultsDir, VENUE_INTERFACES } from './helpers/core.js';
import { waitOnline, planTestbed } from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';
import type { PageEngine } from './helpers/sketchPages.js';

/**
 * Issue 10: the owner shares the event on the network ("Im Netzwerk freigeben"), makes join links
 * for participants (edit) and for reading along (view), and people join from a phone-sized browser
 * through those links: the plan live and read-only, pads editable or not, the sketchnote as a
 * viewer. The venue network is played by 127.0.0.2 (tests talk to loopback only).
 */

const RESULTS = resultsDir('share');
const PHONE = { width: 390, height: 844 };

let detail: EventDetail;

const bed = planTestbed('OGD Leipzig', { networkInterfaces: () => VENUE_INTERFACES });

beforeAll(async () => {
  const res = await fetch(`${bed.core.origin}/api/events/${bed.eventId}`, {
    headers: { authorization: `Bearer ${bed.core.token}` },
  });
  detail = eventDetailSchema.parse(await res.json());
  // The first session's pad and sketchnote exist (a viewer never creates a document).
  const session = detail.sessions[0]!;
  for (const doc of [`pad/${session.id}`, `sketch/${session.id}`]) {
    const client = connectSyncClient(bed.core.origin, bed.core.token, doc);
    await client.synced;
    if (doc.startsWith('sketch/')) {
      client.doc.getMap('meta').set('sheet', 'a4-landscape');
    }
    await new Promise((r) => setTimeout(r, 300));
    client.destroy();
  }
}, 120_000);

async function linkFor(owner: TestPage, role: 'Mitschreiben' | 'Mitlesen', label: string): Promise<string> {
  const section = owner.page.getByRole('region', { name: role });
  await section.getByLabel('Bezeichnung des neuen Links').fill(label);
  await section.getByRole('button', { name: `Neuer Link: ${role}` }).click();
  const field = section.getByLabel(`Link „${label}“`);
  await field.waitFor();
  return field.inputValue();
}

describe('sharing an event and joining it as a participant', () => {
  it('shares on the network, hands out edit and view links, and they open read-only views', async () => {
    const owner = await bed.person();
    await owner.page.goto(`${bed.core.origin}/e/${detail.id}?view=share`);
    // On loopback: no dead links, a clear sentence instead.
    await owner.page.getByText(/Gerade kann nur dieser Computer Mitschrift öffnen/).waitFor();
    await owner.page.getByRole('button', { name: 'Im Netzwerk freigeben' }).click();
    await owner.page.getByText(/Freigegeben unter http:\/\/127\.0\.0\.2:\d+/).waitFor();
    const editUrl = await linkFor(owner, 'Mitschreiben', 'Teilnehmende Raum 2');
    const viewUrl = await linkFor(owner, 'Mitlesen', 'Projektor');
    for (const url of [editUrl, viewUrl]) {
      expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.2:\\d+/e/${detail.id}\\?token=`));
      expect(url).not.toContain(bed.core.token);
    }
    await expectAccessible(owner.page, 'share panel');
    await owner.page.screenshot({ path: join(RESULTS, 'owner-share-panel.png'), fullPage: true });
    // The QR code on the whole screen, as large as the screen allows.
    await owner.page
      .getByRole('region', { name: 'Mitschreiben' })
      .getByRole('button', { name: 'QR-Code im Vollbild' })
      .click();
    const big = owner.page.locator('.share-qr--full');
    await big.waitFor();
    const box = await big.boundingBox();
    expect(box!.height).toBeGreaterThan(800 * 0.7);
    await owner.page.screenshot({ path: join(RESULTS, 'owner-qr-fullscreen.png') });
    await owner.page.keyboard.press('Escape');

    const session = detail.sessions[0]!;
    for (const [role, url] of [
      ['edit', editUrl],
      ['view', viewUrl],
    ] as const) {
      const person = await bed.page({ viewport: PHONE });
      const { page } = person;
      await page.goto(url);
      // A participant's link lands on "Jetzt / Als Nächstes"; the plan is one step away.
      await page.waitForURL(/\/now$/);
      await page.getByRole('link', { name: 'Ganzer Plan' }).click();
      await page.getByRole('heading', { level: 1, name: 'OGD Leipzig' }).waitFor();
      await page.getByText('Sie sehen den Plan live.').waitFor();
      await page.getByRole('heading', { name: session.title }).first().waitFor();
      // Watched, not edited: no move buttons, no setup.
      expect(await page.locator('[data-move-button]').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Einrichtung' }).count()).toBe(0);
      await page.screenshot({ path: join(RESULTS, `${role}-plan.png`), fullPage: true });
      await expectAccessible(page, `${role}: plan`);

      await page.goto(`${url.replace(/\/e\/.*$/, '')}/pad/${session.id}`);
      const editor = page.locator('.pad-editor__frame [contenteditable]');
      await editor.waitFor();
      await waitOnline(page);
      expect(await editor.getAttribute('contenteditable')).toBe(role === 'edit' ? 'true' : 'false');
      await page.screenshot({ path: join(RESULTS, `${role}-pad.png`), fullPage: true });
      await expectAccessible(page, `${role}: pad`);

      await page.goto(`${url.replace(/\/e\/.*$/, '')}/sketch/${session.id}`);
      await page.getByText(/Sie sehen die Sketchnote live/).waitFor();
      // A viewer: no tool bar, the canvas pans instead of drawing.
      expect(await page.getByRole('toolbar').count()).toBe(0);
      const canvas = page.locator('.sketch-host');
      const at = (await canvas.boundingBox())!;
      await page.mouse.move(at.x + 100, at.y + 100);
      await page.mouse.down();
      await page.mouse.move(at.x + 200, at.y + 180, { steps: 8 });
      await page.mouse.up();
      const strokes = await page.evaluate(() => {
        const host = document.querySelector('.sketch-host') as unknown as {
          sketchEngine: PageEngine;
        };
        return { readOnly: host.sketchEngine.readOnly, tool: host.sketchEngine.getTool() };
      });
      expect(strokes).toEqual({ readOnly: true, tool: 'hand' });
      await page.screenshot({ path: join(RESULTS, `${role}-sketch.png`) });
      await expectAccessible(page, `${role}: sketch`);

      // The wall and the printout open through the link too (a projector's laptop has only that).
      const base = url.replace(/\/e\/.*$/, '');
      const placed = detail.sessions.find((candidate) => candidate.start !== null)!;
      // `start` is local time with its offset: its first 16 characters are the wall's clock.
      await page.goto(`${base}/wall/${detail.id}?at=${placed.start!.slice(0, 16)}`);
      await page.getByRole('heading', { level: 1, name: 'OGD Leipzig' }).waitFor();
      await page.getByText(placed.title).first().waitFor();
      // Only the owner hands out the wall's participant link; a role's wall shows no QR code.
      expect(await page.getByRole('button', { name: 'QR-Code groß zeigen' }).count()).toBe(0);
      await expectAccessible(page, `${role}: wall`);
      await page.goto(`${base}/e/${detail.id}/print`);
      await page.getByRole('heading', { level: 1, name: 'OGD Leipzig' }).waitFor();
      await page.locator('.print-grid').first().waitFor();
    }
    // Nothing the two drew reached the sketchnote.
    const check = connectSyncClient(bed.core.origin, bed.core.token, `sketch/${session.id}`);
    await check.synced;
    expect(check.doc.getMap('strokes').size).toBe(0);
    check.destroy();

    // The owner sees them connected; "Freigabe beenden" disconnects them.
    await owner.page.getByText(/[1-9]\d* Geräte? verbunden/).waitFor();
    await owner.page.getByRole('button', { name: 'Freigabe beenden' }).click();
    await owner.page.getByText(/Gerade kann nur dieser Computer Mitschrift öffnen/).waitFor();
  }, 240_000);
});
