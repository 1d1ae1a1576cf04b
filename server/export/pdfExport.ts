import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { ExportScene } from '../../shared/sketch/export/exportScene.js';
import { bodyStrokeCount, lineDash, splitColour } from '../../shared/sketch/export/svgParts.js';
import { assetBytes } from '../../shared/sketch/objects/assets.js';
import { objectGeometry, type Polyline } from '../../shared/sketch/objects/handDrawn.js';
import type { ObjectOfKind, SketchObject } from '../../shared/sketch/objects/objectCodec.js';
import { placeText, type TextFrame } from '../../shared/sketch/objects/textLayout.js';
import { traceOutline } from '../../shared/sketch/strokeOutline.js';
import { blendsByMultiply } from '../../shared/sketch/sketchLayout.js';
import { fontRuns, lineStart, shippedFonts } from './fonts.js';

/** The graphics state of a multiply blend, made once per document. */
const multiplyStates = new WeakMap<PDFKit.PDFDocument, PDFKit.PDFKitReference>();

/**
 * Sets a multiply blend for what is drawn next (until the caller's `restore`), as the editor paints
 * highlighters. PDFKit has no call for a blend mode, so the graphics state is added to the page the
 * way its own `opacity` does; blend modes are allowed in PDF/A-2 and later.
 */
function multiplyBlend(doc: PDFKit.PDFDocument): void {
  let state = multiplyStates.get(doc);
  if (!state) {
    state = doc.ref({ Type: 'ExtGState', BM: 'Multiply' });
    // Written out at once (no content stream of its own); the typings insist on a chunk.
    state.end(undefined);
    multiplyStates.set(doc, state);
  }
  (doc.page.ext_gstates as Record<string, PDFKit.PDFKitReference>)['GsMultiply'] = state;
  doc.addContent('/GsMultiply gs');
}
import { ExportCancelledError, type ExportProgress } from './pngExport.js';

/**
 * PDF export with PDFKit (pure JavaScript): one page the size of the sheet (1 scene unit = 1/96
 * inch = 0.75 pt), strokes and shapes as vector paths, text as real text in the shipped faces
 * (embedded as subsets; PDFKit reads WOFF2 through fontkit), images embedded (PNG and JPEG; a
 * WebP image becomes the editor's grey placeholder, as PDF cannot hold WebP).
 */

/** PDF's largest page side (Acrobat's limit), in points. Bigger areas are scaled down to fit. */
const MAX_PAGE_PT = 14_400;
/** Points per scene unit. */
const PT_PER_UNIT = 0.75;

type Doc = PDFKit.PDFDocument;

/** What a PDF export can be told. */
export interface PdfOptions {
  signal?: AbortSignal;
  onProgress?: ExportProgress;
  /** The document's title (its info dictionary). */
  title?: string;
  /** Its creation date (the clock's when absent); a fixed date makes the file reproducible. */
  date?: Date;
}

function tracePolylines(doc: Doc, lines: readonly Polyline[]): void {
  for (const line of lines) {
    const p = line.points;
    if (p.length < 4) {
      continue;
    }
    doc.moveTo(p[0] ?? 0, p[1] ?? 0);
    for (let i = 2; i + 1 < p.length; i += 2) {
      doc.lineTo(p[i] ?? 0, p[i + 1] ?? 0);
    }
    if (line.closed) {
      doc.closePath();
    }
  }
}

function enterFrame(doc: Doc, frame: Pick<TextFrame, 'x' | 'y' | 'w' | 'h' | 'angle'>): void {
  if (frame.angle === 0) {
    doc.translate(frame.x, frame.y);
    return;
  }
  doc.translate(frame.x + frame.w / 2, frame.y + frame.h / 2);
  doc.rotate((frame.angle * 180) / Math.PI);
  doc.translate(-frame.w / 2, -frame.h / 2);
}

function drawGeometry(doc: Doc, object: SketchObject, scene: ExportScene, alpha: number): void {
  const geometry = objectGeometry(object, (id) => scene.objects.get(id));
  const a = alpha * object.opacity;
  doc.lineCap('round').lineJoin('round');
  if (object.fillColour !== null) {
    const fill = splitColour(object.fillColour);
    if (geometry.fill) {
      tracePolylines(doc, [geometry.fill]);
      doc.fillColor(fill.hex, fill.alpha * a).fill('nonzero');
    }
    if (geometry.hatches.length > 0) {
      tracePolylines(doc, geometry.hatches);
      doc.undash().lineWidth(Math.max(1, object.strokeWidth / 2));
      doc.strokeColor(fill.hex, fill.alpha * a).stroke();
    }
  }
  if (!(object.strokeWidth > 0)) {
    return;
  }
  const stroke = splitColour(object.strokeColour);
  const body = bodyStrokeCount(object, geometry.strokes.length);
  doc.lineWidth(object.strokeWidth).strokeColor(stroke.hex, stroke.alpha * a);
  const [on, off] = lineDash(object.strokeStyle, object.strokeWidth);
  if (body > 0) {
    tracePolylines(doc, geometry.strokes.slice(0, body));
    if (on !== undefined && off !== undefined) {
      doc.dash(on, { space: off });
    }
    doc.stroke();
    doc.undash();
  }
  if (body < geometry.strokes.length) {
    tracePolylines(doc, geometry.strokes.slice(body));
    doc.stroke();
  }
  if (geometry.solids.length > 0) {
    tracePolylines(doc, geometry.solids);
    doc.fillColor(stroke.hex, stroke.alpha * a).fill('nonzero');
  }
}

function drawText(doc: Doc, text: ObjectOfKind<'text'>, scene: ExportScene, alpha: number): void {
  const container = text.containerId !== undefined ? scene.objects.get(text.containerId) : undefined;
  const placement = placeText(text, container);
  if (placement.lines.length === 0) {
    return;
  }
  const colour = splitColour(text.strokeColour);
  doc.save();
  enterFrame(doc, placement.frame);
  doc.fillColor(colour.hex, colour.alpha * alpha * text.opacity);
  for (const line of placement.lines) {
    const runs = fontRuns(placement.family, line.text);
    let x = lineStart(placement, line, runs);
    for (const run of runs) {
      doc.font(run.file.name).fontSize(placement.fontSize);
      doc.text(run.text, x, line.baseline, { lineBreak: false, baseline: 'alphabetic' });
      x += run.advance * placement.fontSize;
    }
  }
  doc.restore();
}

function drawImage(doc: Doc, image: ObjectOfKind<'image'>, scene: ExportScene, alpha: number): void {
  const { w, h } = image;
  if (!(w > 0 && h > 0)) {
    return;
  }
  doc.save();
  enterFrame(doc, image);
  const asset = scene.assets.get(image.assetId);
  const bytes = asset && asset.mimeType !== 'image/webp' ? assetBytes(asset) : null;
  const a = alpha * image.opacity;
  if (!bytes) {
    doc.rect(0, 0, w, h).fillColor('#e5e7eb', a).fill();
    doc.rect(0, 0, w, h).lineWidth(1).strokeColor('#9ca3af', a).stroke();
    doc.restore();
    return;
  }
  if (image.flipX === true || image.flipY === true) {
    doc.translate(image.flipX === true ? w : 0, image.flipY === true ? h : 0);
    doc.scale(image.flipX === true ? -1 : 1, image.flipY === true ? -1 : 1);
  }
  doc.opacity(a);
  doc.image(Buffer.from(bytes), 0, 0, { width: w, height: h });
  doc.restore();
}

/** Writes the scene as a one-page PDF to `out` (which PDFKit ends). */
/** Registers the shipped faces under the names {@link drawScene} uses (the bundles' booklet shares them). */
export function registerSceneFonts(doc: Doc): void {
  for (const files of Object.values(shippedFonts())) {
    for (const file of files) {
      doc.registerFont(file.name, file.ttf);
    }
  }
}

/**
 * Draws the scene's paper and items into `doc` in scene units, under the caller's transform (the
 * export's page, or a figure in the documentation booklet); fonts from {@link registerSceneFonts}.
 */
export async function drawScene(doc: Doc, scene: ExportScene, options: PdfOptions): Promise<void> {
  const { area } = scene;
  doc.rect(area.x, area.y, area.width, area.height).fillColor(splitColour(scene.background).hex, 1).fill();
  const total = scene.items.length;
  let done = 0;
  for (const item of scene.items) {
    if (done % 500 === 0) {
      if (options.signal?.aborted) {
        throw new ExportCancelledError();
      }
      options.onProgress?.(done, total);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    done++;
    doc.save();
    if (item.type === 'stroke') {
      const { hex, alpha } = splitColour(item.stroke.colour);
      if (blendsByMultiply(item.stroke.brush)) {
        multiplyBlend(doc);
      }
      traceOutline(doc, item.outline);
      doc.fillColor(hex, alpha * item.alpha).fill('nonzero');
    } else if (item.object.opacity > 0) {
      const object = item.object;
      if (object.kind === 'text') {
        drawText(doc, object, scene, item.alpha);
      } else if (object.kind === 'image') {
        drawImage(doc, object, scene, item.alpha);
      } else {
        drawGeometry(doc, object, scene, item.alpha);
      }
    }
    doc.restore();
  }
  options.onProgress?.(total, total);
}

/** Writes the scene as a one-page PDF to `out`. */
export async function writePdf(scene: ExportScene, options: PdfOptions, out: Writable): Promise<void> {
  const { area } = scene;
  const k = Math.min(PT_PER_UNIT, MAX_PAGE_PT / Math.max(area.width, area.height, 1));
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: {
      Title: options.title ?? 'Sketchnote',
      Creator: 'Mitschrift',
      ...(options.date ? { CreationDate: options.date, ModDate: options.date } : {}),
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    doc.once('error', reject);
  });
  doc.pipe(out);
  registerSceneFonts(doc);
  doc.addPage({ size: [area.width * k, area.height * k], margin: 0 });
  doc.save();
  doc.scale(k);
  doc.translate(-area.x, -area.y);
  try {
    await drawScene(doc, scene, options);
  } catch (error) {
    doc.end();
    throw error;
  }
  doc.restore();
  doc.end();
  await finished;
}
