import type * as Y from 'yjs';
import { z } from 'zod';
import type { ReadProblem } from './eventSnapshot.js';
import { ORGANISER_CONTACT, contactMap, peopleMap } from './peopleLayout.js';
import { personSchema, type EventPeople, type Person } from './peopleSnapshot.js';
import { checked, field, readEntries, type Report } from './readEntries.js';

/**
 * Reads an event's people document into a plain {@link EventPeople}; never throws (a bad entry is
 * skipped and listed in `problems`). An event document of an older version has the same maps, so
 * this reads what such a document still holds too (see movePeople.ts).
 */
export function readPeople(doc: Y.Doc): EventPeople {
  const problems: ReadProblem[] = [];
  const people = readEntries(peopleMap(doc), 'people', problems, readPerson).sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const report: Report = (message) => problems.push({ path: 'meta', message });
  const organiserContact = field(contactMap(doc), ORGANISER_CONTACT, z.string(), '', report);
  return { people, organiserContact, problems };
}

/**
 * The people of the people document, with those an older event document still holds (the CLI reads
 * a workspace without migrating it): an entry of the people document wins over one with its id.
 */
export function mergePeople(current: EventPeople, legacy: EventPeople): EventPeople {
  const known = new Set(current.people.map((p) => p.id));
  return {
    people: [...current.people, ...legacy.people.filter((p) => !known.has(p.id))].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    ),
    organiserContact: current.organiserContact || legacy.organiserContact,
    problems: [...current.problems, ...legacy.problems],
  };
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
