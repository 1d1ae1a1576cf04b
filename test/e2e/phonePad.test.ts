import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docNameFor } from '../../shared/docs/docName.js';
import { addChatMessage, contentFragment } from '../../shared/pad/padLayout.js';
import { connectSyncClient } from '../helpers/syncClient.js';
import { resultsDir, VENUE_INTERFACES } from './helpers/core.js';
import { card, expectNoProblems, waitForGrid, waitOnline, planTestbed } from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';
import type { PageEngine } from './helpers/sketchPages.js';

/**
 * Issue 14, a participant on a phone (390x844, touch): opens the edit join link, finds the running
 * session in one tap from "Jetzt", sees the notes on the first screen, writes a line and is asked
 * for a name inline, reads the chat through the unread badge, and views the sketchnote without
 * being able to draw on it. axe on every view. The venue network is 127.0.0.2 (loopback only).
 */

const RESULTS = resultsDir('phone');
const PHONE = { width: 390, height: 844 };
const TITLE = 'Offene Haushaltsdaten für alle';

const bed = planTestbed('OGD Leipzig', { networkInterfaces: () => VENUE_INTERFACES });

describe('a participant on a phone', () => {
  it('finds the session, writes, is asked for a name inline, reads the chat, and only views the sketch', async () => {
    // The organiser opens the running session's sketchnote (so it exists and the plan links it)
    // and hands out an edit link on the venue network.
    const owner = await bed.person();
    await owner.page.goto(`${bed.core.origin}/e/${bed.eventId}`);
    await waitForGrid(owner.page, 26, 1);
    const sketchLink = card(owner.page, TITLE).getByRole('link', { name: `Sketchnote zu „${TITLE}“` });
    const sketchHref = (await sketchLink.getAttribute('href')) ?? '';
    await sketchLink.click();
    await owner.page.waitForURL(`**${sketchHref}`);
    await owner.page.locator('.sketch-host').waitFor();
    await owner.page.goto(`${bed.core.origin}/e/${bed.eventId}?view=share`);
    await owner.page.getByRole('button', { name: 'Im Netzwerk freigeben' }).click();
    await owner.page.getByText(/Freigegeben unter http:\/\/127\.0\.0\.2:\d+/).waitFor();
    const section = owner.page.getByRole('region', { name: 'Mitschreiben' });
    await section.getByLabel('Bezeichnung des neuen Links').fill('Teilnehmende');
    await section.getByRole('button', { name: 'Neuer Link: Mitschreiben' }).click();
    const editUrl = await section.getByLabel('Link „Teilnehmende“').inputValue();
    const base = editUrl.replace(/\/e\/.*$/, '');

    const phone = await bed.page({ viewport: PHONE, touch: true });
    const { page } = phone;
    await page.goto(editUrl);
    await page.waitForURL(/\/now$/);
    // The day of the event, half past ten (the finder's preview time, as on the wall).
    await page.goto(`${base}/e/${bed.eventId}/now?at=2026-06-13T10:30`);
    const now = page.getByRole('region', { name: /^Jetzt/ });
    await now.getByRole('link', { name: new RegExp(`^Saal Nord.*${TITLE}`) }).waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'finder on a phone');

    // Tap: the notes.
    await now.getByRole('link', { name: new RegExp(`^Saal Nord.*${TITLE}`) }).tap();
    const editor = page.getByRole('textbox', { name: 'Notizen der Session' });
    await editor.waitFor({ timeout: 15_000 });
    await waitOnline(page);
    await editor.getByText('Offene Fragen').waitFor();
    // The notes start on the first screen: no site header, a compact head, the toolbar one row.
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect((await editor.boundingBox())!.y).toBeLessThan(PHONE.height / 2);
    const toolbar = page.getByRole('toolbar', { name: 'Formatierung' });
    const bar = (await toolbar.boundingBox())!;
    expect(bar.height).toBeLessThan(70);
    expect(bar.y + bar.height).toBeGreaterThan(PHONE.height - 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByRole('link', { name: 'Alle Sitzungen' }).getAttribute('href')).toBe(
      `/e/${bed.eventId}/now`,
    );
    await page.screenshot({ path: join(RESULTS, 'pad.png') });
    await expectAccessible(page, 'pad on a phone');

    // The rest of the tools are behind "Mehr".
    expect(await toolbar.getByRole('button', { name: 'Zitat' }).count()).toBe(0);
    await toolbar.getByRole('button', { name: 'Mehr' }).tap();
    await toolbar.getByRole('button', { name: 'Zitat' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'pad-more.png') });
    await toolbar.getByRole('button', { name: 'Mehr' }).tap();

    // Nobody asked for a name before writing; at the first keystroke the field appears inline.
    const nameField = page.getByRole('textbox', { name: 'Ihr Name in diesen Notizen' });
    expect(await nameField.count()).toBe(0);
    await editor.getByText('Offene Fragen').tap();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Notiz vom Handy');
    await nameField.waitFor();
    // Typing goes on in the notes: the field took no focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('contenteditable'))).toBe('true');
    await page.screenshot({ path: join(RESULTS, 'pad-name.png') });
    await expectAccessible(page, 'inline name on a phone');
    await nameField.fill('Pia vom Handy');
    await page.getByRole('button', { name: 'Namen übernehmen' }).tap();
    await nameField.waitFor({ state: 'detached' });

    const sessionId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const pad = connectSyncClient(bed.core.origin, bed.core.token, docNameFor('pad', sessionId));
    try {
      await pad.synced;
      await expect
        .poll(() => contentFragment(pad.doc).toString(), { timeout: 10_000 })
        .toContain('Notiz vom Handy');

      // Someone else writes in the chat: the badge counts it; opening the chat clears it.
      const chatButton = page.getByRole('button', { name: /^Chat/ });
      expect(await chatButton.textContent()).toBe('Chat');
      addChatMessage(pad.doc, { author: 'beamer', text: 'Hallo aus Saal Nord', time: Date.now() });
      await page
        .getByRole('button', { name: /^Chat\s*:\s*1 ungelesene Nachricht$/ })
        .waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(RESULTS, 'pad-badge.png') });
      await chatButton.tap();
      const sheet = page.getByRole('dialog', { name: 'Chat' });
      await sheet.getByRole('log', { name: 'Chatnachrichten' }).getByText('Hallo aus Saal Nord').waitFor();
      await page.screenshot({ path: join(RESULTS, 'pad-chat.png') });
      await expectAccessible(page, 'chat sheet on a phone');
      await sheet.getByRole('button', { name: 'Chat schließen' }).tap();
      await sheet.waitFor({ state: 'hidden' });
      expect(await chatButton.textContent()).toBe('Chat');
    } finally {
      pad.destroy();
    }

    // Back to the finder; its sketch link opens the viewer, which does not draw.
    await page.goBack();
    await now.getByRole('link', { name: new RegExp(`^Sketchnote ansehen\\s*:\\s*${TITLE}$`) }).tap();
    await page.waitForURL(`**${sketchHref}`);
    await page.getByText(/Sie sehen die Sketchnote live/).waitFor();
    expect(await page.getByRole('toolbar').count()).toBe(0);
    const canvas = page.locator('.sketch-host');
    const at = (await canvas.boundingBox())!;
    await page.mouse.move(at.x + 60, at.y + 60);
    await page.mouse.down();
    await page.mouse.move(at.x + 160, at.y + 140, { steps: 8 });
    await page.mouse.up();
    await page.touchscreen.tap(at.x + 80, at.y + 80);
    expect(
      await page.evaluate(() => {
        const host = document.querySelector('.sketch-host') as unknown as {
          sketchEngine: PageEngine;
        };
        return { readOnly: host.sketchEngine.readOnly, tool: host.sketchEngine.getTool() };
      }),
    ).toEqual({ readOnly: true, tool: 'hand' });
    await page.screenshot({ path: join(RESULTS, 'sketch.png') });
    await expectAccessible(page, 'sketch viewer on a phone');
    const sketch = connectSyncClient(
      bed.core.origin,
      bed.core.token,
      docNameFor('sketch', sketchHref.split('/')[2] ?? ''),
    );
    try {
      await sketch.synced;
      expect(sketch.doc.getMap('strokes').size).toBe(0);
    } finally {
      sketch.destroy();
    }
    expectNoProblems(phone.problems);
  });

  it('keeps the desktop layout at 1280x720: sidebar, full toolbar, the name inline, the badge on the chat', async () => {
    const desk = await bed.person({ viewport: { width: 1280, height: 720 } });
    const { page } = desk;
    const detail = (await (
      await fetch(`${bed.core.origin}/api/events/${bed.eventId}`, {
        headers: { authorization: `Bearer ${bed.core.token}` },
      })
    ).json()) as { sessions: { id: string; title: string }[] };
    const sessionId = detail.sessions.find((one) => one.title === TITLE)?.id ?? '';
    await page.goto(`${bed.core.origin}/pad/${sessionId}`);
    const editor = page.getByRole('textbox', { name: 'Notizen der Session' });
    await editor.getByText('Offene Fragen').waitFor({ timeout: 15_000 });
    await waitOnline(page);
    expect(await page.locator('.app-header').isVisible()).toBe(true);
    await page.getByRole('complementary', { name: 'Personen, Verlauf und Werkzeuge' }).waitFor();
    await page
      .getByRole('toolbar', { name: 'Formatierung' })
      .getByRole('button', { name: 'Zitat' })
      .waitFor();
    await editor.getByText('Offene Fragen').click();
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await page.getByRole('textbox', { name: 'Ihr Name in diesen Notizen' }).waitFor();
    const pad = connectSyncClient(bed.core.origin, bed.core.token, docNameFor('pad', sessionId));
    try {
      await pad.synced;
      addChatMessage(pad.doc, { author: 'beamer', text: 'Noch eine Frage', time: Date.now() });
      const summary = page.locator('summary', { hasText: 'Chat' });
      await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toMatch(/^Chat\d+:/);
      await page.screenshot({ path: join(RESULTS, 'pad-desktop.png') });
      await expectAccessible(page, 'pad on the desktop');
      await summary.click();
      await page.getByRole('log', { name: 'Chatnachrichten' }).getByText('Noch eine Frage').waitFor();
      await expect.poll(() => summary.textContent()).toBe('Chat');
    } finally {
      pad.destroy();
    }
    expectNoProblems(desk.problems);
  });
});
