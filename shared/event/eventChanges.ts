import * as Y from 'yjs';
import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import {
  decodeCell,
  encodeCell,
  entryOf,
  metaMap,
  roomsMap,
  sessionsMap,
  slotsMap,
  type Cell,
} from './eventLayout.js';
import { eventMetaSchema, localDateTimeSchema, type EventMeta } from './eventSnapshot.js';
import { ORGANISER_CONTACT, contactMap, peopleMap } from './peopleLayout.js';

/**
 * Changes to an event document (layout in eventLayout.ts) and to its people document (the functions
 * on people and the organisers' contact, layout in peopleLayout.ts). Each runs in one Yjs transaction (joining
 * the caller's if there is one), so peers never see half of a change.
 *
 * Arguments made by this program are validated and throw a RangeError when wrong: that is a bug in
 * the caller. An id that is not (or no longer) in the document returns false instead: a peer may
 * have deleted the session a moment ago, and the UI then just has nothing to do.
 */

const capacitySchema = z.number().int().nonnegative().nullable();
const votesSchema = z.number().int().nonnegative().nullable();
const stringListSchema = z.array(z.string());

function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new RangeError(`${what}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}

function inTransaction<T>(doc: Y.Doc, change: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = change();
  });
  return result;
}

/** Sets some of the event's settings. */
export function setEventMeta(doc: Y.Doc, patch: Partial<EventMeta>): void {
  const checkedPatch = valid(eventMetaSchema.partial(), patch, 'event settings');
  inTransaction(doc, () => {
    const meta = metaMap(doc);
    for (const [key, value] of Object.entries(checkedPatch)) {
      if (value !== undefined) {
        meta.set(key, Array.isArray(value) ? [...value] : value);
      }
    }
  });
}

/** Adds days (`YYYY-MM-DD`) to the event's days, keeping them sorted and unique. */
export function addEventDays(doc: Y.Doc, days: readonly string[]): void {
  inTransaction(doc, () => {
    const stored = metaMap(doc).get('days');
    const current = Array.isArray(stored) ? stored.filter((d): d is string => typeof d === 'string') : [];
    const merged = [...new Set([...current, ...days])].sort();
    if (merged.length !== current.length || merged.some((d, i) => d !== current[i])) {
      setEventMeta(doc, { days: merged });
    }
  });
}

/** What a new room needs. */
export interface NewRoom {
  id: string;
  name: string;
  capacity?: number | null;
  /** Position among the rooms; defaults to after the last one. */
  order?: number;
}

/** Adds a room at the end of the plan (or at `order`). */
export function addRoom(doc: Y.Doc, room: NewRoom): void {
  const id = valid(idSchema, room.id, 'room id');
  const name = valid(z.string().trim().min(1, 'A room needs a name.'), room.name, 'room name');
  const capacity = valid(capacitySchema, room.capacity ?? null, 'room capacity');
  inTransaction(doc, () => {
    const rooms = roomsMap(doc);
    let order = room.order;
    if (order === undefined) {
      order = 0;
      for (const entry of rooms.values()) {
        const value: unknown = entry instanceof Y.Map ? entry.get('order') : undefined;
        if (typeof value === 'number' && Number.isFinite(value)) {
          order = Math.max(order, value + 1);
        }
      }
    }
    const map = new Y.Map<unknown>();
    map.set('name', name);
    map.set('capacity', capacity);
    map.set('order', valid(z.number().finite(), order, 'room order'));
    rooms.set(id, map);
  });
}

/** Renames a room, changes its capacity or its position. */
export function updateRoom(
  doc: Y.Doc,
  id: string,
  patch: { name?: string; capacity?: number | null; order?: number },
): boolean {
  const name =
    patch.name === undefined ? undefined : valid(z.string().trim().min(1), patch.name, 'room name');
  const capacity =
    patch.capacity === undefined ? undefined : valid(capacitySchema, patch.capacity, 'room capacity');
  const order = patch.order === undefined ? undefined : valid(z.number().finite(), patch.order, 'room order');
  return inTransaction(doc, () => {
    const entry = entryOf(roomsMap(doc), id);
    if (!entry) {
      return false;
    }
    if (name !== undefined) {
      entry.set('name', name);
    }
    if (capacity !== undefined) {
      entry.set('capacity', capacity);
    }
    if (order !== undefined) {
      entry.set('order', order);
    }
    return true;
  });
}

/** Removes a room; its sessions become unscheduled proposals again (nothing is lost). */
export function removeRoom(doc: Y.Doc, id: string): boolean {
  return inTransaction(doc, () => {
    if (!roomsMap(doc).has(id)) {
      return false;
    }
    unscheduleWhere(doc, (cell) => cell.roomId === id);
    roomsMap(doc).delete(id);
    return true;
  });
}

/** What a new time slot needs: local wall-clock times in the event's time zone. */
export interface NewSlot {
  id: string;
  start: string;
  end: string;
}

const slotTimesSchema = z
  .object({ start: localDateTimeSchema, end: localDateTimeSchema })
  .refine((slot) => slot.start < slot.end, 'A slot must end after it starts.');

/** Adds a time slot. */
export function addSlot(doc: Y.Doc, slot: NewSlot): void {
  const id = valid(idSchema, slot.id, 'slot id');
  const times = valid(slotTimesSchema, { start: slot.start, end: slot.end }, 'slot times');
  inTransaction(doc, () => {
    const map = new Y.Map<unknown>();
    map.set('start', times.start);
    map.set('end', times.end);
    slotsMap(doc).set(id, map);
  });
}

/** Moves a slot in time; its sessions move with it (their calendar entries change, so seq is bumped). */
export function updateSlot(doc: Y.Doc, id: string, times: { start: string; end: string }): boolean {
  const checkedTimes = valid(slotTimesSchema, times, 'slot times');
  return inTransaction(doc, () => {
    const entry = entryOf(slotsMap(doc), id);
    if (!entry) {
      return false;
    }
    entry.set('start', checkedTimes.start);
    entry.set('end', checkedTimes.end);
    forEachSession(doc, (session) => {
      if (decodeCell(session.get('cell'))?.slotId === id) {
        bumpSeq(session);
      }
    });
    return true;
  });
}

/** Removes a slot; its sessions become unscheduled proposals again. */
export function removeSlot(doc: Y.Doc, id: string): boolean {
  return inTransaction(doc, () => {
    if (!slotsMap(doc).has(id)) {
      return false;
    }
    unscheduleWhere(doc, (cell) => cell.slotId === id);
    slotsMap(doc).delete(id);
    return true;
  });
}

/** What a new session needs. */
export interface NewSession {
  id: string;
  title: string;
  hosts?: readonly string[];
  description?: string;
  tags?: readonly string[];
  votes?: number | null;
  /** Scheduled at once when given. */
  cell?: Cell;
  cancelled?: boolean;
  /** ISO 8601 instant; orders the proposals. */
  createdAt: string;
}

/** Adds a session (a proposal, or scheduled if `cell` is given). */
export function addSession(doc: Y.Doc, session: NewSession): void {
  const id = valid(idSchema, session.id, 'session id');
  inTransaction(doc, () => {
    const map = new Y.Map<unknown>();
    map.set('title', valid(z.string(), session.title, 'session title'));
    map.set('hosts', [...valid(stringListSchema, session.hosts ?? [], 'session hosts')]);
    map.set('description', valid(z.string(), session.description ?? '', 'session description'));
    map.set('tags', [...valid(stringListSchema, session.tags ?? [], 'session tags')]);
    map.set('votes', valid(votesSchema, session.votes ?? null, 'session votes'));
    map.set('seq', 0);
    map.set('createdAt', valid(z.string().min(1), session.createdAt, 'session createdAt'));
    if (session.cell) {
      map.set('cell', encodeCell(validCell(session.cell)));
    }
    if (session.cancelled) {
      map.set('cancelled', true);
    }
    sessionsMap(doc).set(id, map);
  });
}

/** The fields of a session a person edits as text. */
export interface SessionPatch {
  title?: string;
  hosts?: readonly string[];
  description?: string;
  tags?: readonly string[];
}

/** Changes a session's title, hosts, description or tags. */
export function updateSession(doc: Y.Doc, id: string, patch: SessionPatch): boolean {
  const title = patch.title === undefined ? undefined : valid(z.string(), patch.title, 'session title');
  const hosts = patch.hosts === undefined ? undefined : valid(stringListSchema, patch.hosts, 'session hosts');
  const description =
    patch.description === undefined ? undefined : valid(z.string(), patch.description, 'description');
  const tags = patch.tags === undefined ? undefined : valid(stringListSchema, patch.tags, 'session tags');
  return withSession(doc, id, (session) => {
    if (title !== undefined) {
      session.set('title', title);
    }
    if (hosts !== undefined) {
      session.set('hosts', [...hosts]);
    }
    if (description !== undefined) {
      session.set('description', description);
    }
    if (tags !== undefined) {
      session.set('tags', [...tags]);
    }
    bumpSeq(session);
  });
}

/**
 * Puts a session into a cell of the grid (also from one cell to another). The room and the slot must
 * exist; a session already in that cell stays there, and the plan shows the double booking (use
 * {@link swapSessions} to exchange two sessions instead).
 */
export function moveSession(doc: Y.Doc, id: string, to: Cell): boolean {
  const cell = validCell(to);
  return inTransaction(doc, () => {
    if (!roomsMap(doc).has(cell.roomId) || !slotsMap(doc).has(cell.slotId)) {
      return false;
    }
    return withSession(doc, id, (session) => {
      session.set('cell', encodeCell(cell));
      bumpSeq(session);
    });
  });
}

/** Exchanges the places of two sessions (either may be unscheduled) in one step. */
export function swapSessions(doc: Y.Doc, a: string, b: string): boolean {
  return inTransaction(doc, () => {
    const first = entryOf(sessionsMap(doc), a);
    const second = entryOf(sessionsMap(doc), b);
    if (!first || !second || a === b) {
      return false;
    }
    const firstCell: unknown = first.get('cell');
    const secondCell: unknown = second.get('cell');
    setOrDelete(first, 'cell', secondCell);
    setOrDelete(second, 'cell', firstCell);
    bumpSeq(first);
    bumpSeq(second);
    return true;
  });
}

/** Takes a session out of the grid; it stays as a proposal with its votes. */
export function unschedule(doc: Y.Doc, id: string): boolean {
  return withSession(doc, id, (session) => {
    if (session.has('cell')) {
      session.delete('cell');
      bumpSeq(session);
    }
  });
}

/** Marks a session as called off (it keeps its place, shown struck through) or takes that back. */
export function setCancelled(doc: Y.Doc, id: string, cancelled: boolean): boolean {
  return withSession(doc, id, (session) => {
    if (cancelled) {
      session.set('cancelled', true);
    } else {
      session.delete('cancelled');
    }
    bumpSeq(session);
  });
}

/** Sets the hand count of a session (null: not counted). */
export function setVotes(doc: Y.Doc, id: string, votes: number | null): boolean {
  const checkedVotes = valid(votesSchema, votes, 'votes');
  return withSession(doc, id, (session) => session.set('votes', checkedVotes));
}

/** Adds `delta` (e.g. +1 or -1) to the hand count; it never goes below 0, and null counts as 0. */
export function adjustVotes(doc: Y.Doc, id: string, delta: number): boolean {
  const step = valid(z.number().int(), delta, 'votes delta');
  return withSession(doc, id, (session) => {
    const current: unknown = session.get('votes');
    const base = typeof current === 'number' && Number.isInteger(current) && current >= 0 ? current : 0;
    session.set('votes', Math.max(0, base + step));
  });
}

/**
 * The sketchnote id a session gets when its sketchnote is first opened: its own id (pads and
 * sketches are separate kinds of document, so they never clash). Derived rather than random, so two
 * devices opening the sketchnote at once, even offline, open the same one.
 */
export function sketchIdFor(sessionId: string): string {
  return valid(idSchema, sessionId, 'session id');
}

/**
 * The session's sketchnote id, stored in the session on first call so the link stays the same even
 * if the rule above changes later. Undefined if there is no such session (a peer just deleted it).
 */
export function ensureSketchId(doc: Y.Doc, sessionId: string): string | undefined {
  const fallback = sketchIdFor(sessionId);
  return inTransaction(doc, () => {
    const session = entryOf(sessionsMap(doc), sessionId);
    if (!session) {
      return undefined;
    }
    const stored: unknown = session.get('sketchId');
    if (typeof stored === 'string' && idSchema.safeParse(stored).success) {
      return stored;
    }
    session.set('sketchId', fallback);
    return fallback;
  });
}

/** Deletes a session. */
export function removeSession(doc: Y.Doc, id: string): boolean {
  return inTransaction(doc, () => {
    if (!sessionsMap(doc).has(id)) {
      return false;
    }
    sessionsMap(doc).delete(id);
    return true;
  });
}

/** What a new person needs. */
export interface NewPerson {
  id: string;
  name: string;
  email?: string;
  consent?: boolean;
}

/** Adds a person to an event's people document (consent to be named defaults to no). */
export function addPerson(doc: Y.Doc, person: NewPerson): void {
  const id = valid(idSchema, person.id, 'person id');
  inTransaction(doc, () => {
    const map = new Y.Map<unknown>();
    map.set('name', valid(z.string(), person.name, 'person name'));
    if (person.email !== undefined) {
      map.set('email', valid(z.string(), person.email, 'person email'));
    }
    map.set('consent', person.consent ?? false);
    peopleMap(doc).set(id, map);
  });
}

/** Changes a person's name, email or consent in the people document (email null removes it). */
export function updatePerson(
  doc: Y.Doc,
  id: string,
  patch: { name?: string; email?: string | null; consent?: boolean },
): boolean {
  return inTransaction(doc, () => {
    const entry = entryOf(peopleMap(doc), id);
    if (!entry) {
      return false;
    }
    if (patch.name !== undefined) {
      entry.set('name', valid(z.string(), patch.name, 'person name'));
    }
    if (patch.email === null) {
      entry.delete('email');
    } else if (patch.email !== undefined) {
      entry.set('email', valid(z.string(), patch.email, 'person email'));
    }
    if (patch.consent !== undefined) {
      entry.set('consent', valid(z.boolean(), patch.consent, 'consent'));
    }
    return true;
  });
}

/** Deletes a person from the people document. */
export function removePerson(doc: Y.Doc, id: string): boolean {
  return inTransaction(doc, () => {
    if (!peopleMap(doc).has(id)) {
      return false;
    }
    peopleMap(doc).delete(id);
    return true;
  });
}

/** Sets the organisers' contact (name and e-mail) in the event's people document. */
export function setOrganiserContact(doc: Y.Doc, contact: string): void {
  const value = valid(z.string(), contact, 'organiser contact');
  inTransaction(doc, () => contactMap(doc).set(ORGANISER_CONTACT, value));
}

function validCell(cell: Cell): Cell {
  return { roomId: valid(idSchema, cell.roomId, 'room id'), slotId: valid(idSchema, cell.slotId, 'slot id') };
}

function withSession(doc: Y.Doc, id: string, change: (session: Y.Map<unknown>) => void): boolean {
  return inTransaction(doc, () => {
    const session = entryOf(sessionsMap(doc), id);
    if (!session) {
      return false;
    }
    change(session);
    return true;
  });
}

function forEachSession(doc: Y.Doc, visit: (session: Y.Map<unknown>) => void): void {
  for (const value of sessionsMap(doc).values()) {
    if (value instanceof Y.Map) {
      visit(value as Y.Map<unknown>);
    }
  }
}

function unscheduleWhere(doc: Y.Doc, matches: (cell: Cell) => boolean): void {
  forEachSession(doc, (session) => {
    const cell = decodeCell(session.get('cell'));
    if (cell && matches(cell)) {
      session.delete('cell');
      bumpSeq(session);
    }
  });
}

function bumpSeq(session: Y.Map<unknown>): void {
  const seq: unknown = session.get('seq');
  session.set('seq', typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? seq + 1 : 1);
}

function setOrDelete(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) {
    map.delete(key);
  } else {
    map.set(key, value);
  }
}
