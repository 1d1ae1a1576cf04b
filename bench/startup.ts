import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium.js';
import { summarise, type Benchmark } from './types.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'out/main/cli.js');
const RUNS = 7;

/** Spawns the built CLI's `serve` and measures the time until it prints its listening line. */
async function timeServeStart(dataDir: string): Promise<{ ms: number; url: string; stop(): Promise<void> }> {
  const start = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir]);
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Mitschrift listening on (\S+)/.exec(out);
      if (m) {
        resolveUrl(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  const ms = performance.now() - start;
  return {
    ms,
    url,
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

/** Core start-up (process spawn to listening line) and renderer time to first paint in Chromium. */
export const startupBenchmark: Benchmark = {
  description: 'core start-up (spawn → listening line) and renderer first paint in Chromium',
  async run() {
    if (!existsSync(CLI)) {
      throw new Error('Build first: npm run build');
    }
    const coreMs: number[] = [];
    const fcpMs: number[] = [];
    const readyMs: number[] = [];
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      for (let i = 0; i < RUNS; i++) {
        const dataDir = mkdtempSync(join(tmpdir(), 'mitschrift-bench-'));
        const core = await timeServeStart(dataDir);
        coreMs.push(core.ms);
        const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
        const page = await context.newPage();
        await page.goto(core.url);
        await page.waitForSelector('main h1');
        const timing = await page.evaluate(() => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          const nav = performance.getEntriesByType('navigation')[0] as
            PerformanceNavigationTiming | undefined;
          return { fcp: paint?.startTime ?? NaN, ready: performance.now(), navStart: nav?.startTime ?? 0 };
        });
        fcpMs.push(timing.fcp);
        readyMs.push(timing.ready - timing.navStart);
        await context.close();
        await core.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    } finally {
      await browser.close();
    }
    const rows = [
      { metric: 'core start-up (ms)', ...summarise(coreMs) },
      { metric: 'renderer first contentful paint (ms)', ...summarise(fcpMs) },
      { metric: 'renderer heading visible (ms)', ...summarise(readyMs) },
    ];
    return { rows, samples: { coreMs, fcpMs, readyMs } };
  },
};
