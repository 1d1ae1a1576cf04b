import { Writable } from 'node:stream';
import { ZipDeflate, ZipPassThrough } from 'fflate';
import type { EventDetail } from '../../shared/api/eventContract.js';
import type { SketchRenderFormat, SketchRenderOptions } from '../../shared/api/sketchContract.js';
import { sketchIdFor } from '../../shared/event/eventChanges.js';
import type { ExportScene } from '../../shared/sketch/export/exportScene.js';
import { slugify } from '../plan/eventService.js';
import { ExportCancelledError, exportSketch } from './exportSketch.js';
import { zipInto } from './zipStream.js';

/** One sketchnote of an event, as the event-wide export names it. */
export interface EventSketch {
  sessionTitle: string;
  sketchId: string;
}

/**
 * The sketchnotes of an event in plan order: every session whose sketchnote exists (`exists` asks
 * the store, so a session that never opened its sketchnote is left out instead of exported empty).
 * A session that has not stored its sketchnote id yet has the derived one (see sketchIdFor).
 */
export function eventSketchesOf(detail: EventDetail, exists: (sketchId: string) => boolean): EventSketch[] {
  const sketches: EventSketch[] = [];
  for (const session of detail.sessions) {
    const sketchId = session.sketchId ?? sketchIdFor(session.id);
    if (exists(sketchId)) {
      sketches.push({ sessionTitle: session.title, sketchId });
    }
  }
  return sketches;
}

/**
 * The file name of one sketchnote in an event-wide export (`<session-slug>-<sketch id>.<format>`):
 * readable in a folder listing, and unique because the id is in it. The CLI and the ZIP route use it.
 */
export function eventSketchFileName(sketch: EventSketch, format: SketchRenderFormat): string {
  return `${slugify(sketch.sessionTitle) || 'session'}-${sketch.sketchId}.${format}`;
}

/** Waits until `out` takes more (or is closed, which the caller notices through the signal). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });
}

/**
 * Writes every listed sketchnote, rendered as `options` says, into one ZIP on `out` and ends it.
 * Streamed entry by entry and chunk by chunk (one render in memory at a time; a 300-dpi PNG is
 * never whole in memory), with the pace of `out` (backpressure). PNG and PDF are stored as they
 * are (already compressed), SVG is deflated. Rejects with ExportCancelledError when `signal`
 * aborts; `onSketch` is told before each sketchnote starts.
 */
export async function writeEventSketchesZip(
  sketches: readonly EventSketch[],
  readScene: (sketchId: string) => ExportScene,
  options: SketchRenderOptions,
  out: Writable,
  run: { signal?: AbortSignal; onSketch?: (index: number, sketch: EventSketch) => void } = {},
): Promise<void> {
  const { zip, throwIfFailed } = zipInto(out);
  for (const [index, sketch] of sketches.entries()) {
    if (run.signal?.aborted) {
      throw new ExportCancelledError();
    }
    run.onSketch?.(index, sketch);
    const name = eventSketchFileName(sketch, options.format);
    const entry = options.format === 'svg' ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(entry);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        entry.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (out.writableNeedDrain) {
          void drained(out).then(() => callback());
        } else {
          callback();
        }
      },
      final(callback) {
        entry.push(new Uint8Array(0), true);
        callback();
      },
    });
    await exportSketch(readScene(sketch.sketchId), { ...options, signal: run.signal }, sink);
    throwIfFailed();
  }
  zip.end();
  throwIfFailed();
}
