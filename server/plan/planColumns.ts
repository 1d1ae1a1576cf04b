import type { PlanField } from '../../shared/event/importedPlan.js';
import { GERMAN_PLAN_COLUMNS } from '../../shared/event/planColumnLabels.js';

/**
 * Header names organisers actually use, German and English. A header is compared after
 * {@link normaliseHeader}, so "Sessiongeber:in", "Sessiongeber*in", "SESSIONGEBER_IN" and
 * "Sessiongeberin" are all the same column.
 */
const ALIASES: Record<PlanField, readonly string[]> = {
  title: ['title', 'titel', 'session', 'sessiontitel', 'sessiontitle', 'thema', 'topic', 'sessionname'],
  hosts: [
    'host',
    'hosts',
    'sessiongeber',
    'sessiongeberin',
    'sessiongeberinnen',
    'sessionhost',
    'referent',
    'referentin',
    'referenten',
    'referentinnen',
    'speaker',
    'speakers',
    'moderator',
    'moderatorin',
    'moderatoren',
    'moderation',
    'gastgeber',
    'gastgeberin',
    'presenter',
    'leitung',
  ],
  room: ['room', 'raum', 'ort', 'location', 'saal', 'raumname', 'roomname'],
  start: ['start', 'beginn', 'begin', 'anfang', 'startzeit', 'starttime', 'startsat', 'von', 'from'],
  end: ['end', 'ende', 'endzeit', 'endtime', 'endsat', 'bis', 'to', 'until'],
  votes: [
    'votes',
    'vote',
    'stimmen',
    'anzahlstimmen',
    'handzeichen',
    'interessierte',
    'interested',
    'votecount',
  ],
  tags: [
    'tags',
    'schlagworte',
    'schlagwort',
    'stichworte',
    'stichwort',
    'kategorie',
    'kategorien',
    'category',
    'categories',
    'keywords',
  ],
  description: ['description', 'beschreibung', 'kurzbeschreibung', 'abstract', 'details', 'inhalt'],
  status: ['status'],
  date: ['date', 'datum', 'day'],
};

const BY_ALIAS = new Map<string, PlanField>(
  Object.entries(ALIASES).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field as PlanField] as const),
  ),
);

/** A header reduced to its letters and digits, lower case: "Sessiongeber:in " → "sessiongeberin". */
function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLocaleLowerCase('de')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The plan field a header names, or undefined for a column Mitschrift does not import. */
export function fieldForHeader(header: string): PlanField | undefined {
  return BY_ALIAS.get(normaliseHeader(header));
}

/** The headers the export writes, one per field, as the "expected" list in messages. */
export const ENGLISH_HEADERS: Record<PlanField, string> = {
  title: 'title',
  hosts: 'host',
  room: 'room',
  start: 'start',
  end: 'end',
  votes: 'votes',
  tags: 'tags',
  description: 'description',
  status: 'status',
  date: 'date',
};

/** The headers German Excel users know, written by the `csv-excel-de` export (the i18n's labels too). */
export const GERMAN_HEADERS: Record<PlanField, string> = GERMAN_PLAN_COLUMNS;

/** "title (Titel), host (Sessiongeber:in), …": the expected headers, for a message. */
export function expectedHeadersText(): string {
  return (['title', 'hosts', 'room', 'start', 'end', 'votes', 'tags', 'description'] as const)
    .map((f) => `${ENGLISH_HEADERS[f]} (${GERMAN_HEADERS[f]})`)
    .join(', ');
}
