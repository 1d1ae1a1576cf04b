import { exportSketchToBuffer } from '../export/exportSketch.js';
import type { BundleFile, BundleInput, BundleSession } from './bundleTypes.js';
import { mediaTypeOf } from '../../shared/files/fileFormats.js';

/**
 * A session's sketchnote in the bundle, made by the sketchnote export (server/export/, one
 * renderer for the editor's export and the bundles): `sketchnote.svg` (text as text, fonts
 * embedded), `sketchnote.pdf` (vectors) and `sketchnote.png` at print resolution (300 dpi; 150 dpi
 * when a very large sheet would pass the PNG size limit at 300). The booklet draws the same scene
 * as vectors (pdfBooklet.ts).
 */
export async function sketchFilesFor(
  input: BundleInput,
  item: BundleSession,
  folder: string,
): Promise<BundleFile[]> {
  const scene = item.sketch;
  if (!scene || scene.items.length === 0) {
    return [];
  }
  const title = `Sketchnote: ${item.session.title}`;
  const file = (name: string, bytes: Uint8Array, mediaType: string, kind: string): BundleFile => ({
    path: `${folder}/${name}`,
    bytes,
    mediaType,
    title: `${item.session.title}: Sketchnote (${kind})`,
    sessionId: item.session.id,
  });
  const svg = await exportSketchToBuffer(scene, { format: 'svg' });
  const pdf = await exportSketchToBuffer(scene, { format: 'pdf', title, date: input.now });
  let png;
  try {
    png = await exportSketchToBuffer(scene, { format: 'png', dpi: 300 });
  } catch (error) {
    if (!(error instanceof RangeError)) {
      throw error;
    }
    png = await exportSketchToBuffer(scene, { format: 'png', dpi: 150 });
  }
  return [
    file('sketchnote.svg', new Uint8Array(svg.bytes), mediaTypeOf('svg'), 'SVG'),
    file('sketchnote.pdf', new Uint8Array(pdf.bytes), mediaTypeOf('pdf'), 'PDF'),
    file('sketchnote.png', new Uint8Array(png.bytes), mediaTypeOf('png'), 'PNG'),
  ];
}
