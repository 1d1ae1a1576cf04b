/**
 * `.etherpad` files ↔ pads, on top of the codec in ./etherpad/.
 *
 * Import keeps the text, formatting, authors (names and colours), chat and history: Etherpad
 * revisions are replayed and each becomes one of our revisions (with its time and author), up to
 * {@link MAX_IMPORTED_REVISIONS}; a longer history is thinned evenly, always keeping the last
 * revision and every saved one. Etherpad author ids (`a.…`) are kept as the pad's user ids, so an
 * imported pad exports with its original authors.
 *
 * Export writes one Etherpad revision per revision of ours (consecutive revisions that look the
 * same in Etherpad are merged), our user ids mapped to stable Etherpad ids, colours as `#rrggbb`.
 */

import {
  applyToAText,
  atextToLines,
  buildEtherpadFile,
  makeAText,
  normalizeLines,
  toEtherpadAuthorId,
  type BuildAuthor,
  type EtherpadFile,
  type EtherpadSavedRevision,
  type PadLine,
} from './etherpad/index.js';
import { colourForUser, colourFromEtherpad } from './authorColours.js';
import { linesToPadDoc, padDocToLines } from './padLines.js';
import type { ChatMessage, PadAuthor } from './padLayout.js';
import type { PadDoc } from './padJson.js';

/** Most revisions an import creates. */
const MAX_IMPORTED_REVISIONS = 500;

/** One revision taken from an Etherpad file. */
interface ImportedRevision {
  /** Milliseconds since 1970 (Etherpad's timestamp). */
  time: number;
  /** Authors of the Etherpad revisions this one stands for (Etherpad ids). */
  authors: string[];
  doc: PadDoc;
  /** Etherpad's revision number this revision shows. */
  etherpadRev: number;
}

/** A saved revision from the file, pointing into {@link ImportedPad.revisions}. */
interface ImportedSavedRevision {
  index: number;
  label: string;
  time: number;
  by: string;
}

/** Everything an Etherpad file brings into a pad. */
export interface ImportedPad {
  revisions: ImportedRevision[];
  authors: Map<string, PadAuthor>;
  chat: ChatMessage[];
  saved: ImportedSavedRevision[];
}

/** Which Etherpad revisions become revisions of ours. */
function pickRevisions(head: number, saved: readonly number[], max: number): Set<number> {
  const picked = new Set<number>();
  if (head + 1 <= max) {
    for (let r = 0; r <= head; r++) {
      picked.add(r);
    }
    return picked;
  }
  for (const r of saved) {
    picked.add(r);
  }
  picked.add(head);
  const room = Math.max(1, max - picked.size);
  for (let k = 0; k < room; k++) {
    picked.add(Math.round((k * head) / room));
  }
  return picked;
}

/** Converts a parsed `.etherpad` file (see parseEtherpadFile) into pad revisions and data. */
export function etherpadToPad(file: EtherpadFile, maxRevisions = MAX_IMPORTED_REVISIONS): ImportedPad {
  const picked = pickRevisions(
    file.head,
    file.savedRevisions.map((s) => s.revNum),
    maxRevisions,
  );
  const revisions: ImportedRevision[] = [];
  let atext = makeAText('\n');
  let since = new Set<string>();
  for (const revision of file.revisions) {
    atext = applyToAText(revision.changeset, atext, file.pool);
    if (revision.author !== '') {
      since.add(revision.author);
    }
    if (!picked.has(revision.rev)) {
      continue;
    }
    revisions.push({
      time: revision.timestamp,
      authors: [...since],
      doc: linesToPadDoc(atextToLines(atext, file.pool)),
      etherpadRev: revision.rev,
    });
    since = new Set();
  }

  const authors = new Map<string, PadAuthor>();
  for (const id of file.pool.authors()) {
    const record = file.authors[id];
    authors.set(id, {
      name: (record?.name ?? '').slice(0, 200),
      colour: colourFromEtherpad(record?.colorId ?? null, id),
    });
  }
  for (const [id, record] of Object.entries(file.authors)) {
    if (!authors.has(id)) {
      authors.set(id, {
        name: (record.name ?? '').slice(0, 200),
        colour: colourFromEtherpad(record.colorId, id),
      });
    }
  }

  const lastTime = file.revisions[file.revisions.length - 1]?.timestamp ?? 1;
  const chat: ChatMessage[] = [];
  for (const message of file.chat) {
    const text = message.text.trim().slice(0, 2000);
    if (text === '') {
      continue;
    }
    chat.push({
      author: (message.authorId ?? '').slice(0, 64),
      text,
      time: message.time !== null && message.time > 0 ? Math.trunc(message.time) : lastTime,
    });
  }

  const saved: ImportedSavedRevision[] = [];
  for (const s of file.savedRevisions) {
    const index = revisions.findIndex((r) => r.etherpadRev >= s.revNum);
    if (index !== -1) {
      saved.push({
        index,
        label: (s.label ?? '').slice(0, 200),
        time: s.timestamp ?? lastTime,
        by: s.savedById ?? '',
      });
    }
  }
  return { revisions, authors, chat, saved };
}

/** One revision of ours to export. */
export interface ExportRevision {
  /** Milliseconds since 1970. */
  time: number;
  /** User ids of whoever changed the pad in this revision (the first becomes Etherpad's author). */
  authors: readonly string[];
  doc: PadDoc;
  /** Our revision number (for saved revisions). */
  rev: number;
}

/** A saved (named) revision to export. */
interface ExportSavedRevision {
  rev: number;
  label: string;
  time: number;
  by: string;
}

/** What {@link padToEtherpad} needs. */
export interface PadExportInput {
  padId: string;
  revisions: readonly ExportRevision[];
  authors: ReadonlyMap<string, PadAuthor>;
  chat?: readonly ChatMessage[];
  saved?: readonly ExportSavedRevision[];
}

function sameLines(a: readonly PadLine[], b: readonly PadLine[]): boolean {
  return JSON.stringify(normalizeLines(a)) === JSON.stringify(normalizeLines(b));
}

/** Writes a `.etherpad` file (JSON text) for Etherpad 2.x's import, with our history. */
export function padToEtherpad(input: PadExportInput): string {
  const toId = (id: string): string => toEtherpadAuthorId(id);
  const buildRevisions: { lines: PadLine[]; author: string; timestamp: number }[] = [];
  const revNumOf = new Map<number, number>();
  let lastTime = 1;
  for (const revision of input.revisions) {
    const lines = padDocToLines(revision.doc, { authorId: toId });
    const timestamp = Math.max(lastTime, Math.trunc(revision.time) || 1);
    lastTime = timestamp;
    const previous = buildRevisions[buildRevisions.length - 1];
    if (previous !== undefined && sameLines(previous.lines, lines)) {
      revNumOf.set(revision.rev, buildRevisions.length - 1);
      continue;
    }
    const firstAuthor = revision.authors[0];
    buildRevisions.push({ lines, author: firstAuthor === undefined ? '' : toId(firstAuthor), timestamp });
    revNumOf.set(revision.rev, buildRevisions.length - 1);
  }
  if (buildRevisions.length === 0) {
    buildRevisions.push({ lines: [], author: '', timestamp: Date.now() });
  }

  const authors: Record<string, BuildAuthor> = {};
  const addAuthor = (ourId: string): void => {
    const id = toId(ourId);
    if (authors[id] !== undefined) {
      return;
    }
    const known = input.authors.get(ourId);
    authors[id] = { name: known?.name ? known.name : null, colorId: known?.colour ?? colourForUser(ourId) };
  };
  for (const id of input.authors.keys()) {
    addAuthor(id);
  }
  for (const revision of input.revisions) {
    revision.authors.forEach(addAuthor);
    for (const line of padDocToLines(revision.doc)) {
      for (const run of line.runs) {
        if (run.attrs.author) {
          addAuthor(run.attrs.author);
        }
      }
    }
  }

  const chat = (input.chat ?? [])
    .filter((m) => m.author !== '')
    .map((m) => {
      addAuthor(m.author);
      return { text: m.text, authorId: toId(m.author), time: m.time };
    });

  const savedRevisions: EtherpadSavedRevision[] = [];
  const usedNums = new Set<number>();
  for (const s of input.saved ?? []) {
    const revNum = revNumOf.get(s.rev);
    if (revNum === undefined || usedNums.has(revNum)) {
      continue;
    }
    usedNums.add(revNum);
    savedRevisions.push({
      revNum,
      id: `mitschrift-${s.rev}`,
      label: s.label,
      timestamp: Math.trunc(s.time) || lastTime,
      ...(s.by !== '' ? { savedById: toId(s.by) } : {}),
    });
  }
  savedRevisions.sort((a, b) => a.revNum - b.revNum);

  return buildEtherpadFile({
    padId: input.padId,
    revisions: buildRevisions,
    authors,
    chat,
    savedRevisions,
  });
}
