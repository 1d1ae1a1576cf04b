import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The Etherpad fixtures (repo root ../shared/fixtures/etherpad), resolved from this file. */
export const FIXTURES = resolve(import.meta.dirname, '../../../../shared/fixtures/etherpad');

/** The three real Etherpad 2.5.3 exports. */
export const PADS = ['barcamp-multiauthor', 'barcamp-formatting', 'barcamp-unicode-long'] as const;

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
