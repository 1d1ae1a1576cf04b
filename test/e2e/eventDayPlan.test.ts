import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { moveSession } from '../../shared/event/eventChanges.js';
import { readEvent } from '../../shared/event/readEvent.js';
import { connectSyncClient } from '../helpers/syncClient.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from './helpers/browser.js';
import {
  card,
  expectNoProblems,
  placeOf,
  waitForGrid,
  waitForPlace,
  waitOnline,
  planTestbed,
} from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';

/**
 * Planning without surprises: a drop on an occupied cell says what will happen while the card is
 * over it, every change shows a notice with "Rückgängig" and Ctrl+Z takes it back, conflicts link to
 * their cards and offer a fix, and the grid is one tab stop with arrow keys. Needs
 * `npx electron-vite build`.
 */

/** Drags a card by its grip onto the centre of another card's cell, stopping before the drop. */
const bed = planTestbed('Planungs-BarCamp');

async function dragOver(page: Page, title: string, ontoTitle: string): Promise<() => Promise<void>> {
  const grip = card(page, title).locator('[data-drag-handle]');
  const from = await grip.boundingBox();
  const to = await card(page, ontoTitle).boundingBox();
  if (!from || !to) {
    throw new Error('cards not visible');
  }
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  return () => page.mouse.up();
}

describe('planning without surprises', () => {
  let person: TestPage;

  beforeAll(async () => {
    person = await bed.person({ viewport: { width: 1600, height: 900 } });
    await person.page.goto(`${bed.core.origin}/e/${bed.eventId}`);
    await waitForGrid(person.page, 26, 1);
    await waitOnline(person.page);
  });

  it('says what a drop on an occupied cell does, then undoes the swap from the notice and with Ctrl+Z', async () => {
    const { page } = person;
    const before = {
      a: await placeOf(page, 'Ratsinformationssystem, aber verständlich'),
      b: await placeOf(page, 'Offene Haushaltsdaten für alle'),
    };
    const drop = await dragOver(
      page,
      'Ratsinformationssystem, aber verständlich',
      'Offene Haushaltsdaten für alle',
    );
    const hint = page.getByTestId('drop-hint');
    await expect
      .poll(() => hint.textContent())
      .toContain('„Offene Haushaltsdaten für alle“ ist dort und wechselt dafür nach');
    await drop();
    await waitForPlace(page, 'Ratsinformationssystem, aber verständlich', before.b);
    await waitForPlace(page, 'Offene Haushaltsdaten für alle', before.a);
    const notice = page.getByTestId('undo-notice');
    await expect
      .poll(() => notice.textContent())
      .toContain('Getauscht: „Ratsinformationssystem, aber verständlich“');
    await notice.getByRole('button', { name: 'Rückgängig' }).click();
    await waitForPlace(page, 'Ratsinformationssystem, aber verständlich', before.a);
    await waitForPlace(page, 'Offene Haushaltsdaten für alle', before.b);
    await expect.poll(() => notice.textContent()).toContain('Rückgängig gemacht');

    // Redo, then Ctrl+Z from the keyboard.
    await notice.getByRole('button', { name: 'Wiederholen' }).click();
    await waitForPlace(page, 'Offene Haushaltsdaten für alle', before.a);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await waitForPlace(page, 'Offene Haushaltsdaten für alle', before.b);
    expectNoProblems(person.problems);
  });

  it('links a conflict to its cards and fixes it with one click (undoable)', async () => {
    const { page } = person;
    // A co-organiser (another device) puts a second session into an occupied cell: a double booking.
    const peer = connectSyncClient(bed.core.origin, bed.core.token, `event/${bed.eventId}`, new Y.Doc());
    await peer.synced;
    const plan = readEvent(peer.doc);
    const placed = plan.sessions.filter((s) => s.cell !== null);
    const target = placed.find((s) => s.title === 'Leichte Sprache in Bescheiden')!;
    const mover = placed.find((s) => s.title === 'Barrierefreie Formulare')!;
    moveSession(peer.doc, mover.id, target.cell!);
    const conflicts = page.getByRole('region', { name: /Konflikt/ });
    await conflicts.waitFor();
    const first = conflicts.getByRole('listitem').first();
    await first.waitFor();
    const show = first.getByRole('button', { name: /im Plan zeigen/ }).first();
    await show.click();
    // The card gets focus once it has been scrolled into view.
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.closest('.session-card')?.getAttribute('data-session-id') ?? null,
        ),
      )
      .not.toBeNull();
    const fix = first.getByRole('button', { name: /nach|tauschen/ }).first();
    if ((await fix.count()) > 0) {
      const count = await conflicts.getByRole('listitem').count();
      await fix.click();
      await expect.poll(() => conflicts.getByRole('listitem').count()).toBeLessThan(count);
      await page.getByTestId('undo-notice').getByRole('button', { name: 'Rückgängig' }).click();
      await expect.poll(() => conflicts.getByRole('listitem').count()).toBe(count);
    }
    await expectAccessible(page, 'the plan with conflicts and the undo notice');
    peer.destroy();
    expectNoProblems(person.problems);
  });

  it('is one tab stop with arrow keys between cells, Enter into a cell and Escape out', async () => {
    const { page } = person;
    const grid = page.getByTestId('plan-grid').first();
    const stops = await grid.evaluate((table) => table.querySelectorAll('[tabindex="0"]').length);
    expect(stops).toBe(1);
    await grid.locator('[tabindex="0"]').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const cellLabel = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(cellLabel).toMatch(/, 10:15–11:00/);
    await page.keyboard.press('Control+End');
    const last = await page.evaluate(() => document.activeElement?.getAttribute('data-grid-row'));
    expect(Number(last)).toBeGreaterThan(3);
    for (const key of ['Control+Home', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'Enter']) {
      await page.keyboard.press(key);
    }
    const inside = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
    expect(['button', 'a']).toContain(inside);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-grid-cell'))).toBe(true);
    expectNoProblems(person.problems);
  });
});
