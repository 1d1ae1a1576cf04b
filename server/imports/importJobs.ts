import { randomBytes } from 'node:crypto';
import type { PadFormat } from '../../shared/api/padContract.js';
import { newId } from '../../shared/event/ids.js';
import type { PlanPreview } from '../../shared/event/importedPlan.js';
import {
  importExcalidraw,
  type ExcalidrawImportResult,
} from '../../shared/sketch/excalidraw/excalidrawImport.js';
import type { LayerId } from '../../shared/sketch/sketchLayout.js';
import { bookletPhoto, type BookletPhoto } from '../bundle/bookletPhoto.js';
import { PadRequestError, readPadImport, type ParsedPadImport } from '../pad/padService.js';
import { readPlanFile, type PlanFileHint } from '../plan/planFile.js';
import { IMPORT_AUTHOR } from '../sketch/sketchService.js';

/**
 * The work an import worker does: parsing and converting a file into plain data (ProseMirror JSON,
 * a plan preview, sketch entries). Nothing here touches a document or the disk; the main thread
 * checks the result and writes it. Every job is plain, structured-clonable data.
 */

/** A notes-pad file (`.etherpad`, HTML, Markdown, text) to convert. */
interface PadImportJob {
  kind: 'pad';
  format: PadFormat;
  bytes: Uint8Array;
}

/** A session plan (CSV or Sessionize JSON) to read into a preview. */
interface PlanImportJob {
  kind: 'plan';
  bytes: Uint8Array;
  timeZone: string;
  hint: PlanFileHint;
}

/** An Excalidraw drawing to convert into sketch entries. */
interface SketchImportJob {
  kind: 'sketch';
  text: string;
  now: number;
  /** Ids the target sketch uses already (never reused). */
  usedIds: string[];
  /** The highest z per layer of the target sketch. */
  zBase: Partial<Record<LayerId, number>>;
}

/** A photo attached to a session, to decode and scale down for the booklet (bundle/bookletPhoto.ts). */
interface PhotoJob {
  kind: 'photo';
  bytes: Uint8Array;
  type: 'jpeg' | 'png';
}

/** Any import job. */
export type ImportJob = PadImportJob | PlanImportJob | SketchImportJob | PhotoJob;

/** What each kind of job gives back. */
export interface ImportJobValue {
  pad: ParsedPadImport;
  plan: PlanPreview;
  sketch: ExcalidrawImportResult;
  photo: BookletPhoto;
}

/** A job's answer: its value, or a refusal with the HTTP status and message the caller reports. */
export type ImportOutcome<K extends ImportJob['kind'] = ImportJob['kind']> =
  { ok: true; value: ImportJobValue[K] } | { ok: false; status: number; message: string; details?: string[] };

/** Runs one job in the current thread (the worker calls this; so can tests). */
export async function runImportJob(job: ImportJob): Promise<ImportOutcome> {
  try {
    switch (job.kind) {
      case 'pad':
        return { ok: true, value: readPadImport(job.format, job.bytes) };
      case 'plan':
        return { ok: true, value: readPlanFile(job.bytes, job.timeZone, job.hint) };
      case 'sketch':
        return {
          ok: true,
          value: importExcalidraw(job.text, {
            newId: () => newId(randomBytes),
            author: IMPORT_AUTHOR,
            now: job.now,
            usedIds: new Set(job.usedIds),
            zBase: job.zBase,
          }),
        };
      case 'photo':
        try {
          return { ok: true, value: await bookletPhoto(job.bytes, job.type) };
        } catch (error) {
          return {
            ok: false,
            status: 422,
            message: `The ${job.type === 'jpeg' ? 'JPEG' : 'PNG'} photo cannot be decoded (${error instanceof Error ? error.message : String(error)}); it may be damaged or cut off. Nothing was attached.`,
          };
        }
    }
  } catch (error) {
    if (error instanceof PadRequestError) {
      return {
        ok: false,
        status: error.status,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      };
    }
    throw error;
  }
}
