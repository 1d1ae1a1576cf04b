import { createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { BundleFile } from './bundleTypes.js';

/**
 * Writes a bundle as a folder or as one ZIP. Both are written beside the target under a temporary
 * name and renamed at the end, so a cancelled or failed export never leaves a half bundle where a
 * good one was expected. The ZIP is streamed (fflate's `Zip`): each file is compressed and written
 * as it is added; files that are compressed already (PDF, PNG, JPEG) are stored.
 */

const STORED = /\.(pdf|png|jpe?g|webp|zip)$/i;

/** Writes `files` into the folder `out` (replacing an earlier bundle there). */
export function writeBundleFolder(files: readonly BundleFile[], out: string): void {
  const temp = `${out}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = join(temp, ...file.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.bytes);
    }
    rmSync(out, { recursive: true, force: true });
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Streams `files` into the ZIP file `out`, with a fixed date for every entry. */
export async function writeBundleZip(files: readonly BundleFile[], out: string, date: Date): Promise<void> {
  const temp = `${out}.tmp-${process.pid}`;
  const stream = createWriteStream(temp);
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const zip = new Zip((error, chunk, final) => {
        if (error) {
          reject(error);
          return;
        }
        stream.write(chunk);
        if (final) {
          stream.end();
          resolve();
        }
      });
      for (const file of files) {
        const entry = STORED.test(file.path)
          ? new ZipPassThrough(file.path)
          : new ZipDeflate(file.path, { level: 6 });
        entry.mtime = date;
        zip.add(entry);
        entry.push(file.bytes, true);
      }
      zip.end();
    });
    await finished;
    renameSync(temp, out);
  } catch (error) {
    stream.destroy();
    rmSync(temp, { force: true });
    throw error;
  }
}
