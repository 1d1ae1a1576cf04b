import * as Y from 'yjs';
import type {
  ActingUser,
  ImportResponse,
  PadFormat,
  RemovedContent,
  RevisionAuthor,
  RevisionContent,
  RevisionList,
  SavedRevision,
} from '../../shared/api/padContract.js';
import { colourForUser } from '../../shared/pad/authorColours.js';
import {
  EtherpadFileError,
  atextToTxt,
  linesToTxt,
  parseEtherpadFile,
} from '../../shared/pad/etherpad/index.js';
import { HtmlImportError, htmlToPadDocWithReport } from '../../shared/pad/htmlImport.js';
import { readPadContent, writePadContent } from '../../shared/pad/padContent.js';
import { etherpadToPad, padToEtherpad, type ExportRevision } from '../../shared/pad/padEtherpad.js';
import { padDocToHtml } from '../../shared/pad/padHtml.js';
import {
  PadContentError,
  assertPadDoc,
  authorsIn,
  plainText,
  withAuthor,
  type PadDoc,
} from '../../shared/pad/padJson.js';
import {
  addChatMessage,
  markPadInitialised,
  readAuthors,
  readChat,
  setAuthor,
  type PadAuthor,
} from '../../shared/pad/padLayout.js';
import { padDocToLines } from '../../shared/pad/padLines.js';
import { markdownToPadDoc, padDocToMarkdown, textToPadDoc } from '../../shared/pad/padMarkdown.js';
import { PAD_OPERATION_ORIGIN, type PadTracker } from './padTracker.js';
import { contentTypeOf } from '../../shared/files/fileFormats.js';

/**
 * What can be done with a pad's content and history, by the HTTP API (through the DocRegistry, so
 * connected people see every change live) and by the CLI (on the store directly). Every change is
 * made in Yjs transactions with {@link PAD_OPERATION_ORIGIN} and followed by its own revision.
 */

/** An open pad: its document and its history. */
export interface PadHandle {
  padId: string;
  doc: Y.Doc;
  tracker: PadTracker;
}

/** A request the pad cannot fulfil: unknown revision, broken import file … (status for HTTP). */
export class PadRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'PadRequestError';
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Name and colour of an author as the API shows them (a colour even for unknown authors). */
function describeAuthor(authors: ReadonlyMap<string, PadAuthor>, id: string): RevisionAuthor {
  const known = authors.get(id);
  return { id, name: known?.name ?? '', colour: known?.colour ?? colourForUser(id) };
}

/** The pad's revisions and named revisions, oldest first. */
export function listRevisions(handle: PadHandle): RevisionList {
  const authors = readAuthors(handle.doc);
  const revisions = handle.tracker.log.revisions.map((r) => ({
    rev: r.rev,
    time: iso(r.time),
    authors: r.authors.map((id) => describeAuthor(authors, id)),
    source: r.source,
    ...(r.fromRev === undefined ? {} : { fromRev: r.fromRev }),
  }));
  const saved: SavedRevision[] = handle.tracker.log.saved.map((s) => ({
    rev: s.rev,
    label: s.label,
    time: iso(s.time),
    by: s.by === '' ? null : describeAuthor(authors, s.by),
  }));
  return { revisions, saved };
}

function checkRev(handle: PadHandle, rev: number): void {
  if (!Number.isInteger(rev) || rev < 0 || rev >= handle.tracker.log.revisions.length) {
    const count = handle.tracker.log.revisions.length;
    throw new PadRequestError(
      count === 0
        ? `Pad "${handle.padId}" has no revisions yet.`
        : `There is no revision ${rev}; the revisions are 0 to ${count - 1}.`,
      404,
    );
  }
}

/** The pad's content as it was at a revision (rebuilt from the gc:false document). */
function contentAt(handle: PadHandle, rev: number): PadDoc {
  checkRev(handle, rev);
  const old = Y.createDocFromSnapshot(handle.doc, handle.tracker.log.snapshotAt(rev));
  try {
    return readPadContent(old);
  } finally {
    old.destroy();
  }
}

/** A revision with its content, for the timeslider. */
export function revisionContent(handle: PadHandle, rev: number): RevisionContent {
  const content = contentAt(handle, rev);
  const entry = handle.tracker.log.revisions[rev];
  const authors = readAuthors(handle.doc);
  return {
    rev,
    time: iso(entry?.time ?? 0),
    authors: (entry?.authors ?? []).map((id) => describeAuthor(authors, id)),
    source: entry?.source ?? 'edit',
    ...(entry?.fromRev === undefined ? {} : { fromRev: entry.fromRev }),
    content: content as RevisionContent['content'],
    authorsInContent: authorsIn(content).map((id) => describeAuthor(authors, id)),
  };
}

function registerActor(doc: Y.Doc, actor: ActingUser | undefined): void {
  if (actor === undefined) {
    return;
  }
  const existing = readAuthors(doc).get(actor.id);
  setAuthor(doc, actor.id, {
    name: actor.name === '' ? (existing?.name ?? '') : actor.name,
    colour: existing?.colour ?? colourForUser(actor.id),
  });
}

/**
 * Brings an old revision back as a NEW revision (nothing is lost): the content is written over
 * the current one (unchanged blocks are kept, text keeps its original authors, as in Etherpad),
 * and the revision is recorded as a restore by `actor`.
 */
export function restoreRevision(
  handle: PadHandle,
  rev: number,
  actor: ActingUser,
  now: Date,
): { rev: number; fromRev: number } {
  const old = contentAt(handle, rev);
  handle.tracker.commitPending();
  handle.doc.transact(() => {
    registerActor(handle.doc, actor);
    writePadContent(handle.doc, old);
  }, PAD_OPERATION_ORIGIN);
  const newRev = handle.tracker.record('restore', [actor.id], { fromRev: rev, time: now.getTime() });
  return { rev: newRev, fromRev: rev };
}

/** Names a revision (a "saved revision" in Etherpad's words). */
export function saveRevision(
  handle: PadHandle,
  rev: number,
  label: string,
  actor: ActingUser | undefined,
  now: Date,
): SavedRevision {
  checkRev(handle, rev);
  if (actor) {
    handle.doc.transact(() => registerActor(handle.doc, actor), PAD_OPERATION_ORIGIN);
  }
  handle.tracker.log.addSaved({ rev, label, time: now.getTime(), by: actor?.id ?? '' });
  return {
    rev,
    label,
    time: iso(now.getTime()),
    by: actor ? describeAuthor(readAuthors(handle.doc), actor.id) : null,
  };
}

/** An exported file. */
export interface PadExport {
  body: string;
  contentType: string;
  filename: string;
}

/** File name endings and types of the formats. */
const FORMAT_FILES: Record<PadFormat, { ext: string; contentType: string }> = {
  etherpad: { ext: 'etherpad', contentType: contentTypeOf('etherpad') },
  html: { ext: 'html', contentType: contentTypeOf('html') },
  md: { ext: 'md', contentType: contentTypeOf('md') },
  txt: { ext: 'txt', contentType: contentTypeOf('txt') },
};

/** A file-name-safe form of a title (`BarCamp: Ideen!` → `barcamp-ideen`). */
function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Exports the pad. The `.etherpad` file carries the whole history; the others the current text. */
export function exportPad(
  handle: PadHandle,
  format: PadFormat,
  options: { title: string; colours?: boolean; lang?: string },
): PadExport {
  const { ext, contentType } = FORMAT_FILES[format];
  const filename = `${slugify(options.title) || handle.padId}.${ext}`;
  const current = readPadContent(handle.doc);
  const authors = readAuthors(handle.doc);
  let body: string;
  switch (format) {
    case 'txt':
      body = linesToTxt(padDocToLines(current));
      break;
    case 'md':
      body = padDocToMarkdown(current);
      break;
    case 'html':
      body = padDocToHtml(current, {
        title: options.title,
        colours: options.colours === true,
        authors,
        ...(options.lang === undefined ? {} : { lang: options.lang }),
      });
      break;
    case 'etherpad': {
      const revisions: ExportRevision[] = handle.tracker.log.revisions.map((r) => ({
        rev: r.rev,
        time: r.time,
        authors: r.authors,
        doc: contentAt(handle, r.rev),
      }));
      if (revisions.length === 0 || handle.tracker.hasPending) {
        // Edits not yet in a revision go into the file as its last one; exporting (a GET) records nothing.
        const authors = handle.tracker.pendingAuthorIds;
        revisions.push({ rev: revisions.length, time: Date.now(), authors, doc: current });
      }
      body = padToEtherpad({
        padId: handle.padId,
        revisions,
        authors,
        chat: readChat(handle.doc),
        saved: handle.tracker.log.saved,
      });
      break;
    }
  }
  return { body, contentType, filename };
}

/** Decodes an import file as UTF-8, refusing other encodings with a clear message. */
function decodeText(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PadRequestError(
      `The ${what} file is not UTF-8 text. Save it as UTF-8 and try again; nothing was imported.`,
      422,
    );
  }
}

/** The format of a file from its name's ending (`.etherpad`, `.html`/`.htm`, `.md`/`.markdown`, `.txt`). */
export function formatFromFileName(name: string): PadFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'etherpad':
      return 'etherpad';
    case 'html':
    case 'htm':
      return 'html';
    case 'md':
    case 'markdown':
      return 'md';
    case 'txt':
    case 'text':
      return 'txt';
    default:
      return undefined;
  }
}

/** A file converted for a pad, before anything is written (plain data: it crosses a worker boundary). */
export interface ParsedPadImport {
  format: PadFormat;
  /** The pad's content after each revision of the file; `time` null for single-revision formats (now). */
  docs: { doc: PadDoc; time: number | null; authors: string[] }[];
  /** Authors of an `.etherpad` file, as [id, author] pairs. */
  authors: [string, PadAuthor][];
  chat: { author: string; text: string; time: number }[];
  saved: { index: number; label: string; time: number; by: string }[];
  /** What an HTML import left out (scripts, handlers …); absent for the other formats. */
  removed?: RemovedContent;
}

/**
 * Reads and converts an import file without touching a pad (this runs in the import worker, see
 * server/imports/). Throws {@link PadRequestError} (422) for a file that cannot be imported.
 */
export function readPadImport(format: PadFormat, bytes: Uint8Array): ParsedPadImport {
  try {
    if (format === 'etherpad') {
      const file = parseEtherpadFile(decodeText(bytes, '.etherpad'));
      const imported = etherpadToPad(file);
      // Belt and braces: the replayed text must be what Etherpad itself would export.
      const last = imported.revisions[imported.revisions.length - 1];
      if (last && linesToTxt(padDocToLines(last.doc)) !== atextToTxt(file.atext, file.pool)) {
        throw new PadRequestError(
          'The .etherpad file could not be converted faithfully; nothing was imported.',
          422,
        );
      }
      return {
        format,
        docs: imported.revisions.map((r) => ({ doc: r.doc, time: r.time, authors: r.authors })),
        authors: [...imported.authors],
        chat: imported.chat,
        saved: imported.saved,
      };
    }
    const text = decodeText(bytes, format === 'md' ? 'Markdown' : format === 'html' ? 'HTML' : 'text');
    if (format === 'html') {
      const { doc, removed } = htmlToPadDocWithReport(text);
      return { format, docs: [{ doc, time: null, authors: [] }], authors: [], chat: [], saved: [], removed };
    }
    const doc = format === 'md' ? markdownToPadDoc(text) : textToPadDoc(text);
    return { format, docs: [{ doc, time: null, authors: [] }], authors: [], chat: [], saved: [] };
  } catch (error) {
    if (error instanceof EtherpadFileError) {
      throw new PadRequestError(
        `The .etherpad file cannot be imported: ${error.message}. Nothing was imported.`,
        422,
        [`code: ${error.code}`, ...(error.key ? [`record: ${error.key}`] : [])],
      );
    }
    if (error instanceof HtmlImportError) {
      throw new PadRequestError(error.message, 422);
    }
    throw error;
  }
}

/**
 * Writes a converted file into the pad. Every revision is checked against the editor's schema
 * BEFORE the pad is touched, so a bad file leaves the pad exactly as it was. The import replaces
 * the pad's content as new revisions (the earlier content stays in the history):
 * - `.etherpad`: each Etherpad revision becomes a revision (time and author kept), authors with
 *   their names and colours, chat and saved revisions too;
 * - HTML, Markdown, text: one revision; the text is authored by `actor` when given.
 */
export function applyPadImport(
  handle: PadHandle,
  parsed: ParsedPadImport,
  actor: ActingUser | undefined,
  now: Date,
): ImportResponse {
  const docs = parsed.docs.map((d) =>
    d.time === null
      ? { doc: withAuthor(d.doc, actor?.id ?? null), time: now.getTime(), authors: actor ? [actor.id] : [] }
      : { doc: d.doc, time: d.time, authors: d.authors },
  );
  try {
    docs.forEach((d, i) => assertPadDoc(d.doc, docs.length > 1 ? `Revision ${i} of the file` : 'The file'));
  } catch (error) {
    if (error instanceof PadContentError) {
      throw new PadRequestError(
        `${error.message} Nothing was imported.`,
        422,
        error.problems.map((p) => `${p.path}: ${p.message}`),
      );
    }
    throw error;
  }

  handle.tracker.commitPending();
  const before = handle.tracker.log.revisions.length;
  const newRevs: number[] = [];
  docs.forEach((d, i) => {
    handle.doc.transact(() => {
      if (i === 0) {
        for (const [id, author] of parsed.authors) {
          setAuthor(handle.doc, id, author);
        }
        registerActor(handle.doc, actor);
        for (const message of parsed.chat) {
          addChatMessage(handle.doc, message);
        }
        // An imported pad does not get the template on top.
        markPadInitialised(handle.doc, now);
      }
      writePadContent(handle.doc, d.doc);
    }, PAD_OPERATION_ORIGIN);
    newRevs.push(handle.tracker.record('import', d.authors, { time: d.time }));
  });
  for (const s of parsed.saved) {
    const rev = newRevs[s.index];
    if (rev !== undefined) {
      handle.tracker.log.addSaved({ rev, label: s.label, time: s.time, by: s.by });
    }
  }
  const final = docs[docs.length - 1]?.doc;
  return {
    format: parsed.format,
    revisions: handle.tracker.log.revisions.length - before,
    head: handle.tracker.log.revisions.length - 1,
    authors: parsed.format === 'etherpad' ? parsed.authors.length : actor ? 1 : 0,
    characters: final ? plainText(final).length : 0,
    ...(parsed.removed ? { removed: parsed.removed } : {}),
  };
}
