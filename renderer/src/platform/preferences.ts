import { z } from 'zod';
import { languageSchema, type Language } from '../../../shared/ipc/contract.js';
import { BRUSHES } from '../../../shared/sketch/brushes.js';
import {
  FONT_FAMILIES,
  OBJECT_STYLES,
  type FontFamily,
  type ObjectStyle,
} from '../../../shared/sketch/objects/objectFields.js';
import {
  BRUSH_KINDS,
  MAX_STROKE_SIZE,
  MIN_STROKE_SIZE,
  type BrushKind,
} from '../../../shared/sketch/sketchLayout.js';

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

// ---- Sketch editor (per user on this device) ----------------------------------------------------

const SKETCH_PALETTE_KEY = 'mitschrift.sketchPalette';
const SKETCH_TOOLS_KEY = 'mitschrift.sketchTools';
/** How many self-mixed colours the sketch palette remembers. */
export const SKETCH_CUSTOM_COLOURS_MAX = 8;
const SKETCH_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** The chosen colour set and colour of the sketch editor, and the last self-mixed colours. */
export interface SketchPalettePrefs {
  /** Id of a preset palette (the editor falls back to its first palette for an unknown id). */
  palette: string;
  /** The current ink colour, '#rrggbb'. */
  colour: string;
  /** Self-mixed colours, newest first, at most {@link SKETCH_CUSTOM_COLOURS_MAX}. */
  custom: string[];
}

export const DEFAULT_SKETCH_PALETTE_PREFS: SketchPalettePrefs = {
  palette: 'classic',
  colour: '#1d1d1f',
  custom: [],
};

const sketchPaletteSchema = z.object({
  palette: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9-]{0,31}$/)
    .catch(DEFAULT_SKETCH_PALETTE_PREFS.palette),
  colour: z.string().regex(SKETCH_COLOUR).catch(DEFAULT_SKETCH_PALETTE_PREFS.colour),
  custom: z
    .array(z.unknown())
    .catch([])
    .transform((list) =>
      [
        ...new Set(
          list
            .filter((c): c is string => typeof c === 'string' && SKETCH_COLOUR.test(c))
            .map((c) => c.toLowerCase()),
        ),
      ].slice(0, SKETCH_CUSTOM_COLOURS_MAX),
    ),
});

/** The brush and object settings the sketch editor starts with next time. */
export interface SketchToolPrefs {
  brush: BrushKind;
  /** Stroke width in scene units. */
  size: number;
  /** 0 (raw) … 1 (smooth). */
  smoothing: number;
  pressureOn: boolean;
  shapeStyle: ObjectStyle;
  fontFamily: FontFamily;
}

export const DEFAULT_SKETCH_TOOL_PREFS: SketchToolPrefs = {
  brush: 'fineliner',
  size: BRUSHES.fineliner.defaultSize,
  smoothing: 0.5,
  pressureOn: true,
  shapeStyle: 'handDrawn',
  fontFamily: 'hand',
};

const sketchToolSchema = z.object({
  brush: z.enum(BRUSH_KINDS).catch(DEFAULT_SKETCH_TOOL_PREFS.brush),
  size: z.number().min(MIN_STROKE_SIZE).max(MAX_STROKE_SIZE).catch(DEFAULT_SKETCH_TOOL_PREFS.size),
  smoothing: z.number().min(0).max(1).catch(DEFAULT_SKETCH_TOOL_PREFS.smoothing),
  pressureOn: z.boolean().catch(DEFAULT_SKETCH_TOOL_PREFS.pressureOn),
  shapeStyle: z.enum(OBJECT_STYLES).catch(DEFAULT_SKETCH_TOOL_PREFS.shapeStyle),
  fontFamily: z.enum(FONT_FAMILIES).catch(DEFAULT_SKETCH_TOOL_PREFS.fontFamily),
});

/** Stored JSON under `key`, validated; anything unreadable or malformed gives the defaults. */
function readJson<T>(key: string, schema: z.ZodType<T>, defaults: T): T {
  const raw = read(key);
  if (raw === null) {
    return structuredClone(defaults);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return structuredClone(defaults);
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : structuredClone(defaults);
}

/** This user's sketch colour set, colour and self-mixed colours on this device. */
export function getSketchPalettePrefs(): SketchPalettePrefs {
  return readJson(`${SKETCH_PALETTE_KEY}.${getUserId()}`, sketchPaletteSchema, DEFAULT_SKETCH_PALETTE_PREFS);
}

/** Remembers the sketch colour set, colour and self-mixed colours for this user on this device. */
export function setSketchPalettePrefs(prefs: SketchPalettePrefs): void {
  const clean = sketchPaletteSchema.parse(prefs);
  write(`${SKETCH_PALETTE_KEY}.${getUserId()}`, JSON.stringify(clean));
}

/** This user's last sketch brush and object settings on this device. */
export function getSketchToolPrefs(): SketchToolPrefs {
  return readJson(`${SKETCH_TOOLS_KEY}.${getUserId()}`, sketchToolSchema, DEFAULT_SKETCH_TOOL_PREFS);
}

/** Remembers the sketch brush and object settings for this user on this device. */
export function setSketchToolPrefs(prefs: SketchToolPrefs): void {
  const clean = sketchToolSchema.parse(prefs);
  write(`${SKETCH_TOOLS_KEY}.${getUserId()}`, JSON.stringify(clean));
}

const SKETCH_LIBRARY_KEY = 'mitschrift.sketchLibrary';

/** The recorder's stamps and templates as stored (a library file's text), or null when there are none. */
export function getSketchLibraryText(): string | null {
  return read(SKETCH_LIBRARY_KEY);
}

/**
 * Stores the recorder's library. False when the storage refused it (full, or blocked), so the
 * editor can say that the new entry was not kept, unlike the other preferences whose loss is harmless.
 */
export function setSketchLibraryText(text: string): boolean {
  try {
    const store = storage();
    if (!store) {
      return false;
    }
    store.setItem(SKETCH_LIBRARY_KEY, text);
    return true;
  } catch {
    return false;
  }
}
