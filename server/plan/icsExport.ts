import type { EventSnapshot } from '../../shared/event/eventSnapshot.js';
import { localToUtc } from '../../shared/event/localTime.js';
import { sessionsInPlanOrder } from '../../shared/event/planOrder.js';

/**
 * The plan as an iCalendar file (RFC 5545) for calendar apps: one VEVENT per session that has a
 * place in the grid. Cancelled sessions that kept their place are included with STATUS:CANCELLED,
 * so a calendar that subscribed earlier strikes them instead of keeping a stale entry; proposals
 * without a place are left out.
 *
 * - UID `<sessionId>@<eventId>.mitschrift` is stable, so importing the file again updates entries
 *   instead of duplicating them; SEQUENCE is the session's change counter (eventLayout.ts, seq).
 * - DTSTART/DTEND are UTC (`Z`), computed from the local wall-clock time in the event's time zone
 *   with the zone rules of that very day (localTime.ts), so summer and winter time are both right
 *   and no VTIMEZONE block is needed.
 * - TEXT values escape backslash, ";", "," and line breaks; lines are folded at 75 octets without
 *   splitting a UTF-8 character; lines end in CRLF.
 */
export function exportPlanIcs(
  snapshot: EventSnapshot,
  options: { eventId: string; title: string; now: Date; productVersion: string },
): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Mitschrift//Mitschrift ${options.productVersion}//DE`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.title)}`,
    `X-WR-TIMEZONE:${snapshot.meta.timeZone}`,
  ];
  const stamp = utcStamp(options.now.getTime());
  for (const { session, room, slot } of sessionsInPlanOrder(snapshot)) {
    if (!room || !slot) {
      continue;
    }
    const description = [
      session.hosts.length
        ? `${session.hosts.length > 1 ? 'Hosts' : 'Host'}: ${session.hosts.join(', ')}`
        : '',
      session.description,
    ]
      .filter(Boolean)
      .join('\n\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${session.id}@${options.eventId}.mitschrift`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${session.seq}`,
      `DTSTART:${utcStamp(localToUtc(slot.start, snapshot.meta.timeZone))}`,
      `DTEND:${utcStamp(localToUtc(slot.end, snapshot.meta.timeZone))}`,
      `SUMMARY:${escapeText(session.title)}`,
      `LOCATION:${escapeText(room.name)}`,
      ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
      ...(session.tags.length ? [`CATEGORIES:${session.tags.map(escapeText).join(',')}`] : []),
      `STATUS:${session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** An instant as an iCalendar UTC date-time, `20180505T084500Z`. */
function utcStamp(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Escapes an iCalendar TEXT value (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 3.1): continuation lines
 * start with one space, and a multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) {
    return line;
  }
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // The leading space of a continuation line counts.
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
