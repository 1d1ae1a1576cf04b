import { exportSketchToBuffer } from '../export/exportSketch.js';
import { sketchSceneOf } from './bundleSketch.js';
import type { BundleFile, BundleInput, BundleSession } from './bundleTypes.js';
import { mediaTypeOf } from '../../shared/files/fileFormats.js';

/**
 * A session's sketchnote in the bundle, made by the sketchnote export (server/export/, one
 * renderer for the editor's export and the bundles): `sketchnote.svg` (text as text, fonts
 * embedded), `sketchnote.pdf` (vectors) and `sketchnote.png` at print resolution: 300 dpi up to
 * A2, 150 dpi for larger sheets (A1, A0, panoramas: posters are seen from a metre or more, and
 * 150 dpi is large-format printing's usual resolution; an A0 at 300 dpi would be 140 megapixels
 * and take most of an export's time). A 300-dpi PNG of any sheet comes from the editor or
 * `mitschrift sketch export --dpi 300`. The booklet draws the same scene as vectors (pdfBooklet.ts).
 */

/** The longest PNG side made at 300 dpi (an A2 sheet); larger sheets get 150 dpi. */
const PRINT_300_DPI_LONG_SIDE_PX = 7100;

/** The PNG resolution of a sheet of this size (scene units, 96 per inch). */
function bundlePngDpi(area: { width: number; height: number }): 300 | 150 {
  return (Math.max(area.width, area.height) / 96) * 300 <= PRINT_300_DPI_LONG_SIDE_PX ? 300 : 150;
}
export async function sketchFilesFor(
  input: BundleInput,
  item: BundleSession,
  folder: string,
): Promise<BundleFile[]> {
  const scene = item.sketch && sketchSceneOf(item.sketch);
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
  const png = await exportSketchToBuffer(scene, { format: 'png', dpi: bundlePngDpi(scene.area) });
  return [
    file('sketchnote.svg', new Uint8Array(svg.bytes), mediaTypeOf('svg'), 'SVG'),
    file('sketchnote.pdf', new Uint8Array(pdf.bytes), mediaTypeOf('pdf'), 'PDF'),
    file('sketchnote.png', new Uint8Array(png.bytes), mediaTypeOf('png'), 'PNG'),
  ];
}
