import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventDetailSchema, type EventDetail } from '../../shared/api/eventContract.js';
import { eventTokenInfoSchema } from '../../shared/api/eventTokenContract.js';
import { followView } from '../../shared/sketch/viewFollow.js';
import { sceneToScreen, visibleSceneRect, type Rect } from '../../shared/sketch/viewTransform.js';
import { connectSyncClient } from '../helpers/syncClient.js';
import { launchBrowser, openPage, type TestPage } from './helpers/browser.js';
import { REPO_ROOT, startTestCore, type TestCore } from './helpers/core.js';
import { PLAN_FIXTURES, expectNoProblems, importViaApi, waitOnline } from './helpers/planPages.js';
import { expectAccessible } from './helpers/axe.js';
import { callEngine, storedStrokes, syntheticDrag } from './helpers/sketchPages.js';

/**
 * Issues 11 and 14: the read-only sketchnote viewer on a phone (390x844, touch) shows the whole
 * sheet on open and after turning, follows the recorder's camera when asked ("Zeichner:in
 * folgen"), stops following at the person's own pan, and draws nothing; the projector follows the
 * recorder too and goes back to the whole sheet. The camera is read through the engine the canvas
 * host carries (`.sketch-host`'s `sketchEngine`, as the other sketch tests do).
 */

const RESULTS = join(REPO_ROOT, 'test-results', 'sketch-follow');
const PHONE = { width: 390, height: 844 };

let testCore: TestCore;
let browser: Browser;
let detail: EventDetail;
const opened: TestPage[] = [];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  testCore = await startTestCore();
  const imported = await importViaApi(testCore.core, PLAN_FIXTURES.utf8, 'OGD Leipzig');
  const res = await fetch(`${testCore.core.origin}/api/events/${imported.event.id}`, {
    headers: { authorization: `Bearer ${testCore.core.token}` },
  });
  detail = eventDetailSchema.parse(await res.json());
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const one of opened) {
    await one.context.close();
  }
  await browser?.close();
  await testCore?.close();
});

/** The sheet's rectangle on the page (CSS pixels) as the viewer draws it, and the canvas's. */
async function paperOnPage(page: Page): Promise<{ paper: Rect; canvas: Rect }> {
  const sheet = await callEngine(page, 'overviewRect');
  const view = await callEngine(page, 'getView');
  const canvas = (await page.locator('.sketch-host').boundingBox())!;
  expect(sheet).not.toBeNull();
  const from = sceneToScreen(view, { x: sheet!.x, y: sheet!.y });
  const to = sceneToScreen(view, { x: sheet!.x + sheet!.width, y: sheet!.y + sheet!.height });
  return {
    paper: { x: canvas.x + from.x, y: canvas.y + from.y, width: to.x - from.x, height: to.y - from.y },
    canvas,
  };
}

/** The whole paper inside the canvas and the window, one side filling most of the canvas. */
async function expectWholeSheet(page: Page, label: string): Promise<void> {
  const { paper, canvas } = await paperOnPage(page);
  const window = page.viewportSize()!;
  const inside = (outer: Rect): boolean =>
    paper.x >= outer.x - 0.5 &&
    paper.y >= outer.y - 0.5 &&
    paper.x + paper.width <= outer.x + outer.width + 0.5 &&
    paper.y + paper.height <= outer.y + outer.height + 0.5;
  expect(inside(canvas), `${label}: paper ${JSON.stringify(paper)} in canvas ${JSON.stringify(canvas)}`).toBe(
    true,
  );
  expect(inside({ x: 0, y: 0, ...window }), `${label}: paper in the window`).toBe(true);
  expect(Math.max(paper.width / canvas.width, paper.height / canvas.height)).toBeGreaterThan(0.85);
}

/** Waits (bounded) until the whole sheet fills the canvas after a resize; expectWholeSheet then says what is off. */
async function waitWholeSheet(page: Page): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { paper, canvas } = await paperOnPage(page);
    const fill = Math.max(paper.width / canvas.width, paper.height / canvas.height);
    if (fill > 0.85 && fill <= 1 && paper.x >= canvas.x - 0.5 && paper.y >= canvas.y - 0.5) {
      return;
    }
    await page.waitForTimeout(50);
  }
}

/** Waits until the page's camera shows what `rect` fitted into its canvas shows (bounded polling). */
async function waitForCamera(page: Page, rect: Rect, what: string): Promise<void> {
  let last = '';
  for (let i = 0; i < 150; i++) {
    const view = await callEngine(page, 'getView');
    const viewport = await callEngine(page, 'getViewport');
    const want = followView(rect, viewport);
    const seen = visibleSceneRect(view, viewport);
    const wanted = visibleSceneRect(want, viewport);
    const off = Math.hypot(
      seen.x + seen.width / 2 - (wanted.x + wanted.width / 2),
      seen.y + seen.height / 2 - (wanted.y + wanted.height / 2),
    );
    if (Math.abs(view.zoom / want.zoom - 1) < 0.01 && off * view.zoom < 2) {
      return;
    }
    last = JSON.stringify({ view, want });
    await page.waitForTimeout(50);
  }
  throw new Error(`${what}: the camera did not arrive (${last})`);
}

/** What the recorder's canvas shows, in scene units. */
async function recorderRect(page: Page): Promise<Rect> {
  return visibleSceneRect(await callEngine(page, 'getView'), await callEngine(page, 'getViewport'));
}

describe('watching a sketchnote being drawn', () => {
  it('fits the sheet on a phone, follows the recorder, stops at a pan, and draws nothing', async () => {
    const session = detail.sessions[0]!;
    const sketchPath = `/sketch/${session.id}`;

    // The recorder (the workspace owner) opens the sketchnote in the editor at 1280x720.
    const recorder = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    opened.push(recorder);
    await recorder.page.goto(testCore.core.joinUrl);
    await recorder.page.goto(`${testCore.core.origin}${sketchPath}`);
    await recorder.page.locator('.sketch-host').waitFor();
    await waitOnline(recorder.page);

    // Some ink: a frame round the sheet's middle and a zigzag in its bottom right corner.
    const { paper: drawn } = await paperOnPage(recorder.page);
    const at = (fx: number, fy: number) => ({
      x: drawn.x + drawn.width * fx,
      y: drawn.y + drawn.height * fy,
    });
    for (const line of [
      [at(0.3, 0.3), at(0.7, 0.3), at(0.7, 0.7), at(0.3, 0.7), at(0.3, 0.3)],
      [at(0.3, 0.3), at(0.7, 0.7)],
      [at(0.78, 0.8), at(0.82, 0.9), at(0.86, 0.8), at(0.9, 0.9), at(0.94, 0.8)],
      [at(0.78, 0.95), at(0.94, 0.95)],
    ]) {
      await recorder.page.mouse.move(line[0]!.x, line[0]!.y);
      await recorder.page.mouse.down();
      for (const point of line.slice(1)) {
        await recorder.page.mouse.move(point.x, point.y, { steps: 8 });
      }
      await recorder.page.mouse.up();
    }
    const inked = connectSyncClient(testCore.core.origin, testCore.core.token, `sketch/${session.id}`);
    await expect.poll(() => storedStrokes(inked.doc).length, { timeout: 10_000 }).toBe(4);
    inked.destroy();

    // A read-along link, as the share panel makes it.
    const made = await fetch(`${testCore.core.origin}/api/events/${detail.id}/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testCore.core.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'view', label: 'Handy' }),
    });
    expect(made.status).toBe(201);
    const viewUrl = eventTokenInfoSchema.parse(await made.json()).url!;

    const viewer = await openPage(browser, { viewport: PHONE, touch: true });
    opened.push(viewer);
    const { page } = viewer;
    await page.goto(viewUrl);
    await page.waitForURL(/\/now$/);
    await page.goto(`${testCore.core.origin}${sketchPath}`);
    await page.getByText(/Sie sehen die Sketchnote live/).waitFor();
    await waitOnline(page);
    const sheetButton = page.getByRole('button', { name: 'Ganzes Blatt' });
    const followButton = page.getByRole('button', { name: 'Zeichner:in folgen' });
    expect(await sheetButton.getAttribute('aria-pressed')).toBe('true');
    expect(await followButton.getAttribute('aria-pressed')).toBe('false');
    await expectWholeSheet(page, 'phone on open');
    await page.screenshot({ path: join(RESULTS, 'viewer-phone-open.png') });
    await expectAccessible(page, 'sketch viewer on a phone');

    // Turned sideways, and as on a laptop: the whole sheet again.
    await page.setViewportSize({ width: 844, height: 390 });
    await page.waitForFunction(() => document.querySelector('.sketch-host')!.clientWidth > 600);
    await waitWholeSheet(page);
    await expectWholeSheet(page, 'phone turned');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForFunction(() => document.querySelector('.sketch-host')!.clientWidth > 1000);
    await waitWholeSheet(page);
    await expectWholeSheet(page, '1280x720');
    await page.setViewportSize(PHONE);
    await page.waitForFunction(() => document.querySelector('.sketch-host')!.clientWidth < 400);
    await waitWholeSheet(page);
    await expectWholeSheet(page, 'phone upright again');

    // Following: the recorder zooms into the sheet's bottom right corner with ctrl+wheel.
    await followButton.tap();
    expect(await followButton.getAttribute('aria-pressed')).toBe('true');
    await page.getByText(/Sie folgen/).waitFor();
    const { paper: recorderPaper } = await paperOnPage(recorder.page);
    await recorder.page.mouse.move(
      recorderPaper.x + recorderPaper.width * 0.9,
      recorderPaper.y + recorderPaper.height * 0.9,
    );
    const before = await recorderRect(recorder.page);
    await recorder.page.keyboard.down('Control');
    for (let i = 0; i < 20; i++) {
      await recorder.page.mouse.wheel(0, -100);
    }
    await recorder.page.keyboard.up('Control');
    const corner = await recorderRect(recorder.page);
    const sheet = (await callEngine(recorder.page, 'overviewRect'))!;
    // Zoomed in (about 10 % a notch) on the bottom right part of the sheet.
    expect(corner.width).toBeLessThan(before.width / 3);
    expect(corner.x + corner.width / 2).toBeGreaterThan(sheet.x + sheet.width / 2);
    expect(corner.y + corner.height / 2).toBeGreaterThan(sheet.y + sheet.height / 2);
    await waitForCamera(page, corner, 'the viewer following the recorder');
    await page.screenshot({ path: join(RESULTS, 'viewer-phone-following.png') });
    await expectAccessible(page, 'sketch viewer following');

    // The projector follows as well, and goes back to the whole sheet on request.
    const projector = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    opened.push(projector);
    await projector.page.goto(testCore.core.joinUrl);
    await projector.page.goto(`${testCore.core.origin}${sketchPath}/present?mode=follow`);
    await projector.page.locator('.sketch-host').waitFor();
    const projectorFollow = projector.page.getByRole('button', { name: 'Zeichner:in folgen' });
    expect(await projectorFollow.getAttribute('aria-pressed')).toBe('true');
    await waitForCamera(projector.page, corner, 'the projector following the recorder');
    await projector.page.screenshot({ path: join(RESULTS, 'projector-following.png') });
    await expectAccessible(projector.page, 'projector');
    // The mode buttons fade out while nobody touches the projector; a mouse move brings them back.
    await projector.page.mouse.move(600, 300);
    await projector.page.mouse.move(640, 360);
    await projector.page.getByRole('button', { name: 'Ganzes Blatt' }).click();
    await expectWholeSheet(projector.page, 'projector, whole sheet');
    expect(new URL(projector.page.url()).search).toBe('');
    await projector.page.mouse.move(600, 300);
    await projector.page.getByRole('button', { name: 'Zeichner:in folgen' }).click();
    await waitForCamera(projector.page, corner, 'the projector following again');
    expect(new URL(projector.page.url()).searchParams.get('mode')).toBe('follow');

    // A finger pan on the phone is the person's own: following stops, visibly.
    const canvas = (await page.locator('.sketch-host').boundingBox())!;
    const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    await syntheticDrag(
      page,
      { id: 11, type: 'touch', button: 0, buttons: 1 },
      middle,
      { x: middle.x - 120, y: middle.y + 150 },
      10,
    );
    expect(await followButton.getAttribute('aria-pressed')).toBe('false');
    expect(await sheetButton.getAttribute('aria-pressed')).toBe('false');
    await page.getByText('Sie bewegen das Blatt selbst. Folgen ist aus.').waitFor();
    const mine = await callEngine(page, 'getView');
    // The recorder moves on; the viewer's view stays where the person put it, the projector follows.
    await recorder.page.keyboard.down('Control');
    for (let i = 0; i < 6; i++) {
      await recorder.page.mouse.wheel(0, 100);
    }
    await recorder.page.keyboard.up('Control');
    const wider = await recorderRect(recorder.page);
    expect(wider.width).toBeGreaterThan(corner.width * 1.3);
    await waitForCamera(projector.page, wider, 'the projector following the zoom out');
    expect(await callEngine(page, 'getView')).toEqual(mine);
    await page.screenshot({ path: join(RESULTS, 'viewer-phone-free.png') });

    // Nothing the viewer did drew anything: a finger, a mouse drag, a pen.
    await page.mouse.move(middle.x, middle.y);
    await page.mouse.down();
    await page.mouse.move(middle.x + 60, middle.y + 40, { steps: 6 });
    await page.mouse.up();
    await syntheticDrag(
      page,
      { id: 12, type: 'pen', button: 0, buttons: 1 },
      middle,
      { x: middle.x + 50, y: middle.y - 50 },
      8,
    );
    expect(await callEngine(page, 'getTool')).toBe('hand');
    const check = connectSyncClient(testCore.core.origin, testCore.core.token, `sketch/${session.id}`);
    await check.synced;
    // The recorder's four strokes, nothing more.
    expect(storedStrokes(check.doc)).toHaveLength(4);
    check.destroy();

    // "Ganzes Blatt" brings the whole sheet back.
    await sheetButton.tap();
    await expectWholeSheet(page, 'phone, whole sheet again');
    for (const one of [recorder, viewer, projector]) {
      expectNoProblems(one.problems);
    }
  }, 240_000);
});
