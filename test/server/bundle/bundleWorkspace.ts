import { mkdirSync } from 'node:fs';
import * as Y from 'yjs';
import { WORKSPACE_DOC, docNameFor } from '../../../shared/docs/docName.js';
import { addEvent } from '../../../shared/docs/workspaceIndex.js';
import {
  addPerson,
  addRoom,
  addSession,
  addSlot,
  ensureSketchId,
  setEventMeta,
  setOrganiserContact,
} from '../../../shared/event/eventChanges.js';
import { writePadContent } from '../../../shared/pad/padContent.js';
import { addChatMessage, setAuthor } from '../../../shared/pad/padLayout.js';
import type { PadDoc } from '../../../shared/pad/padJson.js';
import { withPadWorkspace } from '../../../server/pad/padWorkspace.js';
import { withWorkspace } from '../../../server/plan/storeAccess.js';
import { addObject } from '../../../shared/sketch/objects/objectEdits.js';
import { rect } from '../../shared/sketch/objectsFixtures.js';
import { showcaseDoc } from '../export/exportFixtures.js';

/** The name of a person who did NOT consent: it must appear in no file of a public bundle. */
export const SECRET_NAME = 'Erika Mustermann';
/** Her email. */
export const SECRET_EMAIL = 'erika.m@example.org';
/** A person who consented: her name may appear. */
export const CONSENTING_NAME = 'Max Beispiel';

const author = (id: string): { type: string; attrs: { id: string } } => ({ type: 'author', attrs: { id } });

function notes(topic: string): PadDoc {
  return {
    type: 'doc',
    content: [
      {
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: `Ergebnisse ${topic}`, marks: [author('u-erika')] }],
      },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: `Erika Mustermann stellt ${topic} vor. Mehr unter `,
            marks: [author('u-erika')],
          },
          {
            type: 'text',
            text: 'der Projektseite',
            marks: [author('u-max'), { type: 'link', attrs: { href: 'https://example.org/projekt' } }],
          },
          { type: 'text', text: '.', marks: [author('u-max')] },
        ],
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [{ type: 'text', text: 'Offene Daten zuerst', marks: [author('u-max')] }],
              },
            ],
          },
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [{ type: 'text', text: 'Größte Hürde: Lizenzen', marks: [author('u-anon')] }],
              },
            ],
          },
        ],
      },
    ],
  };
}

/**
 * A workspace with one event "Open Data Tag 2026" (motto, venue, licence), two rooms, two slots and
 * three sessions; Erika (no consent) hosts one, writes in two pads and chats; Max (consent) hosts
 * and writes. Returns the ids.
 */
export function makeBundleWorkspace(dataDir: string): { eventId: string; sessions: string[] } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const eventId = 'ev-odt';
  const sessions = ['s-daten', 's-karten', 's-frei'];
  withWorkspace(dataDir, (access) => {
    access.change(docNameFor('event', eventId), (doc: Y.Doc) => {
      setEventMeta(doc, {
        motto: 'Daten für alle',
        venue: 'Rathaus Musterstadt, Großer Saal',
        licence: 'CC-BY-4.0',
        days: ['2026-05-09'],
      });
      addRoom(doc, { id: 'r-saal', name: 'Großer Saal' });
      addRoom(doc, { id: 'r-klein', name: 'Raum 2' });
      addSlot(doc, { id: 'sl-1', start: '2026-05-09T10:00', end: '2026-05-09T10:45' });
      addSlot(doc, { id: 'sl-2', start: '2026-05-09T11:00', end: '2026-05-09T11:45' });
      addSession(doc, {
        id: 's-daten',
        title: 'Offene Daten in der Verwaltung',
        hosts: [SECRET_NAME, CONSENTING_NAME],
        description: `Eine Session von ${SECRET_NAME}.`,
        tags: ['Open Data'],
        votes: 12,
        cell: { roomId: 'r-saal', slotId: 'sl-1' },
        createdAt: '2026-05-09T08:00:00.000Z',
      });
      addSession(doc, {
        id: 's-karten',
        title: 'Karten für Bürger:innen',
        hosts: [CONSENTING_NAME],
        votes: 7,
        cell: { roomId: 'r-klein', slotId: 'sl-1' },
        createdAt: '2026-05-09T08:01:00.000Z',
      });
      addSession(doc, {
        id: 's-frei',
        title: 'Freie Software',
        hosts: ['Jonas Ohnezustimmung'],
        cell: { roomId: 'r-saal', slotId: 'sl-2' },
        createdAt: '2026-05-09T08:02:00.000Z',
      });
      ensureSketchId(doc, 's-daten');
    });
    // The people and the organisers' contact live in the event's people document (organisers only).
    access.change(docNameFor('event-people', eventId), (doc: Y.Doc) => {
      setOrganiserContact(doc, 'Team Open Government <opengov@example.org>');
      addPerson(doc, { id: 'p-erika', name: SECRET_NAME, email: SECRET_EMAIL, consent: false });
      addPerson(doc, { id: 'p-max', name: CONSENTING_NAME, consent: true });
    });
    access.change(docNameFor('sketch', 's-daten'), (doc: Y.Doc) => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(showcaseDoc()));
      addObject(doc, 'tname', {
        ...rect(),
        kind: 'text',
        x: 80,
        y: 200,
        w: 700,
        h: 40,
        text: `Danke, ${SECRET_NAME}!`,
        fontFamily: 'sans',
        fontSize: 28,
        align: 'left',
        angle: 0,
        strokeColour: '#1a1f26',
        z: 20,
      });
    });
    access.change(WORKSPACE_DOC, (doc: Y.Doc) =>
      addEvent(doc, { id: eventId, title: 'Open Data Tag 2026', createdAt: '2026-05-01T00:00:00.000Z' }),
    );
  });
  for (const [padId, topic] of [
    ['s-daten', 'Daten'],
    ['s-karten', 'Karten'],
  ] as const) {
    withPadWorkspace(dataDir, padId, { create: true }, (handle) => {
      handle.doc.transact(() => {
        setAuthor(handle.doc, 'u-erika', { name: SECRET_NAME, colour: '#ffc0c0' });
        setAuthor(handle.doc, 'u-max', { name: CONSENTING_NAME, colour: '#c0ffc0' });
        setAuthor(handle.doc, 'u-anon', { name: '', colour: '#c0c0ff' });
        writePadContent(handle.doc, notes(topic));
        addChatMessage(handle.doc, {
          author: 'u-erika',
          text: `Hallo, hier ${SECRET_NAME} (${SECRET_EMAIL})`,
          time: 1_778_000_000_000,
        });
      });
      handle.tracker.record('edit', ['u-erika', 'u-max'], { time: 1_778_000_000_000 });
    });
  }
  return { eventId, sessions };
}
