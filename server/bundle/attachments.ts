import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { idSchema } from '../../shared/docs/docName.js';
import { newId } from '../../shared/event/ids.js';
import type { AttachedItem } from './bundleTypes.js';
import { FILE_FORMATS } from '../../shared/files/fileFormats.js';

/**
 * Attachments of a session (issue 12): files (slides as PDF, photos as JPEG or PNG) and links
 * (video recordings, live streams, social-media posts), each with a title and a licence. They live
 * in the workspace beside the documents: `<data>/attachments/<sessionId>/index.json` (the list,
 * zod-checked when read) and one file per attachment, written to a temporary name and renamed, so
 * a failed write never leaves a listed file missing. Files are checked by their bytes, not by
 * their name (type sniffed from the first bytes) and against a size limit per type.
 */

/** Kinds of file attachments and their limits. */
export const ATTACHMENT_TYPES = {
  pdf: { mediaType: FILE_FORMATS.pdf.mediaType, ext: 'pdf', maxBytes: 50 * 1024 * 1024 },
  png: { mediaType: FILE_FORMATS.png.mediaType, ext: 'png', maxBytes: 20 * 1024 * 1024 },
  jpeg: { mediaType: FILE_FORMATS.jpg.mediaType, ext: 'jpg', maxBytes: 20 * 1024 * 1024 },
} as const;
/** A file attachment's type. */
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** What a link points to. */
export const linkKindSchema = z.enum(['video', 'stream', 'post', 'other']);

const base = {
  id: idSchema,
  title: z.string().trim().min(1).max(300),
  licence: z.string().trim().min(1).max(100),
  addedAt: z.string(),
};
/** One attachment as stored and as the API shows it. */
const attachmentSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('file'),
    type: z.enum(['pdf', 'png', 'jpeg']),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  z.object({
    ...base,
    kind: z.literal('link'),
    linkKind: linkKindSchema,
    url: z
      .string()
      .url()
      .regex(/^https?:\/\//i, 'Only http and https links.'),
  }),
]);
/** An attachment. */
export type Attachment = z.infer<typeof attachmentSchema>;

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

function folder(dataDir: string, sessionId: string): string {
  return join(dataDir, 'attachments', idSchema.parse(sessionId));
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

/** A session's attachments with the bytes of its files, for a bundle. */
export function readAttachments(dataDir: string, sessionId: string): AttachedItem[] {
  return listAttachments(dataDir, sessionId).map((attachment) =>
    attachment.kind === 'file'
      ? { attachment, bytes: attachmentBytes(dataDir, sessionId, attachment) }
      : { attachment },
  );
}

/** The stored bytes of a file attachment. */
function attachmentBytes(dataDir: string, sessionId: string, attachment: Attachment): Uint8Array {
  if (attachment.kind !== 'file') {
    throw new Error('A link has no bytes.');
  }
  return new Uint8Array(
    readFileSync(
      join(folder(dataDir, sessionId), `${attachment.id}.${ATTACHMENT_TYPES[attachment.type].ext}`),
    ),
  );
}

function writeAtomic(path: string, bytes: Uint8Array | string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
}

function saveList(dataDir: string, sessionId: string, list: readonly Attachment[]): void {
  writeAtomic(join(folder(dataDir, sessionId), 'index.json'), `${JSON.stringify(list, null, 2)}\n`);
}

/** Checks and stores a file; answers the new attachment. */
export function addFileAttachment(
  dataDir: string,
  sessionId: string,
  bytes: Uint8Array,
  meta: { title: string; licence: string },
  now: Date,
): Attachment {
  const type = sniffType(bytes);
  if (!type) {
    throw new AttachmentError(
      'The file is not a PDF, PNG or JPEG (checked by its content, not its name).',
      415,
    );
  }
  const limit = ATTACHMENT_TYPES[type].maxBytes;
  if (bytes.byteLength > limit) {
    throw new AttachmentError(
      `The ${type.toUpperCase()} file has ${bytes.byteLength} bytes, more than the ${limit / 1024 / 1024} MB allowed.`,
      413,
    );
  }
  const attachment = attachmentSchema.parse({
    id: newId(randomBytes),
    kind: 'file',
    type,
    title: meta.title,
    licence: meta.licence,
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    addedAt: now.toISOString(),
  });
  const dir = folder(dataDir, sessionId);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeAtomic(join(dir, `${attachment.id}.${ATTACHMENT_TYPES[type].ext}`), bytes);
  saveList(dataDir, sessionId, [...listAttachments(dataDir, sessionId), attachment]);
  return attachment;
}

/** Adds a link; answers the new attachment. */
export function addLinkAttachment(
  dataDir: string,
  sessionId: string,
  link: { url: string; title: string; licence: string; linkKind: z.infer<typeof linkKindSchema> },
  now: Date,
): Attachment {
  const parsed = attachmentSchema.safeParse({
    id: newId(randomBytes),
    kind: 'link',
    ...link,
    addedAt: now.toISOString(),
  });
  if (!parsed.success) {
    throw new AttachmentError(
      `The link cannot be attached: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      400,
    );
  }
  mkdirSync(folder(dataDir, sessionId), { recursive: true, mode: 0o700 });
  saveList(dataDir, sessionId, [...listAttachments(dataDir, sessionId), parsed.data]);
  return parsed.data;
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
    rmSync(join(folder(dataDir, sessionId), `${found.id}.${ATTACHMENT_TYPES[found.type].ext}`), {
      force: true,
    });
  }
  return true;
}
