import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import decodeJpeg, { init as initJpegDecoder } from '@jsquash/jpeg/decode.js';
import encodeJpeg, { init as initJpegEncoder } from '@jsquash/jpeg/encode.js';
import decodePng, { init as initPngDecoder } from '@jsquash/png/decode.js';
import resize, { initResize } from '@jsquash/resize';

/**
 * The booklet's copy of a photo (issue 12): the original stays untouched in the bundle's
 * attachments; the PDFs get a JPEG of at most {@link BOOKLET_PHOTO_SIDE} pixels on its long side,
 * turned upright as its EXIF orientation says. Codecs are Squoosh's as WebAssembly (jSquash:
 * MozJPEG, the Rust png crate, a Lanczos resizer), so nothing needs a native build for Electron.
 * Measured on this shared 2-core machine under load for a 4000 x 3000 JPEG: MozJPEG decodes it in
 * 1.4-2.3 s where jimp's pure-JavaScript jpeg-js needed 9.2 s, which decided the choice.
 */

/** The longest side of a booklet photo in pixels (the booklet shows photos at most 240 pt high, 6.7 in wide). */
export const BOOKLET_PHOTO_SIDE = 1600;

/** Pixels as the codecs pass them around (the DOM's ImageData shape). */
interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** A booklet photo: JPEG bytes and its size in pixels. */
export interface BookletPhoto {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

/** A compiled WebAssembly module (opaque here). */
type WasmModule = object;

/** The one call of the global WebAssembly API used here (the Node build's libs do not declare it). */
const { WebAssembly: wasmApi } = globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> };
};

let ready: Promise<void> | undefined;

/** Loads the three WebAssembly codecs once per thread, from the files in node_modules. */
function codecs(): Promise<void> {
  ready ??= (async () => {
    // The codecs construct `ImageData`, which Node lacks (MozJPEG's glue adds one when it loads; PNG's does not).
    const global = globalThis as { ImageData?: unknown };
    global.ImageData ??= class ImageData implements Pixels {
      constructor(
        readonly data: Uint8ClampedArray,
        readonly width: number,
        readonly height: number,
      ) {}
    };
    const require = createRequire(import.meta.url);
    const wasm = (path: string): Promise<WasmModule> => wasmApi.compile(readFileSync(require.resolve(path)));
    const [jpegDec, jpegEnc, png, resizer] = await Promise.all([
      wasm('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm'),
      wasm('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'),
      wasm('@jsquash/png/codec/pkg/squoosh_png_bg.wasm'),
      wasm('@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm'),
    ]);
    // jSquash's typings name only the options argument; the code takes the compiled module first.
    const withModule = (init: unknown, module: WasmModule): Promise<unknown> =>
      (init as (m: WasmModule) => Promise<unknown>)(module);
    await Promise.all([
      withModule(initJpegDecoder, jpegDec),
      withModule(initJpegEncoder, jpegEnc),
      withModule(initPngDecoder, png),
      withModule(initResize, resizer),
    ]);
  })();
  return ready;
}

/** The size that fits `side` on the long side, never larger than the original. */
export function fitWithin(width: number, height: number, side: number): { width: number; height: number } {
  const k = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

/** Paints transparent pixels onto white paper (JPEG has no alpha; the booklet's pages are white). */
function onWhite(pixels: Pixels): void {
  const d = pixels.data;
  for (let i = 0; i < d.length; i += 4) {
    const a = d[i + 3] ?? 255;
    if (a !== 255) {
      const paper = 255 - a;
      d[i] = ((d[i] ?? 0) * a) / 255 + paper;
      d[i + 1] = ((d[i + 1] ?? 0) * a) / 255 + paper;
      d[i + 2] = ((d[i + 2] ?? 0) * a) / 255 + paper;
      d[i + 3] = 255;
    }
  }
}

/**
 * Decodes a JPEG or PNG photo, turns it upright (EXIF orientation, JPEG), scales it to fit
 * {@link BOOKLET_PHOTO_SIDE} and encodes it as a JPEG (quality 80). Throws on bytes the decoder
 * cannot read.
 */
export async function bookletPhoto(bytes: Uint8Array, type: 'jpeg' | 'png'): Promise<BookletPhoto> {
  await codecs();
  const buffer = bytes.slice().buffer;
  const decoded = (
    type === 'jpeg' ? await decodeJpeg(buffer, { preserveOrientation: true }) : await decodePng(buffer)
  ) as Pixels;
  const size = fitWithin(decoded.width, decoded.height, BOOKLET_PHOTO_SIDE);
  const scaled =
    size.width === decoded.width && size.height === decoded.height
      ? decoded
      : // jSquash types its pixels as the DOM's ImageData, which the Node build has no lib for.
        ((await resize(decoded as never, {
          ...size,
          method: 'lanczos3',
          fitMethod: 'stretch',
          premultiply: true,
          linearRGB: false,
        })) as Pixels);
  onWhite(scaled);
  const jpeg = await encodeJpeg(scaled as never, { quality: 80 });
  return { jpeg: new Uint8Array(jpeg), ...size };
}
