import { app } from './de/app.js';
import { events } from './de/events.js';
import { event } from './de/event.js';
import { pad } from './de/pad.js';
import { sketch } from './de/sketch.js';
import { wall } from './de/wall.js';
import { settings } from './de/settings.js';
import { share } from './de/share.js';
import { eventDay } from './de/eventDay.js';

/**
 * German UI texts, the default language. Addressed formally ("Sie"): the people using Mitschrift
 * work in or with public administrations. One file per section in `de/`; `en.ts` must have exactly
 * the same keys.
 */
export const de = {
  ...app,
  ...events,
  ...event,
  ...pad,
  ...sketch,
  ...wall,
  ...settings,
  ...share,
  ...eventDay,
} as const;

/** Turns the literal types of {@link de} into plain strings, so other languages fit the same shape. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language's texts must have. */
export type Messages = Widen<typeof de>;
