import type { PlanField } from './importedPlan.js';

/**
 * The German name of each session-plan column: the header the `csv-excel-de` export writes, and
 * the label the renderer's import preview shows for that column (renderer/src/i18n/de.ts). One fact,
 * so a file and the screen describing it never disagree. Import accepts many more spellings
 * (server/plan/planColumns.ts).
 */
export const GERMAN_PLAN_COLUMNS = {
  title: 'Titel',
  hosts: 'Sessiongeber:in',
  room: 'Raum',
  start: 'Beginn',
  end: 'Ende',
  votes: 'Stimmen',
  tags: 'Schlagworte',
  description: 'Beschreibung',
  status: 'Status',
  date: 'Datum',
} as const satisfies Record<PlanField, string>;
