import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { CoreLogger, CoreOptions, RunningCore } from '../../../server/core/coreTypes.js';
import type { NetworkInterface } from '../../../shared/api/shareContract.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { launchBrowser, openPage, type PageOptions, type TestPage } from './browser.js';

/** The repository root, from this file's place in test/e2e/helpers. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The built renderer the core serves: where `electron-vite build` puts it, unless
 * MITSCHRIFT_E2E_RENDERER_DIR points at another build (e.g. one made in a scratch folder while
 * another build of out/ is running).
 */
export const RENDERER_DIR = process.env.MITSCHRIFT_E2E_RENDERER_DIR ?? join(REPO_ROOT, 'out/renderer');

/** Makes (if missing) and returns test-results/<parts>, where tests leave screenshots for a person to look at. */
export function resultsDir(...parts: string[]): string {
  const dir = join(REPO_ROOT, 'test-results', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The network interfaces of a machine at a venue, for tests that share an event: loopback, and the
 * venue network played by 127.0.0.2 (tests talk to loopback only).
 */
export const VENUE_INTERFACES: NetworkInterface[] = [
  { name: 'lo', addresses: [{ address: '127.0.0.1', family: 'IPv4', internal: true, linkLocal: false }] },
  {
    name: 'venue0',
    addresses: [{ address: '127.0.0.2', family: 'IPv4', internal: false, linkLocal: false }],
  },
];

/** A core on a free loopback port with a throwaway workspace. */
export interface TestCore {
  core: RunningCore;
  /** Log lines the core wrote, for failure messages. */
  log: string[];
  /** Stops the core and deletes its workspace. */
  close(): Promise<void>;
}

/**
 * Starts a real core in-process on 127.0.0.1, port 0, serving the built renderer from out/renderer;
 * `extra` adds core options (e.g. the network interfaces a share test pretends to have).
 */
export async function startTestCore(extra: Pick<CoreOptions, 'networkInterfaces'> = {}): Promise<TestCore> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No built renderer in ${RENDERER_DIR}; run "npx electron-vite build" first.`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'mitschrift-e2e-'));
  const log: string[] = [];
  const logger: CoreLogger = {
    info: (message) => log.push(`info: ${message}`),
    warn: (message) => log.push(`warn: ${message}`),
    error: (message) => {
      log.push(`error: ${message}`);
      console.error(message);
    },
  };
  const core = await startLoopbackCore(dataDir, { rendererDir: RENDERER_DIR, logger, ...extra });
  return {
    core,
    log,
    async close() {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a testbed made in `beforeAll`, or a clear error when a test reads it before then. */
export function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`${what} is made in beforeAll; read it inside a hook or a test`);
  }
  return value;
}

/**
 * One e2e file's set-up: a core and a browser. Its fields can be read once the file's first
 * `beforeAll` has run; the pages it opens, the browser and the core are closed after the file.
 */
export interface Testbed {
  /** The running core. */
  readonly core: RunningCore;
  /** The core's log lines, for failure messages. */
  readonly log: string[];
  /** Headless Chromium. */
  readonly browser: Browser;
  /** A new person (own cookies and storage) who has opened nothing yet. */
  page(options?: PageOptions): Promise<TestPage>;
  /** A new person who opened the owner's invitation link (signed in as the owner). */
  person(options?: PageOptions): Promise<TestPage>;
}

/**
 * Sets up (in `beforeAll`) and tears down (in `afterAll`) a {@link Testbed}: the one set-up block
 * of the e2e files; `extra` adds core options (e.g. the network interfaces a share test pretends to have).
 */
export function testbed(extra: Pick<CoreOptions, 'networkInterfaces'> = {}): Testbed {
  let testCore: TestCore | undefined;
  let browser: Browser | undefined;
  const opened: TestPage[] = [];
  beforeAll(async () => {
    testCore = await startTestCore(extra);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const { context } of opened) {
      await context.close();
    }
    await browser?.close();
    await testCore?.close();
  });
  const bed: Testbed = {
    get core() {
      return ready(testCore, 'The core').core;
    },
    get log() {
      return ready(testCore, 'The core').log;
    },
    get browser() {
      return ready(browser, 'The browser');
    },
    async page(options) {
      const one = await openPage(bed.browser, options);
      opened.push(one);
      return one;
    },
    async person(options) {
      const one = await bed.page(options);
      await one.page.goto(bed.core.joinUrl);
      return one;
    },
  };
  return bed;
}
