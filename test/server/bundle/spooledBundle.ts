import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, type BuildOptions } from '../../../server/bundle/buildBundle.js';
import { BundleSpool } from '../../../server/bundle/bundleSpool.js';
import type { BundleEntry, BundleInput, PseudonymEntry } from '../../../server/bundle/bundleTypes.js';

/** A bundle built into a spool, with each file's bytes read back for the assertions. */
export interface SpooledBundle {
  spool: BundleSpool;
  files: Array<BundleEntry & { bytes: Uint8Array }>;
  pseudonyms: PseudonymEntry[];
}

/** Builds `collected` into a new spool under `parent` (a fresh temporary folder when absent). */
export async function buildSpooled(
  collected: BundleInput,
  options: Omit<BuildOptions, 'spool'>,
  parent: string = mkdtempSync(join(tmpdir(), 'mitschrift-spool-')),
): Promise<SpooledBundle> {
  const spool = BundleSpool.create(parent);
  const built = await buildBundle(collected, { ...options, spool });
  return {
    spool,
    pseudonyms: built.pseudonyms,
    files: built.files.map((entry) => ({ ...entry, bytes: spool.read(entry) })),
  };
}
