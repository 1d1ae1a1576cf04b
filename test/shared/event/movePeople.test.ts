import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updatePerson } from '../../../shared/event/eventChanges.js';
import { copyPeopleOut, dropPeople, holdsPeople } from '../../../shared/event/movePeople.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import { mergePeople, readPeople } from '../../../shared/event/readPeople.js';
import {
  OLD_LAYOUT_CONTACT as CONTACT,
  OLD_LAYOUT_EMAIL as EMAIL,
  oldLayoutEvent,
} from './oldLayoutEvent.js';

/**
 * Issue 10 / 12: contact details leave the plan. An event document written by an older version
 * (people and the organisers' contact in the plan itself) is moved into the people document.
 */

function bytesContain(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));
}

describe('moving people out of an old event document', () => {
  it('copies every person and the contact, then deletes them: nothing of them is left in the plan', () => {
    const event = oldLayoutEvent();
    const people = new Y.Doc();
    expect(holdsPeople(event)).toBe(true);
    expect(bytesContain(Y.encodeStateAsUpdate(event), EMAIL)).toBe(true);

    expect(copyPeopleOut(event, people)).toBe(4);
    expect(dropPeople(event)).toBe(4);

    expect(holdsPeople(event)).toBe(false);
    const state = Y.encodeStateAsUpdate(event);
    for (const secret of [EMAIL, 'orga@example.org', '+49 30 1234567', 'bad@example.org']) {
      expect(bytesContain(state, secret), secret).toBe(false);
    }
    // The plan stays as it was, hosts included (the plan shows them).
    const plan = readEvent(event);
    expect(plan.meta).toMatchObject({ motto: 'Daten für alle', venue: 'Rathaus' });
    expect(plan.meta).not.toHaveProperty('organiserContact');
    expect(plan.sessions.map((s) => s.hosts)).toEqual([['Erika Mustermann']]);

    const moved = readPeople(people);
    expect(moved.organiserContact).toBe(CONTACT);
    expect(moved.people).toEqual([
      { id: 'p-erika', name: 'Erika Mustermann', email: EMAIL, consent: false },
      { id: 'p-max', name: 'Max Beispiel', consent: true },
    ]);
    expect(people.getMap<Y.Map<unknown>>('people').get('p-erika')?.get('phone')).toBe('+49 30 1234567');
    expect(people.getMap('people').get('p-bad')).toBe('mail me: bad@example.org');
    expect(moved.problems).toEqual([{ path: 'people/p-bad', message: 'skipped: the entry is not a map' }]);
  });

  it('is idempotent, and never overwrites what the people document already has', () => {
    const event = oldLayoutEvent();
    const people = new Y.Doc();
    copyPeopleOut(event, people);
    // A crash before the delete: the organiser edits the moved entry, then the move runs again.
    updatePerson(people, 'p-erika', { consent: true });
    people.getMap('meta').set('organiserContact', 'Neu <neu@example.org>');
    const before = Y.encodeStateVector(people);
    expect(copyPeopleOut(event, people)).toBe(0);
    expect(Y.encodeStateVector(people)).toEqual(before);
    expect(dropPeople(event)).toBe(4);

    // And once more on the next open: nothing to do anywhere.
    const eventBefore = Y.encodeStateVector(event);
    expect(holdsPeople(event)).toBe(false);
    expect(copyPeopleOut(event, people)).toBe(0);
    expect(dropPeople(event)).toBe(0);
    expect(Y.encodeStateVector(event)).toEqual(eventBefore);
    expect(Y.encodeStateVector(people)).toEqual(before);
    expect(readPeople(people).people.find((p) => p.id === 'p-erika')?.consent).toBe(true);
    expect(readPeople(people).organiserContact).toBe('Neu <neu@example.org>');
  });

  it('reads an old event document and a people document together (the CLI does not migrate)', () => {
    const legacy = readPeople(oldLayoutEvent());
    const people = new Y.Doc();
    copyPeopleOut(oldLayoutEvent(), people);
    updatePerson(people, 'p-max', { name: 'Max B.' });
    people.getMap<Y.Map<unknown>>('people').delete('p-erika');
    const merged = mergePeople(readPeople(people), legacy);
    expect(merged.people.map((p) => [p.id, p.name])).toEqual([
      ['p-erika', 'Erika Mustermann'],
      ['p-max', 'Max B.'],
    ]);
    expect(merged.organiserContact).toBe(CONTACT);
    expect(mergePeople(readPeople(new Y.Doc()), readPeople(new Y.Doc()))).toEqual({
      people: [],
      organiserContact: '',
      problems: [],
    });
  });
});
