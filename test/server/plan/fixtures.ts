import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The session-plan fixtures of this repository (test/fixtures/plans, made by test/fixtures/make-plans.mjs). */
const PLANS_DIR = resolve(import.meta.dirname, '../../fixtures/plans');

/** The three CSV shapes of the same "Open Government Tag Leipzig 2026" plan. */
export const PLAN_FILES = {
  utf8: resolve(PLANS_DIR, 'ogd-leipzig-2026-sessionplan.csv'),
  excelUtf8: resolve(PLANS_DIR, 'ogd-leipzig-2026-sessionplan-excel-de.csv'),
  excelAnsi: resolve(PLANS_DIR, 'ogd-leipzig-2026-sessionplan-excel-de-ansi.csv'),
} as const;

/** The same plan as a Sessionize "All" export. */
export const PLAN_SESSIONIZE_FILE = resolve(PLANS_DIR, 'ogd-leipzig-2026-sessionplan-sessionize.json');

/** A small Sessionize "All" export written by hand for these tests (service session, two days). */
export const SESSIONIZE_FILE = resolve(import.meta.dirname, 'fixtures/sessionize-all.json');

/** Reads a fixture's bytes. */
export function fixtureBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

/** The one title in which the Windows-1252 file differs: cp1252 has no emoji, so Excel dropped it. */
export const EMOJI_TITLE = 'Sächsisch für Sprachassistenten 🤖';

/** Removes pictographs (and the space before them), for comparing with the cp1252 file. */
export function withoutEmoji(text: string): string {
  return text.replace(/\s*\p{Extended_Pictographic}/gu, '');
}
