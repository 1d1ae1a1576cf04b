import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../helpers/chromium.js';

/**
 * Chromium for e2e tests: Debian's browser (no download), flags that keep it from phoning home or
 * needing a GPU or sandbox in CI containers. Shared by every e2e test.
 */

/** Starts headless Chromium. Close it with `browser.close()` in `afterAll`. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** What a page reported that a test may want to fail on. */
export interface PageProblems {
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Console messages of level "error" (CSP violations show up here). */
  consoleErrors: string[];
}

/** A fresh browser context (its own cookies and storage, like a second person) with one page. */
export interface TestPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

/** How a test page is opened: its size, language, and whether it is a touch phone. */
export interface PageOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  /** A phone: touch events and a mobile viewport (meta viewport honoured). */
  touch?: boolean;
}

/** Opens a page in a new context, recording errors, sized like a laptop screen unless told otherwise. */
export async function openPage(browser: Browser, options: PageOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'de-DE',
    ...(options.touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  const problems: PageProblems = { pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
    }
  });
  return { context, page, problems };
}
