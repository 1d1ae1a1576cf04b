import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { importPlanResponseSchema, type ImportPlanResponse } from '../../../shared/api/eventContract.js';
import { openPage, type PageOptions, type PageProblems, type TestPage } from './browser.js';
import type { CoreLogger, CoreOptions, RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { ready, REPO_ROOT, RENDERER_DIR, testbed, type Testbed } from './core.js';

/**
 * Helpers of the session-plan e2e tests (test/e2e/plan*.test.ts): the organisers' fixture files,
 * importing over the API, and waiting for what the plan views show.
 */

/** Our session-plan fixtures (test/fixtures/plans, made by test/fixtures/make-plans.mjs). */
const PLANS_DIR = resolve(REPO_ROOT, 'test/fixtures/plans');

/** The three shapes of the Open Government Tag Leipzig 2026 plan: 26 scheduled sessions and 1 proposal each. */
export const PLAN_FIXTURES = {
  utf8: 'ogd-leipzig-2026-sessionplan.csv',
  excelUtf8: 'ogd-leipzig-2026-sessionplan-excel-de.csv',
  excelAnsi: 'ogd-leipzig-2026-sessionplan-excel-de-ansi.csv',
} as const;

/** A core that can be stopped and started again on the same port and workspace (same token). */
export interface RestartableCore {
  readonly core: RunningCore;
  log: string[];
  /** Stops the core: every WebSocket drops, as when the network goes away. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same workspace. */
  start(): Promise<void>;
  /** Stops it (if running) and deletes the workspace. */
  close(): Promise<void>;
}

/** Starts a core on a free port that a test can stop and restart, e.g. to cut every connection. */
export async function startRestartableCore(): Promise<RestartableCore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mitschrift-plan-e2e-'));
  const log: string[] = [];
  const logger: CoreLogger = {
    info: (message) => log.push(`info: ${message}`),
    warn: (message) => log.push(`warn: ${message}`),
    error: (message) => {
      log.push(`error: ${message}`);
      console.error(message);
    },
  };
  let core = await startLoopbackCore(dataDir, { rendererDir: RENDERER_DIR, logger });
  const port = Number(new URL(core.origin).port);
  let running = true;
  return {
    get core() {
      return core;
    },
    log,
    async stop() {
      await core.close();
      running = false;
    },
    async start() {
      core = await startLoopbackCore(dataDir, { port, rendererDir: RENDERER_DIR, logger });
      running = true;
    },
    async close() {
      if (running) {
        await core.close();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Absolute path of a fixture. */
export function fixturePath(name: string): string {
  return resolve(PLANS_DIR, name);
}

/** Imports a fixture as a new event through the HTTP API (what the UI does, without the UI). */
export async function importViaApi(
  core: { origin: string; token: string },
  fixture: string,
  title: string,
): Promise<ImportPlanResponse> {
  return importPlanText(core, new Uint8Array(readFileSync(fixturePath(fixture))), title);
}

/** Imports a plan (CSV text, or a file's bytes in any encoding) as a new event through the HTTP API. */
export async function importPlanText(
  core: { origin: string; token: string },
  csv: string | Uint8Array<ArrayBuffer>,
  title: string,
): Promise<ImportPlanResponse> {
  const response = await fetch(`${core.origin}/api/events/import-plan?title=${encodeURIComponent(title)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${core.token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return importPlanResponseSchema.parse(await response.json());
}

/** A new person (own cookies and IndexedDB) who opened the invitation link. */
export async function openInvitation(
  browser: Browser,
  joinUrl: string,
  options?: PageOptions,
): Promise<TestPage> {
  const opened = await openPage(browser, options);
  await opened.page.goto(joinUrl);
  return opened;
}

/** One plan e2e file's {@link Testbed} with the Leipzig plan imported under a title. */
export interface PlanTestbed extends Testbed {
  /** The imported event. */
  readonly eventId: string;
}

/**
 * Sets up (in `beforeAll`) and tears down (in `afterAll`) a {@link PlanTestbed}; `extra` adds core
 * options such as the network interfaces a share test pretends to have.
 */
export function planTestbed(title: string, extra: Pick<CoreOptions, 'networkInterfaces'> = {}): PlanTestbed {
  const bed = testbed(extra);
  let eventId: string | undefined;
  beforeAll(async () => {
    eventId = (await importViaApi(bed.core, PLAN_FIXTURES.utf8, title)).event.id;
  });
  return {
    get core() {
      return bed.core;
    },
    get log() {
      return bed.log;
    },
    get browser() {
      return bed.browser;
    },
    get eventId() {
      return ready(eventId, 'The event');
    },
    page: bed.page,
    person: bed.person,
  };
}

/** Waits for the level-1 heading. */
export async function h1(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ state: 'visible', timeout: 15_000 });
}

/** Waits until the page's connection pill says online. */
export async function waitOnline(page: Page): Promise<void> {
  await page.locator('.connection--online:visible').first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Waits until the grid shows exactly these counts. */
export async function waitForGrid(page: Page, scheduled: number, unscheduled: number): Promise<void> {
  await page.waitForFunction(
    ([s, u]) =>
      document.querySelectorAll('[data-testid="plan-grid"] .session-card').length === s &&
      document.querySelectorAll('[data-testid="unscheduled"] .session-card').length === u,
    [scheduled, unscheduled] as const,
    { timeout: 15_000 },
  );
}

/** The card of a session by its title. */
export function card(page: Page, title: string) {
  return page.locator('.session-card', { has: page.getByRole('heading', { name: title, exact: true }) });
}

/**
 * Where a session's card sits, as "Room|HH:MM" (room from the column header, start from the row
 * header), or "unscheduled".
 */
export async function placeOf(page: Page, title: string): Promise<string> {
  return card(page, title).evaluate((element) => {
    const cell = element.closest('td');
    if (!cell) {
      return 'unscheduled';
    }
    const room = cell
      .closest('table')
      ?.tHead?.rows[0]?.cells[cell.cellIndex]?.querySelector('.plan-grid__room-name');
    const start = cell.parentElement?.querySelector('th .slot-time__start');
    return `${room?.textContent ?? '?'}|${start?.textContent ?? '?'}`;
  });
}

/** Waits until a session's card sits at `place` (see {@link placeOf}). */
export async function waitForPlace(
  page: Page,
  title: string,
  place: string,
  timeout = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await placeOf(page, title).catch(() => 'missing');
    if (last === place) {
      return;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`"${title}" is at ${last}, not at ${place}.`);
}

/** The text the plan's live region last announced. */
export async function announced(page: Page): Promise<string> {
  return (await page.getByTestId('announcer').textContent()) ?? '';
}

/** Chromium's own console lines for connections that failed while a test had cut the network. */
const NETWORK_FAILURE =
  /WebSocket connection to .* failed|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to load resource/;

/** Fails with the list when the page logged errors (failed connections allowed if the test cut them). */
export function expectNoProblems(problems: PageProblems, options: { networkWasCut?: boolean } = {}): void {
  expect(problems.pageErrors, 'uncaught errors in the page').toEqual([]);
  const errors = options.networkWasCut
    ? problems.consoleErrors.filter((line) => !NETWORK_FAILURE.test(line))
    : problems.consoleErrors;
  expect(errors, 'console errors in the page').toEqual([]);
}
