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

/**
 * The stable codes of an import the core refuses as a whole (the `code` of its API error): the UI
 * shows `plan.import.error.<code>` instead of the core's English sentence.
 */
export const IMPORT_ERROR_CODES = [
  'too-large',
  'import-busy',
  'import-too-slow',
  'import-out-of-memory',
  'event-missing',
] as const;

/** A code of a refused import. */
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

const KNOWN_ERRORS = new Set<string>(IMPORT_ERROR_CODES);

/** Whether the UI has a text of its own for the refused import's `code`. */
export function isKnownImportError(code: string | undefined): code is ImportErrorCode {
  return code !== undefined && KNOWN_ERRORS.has(code);
}

/** A known import problem code. */
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

const KNOWN = new Set<string>(IMPORT_PROBLEM_CODES);

/** Whether the UI has a text of its own for `code`. */
export function isKnownImportProblem(code: string): code is ImportProblemCode {
  return KNOWN.has(code);
}
