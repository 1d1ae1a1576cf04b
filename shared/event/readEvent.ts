import type * as Y from 'yjs';
import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import {
  DEFAULT_LICENCE,
  decodeCell,
  metaMap,
  peopleMap,
  roomsMap,
  sessionsMap,
  slotsMap,
  entryOf,
} from './eventLayout.js';
import {
  eventMetaSchema,
  localDateSchema,
  personSchema,
  roomSchema,
  sessionSchema,
  slotSchema,
  timeZoneSchema,
  type EventMeta,
  type EventSnapshot,
  type Person,
  type ReadProblem,
  type Room,
  type Session,
  type Slot,
} from './eventSnapshot.js';
import { DEFAULT_TIME_ZONE } from './localTime.js';

/**
 * Reads an event document into a plain {@link EventSnapshot}. Every value comes from peers that may
 * run an older or buggy version, so nothing here throws: an entry without its essential field (a
 * room without a name, a slot without valid times, a session without a title) is skipped, a bad
 * optional field falls back to its default, and both are listed in `problems`.
 */
export function readEvent(doc: Y.Doc): EventSnapshot {
  const problems: ReadProblem[] = [];
  const meta = readMeta(metaMap(doc), problems);
  const rooms = readEntries(roomsMap(doc), 'rooms', problems, readRoom).sort(
    (a, b) => a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const slots = readEntries(slotsMap(doc), 'slots', problems, readSlot).sort(
    (a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.id.localeCompare(b.id),
  );
  const roomIds = new Set(rooms.map((r) => r.id));
  const slotIds = new Set(slots.map((s) => s.id));
  const sessions = readEntries(sessionsMap(doc), 'sessions', problems, (id, entry, report) =>
    readSession(id, entry, report, roomIds, slotIds),
  ).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const people = readEntries(peopleMap(doc), 'people', problems, readPerson).sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  return { meta, rooms, slots, sessions, people, problems };
}

type Report = (message: string) => void;

function readEntries<T>(
  map: Y.Map<unknown>,
  name: string,
  problems: ReadProblem[],
  read: (id: string, entry: Y.Map<unknown>, report: Report) => T | undefined,
): T[] {
  const result: T[] = [];
  for (const id of map.keys()) {
    const path = `${name}/${id}`;
    const report: Report = (message) => problems.push({ path, message });
    if (!idSchema.safeParse(id).success) {
      report('skipped: the id is not a valid id');
      continue;
    }
    const entry = entryOf(map, id);
    if (!entry) {
      report('skipped: the entry is not a map');
      continue;
    }
    const value = read(id, entry, report);
    if (value !== undefined) {
      result.push(value);
    }
  }
  return result;
}

/** A field with a fallback: absent means the default silently, present but wrong is reported. */
function field<T>(entry: Y.Map<unknown>, key: string, schema: z.ZodType<T>, fallback: T, report: Report): T {
  const value = entry.get(key);
  if (value === undefined) {
    return fallback;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  report(
    `${key}: ${JSON.stringify(value)} is not valid (${parsed.error.issues[0]?.message ?? 'wrong type'}); using the default`,
  );
  return fallback;
}

/** Validates the assembled entry once more, so the snapshot is exactly what the schema promises. */
function checked<T>(schema: z.ZodType<T>, value: unknown, report: Report): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  report(
    `skipped: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ')}`,
  );
  return undefined;
}

const stringList = z.array(z.string());

function readMeta(map: Y.Map<unknown>, problems: ReadProblem[]): EventMeta {
  const report: Report = (message) => problems.push({ path: 'meta', message });
  const meta: EventMeta = {
    motto: field(map, 'motto', z.string(), '', report),
    venue: field(map, 'venue', z.string(), '', report),
    organiserContact: field(map, 'organiserContact', z.string(), '', report),
    licence: field(map, 'licence', z.string().min(1), DEFAULT_LICENCE, report),
    timeZone: field(map, 'timeZone', timeZoneSchema, DEFAULT_TIME_ZONE, report),
    days: field(map, 'days', z.array(localDateSchema), [], report),
  };
  return eventMetaSchema.parse(meta);
}

function readRoom(id: string, entry: Y.Map<unknown>, report: Report): Room | undefined {
  return checked(
    roomSchema,
    {
      id,
      name: entry.get('name'),
      capacity: field(entry, 'capacity', z.number().int().nonnegative().nullable(), null, report),
      order: field(entry, 'order', z.number().finite(), 0, report),
    },
    report,
  );
}

function readSlot(id: string, entry: Y.Map<unknown>, report: Report): Slot | undefined {
  return checked(slotSchema, { id, start: entry.get('start'), end: entry.get('end') }, report);
}

function readSession(
  id: string,
  entry: Y.Map<unknown>,
  report: Report,
  roomIds: Set<string>,
  slotIds: Set<string>,
): Session | undefined {
  const storedCell = entry.get('cell');
  let cell = storedCell === undefined ? undefined : decodeCell(storedCell);
  if (storedCell !== undefined && !cell) {
    report(`cell: ${JSON.stringify(storedCell)} is not "roomId|slotId"; the session is shown as unscheduled`);
  } else if (cell && !roomIds.has(cell.roomId)) {
    report(`cell: the room ${cell.roomId} no longer exists; the session is shown as unscheduled`);
    cell = undefined;
  } else if (cell && !slotIds.has(cell.slotId)) {
    report(`cell: the slot ${cell.slotId} no longer exists; the session is shown as unscheduled`);
    cell = undefined;
  }
  const cancelled = field(entry, 'cancelled', z.boolean(), false, report);
  const sketchId = field<string | undefined>(entry, 'sketchId', idSchema, undefined, report);
  return checked(
    sessionSchema,
    {
      id,
      title: entry.get('title'),
      hosts: field(entry, 'hosts', stringList, [], report),
      description: field(entry, 'description', z.string(), '', report),
      tags: field(entry, 'tags', stringList, [], report),
      votes: field(entry, 'votes', z.number().int().nonnegative().nullable(), null, report),
      status: cancelled ? 'cancelled' : cell ? 'scheduled' : 'proposed',
      cell: cell ?? null,
      seq: field(entry, 'seq', z.number().int().nonnegative(), 0, report),
      createdAt: field(entry, 'createdAt', z.string(), '', report),
      ...(sketchId === undefined ? {} : { sketchId }),
    },
    report,
  );
}

function readPerson(id: string, entry: Y.Map<unknown>, report: Report): Person | undefined {
  const email = field<string | undefined>(entry, 'email', z.string(), undefined, report);
  return checked(
    personSchema,
    {
      id,
      name: entry.get('name'),
      ...(email === undefined ? {} : { email }),
      consent: field(entry, 'consent', z.boolean(), false, report),
    },
    report,
  );
}
