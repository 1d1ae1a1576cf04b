/**
 * The stable codes of the problems a plan import reports (`code` of a row or file problem in
 * importedPlan.ts). The core writes an English sentence beside each code for the CLI and logs; the
 * UI shows its own text for the code instead (i18n key `plan.import.code.<code>`, with the line,
 * the column and the value read), so a German UI never shows English developer text. A code the
 * UI does not know (a newer core) falls back to a general sentence plus the core's text.
 */
export const IMPORT_PROBLEM_CODES = [
  // The whole file
  'too-large',
  'too-many-rows',
  'not-csv-xlsx',
  'not-csv-xls',
  'invalid-utf8',
  'no-columns',
  'duplicate-column',
  'unknown-columns',
  'start-end-columns',
  'no-rows',
  'invalid-json',
  'sessionize-wrong-view',
  'sessionize-wrong-shape',
  // One row
  'broken-quotes',
  'unclosed-quote',
  'unreadable-csv',
  'empty-row',
  'too-many-values',
  'missing-values',
  'title-missing',
  'start-missing',
  'end-missing',
  'end-before-start',
  'room-missing',
  'room-without-time',
  'time-without-room',
  'status-without-place',
  'status-with-place',
  'unreadable-date',
  'impossible-date',
  'unreadable-time',
  'impossible-time',
  'seconds-in-time',
  'time-without-date',
  'nonexistent-time',
  'votes-not-a-number',
  'unknown-status',
  'sessionize-bad-field',
  'unknown-speaker',
  'unknown-category',
  'service-session',
  'unknown-room',
] as const;

/** A known import problem code. */
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

const KNOWN = new Set<string>(IMPORT_PROBLEM_CODES);

/** Whether the UI has a text of its own for `code`. */
export function isKnownImportProblem(code: string): code is ImportProblemCode {
  return KNOWN.has(code);
}
