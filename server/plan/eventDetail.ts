import type { EventDetail } from '../../shared/api/eventContract.js';
import type { EventIndexEntry } from '../../shared/docs/workspaceLayout.js';
import { findConflicts } from '../../shared/event/conflicts.js';
import type { EventSnapshot } from '../../shared/event/eventSnapshot.js';
import { localToIsoWithOffset } from '../../shared/event/localTime.js';
import { sessionsInPlanOrder } from '../../shared/event/planOrder.js';

/**
 * An event as `GET /api/events/:id` and `mitschrift event show --json` present it: local times as
 * ISO 8601 with the offset of that day (`2018-05-05T10:45:00+02:00`), sessions in plan order with
 * their room's name, and the plan's conflicts.
 */
export function toEventDetail(entry: EventIndexEntry, snapshot: EventSnapshot): EventDetail {
  const zone = snapshot.meta.timeZone;
  return {
    id: entry.id,
    title: entry.title,
    createdAt: entry.createdAt,
    timeZone: zone,
    days: snapshot.meta.days,
    motto: snapshot.meta.motto,
    venue: snapshot.meta.venue,
    licence: snapshot.meta.licence,
    rooms: snapshot.rooms.map(({ id, name, capacity }) => ({ id, name, capacity })),
    slots: snapshot.slots.map(({ id, start, end }) => ({
      id,
      start: localToIsoWithOffset(start, zone),
      end: localToIsoWithOffset(end, zone),
    })),
    sessions: sessionsInPlanOrder(snapshot).map(({ session, room, slot }) => ({
      id: session.id,
      title: session.title,
      hosts: session.hosts,
      room: room?.name ?? null,
      roomId: room?.id ?? null,
      slotId: slot?.id ?? null,
      start: slot ? localToIsoWithOffset(slot.start, zone) : null,
      end: slot ? localToIsoWithOffset(slot.end, zone) : null,
      votes: session.votes,
      tags: session.tags,
      description: session.description,
      status: session.status,
      sketchId: session.sketchId ?? null,
    })),
    conflicts: findConflicts(snapshot),
    problems: snapshot.problems,
  };
}
