import RBush from 'rbush';
import type { Rect } from '../../../../shared/sketch/viewTransform.js';
import { compareItems, type SceneItem } from './sceneItem.js';

/**
 * All finished strokes and objects, by key (see `sceneItem.ts`) and in an R-tree of their bounding boxes, so culling, tile baking and
 * (later) hit-testing cost O(log n + hits) instead of a walk over every stroke.
 */
export class StrokeScene {
  private readonly byId = new Map<string, SceneItem>();
  private readonly tree = new RBush<SceneItem>(16);

  get size(): number {
    return this.byId.size;
  }

  get(key: string): SceneItem | undefined {
    return this.byId.get(key);
  }

  has(key: string): boolean {
    return this.byId.has(key);
  }

  /** Adds strokes; many at once are bulk-loaded, which builds a better tree much faster. */
  addMany(strokes: SceneItem[]): void {
    const fresh: SceneItem[] = [];
    for (const stroke of strokes) {
      const old = this.byId.get(stroke.key);
      if (old) {
        this.tree.remove(old);
      }
      this.byId.set(stroke.key, stroke);
      fresh.push(stroke);
    }
    if (fresh.length > 64) {
      this.tree.load(fresh);
    } else {
      for (const stroke of fresh) {
        this.tree.insert(stroke);
      }
    }
  }

  add(stroke: SceneItem): void {
    this.addMany([stroke]);
  }

  remove(key: string): SceneItem | undefined {
    const stroke = this.byId.get(key);
    if (stroke) {
      this.byId.delete(key);
      this.tree.remove(stroke);
    }
    return stroke;
  }

  /** Strokes whose box intersects the rect, unordered. */
  search(rect: Rect): SceneItem[] {
    return this.tree.search({
      minX: rect.x,
      minY: rect.y,
      maxX: rect.x + rect.width,
      maxY: rect.y + rect.height,
    });
  }

  /** Strokes whose box intersects the rect, in paint order. */
  searchOrdered(rect: Rect): SceneItem[] {
    return this.search(rect).sort(compareItems);
  }

  /** Whether `stroke` paints above every other stroke that overlaps it (so it can be drawn on top). */
  isTopmost(stroke: SceneItem): boolean {
    const hits = this.tree.search(stroke);
    for (const other of hits) {
      if (other !== stroke && compareItems(other, stroke) > 0) {
        return false;
      }
    }
    return true;
  }

  /** The box around all ink, or null when there is none. */
  bounds(): Rect | null {
    if (this.byId.size === 0) {
      return null;
    }
    const root = this.tree.toJSON() as { minX: number; minY: number; maxX: number; maxY: number };
    return { x: root.minX, y: root.minY, width: root.maxX - root.minX, height: root.maxY - root.minY };
  }

  all(): IterableIterator<SceneItem> {
    return this.byId.values();
  }

  clear(): void {
    this.byId.clear();
    this.tree.clear();
  }
}
