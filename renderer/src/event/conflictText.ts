import type { TFunction } from 'i18next';
import type { PlanConflict } from '../../../shared/event/conflicts.js';
import { timeOf } from './planGrid.js';

/**
 * A conflict in the reader's language. The shared checker gives a message key and parameters; local
 * times in them (`2018-05-05T10:45`) are shortened to the time of day, with the date only when the
 * event has more than one day.
 */
export function conflictText(t: TFunction, conflict: PlanConflict, multiDay: boolean): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(conflict.params)) {
    params[key] =
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
        ? multiDay
          ? `${value.slice(8, 10)}.${value.slice(5, 7)}. ${timeOf(value)}`
          : timeOf(value)
        : value;
  }
  // The key and its parameters come from shared/event/conflicts.ts at run time; every key is in the
  // resources (test/renderer/planConflicts.test.ts), so the untyped call is safe.
  const translate = t as unknown as (key: string, options: Record<string, string | number>) => string;
  return translate(conflict.messageKey, params);
}

/** Conflicts by the sessions they involve. */
export function conflictsBySession(conflicts: readonly PlanConflict[]): Map<string, PlanConflict[]> {
  const map = new Map<string, PlanConflict[]>();
  for (const conflict of conflicts) {
    for (const id of conflict.sessionIds) {
      map.set(id, [...(map.get(id) ?? []), conflict]);
    }
  }
  return map;
}
