import type { Stroke } from './strokeCodec.js';
import type { SketchObject } from './objects/objectCodec.js';
import { scenePaintOrder, type SketchScene } from './objects/sketchScene.js';

/**
 * The time-lapse of a sketchnote: when each stroke and object appeared, and the sheet as it was at a
 * moment of the replay. Pure logic, shared by the editor's player, the projector and the video export.
 *
 * What the replay can show: every stroke and object of the current document, appearing at its
 * `createdAt` (written by the engine when it is drawn), in drawing order, with long idle gaps (a coffee
 * break) shortened so that the video does not stand still. What it cannot show: strokes erased as a
 * whole and deleted objects (the Yjs document garbage-collects deleted content, so they never appear),
 * the pieces of a partially erased stroke appear whole-at-once at the original stroke's time (the
 * eraser keeps `createdAt`), and moved or restyled objects appear at their final place and style.
 */

/** One stroke or object on the timeline. */
export interface TimelineEntry {
  type: 'stroke' | 'object';
  id: string;
  /** The creation time as stored (ms since epoch), or the estimate for documents without one. */
  createdAt: number;
  /** True when the document had no creation time and the place in the paint order was used. */
  estimated: boolean;
  /** Replay time in ms from the empty sheet (idle gaps shortened). */
  t: number;
}

/** The ordered replay of a sheet. */
export interface Timeline {
  /** Entries by replay time (ties keep paint order). */
  entries: TimelineEntry[];
  /** Replay length in ms: the last entry's time plus a short hold on the finished sheet. */
  duration: number;
  /** How many entries had no creation time. */
  estimatedCount: number;
}

/** How the replay time is derived from the creation times. */
export interface TimelineOptions {
  /** Longest idle pause kept in ms; longer pauses are shortened to this (default 3,000). */
  maxGapMs?: number;
  /** Empty sheet shown before the first entry, in ms (default 500). */
  leadInMs?: number;
  /** Finished sheet held after the last entry, in ms (default 500). */
  holdMs?: number;
}

/** Creation times at or below this are treated as unknown (documents written before `createdAt`). */
const UNKNOWN_BEFORE = 1;

/**
 * Builds the timeline of a scene. Entries without a creation time get one from their paint order:
 * just after the item painted below them, so an old document replays bottom to top.
 */
export function buildTimeline(
  scene: Pick<SketchScene, 'strokes' | 'objects'>,
  options: TimelineOptions = {},
): Timeline {
  const maxGap = Math.max(0, options.maxGapMs ?? 3000);
  const leadIn = Math.max(1, options.leadInMs ?? 500);
  const hold = Math.max(0, options.holdMs ?? 500);
  const painted = scenePaintOrder(scene);
  const known = painted
    .map((entry) => entry.item.createdAt)
    .filter((at) => Number.isFinite(at) && at >= UNKNOWN_BEFORE);
  let previous = known.length > 0 ? Math.min(...known) : 0;
  let estimatedCount = 0;
  const raw = painted.map((entry, order) => {
    const item: Stroke | SketchObject = entry.item;
    const estimated = !(Number.isFinite(item.createdAt) && item.createdAt >= UNKNOWN_BEFORE);
    const createdAt = estimated ? previous + 1 : item.createdAt;
    if (estimated) {
      estimatedCount += 1;
    }
    previous = createdAt;
    return { type: entry.type, id: item.id, createdAt, estimated, order };
  });
  raw.sort((a, b) => a.createdAt - b.createdAt || a.order - b.order);
  const entries: TimelineEntry[] = [];
  let t = leadIn;
  let before: number | null = null;
  for (const entry of raw) {
    if (before !== null) {
      t += Math.min(entry.createdAt - before, maxGap);
    }
    before = entry.createdAt;
    entries.push({
      type: entry.type,
      id: entry.id,
      createdAt: entry.createdAt,
      estimated: entry.estimated,
      t,
    });
  }
  const duration = entries.length > 0 ? t + hold : 0;
  return { entries, duration, estimatedCount };
}

/** How many entries are visible at replay time `t` (ms): those with `entry.t <= t`. */
export function visibleCount(timeline: Timeline, t: number): number {
  let lo = 0;
  let hi = timeline.entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const entry = timeline.entries[mid];
    if (entry !== undefined && entry.t <= t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** The scene as it was at replay time `t` (ms), in the scene's paint order. */
export function sceneAt<S extends Pick<SketchScene, 'strokes' | 'objects' | 'strokeGroups'>>(
  scene: S,
  timeline: Timeline,
  t: number,
): S {
  const count = visibleCount(timeline, t);
  const shown = new Set(timeline.entries.slice(0, count).map((entry) => `${entry.type}:${entry.id}`));
  const strokes = scene.strokes.filter((s) => shown.has(`stroke:${s.id}`));
  const objects = scene.objects.filter((o) => shown.has(`object:${o.id}`));
  const strokeGroups = new Map([...scene.strokeGroups].filter(([id]) => shown.has(`stroke:${id}`)));
  return { ...scene, strokes, objects, strokeGroups };
}

/** Playback speed: a multiple of real time (1-60), or the whole replay fitted to a length. */
export type ReplayPace = { speed: number } | { fitSeconds: number };

/** Slowest playback multiple the player offers. */
const MIN_SPEED = 1;
/** Fastest playback multiple. */
const MAX_SPEED = 60;

/** Length of the played (or exported) replay in seconds, at a pace. */
export function playbackSeconds(timeline: Timeline, pace: ReplayPace): number {
  if ('fitSeconds' in pace) {
    return Math.max(0, pace.fitSeconds);
  }
  const speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, pace.speed));
  return timeline.duration / 1000 / speed;
}

/** Replay time (ms) shown after `seconds` of playback at a pace; clamped to the replay. */
export function replayTimeAt(timeline: Timeline, pace: ReplayPace, seconds: number): number {
  const total = playbackSeconds(timeline, pace);
  if (total <= 0) {
    return timeline.duration;
  }
  const fraction = Math.min(1, Math.max(0, seconds / total));
  return fraction * timeline.duration;
}

/**
 * Replay times (ms) of the frames of a video of `seconds` at `fps`: the first frame is the empty
 * sheet (time 0), the last the finished one (the full duration). At least two frames.
 */
export function frameTimes(timeline: Timeline, seconds: number, fps: number): number[] {
  const count = Math.max(2, Math.round(Math.max(0, seconds) * Math.max(1, fps)));
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    times.push((timeline.duration * i) / (count - 1));
  }
  return times;
}
