import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsDir } from './helpers/core.js';
import { expectNoProblems, planTestbed } from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';

/**
 * A participant on a phone (390x844, touch): opens the event's "Jetzt / Als Nächstes", searches,
 * and reaches the running session's notes with one tap (the pad on the phone: phonePad.test.ts).
 * Needs `npx electron-vite build`.
 */

const RESULTS = resultsDir();
const PHONE = { width: 390, height: 844 };

const bed = planTestbed('Open-Government-Tag Leipzig');

describe('a participant on a phone', () => {
  it('finds the running session and opens its notes with one tap', async () => {
    const phone = await bed.person({ viewport: PHONE, touch: true });
    const { page } = phone;
    await page.goto(`${bed.core.origin}/e/${bed.eventId}/now?at=2026-06-13T10:30`);
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
    await page.screenshot({ path: join(RESULTS, 'phone-pad.png') });
    expectNoProblems(phone.problems);
  });
});
