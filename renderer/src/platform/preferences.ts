import { languageSchema, type Language } from '../../../shared/ipc/contract.js';

/**
 * Per-device preferences. This is the only module that touches localStorage (lint forbids it
 * elsewhere) so the storage can change in one place. Preferences are personal and per device, so
 * they do not belong in the shared Yjs documents.
 */

const LANGUAGE_KEY = 'mitschrift.language';
const DISPLAY_NAME_KEY = 'mitschrift.displayName';
/** Long enough for any real name, short enough to fit the presence list of a later editor. */
export const DISPLAY_NAME_MAX_LENGTH = 60;

function storage(): Storage | null {
  // Reading `localStorage` throws in some privacy modes; preferences then simply are not kept.
  try {
    return globalThis.localStorage;
  } catch {
    return null;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    const store = storage();
    if (value === null) {
      store?.removeItem(key);
    } else {
      store?.setItem(key, value);
    }
  } catch {
    // A full or blocked storage must not break the UI; the choice just is not remembered.
  }
}

/** The remembered UI language, or null when none was chosen yet. */
export function getLanguagePreference(): Language | null {
  const parsed = languageSchema.safeParse(read(LANGUAGE_KEY));
  return parsed.success ? parsed.data : null;
}

/** Remembers the UI language on this device. */
export function setLanguagePreference(language: Language): void {
  write(LANGUAGE_KEY, language);
}

/** The name shown to others while collaborating, or an empty string when none was set. */
export function getDisplayName(): string {
  return (read(DISPLAY_NAME_KEY) ?? '').slice(0, DISPLAY_NAME_MAX_LENGTH);
}

/** Remembers the collaboration display name on this device; an empty name forgets it. */
export function setDisplayName(name: string): void {
  const trimmed = name.trim().slice(0, DISPLAY_NAME_MAX_LENGTH);
  write(DISPLAY_NAME_KEY, trimmed === '' ? null : trimmed);
}

const USER_ID_KEY = 'mitschrift.userId';
const AUTHOR_COLOURS_KEY = 'mitschrift.authorColours';
const USER_ID_PATTERN = /^u[0-9A-Za-z]{15}$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
let sessionUserId: string | null = null;

/**
 * This device's stable user id (`u` + 15 random base62 characters), made on first use. It marks
 * the text someone writes in a pad (authorship colours) and gives them the same colour
 * everywhere. Where storage is blocked it lasts as long as the page.
 */
export function getUserId(): string {
  const stored = read(USER_ID_KEY);
  if (stored !== null && USER_ID_PATTERN.test(stored)) {
    return stored;
  }
  if (sessionUserId === null) {
    const bytes = new Uint8Array(15);
    crypto.getRandomValues(bytes);
    sessionUserId = 'u' + [...bytes].map((b) => BASE62[b % 62]).join('');
  }
  write(USER_ID_KEY, sessionUserId);
  return sessionUserId;
}

/** Whether pads show who wrote what in colour (default yes, as in Etherpad). */
export function getShowAuthorColours(): boolean {
  return read(AUTHOR_COLOURS_KEY) !== 'off';
}

/** Remembers whether pads show authorship colours on this device. */
export function setShowAuthorColours(show: boolean): void {
  write(AUTHOR_COLOURS_KEY, show ? null : 'off');
}
