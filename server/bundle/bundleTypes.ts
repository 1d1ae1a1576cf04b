import type { EventSnapshot, Room, Session, Slot } from '../../shared/event/eventSnapshot.js';
import type { Person } from '../../shared/event/peopleSnapshot.js';
import type { PadDoc } from '../../shared/pad/padJson.js';
import type { ChatMessage, PadAuthor } from '../../shared/pad/padLayout.js';
import type { Attachment } from './attachments.js';

/**
 * What a documentation bundle is made of (issue 12). A bundle is built in three steps: the data is
 * read once from the workspace (collectBundle.ts, the only step that touches documents), names are
 * replaced where nobody consented (privacy.ts), and the files are made from that plain data
 * (buildBundle.ts), so no file can see a name the privacy step removed.
 */

/** `public`: names only with consent, no chat or history. `internal`: everything, names included. */
export const BUNDLE_PROFILES = ['public', 'internal'] as const;
/** A bundle profile. */
export type BundleProfile = (typeof BUNDLE_PROFILES)[number];

/** A session's notes pad as the bundle needs it. */
export interface PadData {
  content: PadDoc;
  authors: Map<string, PadAuthor>;
  chat: ChatMessage[];
  /** The pad's own `.etherpad` export with every revision and the chat (read for `internal` only). */
  etherpadWithHistory?: string;
}

/** One session of the bundle, in plan order. */
export interface BundleSession {
  session: Session;
  room: Room | null;
  slot: Slot | null;
  /** Undefined when nobody ever opened the session's pad. */
  pad: PadData | undefined;
  /** The session's sketchnote (read into a scene by bundleSketch.ts); absent when it has none. */
  sketch?: BundleSketch;
  /** Files (with their bytes) and links attached to the session. */
  attachments: AttachedItem[];
}

/** A sketch document in a bundle: its bytes, and its text objects' texts by id (privacy.ts edits those). */
export interface BundleSketch {
  update: Uint8Array;
  texts: Record<string, string>;
}

/**
 * An attachment for the bundle. A file's bytes stay on disk until its step reads them
 * (attachedBytes), so an event's photos never all sit in memory (or in a worker's copy of it).
 */
export interface AttachedItem {
  attachment: Attachment;
  /** Where a file attachment's bytes are. */
  file?: string;
  /** Where a photo's copy for the PDFs is (upright, scaled down; bookletPhoto.ts). */
  bookletFile?: string;
  /** That copy, when the export had to make it (photos attached before copies were made). */
  booklet?: Uint8Array;
}

/** Everything a bundle is made from. */
export interface BundleInput {
  eventId: string;
  title: string;
  snapshot: EventSnapshot;
  sessions: BundleSession[];
  /** The event's people (its people document), for the consent of each name. */
  people: Person[];
  /** The organisers' contact (name and e-mail), the published dataset's contact. */
  organiserContact: string;
  /** When the bundle is made (also the files' dates, so one export is reproducible). */
  now: Date;
  generator: string;
}

/** One file of the bundle. */
export interface BundleFile {
  /** Relative path with `/` (also the name inside the ZIP). */
  path: string;
  bytes: Uint8Array;
  mediaType: string;
  /** A human title (the CKAN resource's name and the website's link text). */
  title: string;
  /** The session the file belongs to; absent for files of the whole event. */
  sessionId?: string;
}

/** A file of a made bundle, its bytes on disk (bundleSpool.ts): what it is, its size and SHA-256. */
export interface BundleEntry {
  path: string;
  mediaType: string;
  title: string;
  sessionId?: string;
  size: number;
  /** Hex SHA-256 of the bytes (metadata.json, SHA256SUMS, publishing's "unchanged"). */
  sha256: string;
}

/** Progress of an export: `done` of `total` steps, and what it is doing now. */
export interface BundleProgress {
  done: number;
  total: number;
  step: string;
}

/** A name the public profile replaced, for the export's report (never written into the bundle). */
export interface PseudonymEntry {
  pseudonym: string;
  /** Where the name was found: `host`, `pad author`, `chat`, `person`. */
  roles: string[];
  /** The name as found (shown to the organiser only). */
  name: string;
}

/** Stops an export that was cancelled. */
export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled; no bundle was written.');
    this.name = 'ExportCancelledError';
  }
}
