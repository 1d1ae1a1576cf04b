import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startCore } from '../../server/core/startCore.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/helpers/chromium.js';

/**
 * Screenshots of the synthetic sketchnote as our engine renders it, for a look at the ink:
 * `npx tsx bench/canvas/screenshots.ts [strokes]` writes test-results/sketch-<strokes>-*.png
 * (fit to screen, 100 %, 300 %). Needs a build (npx electron-vite build).
 */

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER_DIR = process.env['CANVAS_BENCH_RENDERER_DIR'] ?? join(ROOT, 'out/renderer');
const OUT = join(ROOT, 'test-results');
const strokes = Number(process.argv[2] ?? 5000);

const dataDir = mkdtempSync(join(tmpdir(), 'mitschrift-shots-'));
const core = await startCore({
  host: '127.0.0.1',
  port: 0,
  dataDir,
  rendererDir: RENDERER_DIR,
  logger: { info() {}, warn() {}, error: console.error },
});
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(`${core.origin}/sketch-bench.html?token=${core.token}&bench=mitschrift`);
  await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench !== undefined);
  const call = (name: string, arg?: unknown): Promise<unknown> =>
    page.evaluate(
      ([n, a]) =>
        (window as unknown as { __bench: Record<string, (v: unknown) => unknown> }).__bench[n as string]!(a),
      [name, arg] as const,
    );
  await call('prepare', { strokes, seed: 20_260_520 });
  await call('open', { maxMs: 60_000 });
  await page.screenshot({ path: join(OUT, `sketch-${strokes}-fit.png`) });
  // Views on real content: the start of the first block's heading (stroke 5) and a line of handwriting.
  const heading = (await call('contentPoint', { index: 5 })) as { x: number; y: number };
  const writing = (await call('contentPoint', { index: 60 })) as { x: number; y: number };
  const views = [
    { name: '100', zoom: 1, cx: heading.x + 300, cy: heading.y + 150 },
    { name: '300', zoom: 3, cx: heading.x + 120, cy: heading.y + 20 },
    { name: '800', zoom: 8, cx: writing.x + 40, cy: writing.y },
  ];
  for (const view of views) {
    await call('setView', view);
    await page.screenshot({ path: join(OUT, `sketch-${strokes}-${view.name}.png`) });
  }
  console.info(`wrote ${OUT}/sketch-${strokes}-{fit,${views.map((v) => v.name).join(',')}}.png`);
} finally {
  await browser.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
}
