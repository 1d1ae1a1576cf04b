import type { EventSnapshot, Room, Session, Slot } from './eventSnapshot.js';

/** A session with the room and slot it sits in (both null for a proposal). */
export interface SessionInPlan {
  session: Session;
  room: Room | null;
  slot: Slot | null;
}

/**
 * The sessions in the order a printed plan lists them: placed sessions (also cancelled ones that
 * kept their place) by time, then by room order; then the proposals without a place in the order
 * they came in. Exports and `event show` use this order, so a plan reads the same everywhere.
 */
export function sessionsInPlanOrder(
  snapshot: Pick<EventSnapshot, 'rooms' | 'slots' | 'sessions'>,
): SessionInPlan[] {
  const rooms = new Map(snapshot.rooms.map((r) => [r.id, r]));
  const slots = new Map(snapshot.slots.map((s) => [s.id, s]));
  const placed: { session: Session; room: Room; slot: Slot }[] = [];
  const proposals: SessionInPlan[] = [];
  for (const session of snapshot.sessions) {
    const room = session.cell ? rooms.get(session.cell.roomId) : undefined;
    const slot = session.cell ? slots.get(session.cell.slotId) : undefined;
    if (room && slot) {
      placed.push({ session, room, slot });
    } else {
      proposals.push({ session, room: null, slot: null });
    }
  }
  placed.sort(
    (a, b) =>
      a.slot.start.localeCompare(b.slot.start) ||
      a.slot.end.localeCompare(b.slot.end) ||
      a.room.order - b.room.order ||
      a.room.name.localeCompare(b.room.name) ||
      a.session.createdAt.localeCompare(b.session.createdAt) ||
      a.session.id.localeCompare(b.session.id),
  );
  return [...placed, ...proposals];
}
