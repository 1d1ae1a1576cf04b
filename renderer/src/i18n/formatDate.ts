import type { Language } from '../../../shared/ipc/contract.js';

/**
 * Formats an ISO 8601 time for people reading the given language, in `timeZone` (an event's own)
 * or the device's; unparsable input is shown as is.
 */
export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}
