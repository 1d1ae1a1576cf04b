import type { PadFormat } from '../../shared/api/padContract.js';
import type { PlanPreview } from '../../shared/event/importedPlan.js';
import type { LayerId } from '../../shared/sketch/sketchLayout.js';
import type { ExcalidrawImportResult } from '../../shared/sketch/excalidraw/excalidrawImport.js';
import { PadRequestError, type ParsedPadImport } from '../pad/padService.js';
import type { PlanFileHint } from '../plan/planFile.js';
import type { BookletPhoto } from '../bundle/bookletPhoto.js';
import {
  DEFAULT_IMPORT_BUDGET,
  ImportBudgetError,
  ImportPool,
  ImportRefusedError,
  importPool,
} from './importPool.js';

/**
 * The imports as the HTTP routes and the CLI call them: each runs in the import pool's worker and
 * resolves with plain data for the caller to check and write. A budget that ran out rejects with
 * {@link ImportBudgetError} (413 memory, 422 time, 503 busy); for pads, every refusal is a
 * {@link PadRequestError} like the other pad errors.
 */

/** Converts a pad import file in a worker. */
export async function readImportInWorker(format: PadFormat, bytes: Uint8Array): Promise<ParsedPadImport> {
  try {
    return await importPool().run({ kind: 'pad', format, bytes });
  } catch (error) {
    if (error instanceof ImportRefusedError || error instanceof ImportBudgetError) {
      throw new PadRequestError(
        error.message,
        error.status,
        error instanceof ImportRefusedError ? error.details : undefined,
      );
    }
    throw error;
  }
}

/** Reads a plan file (CSV or Sessionize JSON) into a preview in a worker. */
export function previewPlanInWorker(
  bytes: Uint8Array,
  timeZone: string,
  hint: PlanFileHint,
): Promise<PlanPreview> {
  return importPool().run({ kind: 'plan', bytes, timeZone, hint });
}

/** Converts an Excalidraw drawing into sketch entries in a worker, avoiding the target's ids. */
export function readExcalidrawInWorker(
  text: string,
  target: { now: number; usedIds: Iterable<string>; zBase: Partial<Record<LayerId, number>> },
): Promise<ExcalidrawImportResult> {
  return importPool().run({
    kind: 'sketch',
    text,
    now: target.now,
    usedIds: [...target.usedIds],
    zBase: target.zBase,
  });
}

let photoPool: ImportPool | undefined;

/**
 * Scales an attached photo down for the booklet in a worker. Its own pool with 30 s: decoding a
 * 20 MB photo takes a few seconds on a busy machine, which must not count as a hostile file.
 */
export function bookletPhotoInWorker(bytes: Uint8Array, type: 'jpeg' | 'png'): Promise<BookletPhoto> {
  photoPool ??= new ImportPool({ ...DEFAULT_IMPORT_BUDGET, timeoutMs: 30_000 });
  return photoPool.run({ kind: 'photo', bytes, type });
}
