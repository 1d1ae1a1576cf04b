import type * as Y from 'yjs';
import { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import { DEFAULT_LICENCE, decodeCell, metaMap, roomsMap, sessionsMap, slotsMap } from './eventLayout.js';
import {
  eventMetaSchema,
  localDateSchema,
  roomSchema,
  sessionSchema,
  slotSchema,
  timeZoneSchema,
  type EventMeta,
  type EventSnapshot,
  type ReadProblem,
  type Room,
  type Session,
  type Slot,
} from './eventSnapshot.js';
import { DEFAULT_TIME_ZONE } from './localTime.js';
import { checked, field, readEntries, type Report } from './readEntries.js';

/**
 * Reads an event document into a plain {@link EventSnapshot}. Every value comes from peers that may
 * run an older or buggy version, so nothing here throws: an entry without its essential field (a
 * room without a name, a slot without valid times, a session without a title) is skipped, a bad
 * optional field falls back to its default, and both are listed in `problems`. The event's people
 * are not part of it: they live in their own document (readPeople.ts), which only organisers open.
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
  return { meta, rooms, slots, sessions, problems };
}

const stringList = z.array(z.string());

function readMeta(map: Y.Map<unknown>, problems: ReadProblem[]): EventMeta {
  const report: Report = (message) => problems.push({ path: 'meta', message });
  const meta: EventMeta = {
    motto: field(map, 'motto', z.string(), '', report),
    venue: field(map, 'venue', z.string(), '', report),
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
