import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentSchema, type Attachment, type LinkRequest } from '../../shared/api/attachmentContract.js';
import { idSchema } from '../../shared/docs/docName.js';
import { newId } from '../../shared/event/ids.js';
import { FILE_FORMATS } from '../../shared/files/fileFormats.js';
import { bookletPhotoInWorker } from '../imports/importCalls.js';
import { ImportBudgetError, ImportRefusedError } from '../imports/importPool.js';
import type { AttachedItem } from './bundleTypes.js';

/**
 * Attachments of a session (issue 12): files (slides as PDF, photos as JPEG or PNG) and links
 * (video recordings, live streams, social-media posts), each with a title and a licence. They live
 * in the workspace beside the documents: `<data>/attachments/<sessionId>/index.json` (the list,
 * zod-checked when read), one file per attachment and, for a photo, its booklet copy
 * (`<id>.booklet.jpg`, bookletPhoto.ts), each written to a temporary name and renamed, so a failed
 * write never leaves a listed file missing. Files are checked by their bytes, not by their name:
 * the type sniffed from the first bytes, a size limit per type, complete (a PDF ends with `%%EOF`,
 * a PNG with its IEND chunk, a JPEG with its end marker) and, for photos, at most
 * {@link MAX_PHOTO_PIXELS} and decodable. The CLI and the HTTP routes both come through here.
 */

/** Kinds of file attachments and their limits. */
export const ATTACHMENT_TYPES = {
  pdf: { mediaType: FILE_FORMATS.pdf.mediaType, ext: 'pdf', maxBytes: 50 * 1024 * 1024 },
  png: { mediaType: FILE_FORMATS.png.mediaType, ext: 'png', maxBytes: 20 * 1024 * 1024 },
  jpeg: { mediaType: FILE_FORMATS.jpg.mediaType, ext: 'jpg', maxBytes: 20 * 1024 * 1024 },
} as const;
/** A file attachment's type. */
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** The largest upload of any type (what the HTTP route reads at most). */
export const MAX_ATTACHMENT_BYTES = Math.max(...Object.values(ATTACHMENT_TYPES).map((t) => t.maxBytes));

/** Photos larger than this are refused: decoding one costs 4 bytes a pixel (50 MP: 200 MB). */
const MAX_PHOTO_PIXELS = 50_000_000;

export type { Attachment };

/** A file or link that cannot be attached (status for HTTP, exit 1 in the CLI). */
export class AttachmentError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AttachmentError';
  }
}

/** The type of a file from its first bytes; undefined for anything else. */
export function sniffType(bytes: Uint8Array): AttachmentType | undefined {
  const starts = (sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return 'pdf';
  }
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'png';
  }
  if (starts([0xff, 0xd8, 0xff])) {
    return 'jpeg';
  }
  return undefined;
}

/** Whether the last `window` bytes contain `needle`. */
function endsWithin(bytes: Uint8Array, needle: readonly number[], window: number): boolean {
  const from = Math.max(0, bytes.length - window);
  outer: for (let i = bytes.length - needle.length; i >= from; i--) {
    for (let j = 0; j < needle.length; j++) {
      if (bytes[i + j] !== needle[j]) {
        continue outer;
      }
    }
    return true;
  }
  return false;
}

/**
 * Whether a file of a sniffed type ends as a complete one does: a PDF's `%%EOF` within its last
 * 2 KB (the specification allows trailing bytes), a PNG's IEND chunk, a JPEG's end-of-image marker
 * (0xFFD9 appears nowhere else in its compressed data; some cameras append a few bytes after it).
 */
function complete(bytes: Uint8Array, type: AttachmentType): boolean {
  switch (type) {
    case 'pdf':
      return endsWithin(bytes, [0x25, 0x25, 0x45, 0x4f, 0x46], 2048);
    case 'png':
      return endsWithin(bytes, [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82], 64);
    case 'jpeg':
      return endsWithin(bytes, [0xff, 0xd9], 64 * 1024);
  }
}

/** Width and height from a PNG's IHDR or a JPEG's frame header; undefined when there is none. */
export function imageSize(
  bytes: Uint8Array,
  type: 'png' | 'jpeg',
): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'png') {
    return bytes.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined;
  }
  // Walk the JPEG's marker segments up to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC).
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) {
      return undefined;
    }
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    if (marker === 0xda || length < 2) {
      return undefined;
    }
    at += 2 + length;
  }
  return undefined;
}

/** A checked file, ready to be stored: its type, its bytes and, for a photo, the booklet's copy. */
export interface CheckedFile {
  type: AttachmentType;
  bytes: Uint8Array;
  booklet?: Uint8Array;
}

/**
 * Checks a file (type, size, completeness, pixels) and makes a photo's booklet copy in a worker
 * thread (so the core keeps serving meanwhile). Rejects with an {@link AttachmentError} naming the
 * problem: 415 another type, 413 too large, 422 cut off or not decodable.
 */
export async function checkFileAttachment(bytes: Uint8Array): Promise<CheckedFile> {
  const type = sniffType(bytes);
  if (!type) {
    throw new AttachmentError(
      'The file is not a PDF, PNG or JPEG (checked by its content, not its name). Nothing was attached.',
      415,
    );
  }
  const name = type === 'jpeg' ? 'JPEG' : type.toUpperCase();
  const limit = ATTACHMENT_TYPES[type].maxBytes;
  if (bytes.byteLength > limit) {
    throw new AttachmentError(
      `The ${name} file has ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, more than the ${limit / 1024 / 1024} MB allowed. Nothing was attached.`,
      413,
    );
  }
  if (!complete(bytes, type)) {
    throw new AttachmentError(
      `The ${name} file is incomplete: its end is missing (cut off while copying or uploading?). Nothing was attached.`,
      422,
    );
  }
  if (type === 'pdf') {
    return { type, bytes };
  }
  const size = imageSize(bytes, type);
  if (!size || size.width === 0 || size.height === 0) {
    throw new AttachmentError(`The ${name} file has no readable image size. Nothing was attached.`, 422);
  }
  if (size.width * size.height > MAX_PHOTO_PIXELS) {
    throw new AttachmentError(
      `The photo has ${size.width} x ${size.height} pixels, more than the ${MAX_PHOTO_PIXELS / 1_000_000} megapixels allowed. Nothing was attached.`,
      413,
    );
  }
  try {
    const booklet = await bookletPhotoInWorker(bytes, type);
    return { type, bytes, booklet: booklet.jpeg };
  } catch (error) {
    if (error instanceof ImportRefusedError || error instanceof ImportBudgetError) {
      throw new AttachmentError(
        error.message.replace('Nothing was imported.', 'Nothing was attached.'),
        error.status,
      );
    }
    throw error;
  }
}

function folder(dataDir: string, sessionId: string): string {
  return join(dataDir, 'attachments', idSchema.parse(sessionId));
}

/** Where a file attachment's bytes and its booklet copy are stored. */
function filePaths(
  dataDir: string,
  sessionId: string,
  attachment: Attachment & { kind: 'file' },
): { original: string; booklet: string } {
  const dir = folder(dataDir, sessionId);
  return {
    original: join(dir, `${attachment.id}.${ATTACHMENT_TYPES[attachment.type].ext}`),
    booklet: join(dir, `${attachment.id}.booklet.jpg`),
  };
}

/** Parses an attachment, or refuses it with 400 naming the fields. */
function parseAttachment(value: unknown): Attachment {
  const parsed = attachmentSchema.safeParse(value);
  if (!parsed.success) {
    throw new AttachmentError(
      `The attachment cannot be stored: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      400,
    );
  }
  return parsed.data;
}

/** The attachments of a session, oldest first (entries that fail the schema are skipped). */
export function listAttachments(dataDir: string, sessionId: string): Attachment[] {
  const index = join(folder(dataDir, sessionId), 'index.json');
  if (!existsSync(index)) {
    return [];
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(index, 'utf8'));
  } catch {
    throw new AttachmentError(`The attachment list ${index} is damaged (not JSON).`, 503);
  }
  return (Array.isArray(raw) ? raw : []).flatMap((entry) => {
    const parsed = attachmentSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A session's attachments with where their files (and photos' booklet copies) are, for a bundle. */
export function readAttachments(dataDir: string, sessionId: string): AttachedItem[] {
  return listAttachments(dataDir, sessionId).map((attachment) => {
    if (attachment.kind !== 'file') {
      return { attachment };
    }
    const paths = filePaths(dataDir, sessionId, attachment);
    return {
      attachment,
      file: paths.original,
      ...(existsSync(paths.booklet) ? { bookletFile: paths.booklet } : {}),
    };
  });
}

/** The bytes of an attached file, or an error naming it when it went away while a bundle was made. */
export function attachedBytes(path: string, title: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new Error(
      `The attachment "${title}" could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); was it removed while the bundle was made? Export again.`,
      { cause: error },
    );
  }
}

/** A file attachment and where its bytes are, for a download; undefined for a link or an unknown id. */
export function attachmentFile(
  dataDir: string,
  sessionId: string,
  id: string,
): { attachment: Attachment & { kind: 'file' }; path: string } | undefined {
  const found = listAttachments(dataDir, sessionId).find((a) => a.id === id);
  return found?.kind === 'file'
    ? { attachment: found, path: filePaths(dataDir, sessionId, found).original }
    : undefined;
}

function writeAtomic(path: string, bytes: Uint8Array | string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
}

function saveList(dataDir: string, sessionId: string, list: readonly Attachment[]): void {
  writeAtomic(join(folder(dataDir, sessionId), 'index.json'), `${JSON.stringify(list, null, 2)}\n`);
}

/** Stores a checked file ({@link checkFileAttachment}); answers the new attachment. */
export function addFileAttachment(
  dataDir: string,
  sessionId: string,
  file: CheckedFile,
  meta: { title: string; licence: string },
  now: Date,
): Attachment {
  const attachment = parseAttachment({
    id: newId(randomBytes),
    kind: 'file',
    type: file.type,
    title: meta.title,
    licence: meta.licence,
    bytes: file.bytes.byteLength,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    addedAt: now.toISOString(),
  });
  if (attachment.kind !== 'file') {
    throw new Error('A file attachment parsed as a link.');
  }
  mkdirSync(folder(dataDir, sessionId), { recursive: true, mode: 0o700 });
  const paths = filePaths(dataDir, sessionId, attachment);
  writeAtomic(paths.original, file.bytes);
  if (file.booklet) {
    writeAtomic(paths.booklet, file.booklet);
  }
  saveList(dataDir, sessionId, [...listAttachments(dataDir, sessionId), attachment]);
  return attachment;
}

/** Adds a link; answers the new attachment. */
export function addLinkAttachment(
  dataDir: string,
  sessionId: string,
  link: LinkRequest,
  now: Date,
): Attachment {
  const attachment = parseAttachment({
    id: newId(randomBytes),
    kind: 'link',
    ...link,
    addedAt: now.toISOString(),
  });
  mkdirSync(folder(dataDir, sessionId), { recursive: true, mode: 0o700 });
  saveList(dataDir, sessionId, [...listAttachments(dataDir, sessionId), attachment]);
  return attachment;
}

/** Removes an attachment (and its file); false if there is none with that id. */
export function removeAttachment(dataDir: string, sessionId: string, id: string): boolean {
  const list = listAttachments(dataDir, sessionId);
  const found = list.find((a) => a.id === id);
  if (!found) {
    return false;
  }
  saveList(
    dataDir,
    sessionId,
    list.filter((a) => a.id !== id),
  );
  if (found.kind === 'file') {
    const paths = filePaths(dataDir, sessionId, found);
    rmSync(paths.original, { force: true });
    rmSync(paths.booklet, { force: true });
  }
  return true;
}
