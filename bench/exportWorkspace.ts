import { mkdirSync } from 'node:fs';
import type * as Y from 'yjs';
import { WORKSPACE_DOC, docNameFor } from '../shared/docs/docName.js';
import { addEvent } from '../shared/docs/workspaceIndex.js';
import {
  addPerson,
  addRoom,
  addSession,
  addSlot,
  ensureSketchId,
  setEventMeta,
  setOrganiserContact,
} from '../shared/event/eventChanges.js';
import type { PadDoc } from '../shared/pad/padJson.js';
import { writePadContent } from '../shared/pad/padContent.js';
import { setAuthor } from '../shared/pad/padLayout.js';
import { mulberry32 } from '../shared/random.js';
import { metaMap, strokesMap, type SheetFormat } from '../shared/sketch/sketchLayout.js';
import { encodeStroke } from '../shared/sketch/strokeCodec.js';
import { syntheticSketch } from '../shared/sketch/synthetic.js';
import { addFileAttachment, checkFileAttachment } from '../server/bundle/attachments.js';
import { withPadWorkspace } from '../server/pad/padWorkspace.js';
import { withWorkspace } from '../server/plan/storeAccess.js';
import { jpegOf, photoPixels } from '../test/server/bundle/photoFixtures.js';

/**
 * The workspaces the export benchmark measures: one sketchnote of a given size, and a whole event
 * as the bundle issue describes it (sessions with two pages of notes each, a 5,000-stroke A0
 * sketchnote and two 12-megapixel phone photos).
 */

/** Writes a synthetic sketchnote `sketch/<id>` with `strokes` strokes spread over the sheet. */
export function writeSyntheticSketch(
  access: { change: (name: ReturnType<typeof docNameFor>, fn: (doc: Y.Doc) => void) => void },
  id: string,
  format: SheetFormat,
  strokes: number,
): void {
  access.change(docNameFor('sketch', id), (doc) => {
    metaMap(doc).set('format', format);
    const map = strokesMap(doc);
    // The synthetic writer fills an A0 sheet; a panorama stretches it to 8000 x 2000.
    const scaleX = format === 'panorama' ? 8000 / 4494 : 1;
    const scaleY = format === 'panorama' ? 2000 / 3179 : 1;
    for (const { id: strokeId, ...stroke } of syntheticSketch(strokes)) {
      const xyp = stroke.points.xyp.slice();
      for (let i = 0; i < xyp.length; i += 3) {
        xyp[i] = (xyp[i] ?? 0) * scaleX;
        xyp[i + 1] = (xyp[i + 1] ?? 0) * scaleY;
      }
      map.set(strokeId, encodeStroke({ ...stroke, points: { xyp, hasPressure: true } }));
    }
  });
}

const WORDS = (
  'Verwaltung Daten offen Bürger Beteiligung Karte Haushalt Schnittstelle Portal Lizenz Stadt ' +
  'Quartier Mobilität Radweg Schule Bibliothek Antrag Formular digital Termin Rathaus Frage ' +
  'Antwort Idee Projekt Team Ergebnis nächste Schritte Verantwortung Prototyp Nutzerinnen'
).split(' ');

/** Two printed pages of notes: headings, paragraphs with links, bullet lists (seeded). */
function twoPagesOfNotes(seed: number): PadDoc {
  const random = mulberry32(seed);
  const sentence = (n: number): string =>
    Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ') + '.';
  const paragraph = (): PadDoc['content'][number] => ({
    type: 'paragraph',
    content: [
      { type: 'text', text: `${sentence(14)} ${sentence(11)} ${sentence(16)} ` },
      {
        type: 'text',
        text: 'Mehr dazu',
        marks: [{ type: 'link', attrs: { href: 'https://example.org/mehr' } }],
      },
      { type: 'text', text: ` ${sentence(12)}` },
    ],
  });
  const list = (): PadDoc['content'][number] => ({
    type: 'bulletList',
    content: Array.from({ length: 5 }, () => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence(7) }] }],
    })),
  });
  const content: PadDoc['content'] = [];
  for (const heading of ['Vorstellung', 'Diskussion', 'Ergebnisse', 'Nächste Schritte']) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: heading }] });
    content.push(paragraph(), paragraph(), list());
  }
  return { type: 'doc', content };
}

/** Builds the benchmark event `ev-bench`: `sessions` sessions in rooms x slots, answers its id. */
export async function writeBenchEvent(
  dataDir: string,
  options: { sessions: number; strokes: number; photos: number },
): Promise<string> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const eventId = 'ev-bench';
  const rooms = 5;
  const sessionIds = Array.from({ length: options.sessions }, (_, i) => `s-${i + 1}`);
  withWorkspace(dataDir, (access) => {
    access.change(docNameFor('event', eventId), (doc) => {
      setEventMeta(doc, {
        motto: 'Stadt gemeinsam gestalten',
        venue: 'Rathaus',
        licence: 'CC-BY-4.0',
        days: ['2026-06-13'],
      });
      for (let r = 0; r < rooms; r++) {
        addRoom(doc, { id: `r-${r + 1}`, name: `Raum ${r + 1}` });
      }
      const slots = Math.ceil(options.sessions / rooms);
      for (let s = 0; s < slots; s++) {
        const hour = String(9 + s).padStart(2, '0');
        addSlot(doc, { id: `sl-${s + 1}`, start: `2026-06-13T${hour}:00`, end: `2026-06-13T${hour}:45` });
      }
      sessionIds.forEach((id, i) => {
        addSession(doc, {
          id,
          title: `Session ${i + 1}: Offene Daten im Quartier`,
          hosts: [`Host ${i + 1}`],
          votes: 5 + (i % 9),
          cell: { roomId: `r-${(i % rooms) + 1}`, slotId: `sl-${Math.floor(i / rooms) + 1}` },
          createdAt: '2026-06-13T08:00:00.000Z',
        });
        const sketchId = ensureSketchId(doc, id);
        if (sketchId) {
          writeSyntheticSketch(access, sketchId, 'a0', options.strokes);
        }
      });
    });
    access.change(docNameFor('event-people', eventId), (doc) => {
      setOrganiserContact(doc, 'Team Open Government <opengov@example.org>');
      addPerson(doc, { id: 'p-1', name: 'Host 1', consent: true });
    });
    access.change(WORKSPACE_DOC, (doc) =>
      addEvent(doc, { id: eventId, title: 'Bürger-BarCamp 2026', createdAt: '2026-06-01T00:00:00.000Z' }),
    );
  });
  sessionIds.forEach((id, i) => {
    withPadWorkspace(dataDir, id, { create: true }, (handle) => {
      handle.doc.transact(() => {
        setAuthor(handle.doc, 'u-1', { name: `Host ${i + 1}`, colour: '#c0ffc0' });
        writePadContent(handle.doc, twoPagesOfNotes(i + 1));
      });
    });
  });
  // Two phone photos (12 megapixels), checked and downscaled once like an upload, stored per session.
  const photos = [];
  for (let p = 0; p < options.photos; p++) {
    const pixels = photoPixels(4032 - p * 16, 3024);
    photos.push(await checkFileAttachment(await jpegOf(pixels)));
  }
  const now = new Date('2026-06-13T18:00:00.000Z');
  for (const id of sessionIds) {
    photos.forEach((photo, p) =>
      addFileAttachment(dataDir, id, photo, { title: `Foto ${p + 1}`, licence: 'CC-BY-4.0' }, now),
    );
  }
  return eventId;
}
