import type { Writable } from 'node:stream';
import { Zip } from 'fflate';

/** A streaming ZIP writing into a Node stream, and a check for a compression error. */
export interface ZipStream {
  zip: Zip;
  /** Throws the error fflate reported, if any (call between entries and after `zip.end()`). */
  throwIfFailed(): void;
}

/**
 * An fflate `Zip` whose output goes to `out` chunk by chunk, ending `out` with the archive. The
 * callers (the documentation bundle, every sketchnote of an event) add entries and wait for `out`
 * to drain between them; fflate's errors arrive in its callback and are thrown at the next check.
 */
export function zipInto(out: Writable): ZipStream {
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure = error;
      return;
    }
    out.write(chunk);
    if (final) {
      out.end();
    }
  });
  return {
    zip,
    throwIfFailed() {
      if (failure) {
        throw failure;
      }
    },
  };
}
