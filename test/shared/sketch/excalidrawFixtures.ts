import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The folder of the hand-written `.excalidraw` fixtures. */
export const EXCALIDRAW_FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** The text of one fixture file. */
export function fixture(name: string): string {
  return readFileSync(resolve(EXCALIDRAW_FIXTURES, name), 'utf8');
}
