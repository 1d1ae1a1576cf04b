import type * as Y from 'yjs';
import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../pointCodec.js';
import { firstIssue, isPlainObject } from './objectCodec.js';
import { objectIdSchema } from './objectFields.js';
import { assetsMap } from './objectLayout.js';

/** Image types a sketchnote stores. SVG is refused: it can carry scripts and external references. */
const ASSET_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
type AssetMimeType = (typeof ASSET_MIME_TYPES)[number];
/** Largest image stored, in bytes. */
const MAX_ASSET_BYTES = 5 * 1024 * 1024;
/** Largest image side in pixels. */
const MAX_IMAGE_SIDE = 16_384;
const ASSET_FORMAT_VERSION = 1;

/** The stored JSON of one asset (layout in `objectLayout.ts`). */
export const assetJsonSchema = z.object({
  v: z.literal(ASSET_FORMAT_VERSION),
  mimeType: z.enum(ASSET_MIME_TYPES),
  dataBase64: z
    .string()
    .min(4)
    .max(Math.ceil(MAX_ASSET_BYTES / 3) * 4, `the image is larger than ${MAX_ASSET_BYTES} bytes`),
  width: z.number().int().min(1).max(MAX_IMAGE_SIDE),
  height: z.number().int().min(1).max(MAX_IMAGE_SIDE),
});
export type AssetJson = z.infer<typeof assetJsonSchema>;
/** An asset with its id. */
export type Asset = AssetJson & { id: string };

/** A decoded asset, or why it was refused. Never throws. */
export type AssetResult = { ok: true; value: Asset } | { ok: false; reason: string };

/** What the first bytes of an image say it is. */
export interface SniffedImage {
  mimeType: AssetMimeType;
  width: number;
  height: number;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = at; i < at + length && i < bytes.length; i++) {
    s += String.fromCharCode(bytes[i] ?? 0);
  }
  return s;
}

const be16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const le16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const le24 = (b: Uint8Array, i: number): number => le16(b, i) | ((b[i + 2] ?? 0) << 16);
const be32 = (b: Uint8Array, i: number): number => be16(b, i) * 65536 + be16(b, i + 2);

/**
 * Recognises PNG, JPEG and WebP by their signature and reads the pixel size from the header;
 * null for anything else (including SVG) or a header too short to hold the size.
 */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  // PNG: signature, then the IHDR chunk with width and height.
  if (
    bytes.length >= 24 &&
    bytes[0] === 0x89 &&
    ascii(bytes, 1, 3) === 'PNG' &&
    bytes[4] === 0x0d &&
    bytes[5] === 0x0a &&
    ascii(bytes, 12, 4) === 'IHDR'
  ) {
    return { mimeType: 'image/png', width: be32(bytes, 16), height: be32(bytes, 20) };
  }
  // JPEG: walk the marker segments to the first start-of-frame.
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) {
        return null;
      }
      const marker = bytes[i + 1] ?? 0;
      if (marker === 0xff) {
        i += 1; // fill byte
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      const isFrame =
        marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) {
        return { mimeType: 'image/jpeg', width: be16(bytes, i + 7), height: be16(bytes, i + 5) };
      }
      const length = be16(bytes, i + 2);
      if (length < 2) {
        return null;
      }
      i += 2 + length;
    }
    return null;
  }
  // WebP: RIFF container with a VP8, VP8L or VP8X first chunk.
  if (bytes.length >= 30 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    const chunk = ascii(bytes, 12, 4);
    if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
      return { mimeType: 'image/webp', width: le16(bytes, 26) & 0x3fff, height: le16(bytes, 28) & 0x3fff };
    }
    if (chunk === 'VP8L' && bytes[20] === 0x2f) {
      const bits = (le16(bytes, 21) | (le16(bytes, 23) << 16)) >>> 0;
      return { mimeType: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') {
      return { mimeType: 'image/webp', width: le24(bytes, 24) + 1, height: le24(bytes, 27) + 1 };
    }
  }
  return null;
}

/** Whether bytes or a declared type look like SVG (refused with its own reason). */
function looksLikeSvg(bytes: Uint8Array, declared: string | undefined): boolean {
  if (declared !== undefined && /svg/i.test(declared)) {
    return true;
  }
  const head = ascii(bytes, 0, 256).trimStart().toLowerCase();
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
}

/**
 * Checks image bytes and builds the stored asset: PNG, JPEG or WebP (by content, which must agree
 * with a declared type), at most 5 MiB, at most 16,384 pixels a side. SVG and anything else are
 * refused with a reason.
 */
export function makeAsset(
  bytes: Uint8Array,
  declaredMimeType?: string,
): { ok: true; value: AssetJson } | { ok: false; reason: string } {
  if (looksLikeSvg(bytes, declaredMimeType)) {
    return { ok: false, reason: 'SVG images are not accepted (they can carry scripts and external links)' };
  }
  if (bytes.length > MAX_ASSET_BYTES) {
    return {
      ok: false,
      reason: `the image has ${bytes.length} bytes; images may have at most ${MAX_ASSET_BYTES}`,
    };
  }
  const sniffed = sniffImage(bytes);
  if (!sniffed) {
    return {
      ok: false,
      reason: `the data is not a PNG, JPEG or WebP image${declaredMimeType ? ` (declared as ${declaredMimeType})` : ''}`,
    };
  }
  const declared = declaredMimeType?.toLowerCase().replace('image/jpg', 'image/jpeg');
  if (declared !== undefined && declared !== sniffed.mimeType) {
    return {
      ok: false,
      reason: `the image is declared as ${declaredMimeType} but its data is ${sniffed.mimeType}`,
    };
  }
  const json = { v: ASSET_FORMAT_VERSION, ...sniffed, dataBase64: bytesToBase64(bytes) };
  const parsed = assetJsonSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: firstIssue(parsed.error) };
}

/**
 * Reads one entry of the `assets` map. `verify` also decodes the data and checks that it is the
 * image the entry claims (type and size): do it before trusting an asset from elsewhere (a paste,
 * an import); the renderer lets the browser's decoder do it.
 */
export function decodeAsset(id: string, value: unknown, options: { verify?: boolean } = {}): AssetResult {
  if (!objectIdSchema.safeParse(id).success) {
    return { ok: false, reason: 'the id is not a valid asset id' };
  }
  if (!isPlainObject(value)) {
    return { ok: false, reason: 'the entry is not a JSON object' };
  }
  const parsed = assetJsonSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, reason: firstIssue(parsed.error) };
  }
  if (options.verify) {
    const bytes = base64ToBytes(parsed.data.dataBase64);
    if (!bytes) {
      return { ok: false, reason: 'dataBase64 is not valid base64' };
    }
    const sniffed = sniffImage(bytes);
    if (!sniffed || sniffed.mimeType !== parsed.data.mimeType) {
      return { ok: false, reason: `the data is not a ${parsed.data.mimeType} image` };
    }
    if (sniffed.width !== parsed.data.width || sniffed.height !== parsed.data.height) {
      return { ok: false, reason: 'width and height do not match the image' };
    }
  }
  return { ok: true, value: { ...parsed.data, id } };
}

/** Reads an asset of a sketch document, or why it cannot be used. */
export function readAsset(doc: Y.Doc, id: string, options: { verify?: boolean } = {}): AssetResult {
  const value = assetsMap(doc).get(id);
  return value === undefined
    ? { ok: false, reason: 'there is no such asset' }
    : decodeAsset(id, value, options);
}

/** The image bytes of an asset. */
export function assetBytes(asset: AssetJson): Uint8Array | null {
  return base64ToBytes(asset.dataBase64);
}

/** Stores an asset (validated; throws a RangeError on invalid input, which is a caller's bug). */
export function addAsset(doc: Y.Doc, id: string, asset: AssetJson): void {
  const checked = decodeAsset(id, asset);
  if (!checked.ok) {
    throw new RangeError(`Invalid asset ${id}: ${checked.reason}`);
  }
  const { id: _id, ...json } = checked.value;
  void _id;
  assetsMap(doc).set(id, json);
}
