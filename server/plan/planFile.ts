import { MAX_PLAN_FILE_BYTES } from '../../shared/api/eventContract.js';
import type { PlanPreview } from '../../shared/event/importedPlan.js';
import { importCsvPlan } from './csvImport.js';
import { failedPreview } from './planPreview.js';
import { importSessionizePlan } from './sessionizeImport.js';
import { FILE_FORMATS, fileEndingOf } from '../../shared/files/fileFormats.js';

/** What the caller knows about a file's format (from its name or Content-Type). */
export type PlanFileHint = 'csv' | 'sessionize' | undefined;

/** The message for a file over {@link MAX_PLAN_FILE_BYTES}, the same for CLI and API. */
export function tooLargeMessage(bytes: number): string {
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  return (
    `The file is ${mb(bytes)} MB; plan files may be at most ${mb(MAX_PLAN_FILE_BYTES)} MB. ` +
    'A session plan is usually a few KB: check that this is the right file.'
  );
}

/** Guesses the format from a file name or Content-Type. */
export function hintFrom(nameOrType: string | undefined): PlanFileHint {
  if (!nameOrType) {
    return undefined;
  }
  const value = nameOrType.toLowerCase();
  const ending = fileEndingOf(value);
  if (ending === 'json' || value.includes(FILE_FORMATS.json.mediaType)) {
    return 'sessionize';
  }
  if (
    ending === 'csv' ||
    ending === 'tsv' ||
    ending === 'txt' ||
    /text\/(csv|plain|tab-separated-values)|ms-excel/.test(value)
  ) {
    return 'csv';
  }
  return undefined;
}

/**
 * Reads a plan file into a preview. Files above {@link MAX_PLAN_FILE_BYTES} are refused unread (a
 * clear answer instead of minutes of parsing). Without a hint, a file whose first non-blank
 * character is "{" or "[" is read as Sessionize JSON, anything else as CSV.
 */
export function readPlanFile(bytes: Uint8Array, timeZone: string, hint?: PlanFileHint): PlanPreview {
  const format = hint ?? (looksLikeJson(bytes) ? 'sessionize' : 'csv');
  if (bytes.length > MAX_PLAN_FILE_BYTES) {
    return failedPreview({ format, bytes: bytes.length }, timeZone, [
      { severity: 'error', code: 'too-large', message: tooLargeMessage(bytes.length) },
    ]);
  }
  return format === 'sessionize' ? importSessionizePlan(bytes, timeZone) : importCsvPlan(bytes, timeZone);
}

function looksLikeJson(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < Math.min(bytes.length, start + 1024); i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) {
      continue;
    }
    return b === 0x7b || b === 0x5b;
  }
  return false;
}
