/**
 * The event-wide template a new session pad starts from. It lives in the event document's `meta`
 * map under `padTemplate` (Markdown with the placeholders {{title}}, {{hosts}}, {{room}},
 * {{time}}); without one, {@link DEFAULT_PAD_TEMPLATE} applies. The core fills it in once, when a
 * pad of a planned session is first opened (server/pad/padHistory.ts), so two people opening a new
 * pad at the same moment never get it twice.
 *
 * This is the only code that touches `meta.padTemplate`; the event layout (shared/event) does not
 * need to know about it.
 */

import type * as Y from 'yjs';
import { metaMap } from '../event/eventLayout.js';
import type { EventSnapshot } from '../event/eventSnapshot.js';
import { escapeMarkdownText, markdownToPadDoc } from './padMarkdown.js';
import { NODE, type PadDoc, type PadNode } from './padJson.js';

/** The key in the event's meta map. */
const PAD_TEMPLATE_KEY = 'padTemplate';

/** Longest template accepted (a page of Markdown is about 3,000 characters). */
export const MAX_TEMPLATE_LENGTH = 20_000;

/** The placeholders a template may use. */
export const TEMPLATE_PLACEHOLDERS = ['title', 'hosts', 'room', 'time'] as const;

/** The template of events that have not set their own. */
export const DEFAULT_PAD_TEMPLATE = `# {{title}}

**Sessiongeber:innen:** {{hosts}}\\
**Raum:** {{room}} · **Zeit:** {{time}}

## Notizen

## Ergebnisse

## Offene Fragen

## Links
`;

/** What the placeholders of one session are filled with. */
export interface TemplateValues {
  title: string;
  hosts: string;
  room: string;
  time: string;
}

/** The event's own template, or undefined when it uses the default. */
export function readPadTemplate(eventDoc: Y.Doc): string | undefined {
  const value = metaMap(eventDoc).get(PAD_TEMPLATE_KEY);
  return typeof value === 'string' && value.trim() !== '' ? value.slice(0, MAX_TEMPLATE_LENGTH) : undefined;
}

/** Sets the event's template; an empty text goes back to the default. */
export function writePadTemplate(eventDoc: Y.Doc, template: string): void {
  if (template.length > MAX_TEMPLATE_LENGTH) {
    throw new RangeError(`A pad template has at most ${MAX_TEMPLATE_LENGTH} characters.`);
  }
  const meta = metaMap(eventDoc);
  if (template.trim() === '') {
    meta.delete(PAD_TEMPLATE_KEY);
  } else {
    meta.set(PAD_TEMPLATE_KEY, template);
  }
}

function formatLocal(value: string): { date: string; time: string } {
  // Stored as YYYY-MM-DDTHH:MM local wall-clock time (shared/event/localTime.ts).
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (m === null) {
    return { date: value, time: '' };
  }
  return { date: `${m[3]}.${m[2]}.${m[1]}`, time: `${m[4]}:${m[5]}` };
}

/** The values of one session of an event, or undefined if the event has no such session. */
export function templateValuesFor(snapshot: EventSnapshot, sessionId: string): TemplateValues | undefined {
  const session = snapshot.sessions.find((s) => s.id === sessionId);
  if (session === undefined) {
    return undefined;
  }
  const room = session.cell ? snapshot.rooms.find((r) => r.id === session.cell?.roomId) : undefined;
  const slot = session.cell ? snapshot.slots.find((s) => s.id === session.cell?.slotId) : undefined;
  let time = '';
  if (slot !== undefined) {
    const start = formatLocal(slot.start);
    const end = formatLocal(slot.end);
    time =
      start.date === end.date
        ? `${start.date}, ${start.time}–${end.time}`
        : `${start.date}, ${start.time} – ${end.date}, ${end.time}`;
  }
  return { title: session.title, hosts: session.hosts.join(', '), room: room?.name ?? '', time };
}

/** Fills the placeholders (values are escaped, so a title like "*Ideen*" stays literal). */
function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{\{\s*(title|hosts|room|time)\s*\}\}/g, (_all, key: keyof TemplateValues) =>
    escapeMarkdownText(values[key] === '' ? '–' : values[key]),
  );
}

/**
 * The first content of a session's pad. A section heading with nothing under it gets an empty
 * paragraph, so there is a line to type into right below each heading.
 */
export function templatePadDoc(template: string, values: TemplateValues): PadDoc {
  const doc = markdownToPadDoc(fillTemplate(template, values));
  const content: PadNode[] = [];
  doc.content.forEach((node, i) => {
    content.push(node);
    const next = doc.content[i + 1];
    if (node.type === NODE.heading && (next === undefined || next.type === NODE.heading)) {
      content.push({ type: NODE.paragraph });
    }
  });
  return { type: 'doc', content };
}
