import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectsMap } from '../../shared/sketch/objects/objectLayout.js';
import { layersMap, strokesMap } from '../../shared/sketch/sketchLayout.js';
import type { Stroke } from '../../shared/sketch/strokeCodec.js';
import type { View } from '../../shared/sketch/viewTransform.js';
import { connectSyncClient, waitFor, type SyncClient } from '../helpers/syncClient.js';
import { launchBrowser, type TestPage } from './helpers/browser.js';
import { startTestCore, type TestCore } from './helpers/core.js';
import {
  callEngine,
  type PageEngine,
  openSketchPage,
  storedObjects,
  storedStrokes,
  syntheticDrag,
} from './helpers/sketchPages.js';

/**
 * The editing tools of the sketch engine in Chromium against a real core, checked in the stored
 * document: shapes dragged out with the mouse, a connector bound to two shapes, text typed into
 * the canvas (free and inside a shape), box and lasso selection, moving and rotating a selection,
 * the whole-stroke and the partial eraser, duplicate, z-order, copy and paste between two
 * sketchnotes, locked layers, and malformed objects from another client.
 */

let testCore: TestCore;
let browser: Browser;
const pages: TestPage[] = [];
const clients: SyncClient[] = [];

beforeAll(async () => {
  testCore = await startTestCore();
  browser = await launchBrowser();
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

/** The engine's notices, recorded in the page. */
interface NoticeLog {
  __notices: Array<{ kind: string; layer?: string; count?: number }>;
}

async function geometry(page: Page): Promise<{ left: number; top: number; view: View }> {
  const view = await callEngine(page, 'getView');
  const rect = await page.evaluate(() => {
    const { host } = (window as unknown as { __sketch: { engine: PageEngine } }).__sketch.engine;
    const box = host.getBoundingClientRect();
    return { left: box.left, top: box.top };
  });
  return { ...rect, view };
}

/** A mouse drag between two scene points (the page turns them into screen points). */
async function dragScene(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 12,
): Promise<void> {
  const { left, top, view } = await geometry(page);
  const sx = (p: { x: number; y: number }) => ({
    x: left + p.x * view.zoom + view.x,
    y: top + p.y * view.zoom + view.y,
  });
  const a = sx(from);
  const b = sx(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(a.x + ((b.x - a.x) * i) / steps, a.y + ((b.y - a.y) * i) / steps);
  }
  await page.mouse.up();
}

async function clickScene(page: Page, p: { x: number; y: number }): Promise<void> {
  const { left, top, view } = await geometry(page);
  await page.mouse.click(left + p.x * view.zoom + view.x, top + p.y * view.zoom + view.y);
}

function xs(stroke: Stroke): number[] {
  const out: number[] = [];
  for (let i = 0; i < stroke.points.xyp.length; i += 3) {
    out.push(stroke.points.xyp[i] ?? 0);
  }
  return out;
}

describe('sketch editing tools', () => {
  let page: Page;
  let client: SyncClient;
  const sketchId = 'tools-e2e';

  beforeAll(async () => {
    page = (await openSketchPage(browser, testCore.core, sketchId, 'recorder-a', pages)).page;
    // What the engine tells the person (the editor shows it in its status line).
    await page.evaluate(() => {
      const w = window as unknown as NoticeLog & {
        __sketch: { engine: PageEngine };
      };
      w.__notices = [];
      w.__sketch.engine.onNotice((n) => w.__notices.push(n));
    });
    client = connectSyncClient(testCore.core.origin, testCore.core.token, `sketch/${sketchId}`);
    clients.push(client);
    await client.synced;
  });

  it('drags out every shape kind and stores it where it was drawn', async () => {
    const kinds = ['rect', 'ellipse', 'arrow', 'line', 'speechBubble', 'banner', 'container'] as const;
    let x = 200;
    for (const kind of kinds) {
      await callEngine(page, 'setTool', kind);
      await dragScene(page, { x, y: 300 }, { x: x + 400, y: 600 });
      x += 550;
    }
    await waitFor(
      () => storedObjects(client.doc).length === kinds.length,
      10_000,
      'the shapes to reach the core',
    );
    const stored = storedObjects(client.doc).sort((p, q) => p.x - q.x);
    expect(stored.map((o) => o.kind)).toEqual(kinds);
    for (const [i, object] of stored.entries()) {
      expect(object.author).toBe('recorder-a');
      // Within a screen pixel or two of the drag, at the page's zoom.
      expect(Math.abs(object.x - (200 + i * 550))).toBeLessThan(12);
      expect(Math.abs(object.y - 300)).toBeLessThan(12);
      expect(Math.abs(object.w - 400)).toBeLessThan(12);
    }
    // After a shape the tool hands over to selection with the new shape selected.
    expect(await callEngine(page, 'getSelection')).toMatchObject({ items: [{ type: 'object' }] });
  });

  it('binds a connector to the two shapes it joins', async () => {
    await callEngine(page, 'setTool', 'connector');
    await dragScene(page, { x: 400, y: 450 }, { x: 950, y: 450 });
    await waitFor(
      () => storedObjects(client.doc).some((o) => o.kind === 'connector'),
      10_000,
      'the connector',
    );
    const connector = storedObjects(client.doc).find((o) => o.kind === 'connector');
    const rect = storedObjects(client.doc).find((o) => o.kind === 'rect');
    const ellipse = storedObjects(client.doc).find((o) => o.kind === 'ellipse');
    expect(connector).toMatchObject({ startBinding: rect?.id, endBinding: ellipse?.id });
  });

  it('types a text on the canvas and inside a shape', async () => {
    await callEngine(page, 'setTool', 'text');
    await clickScene(page, { x: 300, y: 900 });
    await page.waitForSelector('textarea.sketch-text-editor');
    await page.keyboard.type('Grüße vom BarCamp');
    await page.keyboard.press('Escape');
    await callEngine(page, 'setTool', 'text');
    await clickScene(page, { x: 400, y: 450 });
    await page.waitForSelector('textarea.sketch-text-editor');
    await page.keyboard.type('Idee');
    await page.keyboard.press('Escape');
    await waitFor(
      () => storedObjects(client.doc).filter((o) => o.kind === 'text').length === 2,
      10_000,
      'the texts',
    );
    const texts = storedObjects(client.doc).filter((o) => o.kind === 'text');
    const free = texts.find((t) => t.kind === 'text' && t.text === 'Grüße vom BarCamp');
    const inside = texts.find((t) => t.kind === 'text' && t.text === 'Idee');
    const rect = storedObjects(client.doc).find((o) => o.kind === 'rect');
    expect(free).toBeDefined();
    expect(free!.w).toBeGreaterThan(0);
    expect(inside).toMatchObject({ containerId: rect?.id });
    expect(await page.locator('textarea.sketch-text-editor').count()).toBe(0);
  });

  it('box-selects strokes and moves them by the dragged distance', async () => {
    await callEngine(page, 'setTool', 'draw');
    await dragScene(page, { x: 300, y: 1400 }, { x: 1100, y: 1450 }, 20);
    await dragScene(page, { x: 300, y: 1550 }, { x: 1100, y: 1500 }, 20);
    await waitFor(() => storedStrokes(client.doc).length === 2, 10_000, 'two strokes');
    const before = storedStrokes(client.doc).map((s) => Math.min(...xs(s)));
    await callEngine(page, 'setTool', 'select');
    await dragScene(page, { x: 200, y: 1300 }, { x: 1200, y: 1650 });
    expect((await callEngine(page, 'getSelection')).items).toHaveLength(2);
    await dragScene(page, { x: 700, y: 1475 }, { x: 1000, y: 1475 });
    await waitFor(
      () =>
        storedStrokes(client.doc).every(
          (s, i) => Math.abs(Math.min(...xs(s)) - ((before[i] ?? 0) + 300)) < 8,
        ),
      10_000,
      'the strokes to move 300 units right',
    );
  });

  it('erases parts of a stroke (split in two) and whole strokes', async () => {
    const [first] = storedStrokes(client.doc).sort((p, q) => p.createdAt - q.createdAt);
    const minX = Math.min(...xs(first!));
    const maxX = Math.max(...xs(first!));
    const mid = (minX + maxX) / 2;
    const ys: number[] = [];
    for (let i = 1; i < first!.points.xyp.length; i += 3) {
      ys.push(first!.points.xyp[i] ?? 0);
    }
    const yMid = (Math.min(...ys) + Math.max(...ys)) / 2;
    await callEngine(page, 'setTool', 'erase');
    await callEngine(page, 'setEraserMode', 'partial');
    await callEngine(page, 'setEraserSize', 6);
    await dragScene(page, { x: mid, y: yMid - 60 }, { x: mid, y: yMid - 10 }, 10);
    await waitFor(() => !strokesMap(client.doc).has(first!.id), 10_000, 'the stroke to be split');
    const pieces = storedStrokes(client.doc).filter(
      (s) => s.createdAt === first!.createdAt && s.colour === first!.colour,
    );
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    for (const piece of pieces) {
      expect(piece.author).toBe(first!.author);
      expect(piece.brush).toBe(first!.brush);
    }
    // Across the speech bubble (x 2400–2800, y 300–600): the partial eraser leaves shapes and says so.
    const objectsBefore = storedObjects(client.doc).length;
    await dragScene(page, { x: 2600, y: 200 }, { x: 2600, y: 700 }, 10);
    await page.waitForFunction(() =>
      (window as unknown as NoticeLog).__notices.some((n) => n.kind === 'eraserKeptObjects' && n.count === 1),
    );
    expect(storedObjects(client.doc).length).toBe(objectsBefore);
    const count = storedStrokes(client.doc).length;
    await callEngine(page, 'setEraserMode', 'stroke');
    await callEngine(page, 'setEraserSize', 14);
    // Across the second stroke: it goes whole.
    const second = storedStrokes(client.doc).find((s) => s.createdAt !== first!.createdAt)!;
    const sx = xs(second);
    const x2 = (Math.min(...sx) + Math.max(...sx)) / 2;
    const y2 = second.points.xyp[1 + 3 * Math.floor(second.points.xyp.length / 6)] ?? 1525;
    await dragScene(page, { x: x2, y: y2 - 40 }, { x: x2, y: y2 + 40 }, 10);
    await waitFor(
      () => storedStrokes(client.doc).length === count - 1,
      10_000,
      'the second stroke to be erased',
    );
    expect(strokesMap(client.doc).has(second.id)).toBe(false);
  });

  it('lasso-selects, duplicates and brings to front', async () => {
    await callEngine(page, 'setTool', 'lasso');
    // A loop around the speech bubble (the fifth shape, x 2400–2800, y 300–600 plus its tail).
    const loop = [
      { x: 2350, y: 250 },
      { x: 2850, y: 250 },
      { x: 2850, y: 1100 },
      { x: 2350, y: 1100 },
      { x: 2350, y: 260 },
    ];
    const { left, top, view } = await geometry(page);
    const sx = (p: { x: number; y: number }) => ({
      x: left + p.x * view.zoom + view.x,
      y: top + p.y * view.zoom + view.y,
    });
    await page.mouse.move(sx(loop[0]!).x, sx(loop[0]!).y);
    await page.mouse.down();
    for (const p of loop.slice(1)) {
      for (let i = 1; i <= 6; i++) {
        await page.mouse.move(sx(p).x, sx(p).y - 6 + i);
      }
    }
    await page.mouse.up();
    const selection = await callEngine(page, 'getSelection');
    const bubble = storedObjects(client.doc).find((o) => o.kind === 'speechBubble');
    expect(selection.items).toEqual([{ type: 'object', id: bubble!.id }]);
    const before = storedObjects(client.doc).length;
    await callEngine(page, 'duplicateSelection');
    await waitFor(() => storedObjects(client.doc).length === before + 1, 10_000, 'the duplicate');
    const copies = storedObjects(client.doc).filter((o) => o.kind === 'speechBubble');
    expect(copies).toHaveLength(2);
    await callEngine(page, 'setTool', 'select');
    await clickScene(page, { x: 400, y: 300 });
    await callEngine(page, 'orderSelection', 'front');
    await waitFor(
      () => {
        const all = storedObjects(client.doc);
        const rect = all.find((o) => o.kind === 'rect')!;
        return all.every((o) => o === rect || o.layer !== rect.layer || o.z < rect.z);
      },
      10_000,
      'the rectangle to paint above everything on its layer',
    );
  });

  it('copies a selection into another sketchnote', async () => {
    await callEngine(page, 'setTool', 'select');
    await callEngine(page, 'selectAll');
    const text = await callEngine(page, 'copySelection');
    expect(text).not.toBeNull();
    const other = (await openSketchPage(browser, testCore.core, 'tools-e2e-other', 'recorder-b', pages)).page;
    const otherClient = connectSyncClient(
      testCore.core.origin,
      testCore.core.token,
      'sketch/tools-e2e-other',
    );
    clients.push(otherClient);
    await otherClient.synced;
    const outcome = await callEngine(other, 'paste', text!);
    if (!outcome.ok) {
      throw new Error(`paste refused: ${outcome.reason}`);
    }
    const total = storedObjects(client.doc).length + storedStrokes(client.doc).length;
    expect(outcome.count).toBe(total);
    await waitFor(
      () => storedObjects(otherClient.doc).length + storedStrokes(otherClient.doc).length === total,
      10_000,
      'the pasted items in the other sketchnote',
    );
    expect(storedObjects(otherClient.doc).every((o) => o.author === 'recorder-b')).toBe(true);
    const bad = await callEngine(other, 'paste', '{"type":"mitschrift/sketch-clipboard"');
    expect(bad.ok ? 'pasted' : bad.reason).toMatch(/JSON/);
  });

  it('nudges the selection with the arrow keys', async () => {
    await callEngine(page, 'setTool', 'select');
    await callEngine(page, 'clearSelection');
    const rect = storedObjects(client.doc).find((o) => o.kind === 'rect')!;
    await clickScene(page, { x: rect.x + rect.w / 2, y: rect.y });
    expect(await callEngine(page, 'getSelection')).toMatchObject({
      items: [{ type: 'object', id: rect.id }],
    });
    const { view } = await geometry(page);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowDown');
    await waitFor(
      () => {
        const moved = storedObjects(client.doc).find((o) => o.id === rect.id)!;
        return (
          Math.abs(moved.x - (rect.x + 10 / view.zoom)) < 0.5 &&
          Math.abs(moved.y - (rect.y + 1 / view.zoom)) < 0.5
        );
      },
      10_000,
      'the rectangle to move 10 screen pixels right and 1 down',
    );
  });

  it('erases with the pen’s eraser end whatever tool is chosen', async () => {
    await callEngine(page, 'setTool', 'draw');
    await dragScene(page, { x: 300, y: 2000 }, { x: 1000, y: 2050 }, 12);
    await waitFor(() => storedStrokes(client.doc).some((s) => s.points.xyp[1]! > 1950), 10_000, 'a stroke');
    const target = storedStrokes(client.doc).find((s) => s.points.xyp[1]! > 1950)!;
    const { left, top, view } = await geometry(page);
    const at = (x: number, y: number) => ({
      x: left + x * view.zoom + view.x,
      y: top + y * view.zoom + view.y,
    });
    const from = at(650, 1950);
    const to = at(650, 2100);
    // The eraser end of a pen: pointerType "pen", button 5, buttons bit 32 (Pointer Events spec).
    await syntheticDrag(page, { id: 7, type: 'pen', button: 5, buttons: 32 }, from, to, 10);
    await waitFor(() => !strokesMap(client.doc).has(target.id), 10_000, 'the stroke to be erased');
    expect(await callEngine(page, 'getTool')).toBe('draw');
  });

  it('does not draw, select or erase on a locked layer', async () => {
    client.doc.transact(() =>
      layersMap(client.doc).set('drawing', { visible: true, locked: true, opacity: 1 }),
    );
    await page.waitForTimeout(300);
    const before = storedStrokes(client.doc).length;
    await callEngine(page, 'setTool', 'draw');
    await dragScene(page, { x: 300, y: 2200 }, { x: 900, y: 2250 }, 10);
    // The pen is not ignored without a word: the status line names the layer and the way out.
    await page.waitForFunction(() =>
      (window as unknown as NoticeLog).__notices.some(
        (n) => n.kind === 'layerLocked' && n.layer === 'drawing',
      ),
    );
    await callEngine(page, 'setTool', 'erase');
    await dragScene(page, { x: 200, y: 1300 }, { x: 1200, y: 1700 }, 10);
    await callEngine(page, 'selectAll');
    expect((await callEngine(page, 'getSelection')).items).toHaveLength(0);
    await page.waitForTimeout(300);
    expect(storedStrokes(client.doc).length).toBe(before);
    client.doc.transact(() =>
      layersMap(client.doc).set('drawing', { visible: true, locked: false, opacity: 1 }),
    );
  });

  it('skips malformed objects from another client with a logged reason and keeps rendering', async () => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') {
        warnings.push(message.text());
      }
    });
    const before = await callEngine(page, 'stats');
    client.doc.transact(() => {
      const map = objectsMap(client.doc);
      map.set('bogusKind', { v: 1, kind: 'hologram', x: 0, y: 0 });
      map.set('nanRect', {
        v: 1,
        kind: 'rect',
        x: Number.NaN,
        y: 0,
        w: 10,
        h: 10,
        angle: 0,
        style: 'clean',
        strokeColour: '#000000',
        fillColour: null,
        strokeWidth: 2,
        opacity: 1,
        layer: 'drawing',
        z: 1,
        author: 'evil',
        createdAt: 1,
      });
      map.set('hugeLine', {
        v: 1,
        kind: 'line',
        x: 0,
        y: 0,
        w: 1e9,
        h: 0,
        angle: 0,
        style: 'clean',
        strokeColour: '#000000',
        fillColour: null,
        strokeWidth: 2,
        opacity: 1,
        layer: 'drawing',
        z: 1,
        author: 'evil',
        createdAt: 1,
        points: [
          [0, 0],
          [1e9, 0],
        ],
        startArrowhead: null,
        endArrowhead: null,
      });
    });
    await page.waitForFunction(
      (skipped) =>
        (window as unknown as { __sketch: { engine: PageEngine } }).__sketch.engine.stats().skipped >=
        skipped + 3,
      before.skipped,
    );
    const after = await callEngine(page, 'stats');
    expect(after.objects).toBe(before.objects);
    expect(warnings.some((w) => w.includes('bogusKind') && w.includes('hologram'))).toBe(true);
    expect(warnings.some((w) => w.includes('hugeLine'))).toBe(true);
    // The canvas still draws: a new rectangle arrives.
    const rects = storedObjects(client.doc).filter((o) => o.kind === 'rect').length;
    await callEngine(page, 'setTool', 'rect');
    await dragScene(page, { x: 300, y: 2600 }, { x: 700, y: 2900 });
    await waitFor(
      () => storedObjects(client.doc).filter((o) => o.kind === 'rect').length === rects + 1,
      10_000,
      'a new rect',
    );
  });
});
