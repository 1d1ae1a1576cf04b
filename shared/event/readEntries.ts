import type * as Y from 'yjs';
import type { z } from 'zod';
import { idSchema } from '../docs/docName.js';
import { entryOf } from './eventLayout.js';
import type { ReadProblem } from './eventSnapshot.js';

/**
 * Reading entries of an event's documents (the plan, readEvent.ts, and its people, readPeople.ts).
 * Every value comes from peers that may run an older or buggy version, so nothing here throws: a
 * bad entry is skipped and a bad optional field falls back to its default, both reported.
 */

/** Notes one problem of the entry being read. */
export type Report = (message: string) => void;

/** Reads every entry of a map of id → Y.Map; entries with a bad id or no map are skipped and reported. */
export function readEntries<T>(
  map: Y.Map<unknown>,
  name: string,
  problems: ReadProblem[],
  read: (id: string, entry: Y.Map<unknown>, report: Report) => T | undefined,
): T[] {
  const result: T[] = [];
  for (const id of map.keys()) {
    const path = `${name}/${id}`;
    const report: Report = (message) => problems.push({ path, message });
    if (!idSchema.safeParse(id).success) {
      report('skipped: the id is not a valid id');
      continue;
    }
    const entry = entryOf(map, id);
    if (!entry) {
      report('skipped: the entry is not a map');
      continue;
    }
    const value = read(id, entry, report);
    if (value !== undefined) {
      result.push(value);
    }
  }
  return result;
}

/** A field with a fallback: absent means the default silently, present but wrong is reported. */
export function field<T>(
  entry: Y.Map<unknown>,
  key: string,
  schema: z.ZodType<T>,
  fallback: T,
  report: Report,
): T {
  const value = entry.get(key);
  if (value === undefined) {
    return fallback;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  report(
    `${key}: ${JSON.stringify(value)} is not valid (${parsed.error.issues[0]?.message ?? 'wrong type'}); using the default`,
  );
  return fallback;
}

/** Validates the assembled entry once more, so the snapshot is exactly what the schema promises. */
export function checked<T>(schema: z.ZodType<T>, value: unknown, report: Report): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  report(
    `skipped: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ')}`,
  );
  return undefined;
}
