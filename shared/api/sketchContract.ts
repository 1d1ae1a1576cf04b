import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import { EXCALIDRAW_MIME, MAX_EXCALIDRAW_FILE_BYTES } from '../sketch/excalidraw/excalidrawFormat.js';

/**
 * The HTTP API of sketchnotes (routes in server/http/sketchRoutes.ts):
 *
 *   POST /api/sketches/:id/import-excalidraw   body: the .excalidraw file's bytes (UTF-8 JSON)
 *        → 200 ImportExcalidrawResponse: the drawing was added on top of sketch :id, through the
 *          core's live document, so everyone connected sees it at once
 *        → 413 ApiError for a body over {@link MAX_EXCALIDRAW_FILE_BYTES}
 *        → 422 ApiError naming the problem (not JSON, not an Excalidraw drawing, a newer version,
 *          absurd values); nothing was written
 *   GET  /api/sketches/:id/export.excalidraw
 *        → 200 `application/vnd.excalidraw+json` attachment; 404 ApiError for an unknown sketch
 *
 * `mitschrift sketch import` prints the same report as text.
 */

export { EXCALIDRAW_MIME, MAX_EXCALIDRAW_FILE_BYTES };

/** What an Excalidraw import found and did (ExcalidrawImportReport in excalidrawImport.ts). */
export const excalidrawImportReportSchema = z.object({
  /** The file's version (2 for current files), null if it had none. */
  version: z.number().nullable(),
  /** Elements in the file. */
  elements: z.number().int().nonnegative(),
  /** Imported elements by Excalidraw type, e.g. {freedraw: 12, rectangle: 2}. */
  imported: z.record(z.string(), z.number().int().nonnegative()),
  /** Elements not imported, by type (frames, embeds, SVG images, unknown types). */
  skipped: z.record(z.string(), z.number().int().nonnegative()),
  /** Deleted elements in the file, never imported. */
  deleted: z.number().int().nonnegative(),
  /** What was approximated or left out, one sentence each. */
  notes: z.array(z.string()),
  /** Entries written. */
  strokes: z.number().int().nonnegative(),
  objects: z.number().int().nonnegative(),
  images: z.number().int().nonnegative(),
});
/** An import report. */
export type ExcalidrawImportReportJson = z.infer<typeof excalidrawImportReportSchema>;

/** `POST /api/sketches/:id/import-excalidraw` → 200. */
export const importExcalidrawResponseSchema = z.object({
  sketchId: idSchema,
  report: excalidrawImportReportSchema,
});
/** Response of `POST /api/sketches/:id/import-excalidraw`. */
export type ImportExcalidrawResponse = z.infer<typeof importExcalidrawResponseSchema>;

/** Export formats of a sketchnote (`mitschrift sketch export --format`). */
export const sketchExportFormatSchema = z.enum(['excalidraw']);
/** An export format of a sketchnote. */
export type SketchExportFormat = z.infer<typeof sketchExportFormatSchema>;

/** The file name an exported sketchnote gets. */
export function excalidrawFileName(sketchId: string): string {
  return `mitschrift-sketch-${sketchId}.excalidraw`;
}
