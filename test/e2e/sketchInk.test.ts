import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strokesMap } from '../../shared/sketch/sketchLayout.js';
import { connectSyncClient, waitFor, type SyncClient } from '../helpers/syncClient.js';
import { launchBrowser, type TestPage } from './helpers/browser.js';
import { REPO_ROOT, startTestCore, type TestCore } from './helpers/core.js';
import { openSketchPage, storedStrokes, syntheticDrag, type PageEngine } from './helpers/sketchPages.js';

/**
 * The ink engine against a real core in Chromium: pen input with pressure through Chromium's own
 * input pipeline (CDP mouse events with pointerType "pen", which arrive as trusted PointerEvents
 * with coalesced samples) ends up as one stroke in the `sketch/<id>` document with those points and
 * pressures; touch after a pen pans and never draws; a second person sees the stroke while it is
 * drawn and once it is finished; a malformed entry is skipped without breaking anything.
 * Uses the standalone page (`/sketch-bench.html?doc=<id>`) until the app's /sketch/:id view hosts
 * the canvas. Needs a fresh build: `npx electron-vite build`.
 */

const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results');

type View = ReturnType<PageEngine['getView']>;

interface PageState {
  strokes: number;
  skipped: number;
  remoteLive: number;
  view: View;
  penDetected: boolean;
  host: { left: number; top: number };
}

let testCore: TestCore;
let browser: Browser;
const pages: TestPage[] = [];
const clients: SyncClient[] = [];

beforeAll(async () => {
  testCore = await startTestCore();
  browser = await launchBrowser();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
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

function state(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const engine = (window as unknown as { __sketch: { engine: PageEngine } }).__sketch.engine;
    const stats = engine.stats();
    const rect = engine.host.getBoundingClientRect();
    return {
      strokes: stats.strokes,
      skipped: stats.skipped,
      remoteLive: stats.remoteLive,
      view: stats.view,
      penDetected: engine.penDetected,
      host: { left: rect.left, top: rect.top },
    };
  });
}

/** A pen sample: page coordinates and pressure. */
interface PenSample {
  x: number;
  y: number;
  force: number;
}

/** Pen input through Chromium's input pipeline: trusted PointerEvents with pointerType "pen". */
async function pen(
  cdp: CDPSession,
  type: 'mousePressed' | 'mouseMoved' | 'mouseReleased',
  s: PenSample,
): Promise<void> {
  await cdp.send('Input.dispatchMouseEvent', {
    type,
    x: s.x,
    y: s.y,
    button: 'left',
    buttons: type === 'mouseReleased' ? 0 : 1,
    clickCount: type === 'mouseMoved' ? 0 : 1,
    pointerType: 'pen',
    force: s.force,
    tiltX: 25,
    tiltY: -10,
  });
}

function penPath(left: number, top: number, count: number): PenSample[] {
  return Array.from({ length: count }, (_, i) => ({
    x: left + 300 + i * 9,
    y: top + 300 + Math.round(Math.sin(i / 3) * 40),
    // Pressure swells and fades, in steps a real digitizer reports (1/255 apart at least).
    force: Math.round((0.2 + 0.6 * Math.sin((Math.PI * i) / (count - 1))) * 255) / 255,
  }));
}

describe('sketch ink engine', () => {
  const sketchId = 'ink-e2e';
  let a: TestPage;
  let b: TestPage;
  let client: SyncClient;
  let cdp: CDPSession;

  beforeAll(async () => {
    a = await openSketchPage(browser, testCore.core, sketchId, 'recorder-a', pages);
    b = await openSketchPage(browser, testCore.core, sketchId, 'viewer-b', pages);
    client = connectSyncClient(testCore.core.origin, testCore.core.token, `sketch/${sketchId}`);
    clients.push(client);
    await client.synced;
    cdp = await a.context.newCDPSession(a.page);
  });

  it('stores a pen stroke with its points and pressures, and the other page sees it live and finished', async () => {
    const before = await state(a.page);
    expect(before.strokes).toBe(0);
    // Record what the page really receives.
    await a.page.evaluate(() => {
      const seen: Array<{
        type: string;
        pointerType: string;
        pressure: number;
        coalesced: number;
        trusted: boolean;
      }> = [];
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      const host = document.querySelector('.sketch-host') as HTMLElement;
      for (const type of ['pointerdown', 'pointermove', 'pointerup']) {
        host.addEventListener(type, (e) => {
          const event = e as PointerEvent;
          seen.push({
            type,
            pointerType: event.pointerType,
            pressure: event.pressure,
            coalesced: event.getCoalescedEvents?.().length ?? 0,
            trusted: event.isTrusted,
          });
        });
      }
    });

    const samples = penPath(before.host.left, before.host.top, 40);
    await pen(cdp, 'mousePressed', samples[0]!);
    let penDown = true;
    try {
      for (const sample of samples.slice(1, 25)) {
        await pen(cdp, 'mouseMoved', sample);
      }
      // Mid-stroke: the other page shows the stroke being drawn (awareness), not yet stored. Polled
      // by time, not by animation frame; on a timeout both pages' states say where it stopped.
      await b.page
        .waitForFunction(
          () => {
            const engine = (window as unknown as { __sketch: { engine: PageEngine } }).__sketch.engine;
            return engine.stats().remoteLive === 1;
          },
          undefined,
          { polling: 50 },
        )
        .catch(async (error: unknown) => {
          const events = await a.page.evaluate(
            () => (window as unknown as { __seen: Array<{ type: string }> }).__seen.length,
          );
          throw new Error(
            `${String(error)}\nrecorder: ${JSON.stringify({ ...(await state(a.page)), events })}\nviewer: ${JSON.stringify(await state(b.page))}`,
          );
        });
      expect(strokesMap(client.doc).size).toBe(0);
      for (const sample of samples.slice(25)) {
        await pen(cdp, 'mouseMoved', sample);
      }
      await pen(cdp, 'mouseReleased', samples[samples.length - 1]!);
      penDown = false;
    } finally {
      // A failure above must not leave the pen down for the tests after this one.
      if (penDown) {
        await pen(cdp, 'mouseReleased', samples[samples.length - 1]!);
      }
    }

    await waitFor(() => strokesMap(client.doc).size === 1, 10_000, 'the stroke to reach the core');
    const seen = await a.page.evaluate(
      () =>
        (
          window as unknown as {
            __seen: Array<{ type: string; pointerType: string; pressure: number; trusted: boolean }>;
          }
        ).__seen,
    );
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((e) => e.pointerType === 'pen' && e.trusted)).toBe(true);
    expect(seen.some((e) => e.type === 'pointermove' && e.pressure > 0.5)).toBe(true);

    const [stroke] = storedStrokes(client.doc);
    expect(stroke).toMatchObject({
      author: 'recorder-a',
      brush: 'fineliner',
      layer: 'drawing',
      pressureOn: true,
    });
    expect(stroke!.points.hasPressure).toBe(true);
    const { view, host } = before;
    const xyp = stroke!.points.xyp;
    // Every sample arrived, in order, at its scene position and with its pressure.
    expect(xyp.length / 3).toBe(samples.length);
    samples.forEach((s, i) => {
      expect(xyp[i * 3]!).toBeCloseTo((s.x - host.left - view.x) / view.zoom, 0);
      expect(xyp[i * 3 + 1]!).toBeCloseTo((s.y - host.top - view.y) / view.zoom, 0);
      expect(Math.abs(xyp[i * 3 + 2]! - s.force)).toBeLessThanOrEqual(1 / 255 + 1e-6);
    });

    await b.page.waitForFunction(() => {
      const engine = (window as unknown as { __sketch: { engine: PageEngine } }).__sketch.engine;
      const stats = engine.stats();
      return stats.strokes === 1 && stats.remoteLive === 0;
    });
    expect((await state(a.page)).strokes).toBe(1);
    expect((await state(a.page)).penDetected).toBe(true);
    await a.page.screenshot({ path: join(SCREENSHOT_DIR, 'sketch-ink-a.png') });
    await b.page.screenshot({ path: join(SCREENSHOT_DIR, 'sketch-ink-b.png') });
  });

  it('pans with touch after a pen was used, and never draws with it', async () => {
    const before = await state(a.page);
    expect(before.penDetected).toBe(true);
    const from = { x: before.host.left + 500, y: before.host.top + 400 };
    await syntheticDrag(
      a.page,
      { id: 21, type: 'touch', button: 0, buttons: 1 },
      from,
      { x: from.x + 120, y: from.y - 60 },
      12,
    );
    await a.page.waitForTimeout(300);
    const after = await state(a.page);
    expect(after.view.x).toBeCloseTo(before.view.x + 120, 5);
    expect(after.view.y).toBeCloseTo(before.view.y - 60, 5);
    expect(after.view.zoom).toBe(before.view.zoom);
    expect(after.strokes).toBe(before.strokes);
    expect(strokesMap(client.doc).size).toBe(1);
  });

  it('zooms with two fingers after a pen was used', async () => {
    const before = await state(a.page);
    await a.page.evaluate(() => {
      const host = document.querySelector('.sketch-host') as HTMLElement;
      const fire = (type: string, id: number, x: number, y: number): void => {
        host.dispatchEvent(
          new PointerEvent(type, {
            pointerId: id,
            pointerType: 'touch',
            clientX: x,
            clientY: y,
            buttons: type === 'pointerup' ? 0 : 1,
            bubbles: true,
          }),
        );
      };
      fire('pointerdown', 31, 400, 400);
      fire('pointerdown', 32, 500, 400);
      fire('pointermove', 32, 600, 400);
      fire('pointerup', 32, 600, 400);
      fire('pointerup', 31, 400, 400);
    });
    const after = await state(a.page);
    expect(after.view.zoom).toBeCloseTo(before.view.zoom * 2, 5);
    expect(after.strokes).toBe(before.strokes);
  });

  it('skips a malformed entry with a warning and keeps drawing', async () => {
    const warnings: string[] = [];
    b.page.on('console', (message) => {
      if (message.type() === 'warning') {
        warnings.push(message.text());
      }
    });
    client.doc.transact(() => {
      strokesMap(client.doc).set('bad-1', { v: 1, brush: 'fineliner', n: 1e9, points: 'AAAA' });
      strokesMap(client.doc).set('bad-2', { v: 99 });
    });
    await b.page.waitForFunction(() => {
      const engine = (window as unknown as { __sketch: { engine: PageEngine } }).__sketch.engine;
      return engine.stats().skipped === 2;
    });
    expect(warnings.some((w) => w.includes('"bad-1"'))).toBe(true);
    expect(warnings.some((w) => w.includes('"bad-2"') && w.includes('version 99'))).toBe(true);

    // Drawing still works: a second stroke arrives on both sides.
    const { host } = await state(a.page);
    const samples = penPath(host.left + 0, host.top + 150, 12);
    await pen(cdp, 'mousePressed', samples[0]!);
    for (const sample of samples.slice(1)) {
      await pen(cdp, 'mouseMoved', sample);
    }
    await pen(cdp, 'mouseReleased', samples[samples.length - 1]!);
    await waitFor(() => storedStrokes(client.doc).length === 2, 10_000, 'the second stroke');
    await b.page.waitForFunction(() => {
      const engine = (window as unknown as { __sketch: { engine: PageEngine } }).__sketch.engine;
      return engine.stats().strokes === 2;
    });
    for (const { problems } of [a, b]) {
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    }
  });
});
