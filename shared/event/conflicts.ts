import { z } from 'zod';
import type { EventSnapshot, Room, Session, Slot } from './eventSnapshot.js';

/**
 * Problems in a session plan that a person must resolve. They are computed from a snapshot, not
 * prevented when editing: two organisers working offline can always produce them, and the plan
 * must show them rather than silently pick a winner.
 */

/** The kinds of plan conflict. */
const conflictKindSchema = z.enum(['double-booked-cell', 'host-in-two-rooms', 'over-capacity']);
/** A kind of plan conflict. */
export type ConflictKind = z.infer<typeof conflictKindSchema>;

/** One conflict, with an i18n message key and its parameters, plus an English text for CLI and logs. */
export const planConflictSchema = z.object({
  kind: conflictKindSchema,
  sessionIds: z.array(z.string()),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
/** A plan conflict. */
export type PlanConflict = z.infer<typeof planConflictSchema>;

/** The i18n keys of the conflict messages; the parameters are named in each comment. */
export const CONFLICT_MESSAGE_KEYS = {
  /** {room, start, end, count}: sessions at overlapping times in one room. */
  'double-booked-cell': 'plan.conflict.doubleBooked',
  /** {host, rooms, start}: one host in sessions at overlapping times in different rooms. */
  'host-in-two-rooms': 'plan.conflict.hostInTwoRooms',
  /** {title, room, votes, capacity}: more hands went up than the room has seats. */
  'over-capacity': 'plan.conflict.overCapacity',
} as const satisfies Record<ConflictKind, string>;

interface Placed {
  session: Session;
  room: Room;
  slot: Slot;
}

/** Whether two slots share any time (touching ends, 10:30 and 10:30, do not). */
export function slotsOverlap(a: Pick<Slot, 'start' | 'end'>, b: Pick<Slot, 'start' | 'end'>): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A host name as compared for conflicts: letter case, repeated spaces and surrounding blanks ignored. */
export function hostKey(host: string): string {
  return host.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}

/**
 * Finds every conflict in a plan: sessions at overlapping times in one room (the same cell, or
 * slots that overlap), a host expected in two rooms at overlapping times, and more votes than a
 * room has seats. Cancelled sessions and proposals take no place and so cause none.
 */
export function findConflicts(snapshot: Pick<EventSnapshot, 'rooms' | 'slots' | 'sessions'>): PlanConflict[] {
  const rooms = new Map(snapshot.rooms.map((r) => [r.id, r]));
  const slots = new Map(snapshot.slots.map((s) => [s.id, s]));
  const placed: Placed[] = [];
  for (const session of snapshot.sessions) {
    if (session.status !== 'scheduled' || !session.cell) {
      continue;
    }
    const room = rooms.get(session.cell.roomId);
    const slot = slots.get(session.cell.slotId);
    if (room && slot) {
      placed.push({ session, room, slot });
    }
  }
  placed.sort((a, b) => a.slot.start.localeCompare(b.slot.start) || a.room.order - b.room.order);
  return [...roomConflicts(placed), ...hostConflicts(placed), ...capacityConflicts(placed)];
}

function roomConflicts(placed: Placed[]): PlanConflict[] {
  const byRoom = groupBy(placed, (p) => p.room.id);
  const conflicts: PlanConflict[] = [];
  for (const group of byRoom.values()) {
    for (const cluster of overlapClusters(group)) {
      const { start, end } = span(cluster);
      const room = cluster[0]?.room.name ?? '';
      conflicts.push(
        conflict(
          'double-booked-cell',
          cluster,
          { room, start, end, count: cluster.length },
          () =>
            `${cluster.length} sessions are planned in ${room} at overlapping times (${start} to ${end}): ${titles(cluster)}.`,
        ),
      );
    }
  }
  return conflicts;
}

function hostConflicts(placed: Placed[]): PlanConflict[] {
  const byHost = new Map<string, { name: string; items: Placed[] }>();
  for (const p of placed) {
    for (const host of new Set(p.session.hosts.map((h) => h.trim()).filter(Boolean))) {
      const key = hostKey(host);
      const group = byHost.get(key) ?? { name: host, items: [] };
      group.items.push(p);
      byHost.set(key, group);
    }
  }
  const conflicts: PlanConflict[] = [];
  for (const { name, items } of byHost.values()) {
    for (const cluster of overlapClusters(items, (a, b) => a.room.id !== b.room.id)) {
      const rooms = [...new Set(cluster.map((p) => p.room.name))].join(', ');
      const { start } = span(cluster);
      conflicts.push(
        conflict(
          'host-in-two-rooms',
          cluster,
          { host: name, rooms, start },
          () =>
            `${name} hosts sessions in ${rooms} at overlapping times (from ${start}): ${titles(cluster)}.`,
        ),
      );
    }
  }
  return conflicts;
}

function capacityConflicts(placed: Placed[]): PlanConflict[] {
  return placed
    .filter((p) => p.room.capacity !== null && p.session.votes !== null && p.session.votes > p.room.capacity)
    .map((p) => {
      const params = {
        title: p.session.title,
        room: p.room.name,
        votes: p.session.votes ?? 0,
        capacity: p.room.capacity ?? 0,
      };
      return conflict(
        'over-capacity',
        [p],
        params,
        () => `"${params.title}" got ${params.votes} votes but ${params.room} has ${params.capacity} seats.`,
      );
    });
}

/**
 * Groups items into clusters of pairwise-linked overlaps (a overlaps b, b overlaps c → one cluster),
 * so three sessions in one cell are one conflict, not three. `linked` adds a condition on a pair.
 */
function overlapClusters(
  items: Placed[],
  linked: (a: Placed, b: Placed) => boolean = () => true,
): Placed[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) {
      root = parent[root] ?? root;
    }
    return root;
  };
  let any = false;
  items.forEach((a, i) => {
    items.slice(i + 1).forEach((b, offset) => {
      if (a.session.id !== b.session.id && slotsOverlap(a.slot, b.slot) && linked(a, b)) {
        parent[find(i + 1 + offset)] = find(i);
        any = true;
      }
    });
  });
  if (!any) {
    return [];
  }
  const clusters = groupBy(
    items.map((item, i) => ({ item, root: find(i) })),
    (x) => x.root,
  );
  return [...clusters.values()].filter((c) => c.length > 1).map((c) => c.map((x) => x.item));
}

function conflict(
  kind: ConflictKind,
  items: Placed[],
  params: Record<string, string | number>,
  message: () => string,
): PlanConflict {
  return {
    kind,
    sessionIds: items.map((p) => p.session.id),
    messageKey: CONFLICT_MESSAGE_KEYS[kind],
    params,
    message: message(),
  };
}

/** The earliest start and latest end of a group of placed sessions. */
function span(items: Placed[]): { start: string; end: string } {
  const starts = items.map((p) => p.slot.start).sort();
  const ends = items.map((p) => p.slot.end).sort();
  return { start: starts[0] ?? '', end: ends[ends.length - 1] ?? '' };
}

function titles(items: Placed[]): string {
  return items.map((p) => `"${p.session.title}"`).join(', ');
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) {
      group.push(item);
    } else {
      groups.set(k, [item]);
    }
  }
  return groups;
}
