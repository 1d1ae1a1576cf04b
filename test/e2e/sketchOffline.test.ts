import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectsMap } from '../../shared/sketch/objects/objectLayout.js';
import { strokesMap } from '../../shared/sketch/sketchLayout.js';
import { connectSyncClient, waitFor } from '../helpers/syncClient.js';
import { launchBrowser, type TestPage } from './helpers/browser.js';
import { startRestartableCore, type RestartableCore } from './helpers/planPages.js';
import type { SketchTool } from '../../renderer/src/sketch/engine/editorTypes.js';
import { openSketchPage, type PageEngine } from './helpers/sketchPages.js';

/**
 * Drawing offline: two recorders lose the connection (the core stops, so every socket drops), both
 * keep drawing, and once the core is back both sheets and the stored document hold everything.
 */

let server: RestartableCore;
let browser: Browser;
const pages: TestPage[] = [];

beforeAll(async () => {
  server = await startRestartableCore();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const { context } of pages) {
    await context.close();
  }
  await browser?.close();
  await server?.close();
});

async function counts(page: Page): Promise<{ strokes: number; objects: number; synced: boolean }> {
  return page.evaluate(() => {
    const handle = (window as unknown as { __sketch: { engine: PageEngine; synced(): boolean } }).__sketch;
    const stats = handle.engine.stats();
    return { strokes: stats.strokes, objects: stats.objects, synced: handle.synced() };
  });
}

async function drag(
  page: Page,
  tool: SketchTool,
  from: [number, number],
  to: [number, number],
): Promise<void> {
  const origin = await page.evaluate((t) => {
    const engine = (window as unknown as { __sketch: { engine: PageEngine } }).__sketch.engine;
    engine.setTool(t);
    const rect = engine.host.getBoundingClientRect();
    return { x: rect.left, y: rect.top };
  }, tool);
  await page.mouse.move(origin.x + from[0], origin.y + from[1]);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) {
    await page.mouse.move(
      origin.x + from[0] + ((to[0] - from[0]) * i) / 10,
      origin.y + from[1] + ((to[1] - from[1]) * i) / 10,
    );
  }
  await page.mouse.up();
}

describe('offline drawing', () => {
  it('merges what two recorders drew while the connection was gone', async () => {
    const a = (await openSketchPage(browser, server.core, 'offline-e2e', 'recorder-a', pages)).page;
    const b = (await openSketchPage(browser, server.core, 'offline-e2e', 'recorder-b', pages)).page;
    await server.stop();
    await a.waitForFunction(
      () => !(window as unknown as { __sketch: { synced(): boolean } }).__sketch.synced(),
    );
    await b.waitForFunction(
      () => !(window as unknown as { __sketch: { synced(): boolean } }).__sketch.synced(),
    );
    await drag(a, 'draw', [100, 200], [400, 260]);
    await drag(a, 'rect', [500, 200], [700, 350]);
    await drag(b, 'draw', [100, 400], [400, 460]);
    await drag(b, 'ellipse', [500, 400], [700, 550]);
    expect(await counts(a)).toMatchObject({ strokes: 1, objects: 1 });
    expect(await counts(b)).toMatchObject({ strokes: 1, objects: 1 });

    await server.start();
    for (const page of [a, b]) {
      await page.waitForFunction(
        () => {
          const handle = (
            window as unknown as {
              __sketch: { engine: PageEngine; synced(): boolean };
            }
          ).__sketch;
          const stats = handle.engine.stats();
          return handle.synced() && stats.strokes === 2 && stats.objects === 2;
        },
        undefined,
        { timeout: 30_000 },
      );
    }
    const client = connectSyncClient(server.core.origin, server.core.token, 'sketch/offline-e2e');
    try {
      await client.synced;
      await waitFor(
        () => strokesMap(client.doc).size === 2 && objectsMap(client.doc).size === 2,
        10_000,
        'both recorders’ work in the stored document',
      );
    } finally {
      client.destroy();
    }
  });
});
