import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventTokenListSchema } from '../../shared/api/eventTokenContract.js';
import { resultsDir, VENUE_INTERFACES } from './helpers/core.js';
import { expectNoProblems, planTestbed } from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';

/**
 * The projected wall at any time (`?at=`): the evening before ("Beginnt um …"), during the day and
 * after it, at a 1280x720 projector and a 1920x1080 screen, always without scrolling; and the big
 * QR code, which carries a participant join link once the event is shared on the network (the venue
 * network is played by 127.0.0.2; tests talk to loopback only). Screenshots go to test-results/ for a
 * person to look at. Needs `npx electron-vite build`.
 */

const RESULTS = resultsDir();

const bed = planTestbed('Open-Government-Tag Leipzig', { networkInterfaces: () => VENUE_INTERFACES });

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

const MOMENTS = [
  { name: 'before', at: '2026-06-12T18:00', expect: /Beginnt am .* um 09:00 Uhr/ },
  { name: 'morning', at: '2026-06-13T08:30', expect: /Beginnt um 09:00 Uhr/ },
  { name: 'during', at: '2026-06-13T11:30', expect: /Jetzt/ },
  { name: 'lunch', at: '2026-06-13T12:30', expect: /Pause bis 13:00 Uhr/ },
  { name: 'after', at: '2026-06-13T19:00', expect: /Das Programm ist zu Ende/ },
];

describe('the wall at any time', () => {
  for (const size of SIZES) {
    it(`fits ${size.width}x${size.height} before, during and after the day`, async () => {
      const person = await bed.person({ viewport: size });
      const { page } = person;
      for (const moment of MOMENTS) {
        await page.goto(`${bed.core.origin}/wall/${bed.eventId}?at=${moment.at}`);
        await page.getByText(moment.expect).first().waitFor({ timeout: 15_000 });
        // Fitted after layout: nothing scrolls, sideways or down.
        await page.waitForFunction(() => document.querySelector('[data-scale]') !== null);
        const overflow = await page.evaluate(() => ({
          down: document.documentElement.scrollHeight - window.innerHeight,
          sideways: document.documentElement.scrollWidth - window.innerWidth,
        }));
        expect(overflow, `${moment.name} at ${size.width}x${size.height}`).toEqual({ down: 0, sideways: 0 });
        await page.screenshot({
          path: join(RESULTS, `wall-${moment.name}-${size.width}x${size.height}.png`),
        });
      }
      if (size.width === 1280) {
        // During the day the "Als Nächstes" row is on the screen, whole.
        await page.goto(`${bed.core.origin}/wall/${bed.eventId}?at=2026-06-13T10:30`);
        const next = page.getByRole('region', { name: /Als Nächstes/ });
        await next.waitFor();
        const box = await next.boundingBox();
        expect(box && box.y + box.height).toBeLessThanOrEqual(size.height);
        await expectAccessible(page, 'the wall during the day');
      }
      expectNoProblems(person.problems);
    });
  }

  it('shows a QR code that fills most of the screen height on demand', async () => {
    const person = await bed.person({
      viewport: { width: 1280, height: 720 },
    });
    const { page } = person;
    await page.goto(`${bed.core.origin}/wall/${bed.eventId}?at=2026-06-13T10:30`);
    // Only this computer reaches the core yet: no dead QR code, a sentence instead.
    await page.getByText(/erst in der Veranstaltung unter „Freigeben“/).waitFor();
    expect(await page.getByRole('button', { name: 'QR-Code groß zeigen' }).count()).toBe(0);
    const auth = { authorization: `Bearer ${bed.core.token}`, 'content-type': 'application/json' };
    const shared = await fetch(`${bed.core.origin}/api/share`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ address: '127.0.0.2' }),
    });
    expect(shared.status).toBe(200);
    // Shared: the wall makes (once) the participants' link "Wand" and shows its QR code.
    await page.getByRole('button', { name: 'QR-Code groß zeigen' }).click();
    const shown = (await page.locator('.wall-qr__url').textContent()) ?? '';
    // What is printed beside the code is the whole link, token included: typed, it lets a phone in.
    expect(shown).toMatch(/^127\.0\.0\.2:\d+\/e\/[^?]+\?token=\S+$/);
    const tokens = eventTokenListSchema
      .parse(
        await (await fetch(`${bed.core.origin}/api/events/${bed.eventId}/tokens`, { headers: auth })).json(),
      )
      .tokens.filter((token) => token.label === 'Wand' && token.revoked === null);
    expect(tokens.map((token) => token.role)).toEqual(['edit']);
    expect(shown.endsWith(`?token=${tokens[0]!.token!}`)).toBe(true);
    // The shown address, typed as it stands, lets a phone in as a participant, on the finder.
    const phone = await bed.page({ viewport: { width: 390, height: 844 } });
    await phone.page.goto(`http://${shown}`);
    await phone.page.waitForURL(/\/e\/[^/]+\/now/);
    const code = page.getByRole('dialog').getByRole('img');
    await code.waitFor();
    const box = await code.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(720 * 0.6);
    await page.screenshot({ path: join(RESULTS, 'wall-qr-1280x720.png') });
    await expectAccessible(page, 'the wall QR code');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expectNoProblems(person.problems);
  });
});
