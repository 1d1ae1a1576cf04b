import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Our Etherpad fixtures (test/fixtures/etherpad, made by an unmodified Etherpad; see its README). */
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/etherpad');

/** The multi-author pad: head 6, two chat messages, revision 4 saved. */
const MULTI = 'ogd-mehrautoren';
/** The pad written with setHTML: lists, bold, italic, underline, strikethrough. */
const FORMATTING = 'ogd-formatierung';
/** The long pad with umlauts, emoji, astral-plane letters and combining marks. */
const UNICODE = 'ogd-unicode-lang';

/** The three real Etherpad 2.5.3 exports. */
export const PADS = [MULTI, FORMATTING, UNICODE] as const;

/** Reads a fixture file (path relative to the fixtures folder) as UTF-8. */
export function fixture(path: string): string {
  return readFileSync(resolve(FIXTURES, path), 'utf8');
}

/** Every file in fixtures/malformed/. */
export function malformedFiles(): string[] {
  return readdirSync(resolve(FIXTURES, 'malformed')).sort();
}

/** Deep-copies the parsed JSON of a fixture so a test can edit it. */
export function fixtureData(name: string): Record<string, Record<string, unknown>> {
  return JSON.parse(fixture(`${name}.etherpad`)) as Record<string, Record<string, unknown>>;
}
