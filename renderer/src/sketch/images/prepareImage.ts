import { makeAsset, sniffImage, type AssetJson } from '../../../../shared/sketch/objects/assets.js';
import { sanitiseSvg } from './sanitiseSvg.js';

/** Files larger than this are refused before anything is read (a photo straight off a camera is 5-15 MB). */
const MAX_IMAGE_FILE_BYTES = 40 * 1024 * 1024;
/** SVG files larger than this are refused (icons and logos are a few KB). */
const MAX_SVG_BYTES = 2 * 1024 * 1024;
/**
 * Images whose header promises more pixels than this are refused before decoding: a few KB of
 * PNG can claim 100,000 x 100,000 pixels and would take gigabytes to decode (a decompression bomb).
 */
const MAX_IMAGE_PIXELS = 50_000_000;
/** The longest side kept in the sketchnote: sharp on an A3 print at 150 dpi, small enough to sync. */
const MAX_PLACED_SIDE = 2048;
/** The stored image must stay under the asset limit (5 MiB); lower JPEG qualities are tried in turn. */
const JPEG_QUALITIES = [0.86, 0.75, 0.6];

/** Why an image was not placed; each has a text in the i18n layer (`sketch.image.refused.*`). */
type ImageRefusal = 'notImage' | 'tooLarge' | 'tooManyPixels' | 'corrupt' | 'svgTooLarge' | 'noSpace';

/** An image ready to store: the asset (downscaled, upright) and the size it was before. */
export type PreparedImage =
  | { ok: true; asset: AssetJson; original: { width: number; height: number }; fromSvg: boolean }
  | { ok: false; refusal: ImageRefusal; detail?: string };

/** True when the first bytes (and the declared type) say SVG. */
function isSvg(head: Uint8Array, declared: string): boolean {
  if (declared === 'image/svg+xml') {
    return true;
  }
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head.subarray(0, 512))
    .trimStart()
    .toLowerCase();
  return text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'));
}

/** The size an image of `width` x `height` gets so its longest side is at most {@link MAX_PLACED_SIDE}. */
function placedSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_PLACED_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Decodes an SVG as an image, after sanitising it (sanitiseSvg.ts): no script, no HTML inside, no
 * link out of the file. The browser's image context would not run a script anyway; the sanitising
 * is what keeps the canvas readable (HTML inside an SVG taints it) and the network quiet. The
 * sketchnote stores the pixels, never the SVG. Null when the file is not a well-formed SVG.
 */
async function svgBitmap(file: Blob): Promise<ImageBitmap | null> {
  const clean = sanitiseSvg(await file.text());
  if (!clean) {
    return null;
  }
  const url = URL.createObjectURL(new Blob([clean.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    // An SVG without a size of its own (only a viewBox) gets a usable one.
    const width = image.naturalWidth || 1024;
    const height = image.naturalHeight || 1024;
    const size = placedSize(width * 4, height * 4);
    return await createImageBitmap(image, {
      resizeWidth: size.width,
      resizeHeight: size.height,
      resizeQuality: 'high',
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Whether any pixel is not fully opaque (then PNG keeps the transparency; else JPEG is smaller). */
function hasTransparency(context: OffscreenCanvasRenderingContext2D, width: number, height: number): boolean {
  const data = context.getImageData(0, 0, width, height).data;
  for (let i = 3; i < data.length; i += 4) {
    if ((data[i] ?? 255) < 255) {
      return true;
    }
  }
  return false;
}

/**
 * Checks and prepares a picture for the sketchnote (a photo of a slide, a logo, an icon): PNG,
 * JPEG, WebP or SVG by content; refused with a reason when it is something else, too large, a
 * decompression bomb or corrupt. Photos are turned upright (EXIF orientation) and scaled down to
 * {@link MAX_PLACED_SIDE}; SVG is rasterised (see svgBitmap). Stored as JPEG when opaque and PNG
 * when transparent, since the PDF export embeds those two and not WebP.
 */
export async function prepareImage(file: Blob): Promise<PreparedImage> {
  if (file.size > MAX_IMAGE_FILE_BYTES) {
    return { ok: false, refusal: 'tooLarge', detail: `${file.size}` };
  }
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const svg = isSvg(head, file.type);
  const sniffed = svg ? null : sniffImage(head);
  if (!svg && !sniffed) {
    return { ok: false, refusal: 'notImage' };
  }
  if (svg && file.size > MAX_SVG_BYTES) {
    return { ok: false, refusal: 'svgTooLarge' };
  }
  if (sniffed && sniffed.width * sniffed.height > MAX_IMAGE_PIXELS) {
    return { ok: false, refusal: 'tooManyPixels', detail: `${sniffed.width} x ${sniffed.height}` };
  }
  let bitmap: ImageBitmap;
  let original: { width: number; height: number };
  try {
    if (svg) {
      const decoded = await svgBitmap(file);
      if (!decoded) {
        return { ok: false, refusal: 'corrupt', detail: 'not a well-formed SVG' };
      }
      bitmap = decoded;
      original = { width: bitmap.width, height: bitmap.height };
    } else {
      // Decoded upright first (a portrait photo's EXIF says "turn me"), then scaled in a second
      // pass: the browser applies the orientation before resizing only when asked separately.
      const upright = await createImageBitmap(file, { imageOrientation: 'from-image' });
      original = { width: upright.width, height: upright.height };
      const size = placedSize(upright.width, upright.height);
      bitmap =
        size.width === upright.width
          ? upright
          : await createImageBitmap(upright, {
              resizeWidth: size.width,
              resizeHeight: size.height,
              resizeQuality: 'high',
            });
      if (bitmap !== upright) {
        upright.close();
      }
    }
  } catch (error) {
    return { ok: false, refusal: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    return await storeBitmap(bitmap, original, svg);
  } catch (error) {
    // A canvas that cannot be read or encoded: the picture is refused, the editor goes on.
    return { ok: false, refusal: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    bitmap.close();
  }
}

/** Encodes the decoded picture (JPEG when opaque, PNG when transparent) within the asset limit. */
async function storeBitmap(
  bitmap: ImageBitmap,
  original: { width: number; height: number },
  svg: boolean,
): Promise<PreparedImage> {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) {
    return { ok: false, refusal: 'corrupt', detail: 'no 2D canvas' };
  }
  context.drawImage(bitmap, 0, 0);
  const transparent = hasTransparency(context, bitmap.width, bitmap.height);
  const encodings = transparent
    ? [{ type: 'image/png' }]
    : JPEG_QUALITIES.map((quality) => ({ type: 'image/jpeg', quality }));
  let last = 'the image could not be stored';
  for (const encoding of encodings) {
    const blob = await canvas.convertToBlob(encoding);
    const made = makeAsset(new Uint8Array(await blob.arrayBuffer()), encoding.type);
    if (made.ok) {
      return { ok: true, asset: made.value, original, fromSvg: svg };
    }
    last = made.reason;
  }
  return { ok: false, refusal: 'noSpace', detail: last };
}
