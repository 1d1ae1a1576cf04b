import type { Messages } from './de.js';
import { app } from './en/app.js';
import { events } from './en/events.js';
import { event } from './en/event.js';
import { pad } from './en/pad.js';
import { sketch } from './en/sketch.js';
import { wall } from './en/wall.js';
import { settings } from './en/settings.js';
import { share } from './en/share.js';
import { eventDay } from './en/eventDay.js';

/** English UI texts; one file per section in `en/`; the keys mirror `de.ts` exactly (the type and a unit test enforce that). */
export const en: Messages = {
  ...app,
  ...events,
  ...event,
  ...pad,
  ...sketch,
  ...wall,
  ...settings,
  ...share,
  ...eventDay,
};
