import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The organisers' plan files shipped in shared/fixtures/barcamp (see its README). */
export const BARCAMP_DIR = resolve(import.meta.dirname, '../../../../shared/fixtures/barcamp');

/** The three shapes of the same #MucGov18 plan. */
export const BARCAMP_FILES = {
  utf8: resolve(BARCAMP_DIR, 'mucgov18-sessionplan.csv'),
  excelUtf8: resolve(BARCAMP_DIR, 'mucgov18-sessionplan-excel-de.csv'),
  excelAnsi: resolve(BARCAMP_DIR, 'mucgov18-sessionplan-excel-de-ansi.csv'),
} as const;

/** A Sessionize "All" export written for these tests (own data, the documented shape). */
export const SESSIONIZE_FILE = resolve(import.meta.dirname, 'fixtures/sessionize-all.json');

/** Reads a fixture's bytes. */
export function fixtureBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

/** The one title in which the Windows-1252 file differs: cp1252 has no emoji, so Excel dropped it. */
export const EMOJI_TITLE = 'Chatbot auf Bairisch 🥨';

/** Removes pictographs (and the space before them), for comparing with the cp1252 file. */
export function withoutEmoji(text: string): string {
  return text.replace(/\s*\p{Extended_Pictographic}/gu, '');
}
