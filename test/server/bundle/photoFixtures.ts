import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import decode, { init as initDecoder } from '@jsquash/jpeg/decode.js';
import encode, { init as initEncoder } from '@jsquash/jpeg/encode.js';
import { mulberry32 } from '../../../shared/random.js';

/**
 * Real JPEG photos made in the tests (MozJPEG as WebAssembly, as the app uses it): a camera-sized
 * one with gradients and noise, small ones with a known red half, and EXIF orientation tags put
 * into them by hand (an APP1 segment right after the start marker, as cameras write it).
 */

/** Pixels in the DOM's ImageData shape. */
export interface TestPixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

let ready: Promise<void> | undefined;
function codecs(): Promise<void> {
  const require = createRequire(import.meta.url);
  // jSquash's typings name only the options argument; the code takes the compiled module first.
  const withModule = (init: unknown, path: string): Promise<unknown> =>
    (init as (m: WebAssembly.Module) => Promise<unknown>)(
      new WebAssembly.Module(readFileSync(require.resolve(path))),
    );
  ready ??= Promise.all([
    withModule(initDecoder, '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm'),
    withModule(initEncoder, '@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'),
  ]).then(() => undefined);
  return ready;
}

/** Encodes pixels as a baseline JPEG. */
export async function jpegOf(pixels: TestPixels, quality = 85): Promise<Uint8Array> {
  await codecs();
  return new Uint8Array(await encode(pixels as ImageData, { quality, progressive: false }));
}

/** Decodes a JPEG (as stored: no orientation applied). */
export async function decodeJpeg(bytes: Uint8Array): Promise<TestPixels> {
  await codecs();
  return (await decode(bytes.slice().buffer)) as TestPixels;
}

/** A photo-like picture: gradients, blocks and seeded noise, so it compresses like a photo. */
export function photoPixels(width: number, height: number): TestPixels {
  const random = mulberry32(7);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const noise = random() * 40;
      data[i] = (x / width) * 200 + noise;
      data[i + 1] = (y / height) * 200 + noise;
      data[i + 2] = (((x >> 6) + (y >> 6)) % 2) * 120 + noise;
      data[i + 3] = 255;
    }
  }
  return { data, width, height };
}

/** White pixels whose left `redColumns` columns are red. */
export function redLeftPixels(width: number, height: number, redColumns: number): TestPixels {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < redColumns; x++) {
      const i = (y * width + x) * 4;
      data[i + 1] = 0;
      data[i + 2] = 0;
    }
  }
  return { data, width, height };
}

/** The JPEG with an EXIF APP1 segment carrying only the Orientation tag (1-8), little-endian TIFF. */
export function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  // TIFF header, one IFD entry: tag 0x0112 (Orientation), type SHORT, count 1, the value; no next IFD.
  const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0];
  tiff.push(0, 0, 0, 0);
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
  return new Uint8Array([...jpeg.subarray(0, 2), ...app1, ...jpeg.subarray(2)]);
}

/** The colour of a pixel as [r, g, b]. */
export function pixelAt(pixels: TestPixels, x: number, y: number): [number, number, number] {
  const i = (y * pixels.width + x) * 4;
  return [pixels.data[i] ?? 0, pixels.data[i + 1] ?? 0, pixels.data[i + 2] ?? 0];
}
