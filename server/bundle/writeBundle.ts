import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { ZipDeflate, ZipPassThrough } from 'fflate';
import { zipInto } from '../export/zipStream.js';
import type { BundleSpool } from './bundleSpool.js';
import type { BundleEntry } from './bundleTypes.js';

/**
 * Writes a spooled bundle as one ZIP (a folder is the spool itself, moved into place: see
 * BundleSpool.moveTo). The ZIP is written beside the target under a temporary name and renamed at
 * the end, so a cancelled or failed export never leaves a half bundle where a good one was
 * expected. It is streamed (fflate's `Zip`): each file is compressed and written as it is added;
 * files that are compressed already (PDF, PNG, JPEG) are stored.
 */

const STORED = /\.(pdf|png|jpe?g|webp|zip)$/i;

/**
 * Streams the spooled `files` into the ZIP file `out`, with a fixed date for every entry: one file
 * read at a time, and the next one only once the disk has taken what the last one compressed to.
 */
export async function writeBundleZip(
  spool: BundleSpool,
  files: readonly BundleEntry[],
  out: string,
  date: Date,
): Promise<void> {
  const temp = `${out}.tmp-${process.pid}`;
  const stream = createWriteStream(temp);
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // Awaited below; a write error that ends the loop first must not go unhandled meanwhile.
  finished.catch(() => undefined);
  try {
    const { zip, throwIfFailed } = zipInto(stream);
    for (const file of files) {
      const entry = STORED.test(file.path)
        ? new ZipPassThrough(file.path)
        : new ZipDeflate(file.path, { level: 6 });
      entry.mtime = date;
      zip.add(entry);
      entry.push(spool.read(file), true);
      throwIfFailed();
      if (stream.writableNeedDrain) {
        // events.once removes its listeners again (no pile of 'error' listeners over 279 files).
        await once(stream, 'drain');
      }
    }
    zip.end();
    throwIfFailed();
    await finished;
    renameSync(temp, out);
  } catch (error) {
    stream.destroy();
    rmSync(temp, { force: true });
    throw error;
  }
}
