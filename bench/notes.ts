import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium.js';
import { summarise, type Benchmark } from './types.js';

const ROOT = resolve(import.meta.dirname, '..');
/** The built CLI (override to benchmark a build made elsewhere). */
const CLI = process.env['MITSCHRIFT_BENCH_CLI'] ?? join(ROOT, 'out/main/cli.js');
const WARM_UP = 20;
const KEYSTROKES = 240;
/** Pause between keystrokes: a quick typist (about 8 characters a second). */
const KEY_DELAY_MS = 120;

/**
 * Keystroke-to-remote-render latency of the notes pad between two browser clients.
 *
 * Two pages (separate contexts: two people) in one headless Chromium open the same pad served by
 * a `mitschrift serve` process (the built CLI, so the core has its own event loop, as in use). One
 * page types with Playwright's keyboard; the other reports when each character appears in its
 * editor's DOM.
 *
 * Clocks: each page takes `performance.timeOrigin + performance.now()`. Both pages run in the
 * same browser on the same machine, so this is the same system clock in both, with sub-millisecond
 * resolution (Date.now() would only give whole milliseconds; performance.now() alone is relative
 * to each page's own time origin and not comparable between pages).
 * - start: a capturing `keydown` listener in the typing page (when the key reaches the page);
 * - arrival: a MutationObserver in the other page, the moment the paragraph's text (without the
 *   remote caret's name label) reaches that character's length, i.e. the DOM has it;
 * - painted: the next animation frame after the arrival.
 * Also measured: the local echo (keydown → the character in the typing page's own DOM).
 */
export const notesBenchmark: Benchmark = {
  description: `notes pad: keystroke → remote render between two browsers (${KEYSTROKES} keystrokes)`,
  async run() {
    if (!existsSync(CLI)) {
      throw new Error(`Build first (npm run build): ${CLI} is missing.`);
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'mitschrift-bench-notes-'));
    const core = await serve(dataDir);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const padUrl = core.url.replace('/?', '/pad/bench-notes?');
      const writer = await openPad(browser, padUrl, 'Bench A');
      const reader = await openPad(browser, padUrl, 'Bench B');
      await reader.evaluate(installArrivalProbe);
      await writer.evaluate(installArrivalProbe);
      await writer.evaluate(() => {
        const w = window as unknown as { __keydowns: number[] };
        w.__keydowns = [];
        document.addEventListener(
          'keydown',
          () => w.__keydowns.push(performance.timeOrigin + performance.now()),
          {
            capture: true,
          },
        );
      });
      await writer.locator('.ProseMirror p').first().click();
      const text = sampleText(WARM_UP + KEYSTROKES);
      await writer.keyboard.type(text, { delay: KEY_DELAY_MS });
      await reader.waitForFunction(
        (n) => (window as unknown as { __arrivals: number[] }).__arrivals.length >= n,
        text.length,
        {
          timeout: 30_000,
        },
      );
      await reader.waitForTimeout(300);
      const keydowns = await writer.evaluate(
        () => (window as unknown as { __keydowns: number[] }).__keydowns,
      );
      const remote = await reader.evaluate(() => {
        const w = window as unknown as { __arrivals: number[]; __painted: number[] };
        return { __arrivals: w.__arrivals, __painted: w.__painted };
      });
      const local = await writer.evaluate(() => (window as unknown as { __arrivals: number[] }).__arrivals);
      const pick = (times: number[]) =>
        keydowns
          .slice(WARM_UP, text.length)
          .map((down, i) => (times[WARM_UP + i] ?? NaN) - down)
          .filter(Number.isFinite);
      const remoteDom = pick(remote.__arrivals);
      const remotePaint = pick(remote.__painted);
      const localEcho = pick(local);
      if (remoteDom.length < 200) {
        throw new Error(`Only ${remoteDom.length} keystrokes were measured (need at least 200).`);
      }
      const rows = [
        { metric: 'keystroke → other browser, in its DOM (ms)', ...summarise(remoteDom) },
        { metric: 'keystroke → other browser, next frame (ms)', ...summarise(remotePaint) },
        { metric: 'keystroke → own DOM, local echo (ms)', ...summarise(localEcho) },
      ];
      return {
        rows,
        keystrokes: remoteDom.length,
        keyDelayMs: KEY_DELAY_MS,
        clock: 'performance.timeOrigin + performance.now() in each page (same machine, same browser)',
        p50Ms: summarise(remoteDom).median,
        p95Ms: summarise(remoteDom).p95,
        samples: { remoteDom, remotePaint, localEcho },
      };
    } finally {
      await browser.close();
      await core.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

/** Some German notes, one character per keystroke (no Enter: one paragraph grows). */
function sampleText(length: number): string {
  const words =
    'Barrierefreiheit beginnt beim semantischen HTML und endet bei guten Kontrasten fuer alle '.repeat(10);
  return words.slice(0, length);
}

/** In the page: records when the first paragraph's text reaches each length (and the next frame). */
function installArrivalProbe(): void {
  const w = window as unknown as { __arrivals: number[]; __painted: number[] };
  w.__arrivals = [];
  w.__painted = [];
  const editor = document.querySelector('.ProseMirror');
  if (!editor) {
    throw new Error('no editor');
  }
  const lengthNow = (): number => {
    const p = editor.querySelector('p');
    if (!p) {
      return 0;
    }
    let n = p.textContent?.length ?? 0;
    for (const caret of p.querySelectorAll('.collaboration-carets__caret')) {
      n -= caret.textContent?.length ?? 0;
    }
    return n;
  };
  new MutationObserver(() => {
    const now = performance.timeOrigin + performance.now();
    const n = lengthNow();
    const first = w.__arrivals.length;
    while (w.__arrivals.length < n) {
      w.__arrivals.push(now);
    }
    if (w.__arrivals.length > first) {
      requestAnimationFrame(() => {
        const painted = performance.timeOrigin + performance.now();
        while (w.__painted.length < w.__arrivals.length) {
          w.__painted.push(painted);
        }
      });
    }
  }).observe(editor, { childList: true, subtree: true, characterData: true });
}

async function openPad(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  url: string,
  name: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // tsx compiles this file with esbuild's keepNames, which wraps functions sent to the page in __name().
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript((n) => localStorage.setItem('mitschrift.displayName', n), name);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.connection--online').first().waitFor({ timeout: 20_000 });
  await page.locator('.ProseMirror').waitFor();
  return page;
}

async function serve(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Mitschrift listening on (\S+)/.exec(out);
      if (m) {
        resolveUrl(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}
