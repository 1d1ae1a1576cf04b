import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layersMap, metaMap, sheetRect } from '../../shared/sketch/sketchLayout.js';
import { connectSyncClient, waitFor, type SyncClient } from '../helpers/syncClient.js';
import { expectAccessible } from './helpers/axe.js';
import { launchBrowser, openPage, type TestPage } from './helpers/browser.js';
import { REPO_ROOT, startTestCore, type TestCore } from './helpers/core.js';
import { storedObjects, storedStrokes, type PageEngine } from './helpers/sketchPages.js';

/**
 * The sketch editor as a graphic recorder uses it at /sketch/<id>: tools from the toolbar and by
 * their letters, style panel, palette, layers panel, sheet format, shortcut help, per-user undo
 * and redo, and a whole sketchnote drawn with every brush (pen input with pressure), every shape in
 * both styles and every font, saved as a screenshot for people to look at
 * (`test-results/sketch-showcase.png`; `MITSCHRIFT_SHOWCASE_TO_DOCS=1` also copies it to `docs/`).
 */

const RESULTS = join(REPO_ROOT, 'test-results');

let testCore: TestCore;
let browser: Browser;
const pages: TestPage[] = [];
const clients: SyncClient[] = [];

beforeAll(async () => {
  testCore = await startTestCore();
  browser = await launchBrowser();
  await mkdir(RESULTS, { recursive: true });
});

afterAll(async () => {
  for (const client of clients) {
    client.destroy();
  }
  for (const { context } of pages) {
    await context.close();
  }
  await browser?.close();
  await testCore?.close();
});

async function openEditor(sketchId: string, name: string): Promise<TestPage> {
  const opened = await openPage(browser, { viewport: { width: 1600, height: 1000 } });
  pages.push(opened);
  opened.page.setDefaultTimeout(15_000);
  await opened.page.goto(`${testCore.core.origin}/sketch/${sketchId}?token=${testCore.core.token}`);
  await opened.page.evaluate((n) => localStorage.setItem('mitschrift.displayName', n), name);
  await opened.page.waitForSelector('.sketch-host');
  await opened.page.getByText('Online').first().waitFor();
  return opened;
}

function client(sketchId: string): SyncClient {
  const c = connectSyncClient(testCore.core.origin, testCore.core.token, `sketch/${sketchId}`);
  clients.push(c);
  return c;
}

/** Page coordinates of a scene point, from the engine's current view. */
async function toPage(page: Page, p: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const { left, top, view } = await page.evaluate(() => {
    const host = document.querySelector('.sketch-host') as HTMLElement & {
      sketchEngine: PageEngine;
    };
    const rect = host.getBoundingClientRect();
    return { left: rect.left, top: rect.top, view: host.sketchEngine.getView() };
  });
  return { x: left + p.x * view.zoom + view.x, y: top + p.y * view.zoom + view.y };
}

async function mouseDrag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  const a = await toPage(page, from);
  const b = await toPage(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(a.x + ((b.x - a.x) * i) / 8, a.y + ((b.y - a.y) * i) / 8);
  }
  await page.mouse.up();
}

/** A pen stroke with pressure through Chromium's input pipeline (trusted pointer events, pointerType pen). */
async function penStroke(
  page: Page,
  cdp: CDPSession,
  points: Array<{ x: number; y: number; p: number }>,
): Promise<void> {
  const first = await toPage(page, points[0]!);
  const send = (type: string, x: number, y: number, force: number) =>
    cdp.send('Input.dispatchMouseEvent', {
      type: type as 'mousePressed',
      x,
      y,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      clickCount: type === 'mouseMoved' ? 0 : 1,
      pointerType: 'pen',
      force,
    });
  await send('mousePressed', first.x, first.y, points[0]!.p);
  let last = first;
  for (const point of points.slice(1)) {
    last = await toPage(page, point);
    await send('mouseMoved', last.x, last.y, point.p);
  }
  await send('mouseReleased', last.x, last.y, 0);
}

async function tool(page: Page, name: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Werkzeuge' }).getByRole('button', { name, exact: true }).click();
}

async function typeInto(page: Page, at: { x: number; y: number }, text: string): Promise<void> {
  await tool(page, 'Text');
  const p = await toPage(page, at);
  await page.mouse.click(p.x, p.y);
  const editor = page.locator('textarea.sketch-text-editor');
  await editor.waitFor();
  await editor.pressSequentially(text, { delay: 5 });
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
}

async function shape(
  page: Page,
  name: string,
  from: { x: number; y: number },
  to: { x: number; y: number },
  options: { style?: 'Handgezeichnet' | 'Exakt'; fill?: string | null; frame?: string } = {},
): Promise<void> {
  await tool(page, name);
  if (options.style) {
    await page.getByRole('radio', { name: options.style }).check();
  }
  if (options.frame) {
    await page.getByRole('radio', { name: options.frame }).check();
  }
  if (options.fill !== undefined) {
    const fill = page.getByRole('checkbox', { name: 'Fläche füllen' });
    if (options.fill === null) {
      await fill.uncheck();
    } else {
      await fill.check();
      await page.getByLabel('Füllfarbe').fill(options.fill);
    }
  }
  await mouseDrag(page, from, to);
}

function wave(
  x0: number,
  x1: number,
  y: number,
  amplitude: number,
  pressure: (t: number) => number,
  n = 40,
): Array<{ x: number; y: number; p: number }> {
  return Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return { x: x0 + (x1 - x0) * t, y: y + Math.sin(t * Math.PI * 3) * amplitude, p: pressure(t) };
  });
}

function circle(cx: number, cy: number, r: number, n = 36): Array<{ x: number; y: number; p: number }> {
  return Array.from({ length: n + 1 }, (_, i) => ({
    x: cx + Math.cos((i / n) * Math.PI * 2) * r,
    y: cy + Math.sin((i / n) * Math.PI * 2) * r,
    p: 0.4 + 0.25 * Math.sin((i / n) * Math.PI),
  }));
}

describe('the sketch editor', () => {
  const sketchId = 'showcase';
  let a: TestPage;
  let c: SyncClient;

  beforeAll(async () => {
    a = await openEditor(sketchId, 'Anna');
    c = client(sketchId);
    await c.synced;
  });

  it('fills the window under a slim title bar, and hides everything but the ink in focus mode', async () => {
    const { page } = a;
    const host = page.locator('.sketch-host');
    const box = async () => (await host.boundingBox())!;
    // The whole canvas is on screen and takes most of it (no site header or page title above).
    expect((await box()).y + (await box()).height).toBeLessThanOrEqual(1000);
    expect((await box()).height).toBeGreaterThan(750);
    await page.getByRole('heading', { level: 1, name: 'Sketchnote' }).waitFor();
    expect(await page.locator('.app-header').count()).toBe(0);
    await page.getByRole('link', { name: /Veranstaltungen/ }).waitFor();
    // Focus mode by its button and by Ctrl+. : only the canvas and a way out.
    await page.getByRole('button', { name: 'Fokus', exact: true }).click();
    await expect.poll(async () => (await box()).height).toBeGreaterThan(990);
    expect(await page.getByRole('toolbar', { name: 'Werkzeuge' }).count()).toBe(0);
    await expectAccessible(page, 'sketch focus mode');
    await page.locator('.sketch-host').focus();
    await page.keyboard.press('Control+.');
    await page.getByRole('toolbar', { name: 'Werkzeuge' }).waitFor();
    // The settings fold away and come back.
    const settings = page.getByRole('button', { name: 'Einstellungen' });
    expect(await settings.getAttribute('aria-expanded')).toBe('true');
    await settings.click();
    expect(await page.getByRole('region', { name: 'Werkzeugeinstellungen' }).count()).toBe(0);
    await settings.click();
    await expectAccessible(page, 'sketch editor window');
  });

  it('switches tools by toolbar and by their letters, and opens the shortcut help with "?"', async () => {
    const { page } = a;
    const toolbar = page.getByRole('toolbar', { name: 'Werkzeuge' });
    await page.locator('.sketch-host').focus();
    for (const [key, name] of [
      ['r', 'Rechteck'],
      ['o', 'Ellipse'],
      ['a', 'Pfeil'],
      ['l', 'Linie'],
      ['t', 'Text'],
      ['e', 'Radierer'],
      ['h', 'Hand (verschieben)'],
      ['v', 'Auswahl'],
      ['p', 'Stift'],
    ] as const) {
      await page.keyboard.press(key);
      await expect
        .poll(() => toolbar.getByRole('button', { name, exact: true }).getAttribute('aria-pressed'))
        .toBe('true');
    }
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Tastenkürzel' });
    await help.waitFor();
    expect(await help.getByRole('cell', { name: /Rückgängig/ }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'sketch shortcut help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('changes the sheet format for everyone and locks a layer from the layers panel', async () => {
    const { page } = a;
    // Pens grow with the sheet: the width the panel shows on A0 is about 2.8 times that on A3.
    const width = page.locator('output[for]').first();
    await tool(page, 'Stift');
    const onA0 = parseFloat((await width.textContent()) ?? '');
    await page.getByLabel('Format').selectOption('a3');
    await waitFor(() => metaMap(c.doc).get('format') === 'a3', 10_000, 'the format to reach the core');
    await expect.poll(async () => parseFloat((await width.textContent()) ?? '')).toBeLessThan(onA0);
    expect(onA0 / parseFloat((await width.textContent()) ?? '')).toBeGreaterThan(2.3);
    const lock = page.getByRole('group', { name: 'Hintergrund' }).getByRole('checkbox', { name: 'Gesperrt' });
    await lock.check();
    await waitFor(
      () => (layersMap(c.doc).get('background') as { locked?: boolean } | undefined)?.locked === true,
      10_000,
      'the lock to reach the core',
    );
    await lock.uncheck();
    await page.getByRole('button', { name: 'Alles zeigen' }).click();
  });

  it('undoes and redoes only its own user’s changes', async () => {
    const { page } = a;
    const b = await openEditor(sketchId, 'Ben');
    await tool(page, 'Rechteck');
    await mouseDrag(page, { x: 1300, y: 950 }, { x: 1500, y: 1080 });
    await waitFor(() => storedObjects(c.doc).length === 1, 10_000, 'Anna’s rectangle');
    await tool(b.page, 'Ellipse');
    await mouseDrag(b.page, { x: 1000, y: 950 }, { x: 1200, y: 1080 });
    await waitFor(() => storedObjects(c.doc).length === 2, 10_000, 'Ben’s ellipse');
    await page.locator('.sketch-host').focus();
    await page.keyboard.press('Control+z');
    await waitFor(() => storedObjects(c.doc).length === 1, 10_000, 'the undo');
    expect(storedObjects(c.doc)[0]?.kind).toBe('ellipse');
    await page.getByRole('button', { name: 'Wiederholen' }).click();
    await waitFor(() => storedObjects(c.doc).length === 2, 10_000, 'the redo');
    // Clean up both for the showcase below.
    await page.locator('.sketch-host').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await waitFor(() => storedObjects(c.doc).length === 0, 10_000, 'the deletion');
    await b.context.close();
  });

  it('draws a whole sketchnote with every brush, shape and font', async () => {
    const { page } = a;
    const cdp = await a.context.newCDPSession(page);
    // The whole canvas on screen: pointer input only reaches what is in the viewport.
    await page.evaluate(() => {
      const stage = document.querySelector('.sketch-editor') as HTMLElement;
      window.scrollTo(0, stage.getBoundingClientRect().top + window.scrollY);
    });
    await page.getByRole('button', { name: 'Alles zeigen' }).click();
    // The minimap sits over the canvas' corner; out of the way while drawing there.
    await page.getByRole('button', { name: 'Übersicht ausblenden' }).click();

    // Title banner with hand lettering, a clean underline, the session line in the sans face.
    await shape(
      page,
      'Banner',
      { x: 380, y: 40 },
      { x: 1210, y: 180 },
      { style: 'Handgezeichnet', fill: '#f7dc6f' },
    );
    await tool(page, 'Text');
    await page.getByLabel('Schriftart').selectOption({ label: 'Handschrift' });
    await page.getByLabel('Schriftgröße').selectOption('64');
    await typeInto(page, { x: 795, y: 110 }, 'Offene Daten für alle');
    await tool(page, 'Text');
    await page.getByLabel('Schriftart').selectOption({ label: 'Serifenlos' });
    await page.getByLabel('Schriftgröße').selectOption('24');
    await typeInto(page, { x: 500, y: 200 }, 'Open-Government-Tag · Session 3 · Rathaus, Saal B');

    // Speech bubble (clean, light blue) with a question, a hand-drawn cloud of ideas, a clean diamond.
    await shape(
      page,
      'Sprechblase',
      { x: 70, y: 300 },
      { x: 470, y: 470 },
      { style: 'Exakt', fill: '#d6eaf8' },
    );
    await tool(page, 'Text');
    await page.getByLabel('Schriftgröße').selectOption('32');
    await typeInto(page, { x: 270, y: 385 }, 'Was brauchen\nBürger:innen?');
    await shape(
      page,
      'Rahmen',
      { x: 600, y: 290 },
      { x: 990, y: 520 },
      {
        style: 'Handgezeichnet',
        fill: '#d5f5e3',
        frame: 'Wolke',
      },
    );
    await tool(page, 'Text');
    await page.getByLabel('Schriftart').selectOption({ label: 'Handschrift' });
    await page.getByLabel('Schriftgröße').selectOption('48');
    await typeInto(page, { x: 795, y: 405 }, 'Ideen!');
    await shape(
      page,
      'Rahmen',
      { x: 1110, y: 280 },
      { x: 1500, y: 530 },
      { style: 'Exakt', fill: null, frame: 'Raute' },
    );
    await tool(page, 'Text');
    await page.getByLabel('Schriftart').selectOption({ label: 'Mit Serifen' });
    await page.getByLabel('Schriftgröße').selectOption('32');
    await typeInto(page, { x: 1305, y: 405 }, 'Entscheiden');

    // Rectangle (hand-drawn), hexagon frame, ellipse (clean, filled).
    await shape(
      page,
      'Rechteck',
      { x: 70, y: 640 },
      { x: 470, y: 860 },
      { style: 'Handgezeichnet', fill: null },
    );
    await tool(page, 'Text');
    await page.getByLabel('Schriftgröße').selectOption('40');
    await typeInto(page, { x: 270, y: 750 }, 'Stadtrat');
    await shape(
      page,
      'Rahmen',
      { x: 600, y: 690 },
      { x: 990, y: 910 },
      {
        style: 'Handgezeichnet',
        fill: '#fdebd0',
        frame: 'Sechseck',
      },
    );
    await tool(page, 'Text');
    await page.getByLabel('Schriftart').selectOption({ label: 'Serifenlos' });
    await page.getByLabel('Schriftgröße').selectOption('40');
    await typeInto(page, { x: 795, y: 800 }, 'Datenportal');
    await shape(
      page,
      'Ellipse',
      { x: 1110, y: 680 },
      { x: 1500, y: 910 },
      { style: 'Exakt', fill: '#fadbd8' },
    );
    await tool(page, 'Text');
    await page.getByLabel('Schriftart').selectOption({ label: 'Handschrift' });
    await page.getByLabel('Schriftgröße').selectOption('40');
    await typeInto(page, { x: 1305, y: 795 }, 'offen by default');

    // Lines: arrows between ideas, a connector bound to two shapes, a plain line.
    await shape(page, 'Pfeil', { x: 470, y: 385 }, { x: 600, y: 400 }, { style: 'Handgezeichnet' });
    await shape(page, 'Pfeil', { x: 990, y: 405 }, { x: 1110, y: 405 }, { style: 'Exakt' });
    await shape(page, 'Verbinder', { x: 795, y: 420 }, { x: 795, y: 800 }, { style: 'Handgezeichnet' });
    await shape(page, 'Linie', { x: 1305, y: 530 }, { x: 1305, y: 680 }, { style: 'Exakt' });
    await shape(page, 'Pfeil', { x: 470, y: 750 }, { x: 600, y: 790 }, { style: 'Handgezeichnet' });

    // Ink with the pen: every brush, with pressure.
    await tool(page, 'Stift');
    const brush = page.getByLabel('Pinsel', { exact: true });
    await brush.selectOption('highlighter');
    await page.getByLabel('Farbset').selectOption({ label: 'Pastell' });
    await page.getByRole('button', { name: 'Gelb' }).click();
    await penStroke(
      page,
      cdp,
      wave(150, 395, 770, 2, () => 0.6, 20),
    );
    await page.getByLabel('Farbset').selectOption({ label: 'Klassisch' });
    await brush.selectOption('brushpen');
    await page.getByRole('button', { name: 'Blau' }).click();
    await penStroke(
      page,
      cdp,
      wave(470, 1120, 250, 6, (t) => 0.15 + 0.8 * Math.sin(Math.PI * t)),
    );
    await brush.selectOption('fineliner');
    await page.getByRole('button', { name: 'Schwarz' }).click();
    // A little person presenting, bottom left.
    await penStroke(page, cdp, circle(160, 960, 28));
    await penStroke(page, cdp, [
      { x: 160, y: 990, p: 0.5 },
      { x: 160, y: 1050, p: 0.7 },
      { x: 135, y: 1100, p: 0.4 },
    ]);
    await penStroke(page, cdp, [
      { x: 160, y: 1050, p: 0.5 },
      { x: 188, y: 1100, p: 0.4 },
    ]);
    await penStroke(page, cdp, [
      { x: 110, y: 1010, p: 0.4 },
      { x: 160, y: 1005, p: 0.6 },
      { x: 230, y: 975, p: 0.4 },
    ]);
    await brush.selectOption('marker');
    await page.getByRole('button', { name: 'Grün' }).click();
    // Check marks beside the ellipse.
    for (const dx of [0, 50]) {
      await penStroke(page, cdp, [
        { x: 1230 + dx, y: 990, p: 0.6 },
        { x: 1250 + dx, y: 1020, p: 0.7 },
        { x: 1290 + dx, y: 950, p: 0.6 },
      ]);
    }
    await brush.selectOption('brushpen');
    await page.getByRole('button', { name: 'Rot' }).click();
    await penStroke(
      page,
      cdp,
      wave(300, 760, 1030, 12, (t) => 0.2 + 0.6 * t, 48),
    );
    await typeInto(page, { x: 790, y: 1010 }, '→ Nächster Termin: 12. März');

    await waitFor(() => storedStrokes(c.doc).length === 9, 10_000, 'the nine pen strokes');
    const all = storedObjects(c.doc);
    const kinds = new Set(all.map((o) => o.kind));
    for (const kind of [
      'rect',
      'ellipse',
      'line',
      'arrow',
      'connector',
      'speechBubble',
      'banner',
      'container',
      'text',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    expect(
      new Set(all.filter((o) => o.kind === 'container').map((o) => o.kind === 'container' && o.shape)),
    ).toEqual(new Set(['cloud', 'diamond', 'hexagon']));
    expect(new Set(all.map((o) => o.style))).toEqual(new Set(['handDrawn', 'clean']));
    expect(new Set(all.flatMap((o) => (o.kind === 'text' ? [o.fontFamily] : [])))).toEqual(
      new Set(['hand', 'sans', 'serif']),
    );
    expect(all.find((o) => o.kind === 'connector')).toMatchObject({ kind: 'connector' });
    expect(new Set(storedStrokes(c.doc).map((s) => s.brush))).toEqual(
      new Set(['fineliner', 'brushpen', 'marker', 'highlighter']),
    );
    expect(storedStrokes(c.doc).every((s) => s.points.hasPressure)).toBe(true);
    const title = all.find((o) => o.kind === 'text' && o.text === 'Offene Daten für alle');
    expect(title).toMatchObject({
      containerId: all.find((o) => o.kind === 'banner')?.id,
      fontFamily: 'hand',
    });

    await page.getByRole('button', { name: 'Übersicht einblenden' }).click();
    await tool(page, 'Auswahl');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Alles zeigen' }).click();
    await page.waitForFunction(
      () =>
        (
          document.querySelector('.sketch-host') as HTMLElement & {
            sketchEngine: PageEngine;
          }
        ).sketchEngine.stats().sceneComplete,
    );
    await page.waitForTimeout(300);
    const file = join(RESULTS, 'sketch-showcase.png');
    await page.locator('.sketch-editor__stage').screenshot({ path: file });
    await page.screenshot({ path: join(RESULTS, 'sketch-editor.png') });
    if (process.env['MITSCHRIFT_SHOWCASE_TO_DOCS'] === '1') {
      await copyFile(file, join(REPO_ROOT, 'docs/screenshot-sketch.png'));
      await copyFile(
        join(RESULTS, 'sketch-editor.png'),
        join(REPO_ROOT, 'docs/screenshot-sketch-editor.png'),
      );
    }
    await expectAccessible(page, 'sketch editor');
    expect(a.problems.pageErrors).toEqual([]);
  });
  it('mirrors the sketchnote live on the projector page, where nothing can be drawn', async () => {
    const { page } = a;
    const link = page.getByRole('link', { name: 'Auf dem Projektor zeigen' });
    expect(await link.getAttribute('href')).toBe(`/sketch/${sketchId}/present`);
    const projector = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    pages.push(projector);
    await projector.page.goto(
      `${testCore.core.origin}/sketch/${sketchId}/present?token=${testCore.core.token}`,
    );
    const engineStats = () =>
      projector.page.evaluate(() => {
        const host = document.querySelector('.sketch-host') as
          (HTMLElement & { sketchEngine?: PageEngine }) | null;
        return host?.sketchEngine
          ? { ...host.sketchEngine.stats(), tool: host.sketchEngine.getTool() }
          : null;
      });
    await expect
      .poll(async () => (await engineStats())?.strokes, { timeout: 15_000 })
      .toBe(storedStrokes(c.doc).length);
    expect((await engineStats())?.tool).toBe('hand');
    // The canvas fills the projector's window.
    expect(
      await projector.page.evaluate(() => {
        const host = document.querySelector('.sketch-host') as HTMLElement;
        return [host.clientWidth, host.clientHeight];
      }),
    ).toEqual([1280, 720]);
    await projector.page.screenshot({ path: join(RESULTS, 'sketch-projector.png') });
    expect((await engineStats())?.objects).toBe(storedObjects(c.doc).length);
    // A drag on the projector pans; it never draws.
    const before = storedStrokes(c.doc).length;
    await projector.page.mouse.move(400, 300);
    await projector.page.mouse.down();
    await projector.page.mouse.move(600, 400, { steps: 8 });
    await projector.page.mouse.up();
    // A stroke drawn in the editor shows up on the projector.
    await tool(page, 'Stift');
    await mouseDrag(page, { x: 1200, y: 1080 }, { x: 1500, y: 1100 });
    await waitFor(() => storedStrokes(c.doc).length === before + 1, 10_000, 'the editor’s stroke');
    await expect.poll(async () => (await engineStats())?.strokes, { timeout: 10_000 }).toBe(before + 1);
    await expectAccessible(projector.page, 'sketch projector');
    expect(projector.problems.pageErrors).toEqual([]);
  });

  it('asks before a format change leaves the drawing outside the paper, and fits it on request', async () => {
    const { page } = a;
    const before = storedStrokes(c.doc).length;
    const format = metaMap(c.doc).get('format');
    // The showcase fills an A3 sheet; an A4 sheet is smaller.
    await page.getByLabel('Format').selectOption('a4');
    const dialog = page.getByRole('dialog', { name: /passt nicht auf „A4 quer“/ });
    await dialog.waitFor();
    await expectAccessible(page, 'sketch format change dialog');
    // Cancel keeps everything as it was.
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(metaMap(c.doc).get('format')).toBe(format);
    await page.getByLabel('Format').selectOption('a4');
    await dialog.getByRole('button', { name: /Zeichnung einpassen/ }).click();
    await waitFor(() => metaMap(c.doc).get('format') === 'a4', 10_000, 'the new format');
    const paper = sheetRect('a4')!;
    await waitFor(
      () =>
        storedStrokes(c.doc).every((s) => {
          for (let i = 0; i < s.points.xyp.length; i += 3) {
            const x = s.points.xyp[i]!;
            const y = s.points.xyp[i + 1]!;
            if (x < paper.x || y < paper.y || x > paper.width || y > paper.height) {
              return false;
            }
          }
          return true;
        }),
      10_000,
      'every stroke on the A4 paper',
    );
    expect(storedStrokes(c.doc).length).toBe(before);
    await page.screenshot({ path: join(RESULTS, 'sketch-format-fitted.png') });
    // One undo step brings back the old format and the drawing where it was.
    await page.locator('.sketch-host').focus();
    await page.keyboard.press('Control+z');
    await waitFor(() => metaMap(c.doc).get('format') === format, 10_000, 'the undo of the change');
  });
});
