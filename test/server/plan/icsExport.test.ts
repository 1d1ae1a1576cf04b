import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRoom,
  addSession,
  addSlot,
  moveSession,
  setCancelled,
} from '../../../shared/event/eventChanges.js';
import type { EventSnapshot } from '../../../shared/event/eventSnapshot.js';
import { readEvent } from '../../../shared/event/readEvent.js';
import { applyPlan } from '../../../server/plan/applyPlan.js';
import { escapeText, exportPlanIcs, foldLine } from '../../../server/plan/icsExport.js';
import { readPlanFile } from '../../../server/plan/planFile.js';
import { PLAN_FILES, SESSIONIZE_FILE, fixtureBytes } from './fixtures.js';

const NOW = new Date('2025-03-01T12:00:00Z');

/** A tiny RFC 5545 reader for the tests: unfolds, splits properties and unescapes TEXT. */
function parseIcs(text: string): { calendar: Map<string, string>; events: Map<string, string>[] } {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
  const calendar = new Map<string, string>();
  const events: Map<string, string>[] = [];
  let current: Map<string, string> | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0] ?? '';
    const value = line.slice(colon + 1);
    if (line === 'BEGIN:VEVENT') {
      current = new Map();
    } else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else {
      (current ?? calendar).set(name, value);
    }
  }
  return { calendar, events };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

function snapshotFrom(file: string): EventSnapshot {
  const doc = new Y.Doc();
  let n = 0;
  applyPlan(doc, readPlanFile(fixtureBytes(file), 'Europe/Berlin').plan, {
    random: (len) => Uint8Array.from({ length: len }, () => n++ % 256),
    now: NOW,
  });
  return readEvent(doc);
}

const options = { eventId: 'ogdleipzig26', title: 'OGD Leipzig 2026', now: NOW, productVersion: '0.1.0' };

describe('iCalendar export', () => {
  it('writes one VEVENT per scheduled session with stable UIDs and UTC times', () => {
    const snapshot = snapshotFrom(PLAN_FILES.utf8);
    const ics = exportPlanIcs(snapshot, options);
    const { calendar, events } = parseIcs(ics);
    expect(calendar.get('BEGIN')).toBe('VCALENDAR');
    expect(calendar.get('VERSION')).toBe('2.0');
    expect(calendar.get('PRODID')).toBe('-//Mitschrift//Mitschrift 0.1.0//DE');
    expect(events).toHaveLength(26);
    const plenary = events[0];
    expect(plenary?.get('SUMMARY')).toBe('Eröffnung & Sessionplanung');
    expect(plenary?.get('DTSTART')).toBe('20260613T070000Z');
    expect(plenary?.get('DTEND')).toBe('20260613T080000Z');
    expect(plenary?.get('LOCATION')).toBe('Festsaal');
    expect(plenary?.get('DTSTAMP')).toBe('20250301T120000Z');
    expect(plenary?.get('SEQUENCE')).toBe('0');
    expect(plenary?.get('STATUS')).toBe('CONFIRMED');
    expect(unescapeText(plenary?.get('DESCRIPTION') ?? '')).toBe(
      'Host: Orga-Team\n\nGrußwort, Ablauf des Tages und Pitch der Session-Vorschläge',
    );
    const ids = new Map(snapshot.sessions.map((s) => [s.title, s.id]));
    expect(plenary?.get('UID')).toBe(
      `${ids.get('Eröffnung & Sessionplanung') ?? ''}@ogdleipzig26.mitschrift`,
    );
    expect(new Set(events.map((e) => e.get('UID'))).size).toBe(26);
    const sprache = events.find((e) => e.get('SUMMARY') === 'Leichte Sprache in Bescheiden');
    expect(sprache?.get('CATEGORIES')).toBe('sprache,verwaltung');
    expect(sprache?.get('DTSTART')).toBe('20260613T081500Z');
    expect(events.some((e) => e.get('SUMMARY')?.startsWith('Sächsisch'))).toBe(false);
    // Exporting again gives the same UIDs, so calendar apps update the entries.
    expect(parseIcs(exportPlanIcs(snapshot, options)).events.map((e) => e.get('UID'))).toEqual(
      events.map((e) => e.get('UID')),
    );
  });

  it('computes UTC from Berlin time on both sides of the late-October change (Sessionize fixture)', () => {
    const { events } = parseIcs(exportPlanIcs(snapshotFrom(SESSIONIZE_FILE), options));
    const byTitle = new Map(events.map((e) => [unescapeText(e.get('SUMMARY') ?? ''), e]));
    // Saturday 26 October 2024 is still summer time (+02:00).
    expect(byTitle.get('Open Data im Landkreis')?.get('DTSTART')).toBe('20241026T084500Z');
    // Sunday 27 October 2024 after 03:00 is winter time (+01:00).
    expect(byTitle.get('Sonntagsfrühstück: Was nehmen wir mit?')?.get('DTSTART')).toBe('20241027T090000Z');
    expect(byTitle.get('Sonntagsfrühstück: Was nehmen wir mit?')?.get('DTEND')).toBe('20241027T094500Z');
  });

  it('computes UTC on both sides of the March change', () => {
    const doc = new Y.Doc();
    addRoom(doc, { id: 'r1', name: 'Saal' });
    addSlot(doc, { id: 'sat', start: '2024-03-30T10:00', end: '2024-03-30T11:00' });
    addSlot(doc, { id: 'sun', start: '2024-03-31T10:00', end: '2024-03-31T11:00' });
    addSession(doc, { id: 'a', title: 'Samstag', cell: { roomId: 'r1', slotId: 'sat' }, createdAt: '1' });
    addSession(doc, { id: 'b', title: 'Sonntag', cell: { roomId: 'r1', slotId: 'sun' }, createdAt: '2' });
    const { events } = parseIcs(exportPlanIcs(readEvent(doc), options));
    expect(events.map((e) => [e.get('DTSTART'), e.get('DTEND')])).toEqual([
      ['20240330T090000Z', '20240330T100000Z'],
      ['20240331T080000Z', '20240331T090000Z'],
    ]);
  });

  it('escapes TEXT, folds long lines at 75 octets without splitting characters, and marks cancellations', () => {
    const doc = new Y.Doc();
    addRoom(doc, { id: 'r1', name: 'Raum 1; Etage 2, links' });
    addSlot(doc, { id: 't1', start: '2018-05-05T10:45', end: '2018-05-05T11:30' });
    const title =
      'Beteiligung: digital, analog; hybrid \\ mit Ümläuten und Emoji 🥨🥨🥨 — eine sehr lange Überschrift, die gefaltet wird';
    addSession(doc, {
      id: 's1',
      title,
      hosts: ['Ada', 'Grace'],
      description: 'Zeile 1\nZeile 2; mit Komma, Semikolon und \\ Backslash',
      tags: ['a,b', 'c;d'],
      createdAt: '1',
    });
    moveSession(doc, 's1', { roomId: 'r1', slotId: 't1' });
    setCancelled(doc, 's1', true);
    const ics = exportPlanIcs(readEvent(doc), options);
    for (const physical of ics.split('\r\n')) {
      expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
      // A character split across two lines would leave a lone surrogate, which UTF-8 cannot encode.
      expect(Buffer.from(physical, 'utf8').toString('utf8')).toBe(physical);
    }
    const event = parseIcs(ics).events[0];
    expect(event?.get('SUMMARY')).toBe(escapeText(title));
    expect(unescapeText(event?.get('SUMMARY') ?? '')).toBe(title);
    expect(event?.get('LOCATION')).toBe('Raum 1\\; Etage 2\\, links');
    expect(event?.get('DESCRIPTION')).toBe(
      'Hosts: Ada\\, Grace\\n\\nZeile 1\\nZeile 2\\; mit Komma\\, Semikolon und \\\\ Backslash',
    );
    expect(event?.get('CATEGORIES')).toBe('a\\,b,c\\;d');
    expect(event?.get('STATUS')).toBe('CANCELLED');
    expect(event?.get('SEQUENCE')).toBe('2');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(foldLine(`${'x'.repeat(74)}ü`)).toBe(`${'x'.repeat(74)}\r\n ü`);
  });
});
