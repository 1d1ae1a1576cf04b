import * as Y from 'yjs';
import { assetsMap, objectsMap, strokeGroupsMap } from './objects/objectLayout.js';
import { readSketchScene } from './objects/sketchScene.js';
import { layersMap, metaMap, strokesMap } from './sketchLayout.js';
import { buildTimeline, visibleCount, type Timeline } from './timelapse.js';

/**
 * A sketchnote as it was at a moment of its time-lapse, as a document of its own: the sheet,
 * layers and pictures of the original, and exactly the strokes and objects the timeline shows at
 * that moment. The editor's own engine draws it (read-only), so the replay looks like the editor;
 * moving the time adds or removes only the entries in between (the engine redraws incrementally).
 * The original is only read, never changed: the replay is a copy taken when it is made.
 */
export class ReplayDoc {
  /** The document to draw (never synced anywhere). */
  readonly doc = new Y.Doc();
  readonly timeline: Timeline;
  private shown = 0;
  private readonly strokes = new Map<string, unknown>();
  private readonly objects = new Map<string, unknown>();
  private readonly groups = new Map<string, unknown>();

  constructor(source: Y.Doc) {
    this.timeline = buildTimeline(readSketchScene(source));
    strokesMap(source).forEach((value, id) => this.strokes.set(id, value));
    objectsMap(source).forEach((value, id) => this.objects.set(id, value));
    strokeGroupsMap(source).forEach((value, id) => this.groups.set(id, value));
    this.doc.transact(() => {
      for (const [from, to] of [
        [metaMap(source), metaMap(this.doc)],
        [layersMap(source), layersMap(this.doc)],
        [assetsMap(source), assetsMap(this.doc)],
      ] as const) {
        from.forEach((value, key) => to.set(key, value));
      }
    });
  }

  /** How many timeline entries are on the sheet now. */
  get visible(): number {
    return this.shown;
  }

  /** Shows the sheet at replay time `t` (ms from the empty sheet); one transaction. */
  setTime(t: number): void {
    const target = visibleCount(this.timeline, t);
    if (target === this.shown) {
      return;
    }
    const entries = this.timeline.entries;
    this.doc.transact(() => {
      if (target > this.shown) {
        for (const entry of entries.slice(this.shown, target)) {
          if (entry.type === 'stroke') {
            strokesMap(this.doc).set(entry.id, this.strokes.get(entry.id));
            const group = this.groups.get(entry.id);
            if (group !== undefined) {
              strokeGroupsMap(this.doc).set(entry.id, group);
            }
          } else {
            objectsMap(this.doc).set(entry.id, this.objects.get(entry.id));
          }
        }
      } else {
        for (const entry of entries.slice(target, this.shown)) {
          if (entry.type === 'stroke') {
            strokesMap(this.doc).delete(entry.id);
            strokeGroupsMap(this.doc).delete(entry.id);
          } else {
            objectsMap(this.doc).delete(entry.id);
          }
        }
      }
    });
    this.shown = target;
  }

  /** Frees the copy. */
  destroy(): void {
    this.doc.destroy();
  }
}
