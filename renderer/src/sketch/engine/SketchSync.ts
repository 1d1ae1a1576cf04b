import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { LiveStrokeBuffer, type LiveStrokeChunk } from '../../../../shared/sketch/liveStroke.js';
import {
  LIVE_STROKE_AWARENESS_KEY,
  layersMap,
  metaMap,
  strokesMap,
  type StrokeJson,
} from '../../../../shared/sketch/sketchLayout.js';
import { decodeStroke, type Stroke } from '../../../../shared/sketch/strokeCodec.js';
import { decodeObject, type SketchObject } from '../../../../shared/sketch/objects/objectCodec.js';
import { assetsMap, objectsMap, strokeGroupsMap } from '../../../../shared/sketch/objects/objectLayout.js';

/** What the engine does with document and awareness changes. */
export interface SyncHandlers {
  /** Strokes arrived (`bulk`: many at once, e.g. the initial load; rebake rather than paint each). */
  strokesAdded(strokes: Stroke[], bulk: boolean): void;
  strokesRemoved(ids: string[]): void;
  /** Objects arrived or changed (`added`) or left (`removed`, ids). */
  objectsChanged(added: SketchObject[], removed: string[]): void;
  /** Image assets arrived (ids). */
  assetsAdded(ids: string[]): void;
  /** Stroke group memberships changed. */
  groupsChanged(): void;
  paperChanged(): void;
  layersChanged(): void;
  remoteLiveChanged(): void;
}

/** What a map change added or replaced (decoded; malformed entries left out) and what it removed. */
function mapChanges<T>(
  event: Y.YMapEvent<unknown>,
  decode: (id: string) => T | null,
): { added: T[]; removed: string[] } {
  const added: T[] = [];
  const removed: string[] = [];
  for (const [id, change] of event.changes.keys) {
    // A replaced entry is removed and added again (entries are never edited in place).
    if (change.action === 'delete' || change.action === 'update') {
      removed.push(id);
    }
    if (change.action === 'add' || change.action === 'update') {
      const value = decode(id);
      if (value) {
        added.push(value);
      }
    }
  }
  return { added, removed };
}

/** One change event with more entries than this counts as a bulk load. */
const BULK_THRESHOLD = 200;

/**
 * Binds the engine to a `sketch/<id>` document: reads the strokes map incrementally (never
 * rebuilding the scene on a change), writes finished strokes in one transaction with the local
 * origin (so a Y.UndoManager with `trackedOrigins` undoes per user), and relays strokes in
 * progress through awareness. Malformed entries are skipped with a warning naming id and reason.
 */
export class SketchSync {
  /** Other people's strokes in progress, by awareness client id. */
  readonly remoteLive = new Map<number, LiveStrokeBuffer>();
  private readonly strokes: Y.Map<unknown>;
  private readonly meta: Y.Map<unknown>;
  private readonly layers: Y.Map<unknown>;
  private readonly objects: Y.Map<unknown>;
  private readonly assets: Y.Map<unknown>;
  private readonly groups: Y.Map<unknown>;
  private readonly committedIds = new Set<string>();
  private skipped = 0;
  /** Whether a stroke in progress was ever shared (only then is there one to take back). */
  private sharedLive = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly awareness: Awareness | null,
    private readonly origin: object,
    private readonly handlers: SyncHandlers,
  ) {
    this.strokes = strokesMap(doc);
    this.meta = metaMap(doc);
    this.layers = layersMap(doc);
    this.objects = objectsMap(doc);
    this.assets = assetsMap(doc);
    this.groups = strokeGroupsMap(doc);
  }

  /** Loads what the document holds now and starts observing it. */
  start(): void {
    const initial: Stroke[] = [];
    this.strokes.forEach((value, id) => {
      const stroke = this.decode(id, value);
      if (stroke) {
        initial.push(stroke);
      }
    });
    if (initial.length > 0) {
      this.handlers.strokesAdded(initial, initial.length > BULK_THRESHOLD);
    }
    const objects: SketchObject[] = [];
    this.objects.forEach((value, id) => {
      const object = this.decodeObjectEntry(id, value);
      if (object) {
        objects.push(object);
      }
    });
    if (objects.length > 0) {
      this.handlers.objectsChanged(objects, []);
    }
    this.strokes.observe(this.onStrokes);
    this.objects.observe(this.onObjects);
    this.assets.observe(this.onAssets);
    this.groups.observe(this.onGroups);
    this.meta.observe(this.onMeta);
    this.layers.observe(this.onLayers);
    this.awareness?.on('change', this.onAwareness);
  }

  /** How many entries were refused as malformed so far. */
  get skippedCount(): number {
    return this.skipped;
  }

  /** Writes finished strokes (already encoded) in one transaction. */
  commit(entries: Array<{ id: string; json: StrokeJson }>): void {
    this.doc.transact(() => {
      for (const { id, json } of entries) {
        this.strokes.set(id, json);
      }
    }, this.origin);
  }

  /** Shares the local stroke in progress (a chunk of new points), or null when the pen is up. */
  publishLive(chunk: LiveStrokeChunk | null): void {
    this.sharedLive ||= chunk !== null;
    this.awareness?.setLocalStateField(LIVE_STROKE_AWARENESS_KEY, chunk);
  }

  destroy(): void {
    this.strokes.unobserve(this.onStrokes);
    this.meta.unobserve(this.onMeta);
    this.layers.unobserve(this.onLayers);
    this.objects.unobserve(this.onObjects);
    this.assets.unobserve(this.onAssets);
    this.groups.unobserve(this.onGroups);
    if (this.awareness) {
      this.awareness.off('change', this.onAwareness);
      // A viewer never drew: publishing an empty stroke would put a field into its presence that a
      // read-only link may not carry (the core counts it as malformed).
      if (this.sharedLive) {
        this.publishLive(null);
      }
    }
  }

  private decode(id: string, value: unknown): Stroke | null {
    const result = decodeStroke(id, value);
    if (!result.ok) {
      this.skipped += 1;
      console.warn(`Sketch: skipped stroke "${id.slice(0, 80)}": ${result.reason}`);
      return null;
    }
    return result.stroke;
  }

  private decodeObjectEntry(id: string, value: unknown): SketchObject | null {
    const result = decodeObject(id, value);
    if (!result.ok) {
      this.skipped += 1;
      console.warn(`Sketch: skipped object "${id.slice(0, 80)}": ${result.reason}`);
      return null;
    }
    return result.value;
  }

  private readonly onObjects = (event: Y.YMapEvent<unknown>): void => {
    const { added, removed } = mapChanges(event, (id) => this.decodeObjectEntry(id, this.objects.get(id)));
    this.handlers.objectsChanged(added, removed);
  };

  private readonly onAssets = (event: Y.YMapEvent<unknown>): void => {
    this.handlers.assetsAdded([...event.keysChanged]);
  };

  private readonly onGroups = (): void => this.handlers.groupsChanged();

  private readonly onStrokes = (event: Y.YMapEvent<unknown>): void => {
    const { added, removed } = mapChanges(event, (id) => this.decode(id, this.strokes.get(id)));
    for (const stroke of added) {
      this.committedIds.add(stroke.id);
    }
    if (removed.length > 0) {
      this.handlers.strokesRemoved(removed);
    }
    if (added.length > 0) {
      this.handlers.strokesAdded(added, added.length > BULK_THRESHOLD);
      // Someone's preview of a stroke that has now arrived is no longer needed.
      let changed = false;
      for (const buffer of this.remoteLive.values()) {
        if (buffer.valid && this.committedIds.has(buffer.id)) {
          buffer.apply(null);
          changed = true;
        }
      }
      if (changed) {
        this.handlers.remoteLiveChanged();
      }
    }
    if (this.committedIds.size > 1000) {
      this.committedIds.clear();
    }
  };

  private readonly onMeta = (): void => this.handlers.paperChanged();
  private readonly onLayers = (): void => this.handlers.layersChanged();

  private readonly onAwareness = (changes: {
    added: number[];
    updated: number[];
    removed: number[];
  }): void => {
    if (!this.awareness) {
      return;
    }
    let changed = false;
    const states = this.awareness.getStates();
    for (const client of [...changes.added, ...changes.updated]) {
      if (client === this.awareness.clientID) {
        continue;
      }
      const state = states.get(client) as Record<string, unknown> | undefined;
      let buffer = this.remoteLive.get(client);
      if (!buffer) {
        buffer = new LiveStrokeBuffer();
        this.remoteLive.set(client, buffer);
      }
      const value = state?.[LIVE_STROKE_AWARENESS_KEY] ?? null;
      if (
        value !== null &&
        typeof value === 'object' &&
        this.committedIds.has((value as { id?: unknown }).id as string)
      ) {
        continue;
      }
      changed = buffer.apply(value) || changed;
    }
    for (const client of changes.removed) {
      changed = this.remoteLive.delete(client) || changed;
    }
    if (changed) {
      this.handlers.remoteLiveChanged();
    }
  };
}
