import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';

/**
 * The team's handouts (`../shared/fixtures` beside the clone): real files from other people, used
 * only as an extra check beside the repository's own fixtures in test/fixtures/. A clone with
 * nothing beside it skips these checks and says so. MITSCHRIFT_SHARED_DIR names another folder
 * holding `fixtures/`; set but empty, or naming a missing folder, means "no handouts".
 */
const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** The handouts' folder (`…/shared/fixtures`), or null when it is not there. */
const SHARED_FIXTURES: string | null = (() => {
  const override = process.env.MITSCHRIFT_SHARED_DIR;
  const sharedDir = override === undefined ? resolve(REPO_ROOT, '../shared') : override;
  if (sharedDir === '') {
    return null;
  }
  const fixtures = resolve(sharedDir, 'fixtures');
  return existsSync(fixtures) ? fixtures : null;
})();

/** Why the handout checks are skipped, as printed. */
const HANDOUTS_SKIP_REASON = ((): string => {
  const override = process.env.MITSCHRIFT_SHARED_DIR;
  if (override === undefined) {
    return '../shared/fixtures not found beside the clone (team handouts; extra check)';
  }
  if (override === '') {
    return 'MITSCHRIFT_SHARED_DIR is empty, so the team handouts are not used (extra check)';
  }
  return `MITSCHRIFT_SHARED_DIR=${override} has no fixtures/ folder (team handouts; extra check)`;
})();

/** Path inside the handouts; only call it inside {@link describeHandouts}. */
export function handoutPath(...parts: string[]): string {
  if (SHARED_FIXTURES === null) {
    throw new Error(`no handouts: ${HANDOUTS_SKIP_REASON}`);
  }
  return resolve(SHARED_FIXTURES, ...parts);
}

/** A describe block that runs only with the handouts, and prints why when it is skipped. */
export function describeHandouts(title: string, body: () => void): void {
  if (SHARED_FIXTURES === null) {
    // CI's second step asks for the handouts; there, missing ones are an error, not a skip.
    if (process.env.MITSCHRIFT_REQUIRE_HANDOUTS === '1') {
      throw new Error(`MITSCHRIFT_REQUIRE_HANDOUTS=1, but ${HANDOUTS_SKIP_REASON}`);
    }
    console.info(`skipped: ${title}: ${HANDOUTS_SKIP_REASON}`);
  }
  describe.skipIf(SHARED_FIXTURES === null)(`${title} (handouts in ../shared)`, body);
}
