import { z } from 'zod';
import { isSketchClipboard } from '../objects/clipboard.js';

/**
 * A recorder's own library: stamps (a selection saved to be placed again, on any sketchnote) and
 * templates (a whole sheet's content saved to start the next sheet from). Kept on the recorder's
 * device, as Excalidraw keeps its library, and carried between devices as a file
 * (`*.mitschrift-library.json`, {@link LIBRARY_FILE_TYPE}). The content is clipboard text
 * (objects/clipboard.ts), so placing an entry is a paste and a file from elsewhere is validated
 * like one.
 */

/** The `type` of a library file. */
const LIBRARY_FILE_TYPE = 'mitschrift/sketch-library';
/** The file ending of a library file. */
export const LIBRARY_FILE_SUFFIX = '.mitschrift-library.json';
/** Most entries in a library. */
export const MAX_LIBRARY_ENTRIES = 200;
/** Largest content of one entry (a template of a full sheet with a photo fits). */
export const MAX_ENTRY_CHARS = 8 * 1024 * 1024;
/** Largest library file accepted. */
const MAX_LIBRARY_FILE_BYTES = 32 * 1024 * 1024;

/** What an entry is. */
const entryKindSchema = z.enum(['stamp', 'template']);
/** A stamp or a template. */
export type LibraryEntryKind = z.infer<typeof entryKindSchema>;

/** One saved entry (also the value of a team library entry, teamLibrary.ts). */
export const libraryEntrySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  kind: entryKindSchema,
  name: z.string().trim().min(1).max(120),
  createdAt: z.number().int().min(0),
  /** The items, as clipboard text (positions relative to their box). */
  content: z.string().max(MAX_ENTRY_CHARS).refine(isSketchClipboard, 'is not Mitschrift sketch content'),
  /** Templates: the sheet they were made on and where their box sat on it, to scale them to another sheet. */
  sheet: z
    .object({
      width: z.number().positive(),
      height: z.number().positive(),
      x: z.number(),
      y: z.number(),
    })
    .optional(),
});
/** One saved stamp or template. */
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

const libraryFileSchema = z.object({
  type: z.literal(LIBRARY_FILE_TYPE),
  version: z.literal(1),
  entries: z.array(z.unknown()).max(MAX_LIBRARY_ENTRIES),
});

/** A library file's text for some entries. */
export function libraryFileText(entries: readonly LibraryEntry[]): string {
  return JSON.stringify({ type: LIBRARY_FILE_TYPE, version: 1, entries });
}

/** What reading a library file gave: its valid entries and how many were left out, or why none. */
export type LibraryFileResult =
  { ok: true; entries: LibraryEntry[]; skipped: number } | { ok: false; reason: string };

/**
 * Reads a library file (or the stored library). Never throws: a file that is not a library
 * names the problem; entries that are malformed are counted in `skipped` and left out.
 */
export function readLibraryFile(text: string): LibraryFileResult {
  if (text.length > MAX_LIBRARY_FILE_BYTES) {
    return { ok: false, reason: `the file is larger than ${MAX_LIBRARY_FILE_BYTES / 1024 / 1024} MB` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the file is not JSON (${(error as Error).message})` };
  }
  const parsed = libraryFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'the file is not a Mitschrift library (type "mitschrift/sketch-library", version 1)',
    };
  }
  const entries: LibraryEntry[] = [];
  let skipped = 0;
  for (const value of parsed.data.entries) {
    const entry = libraryEntrySchema.safeParse(value);
    if (entry.success) {
      entries.push(entry.data);
    } else {
      skipped += 1;
    }
  }
  return { ok: true, entries, skipped };
}

/**
 * Entries added to a library: new ids are added at the front, an id already there is replaced
 * (importing the same file twice does not double it), and the library keeps at most
 * {@link MAX_LIBRARY_ENTRIES}, dropping the oldest.
 */
export function mergeLibrary(
  current: readonly LibraryEntry[],
  added: readonly LibraryEntry[],
): LibraryEntry[] {
  const ids = new Set(added.map((entry) => entry.id));
  return [...added, ...current.filter((entry) => !ids.has(entry.id))]
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, MAX_LIBRARY_ENTRIES);
}
