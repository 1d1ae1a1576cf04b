import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CoreLogger, CoreOptions, RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';

/** The repository root, from this file's place in test/e2e/helpers. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The built renderer the core serves: where `electron-vite build` puts it, unless
 * MITSCHRIFT_E2E_RENDERER_DIR points at another build (e.g. one made in a scratch folder while
 * another build of out/ is running).
 */
export const RENDERER_DIR = process.env.MITSCHRIFT_E2E_RENDERER_DIR ?? join(REPO_ROOT, 'out/renderer');

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
