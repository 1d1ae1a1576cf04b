import { PassThrough, type Writable } from 'node:stream';
import type * as Y from 'yjs';
import {
  RENDER_MIME,
  pngScaleOf,
  type SketchExportSize,
  type SketchRenderOptions,
} from '../../shared/api/sketchContract.js';
import { readExportScene, type ExportScene } from '../../shared/sketch/export/exportScene.js';
import { sketchSvgParts } from '../../shared/sketch/export/svgExport.js';
import { num } from '../../shared/sketch/export/svgParts.js';
import { fontFaceCss, loadShippedFonts } from './fonts.js';
import { writePdf } from './pdfExport.js';
import { ExportCancelledError, checkPngSize, pngSize, writePng, type ExportProgress } from './pngExport.js';

export { ExportCancelledError, readExportScene, type ExportScene };

/**
 * The export API: a sketch document (or its {@link ExportScene}) to SVG, PDF or PNG, written to a
 * Node stream, so a 300-dpi A0 PNG never sits in memory whole. Used by `mitschrift sketch export`,
 * the HTTP route and the documentation bundles:
 *
 *   const scene = readExportScene(doc);             // a Y.Doc of `sketch/<id>`
 *   await exportSketch(scene, { format: 'png', dpi: 300 }, fileStream);
 *   const { bytes } = await exportSketchToBuffer(scene, { format: 'svg' });
 */

/** What an export call can be told besides the format and resolution. */
export interface ExportRun {
  /** Aborting ends the export with {@link ExportCancelledError} (between tiles / items). */
  signal?: AbortSignal;
  /** Called as tiles (PNG) or items (PDF) are done. */
  onProgress?: ExportProgress;
  /** The PDF's title. */
  title?: string;
  /** The PDF's creation date (the clock's when absent). */
  date?: Date;
}

/** Millimetres per scene unit (96 units per inch). */
const MM_PER_UNIT = 25.4 / 96;

/** The sizes an export of this scene would have (the editor's preview, the bundles' index). */
export function exportSize(
  scene: ExportScene,
  options: Pick<SketchRenderOptions, 'dpi' | 'scale'>,
): Omit<SketchExportSize, 'event'> {
  const px = pngSize(scene.area, pngScaleOf(options));
  return {
    widthMm: Math.round(scene.area.width * MM_PER_UNIT * 10) / 10,
    heightMm: Math.round(scene.area.height * MM_PER_UNIT * 10) / 10,
    widthPx: px.width,
    heightPx: px.height,
    items: scene.items.length,
  };
}

/** Throws a RangeError naming the limit when the export would be too large (PNG only). */
export function checkExport(scene: ExportScene, options: SketchRenderOptions): void {
  if (options.format === 'png') {
    checkPngSize(pngSize(scene.area, pngScaleOf(options)));
  }
}

/** The whole SVG: text as `<text>` in the shipped faces, embedded as @font-face data URLs. */
function* svgChunks(scene: ExportScene): Generator<string> {
  const { area } = scene;
  yield* sketchSvgParts(
    scene,
    {
      area,
      width: `${num(area.width * MM_PER_UNIT)}mm`,
      height: `${num(area.height * MM_PER_UNIT)}mm`,
      background: scene.background,
      style: fontFaceCss(),
    },
    { mode: 'text' },
  );
}

/**
 * Writes the export to `out` and ends it. Accepts a Y.Doc of a sketchnote or a scene read from
 * one. Rejects with ExportCancelledError when `run.signal` aborts, with a RangeError for a PNG
 * too large, and with the stream's error if `out` fails.
 */
export async function exportSketch(
  source: Y.Doc | ExportScene,
  options: SketchRenderOptions & ExportRun,
  out: Writable,
): Promise<{ mimeType: string; width?: number; height?: number }> {
  const scene = 'items' in source ? source : readExportScene(source);
  checkExport(scene, options);
  await loadShippedFonts();
  const mimeType = RENDER_MIME[options.format];
  switch (options.format) {
    case 'svg': {
      for (const part of svgChunks(scene)) {
        if (options.signal?.aborted) {
          throw new ExportCancelledError();
        }
        if (!out.write(part)) {
          await new Promise<void>((resolve) => out.once('drain', resolve));
        }
      }
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(resolve);
      });
      return { mimeType };
    }
    case 'pdf':
      await writePdf(scene, options, out);
      return { mimeType };
    case 'png': {
      const size = await writePng(scene, { ...options, scale: pngScaleOf(options) }, out);
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(resolve);
      });
      return { mimeType, ...size };
    }
  }
}

/** The export as bytes in memory (SVG and PDF, or a small PNG; stream big PNGs with {@link exportSketch}). */
export async function exportSketchToBuffer(
  source: Y.Doc | ExportScene,
  options: SketchRenderOptions & ExportRun,
): Promise<{ bytes: Buffer; mimeType: string }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await exportSketch(source, options, sink);
  return { bytes: Buffer.concat(chunks), mimeType: result.mimeType };
}
