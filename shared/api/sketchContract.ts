import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import { MAX_EXCALIDRAW_FILE_BYTES } from '../sketch/excalidraw/excalidrawFormat.js';
import { mediaTypeOf } from '../files/fileFormats.js';

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
 *   GET  /api/sketches/:id/export?format=png|svg|pdf[&dpi=N|&scale=S]
 *        → 200 the rendered file as an attachment (streamed; closing the response cancels it);
 *          400 ApiError for bad options ({@link sketchRenderOptionsSchema}); 404 unknown sketch;
 *          422 a PNG too large for the format
 *   GET  /api/sketches/:id/export-size[?dpi=N|&scale=S]
 *        → 200 {@link SketchExportSize}: millimetres and PNG pixels, for the export dialog's preview
 *   GET  /api/events/:id/sketches.zip?format=png|svg|pdf[&dpi=N|&scale=S]
 *        → 200 `application/zip`: every sketchnote of the event, `<session-slug>-<sketch id>.<format>`
 *          each, streamed (closing the response cancels it; `X-Sketch-Count` says how many);
 *          404 ApiError (code `no-sketches`) when the event has none; 422 a PNG too large
 *
 * `mitschrift sketch import` prints the same report as text.
 */

export { MAX_EXCALIDRAW_FILE_BYTES };

/** What an Excalidraw import found and did (ExcalidrawImportReport in excalidrawImport.ts). */
const excalidrawImportReportSchema = z.object({
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

/** `POST /api/sketches/:id/import-excalidraw` → 200. */
export const importExcalidrawResponseSchema = z.object({
  sketchId: idSchema,
  report: excalidrawImportReportSchema,
});
/** Response of `POST /api/sketches/:id/import-excalidraw`. */
export type ImportExcalidrawResponse = z.infer<typeof importExcalidrawResponseSchema>;

/** Export formats of a sketchnote (`mitschrift sketch export --format`). */
export const sketchExportFormatSchema = z.enum(['excalidraw', 'png', 'svg', 'pdf']);
/** The rendered formats (drawn, not the editable Excalidraw file). */
export const SKETCH_RENDER_FORMATS = ['png', 'svg', 'pdf'] as const;
/** A rendered export format. */
export type SketchRenderFormat = (typeof SKETCH_RENDER_FORMATS)[number];
/** The PNG resolution when neither a DPI nor a scale is given: print quality. */
export const DEFAULT_PNG_DPI = 300;
export const MIN_EXPORT_DPI = 10;
export const MAX_EXPORT_DPI = 2400;
/** `--scale`: PNG pixels per scene unit (1 = 96 dpi, the editor at 100 %). */
const MIN_EXPORT_SCALE = 0.05;
const MAX_EXPORT_SCALE = 32;

/**
 * The options of a rendered export (CLI flags, HTTP query): the format and, for PNG only, either a
 * DPI or a scale (not both).
 */
export const sketchRenderOptionsSchema = z
  .object({
    format: z.enum(SKETCH_RENDER_FORMATS),
    dpi: z.coerce
      .number()
      .min(MIN_EXPORT_DPI, `the DPI must be ${MIN_EXPORT_DPI} to ${MAX_EXPORT_DPI}`)
      .max(MAX_EXPORT_DPI, `the DPI must be ${MIN_EXPORT_DPI} to ${MAX_EXPORT_DPI}`)
      .optional(),
    scale: z.coerce
      .number()
      .min(MIN_EXPORT_SCALE, `the scale must be ${MIN_EXPORT_SCALE} to ${MAX_EXPORT_SCALE}`)
      .max(MAX_EXPORT_SCALE, `the scale must be ${MIN_EXPORT_SCALE} to ${MAX_EXPORT_SCALE}`)
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.dpi !== undefined && value.scale !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'give either a DPI or a scale, not both' });
    }
    if (value.format !== 'png' && (value.dpi !== undefined || value.scale !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.dpi !== undefined ? 'dpi' : 'scale'],
        message: `a DPI or scale applies to PNG only (${value.format.toUpperCase()} is vector)`,
      });
    }
  });
/** Options of a rendered export. */
export type SketchRenderOptions = z.infer<typeof sketchRenderOptionsSchema>;

/** PNG pixels per scene unit for these options (scene units are 1/96 inch). */
export function pngScaleOf(options: Pick<SketchRenderOptions, 'dpi' | 'scale'>): number {
  return options.scale ?? (options.dpi ?? DEFAULT_PNG_DPI) / 96;
}

/** The MIME type of a rendered export. */
export const RENDER_MIME: Record<SketchRenderFormat, string> = {
  png: mediaTypeOf('png'),
  svg: mediaTypeOf('svg'),
  pdf: mediaTypeOf('pdf'),
};

/** `GET` path (under `/api/`) of every sketchnote of an event in one ZIP, rendered as `options` say. */
export function eventSketchesZipPath(eventId: string, options: SketchRenderOptions): string {
  const query = [`format=${options.format}`];
  if (options.dpi !== undefined) {
    query.push(`dpi=${options.dpi}`);
  }
  if (options.scale !== undefined) {
    query.push(`scale=${options.scale}`);
  }
  return `events/${encodeURIComponent(eventId)}/sketches.zip?${query.join('&')}`;
}

/** The file name of the ZIP of every sketchnote of an event. */
export function eventSketchesZipName(eventId: string, format: SketchRenderFormat): string {
  return `mitschrift-sketchnotes-${eventId}-${format}.zip`;
}

/** The file name of a rendered export. */
export function renderedSketchFileName(sketchId: string, format: SketchRenderFormat): string {
  return `mitschrift-sketch-${sketchId}.${format}`;
}

/** `GET /api/sketches/:id/export-size`: what an export of the sketch would measure. */
export const sketchExportSizeSchema = z.object({
  /** The exported area in millimetres (the sheet, or the drawing of an infinite canvas). */
  widthMm: z.number(),
  heightMm: z.number(),
  /** The PNG's pixels at the asked DPI or scale. */
  widthPx: z.number().int(),
  heightPx: z.number().int(),
  /** Strokes and objects drawn. */
  items: z.number().int().nonnegative(),
  /**
   * The planned session's event and how many of its sessions have a sketchnote (for "every
   * sketchnote of the event"); null for a sketchnote outside any plan.
   */
  event: z.object({ id: z.string(), title: z.string(), sketches: z.number().int().nonnegative() }).nullable(),
});
/** Response of `GET /api/sketches/:id/export-size`. */
export type SketchExportSize = z.infer<typeof sketchExportSizeSchema>;

/** The file name an exported sketchnote gets. */
export function excalidrawFileName(sketchId: string): string {
  return `mitschrift-sketch-${sketchId}.excalidraw`;
}

/**
 * `GET /api/sketches/:id/session`: the planned session a sketchnote belongs to, for the talk
 * header template (title, hosts, room, time as the plan has them) and the editor's title bar; both
 * null for a sketchnote outside any plan (an answer, not an error: the editor asks on every open).
 */
export const sketchSessionSchema = z.object({
  event: z.object({ id: z.string(), title: z.string(), venue: z.string(), timeZone: z.string() }).nullable(),
  session: z
    .object({
      id: z.string(),
      title: z.string(),
      hosts: z.array(z.string()),
      room: z.string().nullable(),
      /** ISO 8601 with the event's offset; null for a proposal not placed yet. */
      start: z.string().nullable(),
      end: z.string().nullable(),
    })
    .nullable(),
});
/** Response of `GET /api/sketches/:id/session`. */
export type SketchSession = z.infer<typeof sketchSessionSchema>;
