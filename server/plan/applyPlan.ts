import type * as Y from 'yjs';
import { addEventDays, addRoom, addSession, addSlot, setEventMeta } from '../../shared/event/eventChanges.js';
import type { ImportedPlan } from '../../shared/event/importedPlan.js';
import { newId, type RandomBytes } from '../../shared/event/ids.js';
import { metaMap } from '../../shared/event/eventLayout.js';
import { readEvent } from '../../shared/event/readEvent.js';

/** How many rooms, slots and sessions an import added. */
export interface AppliedCounts {
  rooms: number;
  slots: number;
  sessions: number;
}

/**
 * Writes an imported plan into an event document, in one transaction. Rooms with the same name and
 * slots with the same times as existing ones are reused, so importing into a prepared event fills
 * its grid instead of duplicating it; every session is added. Sessions get creation times one
 * millisecond apart in file order, so proposals keep the order of the file.
 */
export function applyPlan(
  doc: Y.Doc,
  plan: ImportedPlan,
  options: { random: RandomBytes; now: Date },
): AppliedCounts {
  const counts: AppliedCounts = { rooms: 0, slots: 0, sessions: 0 };
  doc.transact(() => {
    if (metaMap(doc).get('timeZone') === undefined) {
      setEventMeta(doc, { timeZone: plan.timeZone });
    }
    const existing = readEvent(doc);
    const roomIds = new Map(existing.rooms.map((r) => [r.name, r.id]));
    const slotIds = new Map(existing.slots.map((s) => [`${s.start}/${s.end}`, s.id]));
    for (const room of plan.rooms) {
      if (!roomIds.has(room.name)) {
        const id = newId(options.random);
        addRoom(doc, { id, name: room.name, capacity: room.capacity });
        roomIds.set(room.name, id);
        counts.rooms++;
      }
    }
    for (const slot of plan.slots) {
      const key = `${slot.start}/${slot.end}`;
      if (!slotIds.has(key)) {
        const id = newId(options.random);
        addSlot(doc, { id, start: slot.start, end: slot.end });
        slotIds.set(key, id);
        counts.slots++;
      }
    }
    addEventDays(doc, [...new Set(plan.slots.map((s) => s.start.slice(0, 10)))]);
    plan.sessions.forEach((session, index) => {
      const roomId = session.room === null ? undefined : roomIds.get(session.room);
      const slotId =
        session.start === null || session.end === null
          ? undefined
          : slotIds.get(`${session.start}/${session.end}`);
      addSession(doc, {
        id: newId(options.random),
        title: session.title,
        hosts: session.hosts,
        description: session.description,
        tags: session.tags,
        votes: session.votes,
        ...(roomId && slotId ? { cell: { roomId, slotId } } : {}),
        cancelled: session.status === 'cancelled',
        createdAt: new Date(options.now.getTime() + index).toISOString(),
      });
      counts.sessions++;
    });
  });
  return counts;
}
