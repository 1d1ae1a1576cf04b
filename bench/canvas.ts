import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startCore } from '../server/core/startCore.js';
import type { RunningCore } from '../server/core/coreTypes.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium.js';
import { rendererMemory } from './canvas/rendererMemory.js';
import type { Benchmark, BenchRow } from './types.js';

/**
 * `npm run bench -- canvas`: our ink engine ("mitschrift") against stock fabric.js 7
 * ("fabric-stock") on a deterministic synthetic A0 sketchnote of 1,000, 5,000 and 20,000 strokes,
 * in Debian's headless Chromium at 1600×900 with --disable-gpu (software raster).
 *
 * Per engine and stroke count, in a fresh browser each time (so memory is the run's own):
 *   open   the document update (what a client receives) given → strokes on screen, fitted, fully rendered
 *   zoom   120 frames of ctrl+wheel zoom (×1.04 per frame) into the sheet centre and back out
 *   draw   at 100 % zoom, 8 new strokes of 40 frames each: one pen pointermove per frame with 4
 *          coalesced samples (a 240 Hz pen) and a predicted one; fabric gets one mousemove per frame,
 *          as the browser delivers them to it
 *   pan    at 100 %, 240 frames of wheel panning (16 px per frame right, then down)
 *   rss    resident memory of the page's renderer process (/proc/<pid>/status), max over the phases
 *
 * Frame time (…P95Ms) is measured inside the page for every frame: from the first rAF callback (the driver registers first) to
 * a message posted from the rAF callback, which runs after the frame's rendering work (rAF
 * callbacks, style, paint, canvas flush, commit). So it is the main-thread cost of a frame; above
 * 16.7 ms frames are dropped. rAF-to-rAF intervals are recorded too (quantised to the 60 Hz vsync).
 * Every phase has a time budget; a phase that runs out records what it measured (`timedOut`), one
 * that never returns is recorded as null with a note, and the browser is discarded.
 */

const ROOT = resolve(import.meta.dirname, '..');
/** The built renderer (CANVAS_BENCH_RENDERER_DIR overrides, e.g. for a build in a scratch folder). */
const RENDERER_DIR = process.env['CANVAS_BENCH_RENDERER_DIR'] ?? join(ROOT, 'out/renderer');
const VIEWPORT = { width: 1600, height: 900 };
const SEED = 20_260_520;
const SHEET_CENTRE = { cx: 4494 / 2, cy: 3179 / 2 };

const ENGINES = (process.env['CANVAS_BENCH_ENGINES'] ?? 'mitschrift,fabric-stock').split(',') as Array<
  'mitschrift' | 'fabric-stock'
>;
const COUNTS = (process.env['CANVAS_BENCH_COUNTS'] ?? '1000,5000,20000').split(',').map(Number);

const PHASES = {
  openMs: 120_000,
  zoom: { frames: 120, factor: 1.04, maxMs: 20_000 },
  draw: { strokes: 8, framesPerStroke: 40, samplesPerFrame: 4, maxMs: 25_000 },
  pan: { frames: 240, dx: 16, dy: 16, maxMs: 25_000 },
};

/** One row of the results contract (field names are fixed), plus detail. */
export interface CanvasResult {
  engine: string;
  strokes: number;
  drawP95Ms: number | null;
  panP95Ms: number | null;
  zoomP95Ms: number | null;
  openMs: number | null;
  rssMB: number | null;
  pointerMoveMeanMs: number | null;
  /** The slowest drawing frame (for stock fabric: the full re-render when a stroke is added). */
  drawMaxMs: number | null;
  notes: string[];
  detail: Record<string, unknown>;
}

class PhaseTimeout extends Error {}

/**
 * Calls `window.__bench[name](arg)` in the page, failing after `timeoutMs`. Function-form evaluate
 * runs through CDP, so the page keeps its strict CSP (no 'unsafe-eval'), as in production.
 */
async function call<T>(page: Page, name: string, arg: unknown, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PhaseTimeout(`no answer within ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
  });
  try {
    const evaluation = page.evaluate(
      ([fn, value]) =>
        (window as unknown as { __bench: Record<string, (v: unknown) => unknown> }).__bench[fn as string]!(
          value,
        ),
      [name, arg] as const,
    ) as Promise<T>;
    return await Promise.race([evaluation, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface FrameReport {
  frames: number;
  p95: number;
  p50: number;
  max: number;
  intervalP95: number;
  droppedFrames: number;
  timedOut: boolean;
  pointerMove?: { mean: number; p95: number; max: number; n: number };
  downUp?: { mean: number; p95: number; max: number; n: number };
}

async function runOne(
  core: RunningCore,
  engine: 'mitschrift' | 'fabric-stock',
  strokes: number,
): Promise<CanvasResult> {
  const result: CanvasResult = {
    engine,
    strokes,
    drawP95Ms: null,
    panP95Ms: null,
    zoomP95Ms: null,
    openMs: null,
    rssMB: null,
    pointerMoveMeanMs: null,
    drawMaxMs: null,
    notes: [],
    detail: {},
  };
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--disable-features=SpareRendererForSitePerProcess'],
  });
  let crashed = false;
  const rss: number[] = [];
  const sampleMemory = async (phase: string): Promise<void> => {
    const memory = await rendererMemory(browser);
    const page = memory[0];
    if (page) {
      rss.push(page.rssMB);
      result.detail[`rssAfter_${phase}`] = page.rssMB;
      result.detail['rssPeakMB'] = page.hwmMB;
    }
  };
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('crash', () => {
      crashed = true;
    });
    page.on('console', (message) => {
      if (message.type() === 'error') {
        result.notes.push(`console: ${message.text().slice(0, 200)}`);
      }
    });
    await page.goto(`${core.origin}/sketch-bench.html?token=${core.token}&bench=${engine}`);
    await page.waitForFunction(
      () => (window as unknown as { __bench?: unknown }).__bench !== undefined,
      undefined,
      { timeout: 30_000 },
    );
    await sampleMemory('load');

    const prepared = await call<Record<string, unknown>>(page, 'prepare', { strokes, seed: SEED }, 120_000);
    result.detail['prepare'] = prepared;

    const phase = async <T>(name: string, arg: unknown, timeoutMs: number): Promise<T | null> => {
      if (crashed) {
        return null;
      }
      try {
        const value = await call<T>(page, name, arg, timeoutMs);
        result.detail[name] = value;
        await sampleMemory(name);
        return value;
      } catch (error) {
        result.notes.push(
          `${name}: ${crashed ? 'renderer crashed (out of memory?)' : error instanceof Error ? error.message : String(error)}`,
        );
        throw error;
      }
    };

    const open = await phase<{ openMs: number | null; timedOut?: boolean }>(
      'open',
      { maxMs: PHASES.openMs },
      PHASES.openMs + 60_000,
    );
    result.openMs = open?.openMs ?? null;
    if (open?.timedOut) {
      result.notes.push(`open: stopped building objects after ${PHASES.openMs / 1000} s`);
    }

    const zoom = await phase<FrameReport>('zoom', PHASES.zoom, PHASES.zoom.maxMs + 60_000);
    result.zoomP95Ms = zoom?.p95 ?? null;
    noteTimeout(result, 'zoom', zoom, PHASES.zoom.frames);

    await phase('setView', { zoom: 1, ...SHEET_CENTRE }, 120_000);

    const draw = await phase<FrameReport>('draw', PHASES.draw, PHASES.draw.maxMs + 60_000);
    result.drawP95Ms = draw?.p95 ?? null;
    result.pointerMoveMeanMs = draw?.pointerMove?.mean ?? null;
    result.drawMaxMs = draw?.max ?? null;
    noteTimeout(result, 'draw', draw, PHASES.draw.strokes * (PHASES.draw.framesPerStroke + 2));

    const pan = await phase<FrameReport>('pan', PHASES.pan, PHASES.pan.maxMs + 60_000);
    result.panP95Ms = pan?.p95 ?? null;
    noteTimeout(result, 'pan', pan, PHASES.pan.frames);

    result.detail['stats'] = await call(page, 'stats', undefined, 30_000).catch(() => null);
  } catch (error) {
    if (!(error instanceof PhaseTimeout) && !crashed) {
      result.notes.push(`failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  } finally {
    result.rssMB = rss.length > 0 ? Math.max(...rss) : null;
    await browser.close().catch(() => undefined);
  }
  return result;
}

function noteTimeout(result: CanvasResult, name: string, report: FrameReport | null, planned: number): void {
  if (report?.timedOut) {
    result.notes.push(`${name}: time budget reached after ${report.frames} of ${planned} frames`);
  }
}

function cell(value: number | null): number | string {
  return value === null ? 'n/a' : value;
}

export const canvasBenchmark: Benchmark = {
  description:
    'sketch ink engine vs stock fabric.js 7: open, draw/pan/zoom frame p95, renderer RSS at 1k/5k/20k strokes',
  async run() {
    if (!existsSync(join(RENDERER_DIR, 'sketch-bench.html'))) {
      throw new Error(
        'Build the test pages first: npm run build:test (out/renderer/sketch-bench.html is missing)',
      );
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'mitschrift-canvas-bench-'));
    const quiet = { info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };
    const core = await startCore({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      rendererDir: RENDERER_DIR,
      logger: quiet,
    });
    const results: CanvasResult[] = [];
    const started = Date.now();
    try {
      for (const engine of ENGINES) {
        for (const strokes of COUNTS) {
          const t0 = Date.now();
          const loadBefore = loadavg()[0] ?? NaN;
          const result = await runOne(core, engine, strokes);
          result.detail['wallSeconds'] = Math.round((Date.now() - t0) / 100) / 10;
          // The machine may be shared; the 1-minute load average says how busy it was.
          result.detail['loadAverage'] = { before: loadBefore, after: loadavg()[0] ?? NaN };
          results.push(result);
          console.info(
            `${engine} ${strokes}: open ${cell(result.openMs)} ms, draw p95 ${cell(result.drawP95Ms)}, pan p95 ${cell(result.panP95Ms)}, ` +
              `zoom p95 ${cell(result.zoomP95Ms)}, rss ${cell(result.rssMB)} MB (${result.detail['wallSeconds']} s)` +
              (result.notes.length ? `\n  notes: ${result.notes.join('; ')}` : ''),
          );
        }
      }
    } finally {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const rows: BenchRow[] = results.map((r) => ({
      engine: r.engine,
      strokes: r.strokes,
      openMs: cell(r.openMs),
      drawP95Ms: cell(r.drawP95Ms),
      panP95Ms: cell(r.panP95Ms),
      zoomP95Ms: cell(r.zoomP95Ms),
      rssMB: cell(r.rssMB),
      pointerMoveMeanMs: cell(r.pointerMoveMeanMs),
      drawMaxMs: cell(r.drawMaxMs),
    }));
    return {
      rows,
      results,
      method: {
        browser: `${CHROMIUM_PATH} headless, ${CHROMIUM_ARGS.join(' ')}`,
        viewport: VIEWPORT,
        seed: SEED,
        phases: PHASES,
        frameTime:
          'per frame, inside the page: start of the frame’s first rAF callback → message posted from it (runs after the frame’s rendering work: other rAF callbacks, style, paint, canvas raster, commit); p95 over the phase',
        rss: 'VmRSS of the page’s renderer process from /proc/<pid>/status (pid via CDP SystemInfo.getProcessInfo), max of samples after each phase',
        targets: { drawP95Ms: 16.7, panP95Ms: 16.7, zoomP95Ms: 16.7, openMs: 1000, rssMB: 500 },
      },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
  },
};
