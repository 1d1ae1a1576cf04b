import {
  erasePartial,
  erasePartOfStroke,
  eraserPathHitsObject,
  eraserPathHitsStroke,
} from '../../../../../shared/sketch/edit/eraser.js';
import { deleteItems } from '../../../../../shared/sketch/objects/objectEdits.js';
import type { ItemRef } from '../../../../../shared/sketch/objects/paintOrder.js';
import type { InkStroke } from '../InkStroke.js';
import type { ObjectItem } from '../ObjectItem.js';
import { selectable } from './SelectTool.js';
import { flatBounds, n } from './svg.js';
import type { Tool, ToolHost, ToolPointer } from './toolHost.js';

/**
 * The eraser. In 'stroke' mode whatever it touches goes whole (strokes and objects); in 'partial'
 * mode strokes lose only the parts it passes over (they are split) and objects stay: a filled shape
 * with its text is not "part" of anything, and wiping a word off the ink must not take the box
 * under it (the gesture ends with a notice saying so). Each pointer move erases along the segment
 * since the last one, so a fast swipe misses nothing.
 */
export class EraserTool implements Tool {
  private last: { x: number; y: number } | null = null;
  private cursor: { x: number; y: number } | null = null;
  /** Objects the partial eraser passed over and left, for the notice at the end of the gesture. */
  private readonly kept = new Set<string>();

  constructor(private readonly host: ToolHost) {}

  down(p: ToolPointer): void {
    this.last = p.scene;
    this.cursor = p.screen;
    this.eraseAlong([p.scene.x, p.scene.y]);
    this.host.overlayChanged();
  }

  move(p: ToolPointer): void {
    const from = this.last ?? p.scene;
    this.last = p.scene;
    this.cursor = p.screen;
    this.eraseAlong([from.x, from.y, p.scene.x, p.scene.y]);
    this.host.overlayChanged();
  }

  up(): void {
    if (this.kept.size > 0) {
      this.host.notice({ kind: 'eraserKeptObjects', count: this.kept.size });
      this.kept.clear();
    }
    this.last = null;
    this.cursor = null;
    this.host.overlayChanged();
  }

  cancel(): void {
    this.up();
  }

  private eraseAlong(path: number[]): void {
    const radius = this.host.eraserSize() / this.host.view().zoom;
    const box = flatBounds(path);
    const items = this.host
      .itemsIn({
        x: box.x - radius,
        y: box.y - radius,
        width: box.width + 2 * radius,
        height: box.height + 2 * radius,
      })
      .filter((item) => selectable(this.host, item) && !item.hidden);
    const whole: ItemRef[] = [];
    const partial: Array<{ id: string; pieces: Float32Array[] }> = [];
    const partialMode = this.host.eraserMode() === 'partial';
    for (const item of items) {
      if (item.type === 'stroke') {
        const ink = item as InkStroke;
        const strokeRadius = ink.meanWidth / 2;
        if (partialMode) {
          const result = erasePartOfStroke(ink.xyp, ink.count, strokeRadius, path, radius);
          if (result.changed) {
            if (result.pieces.length === 0) {
              whole.push({ type: 'stroke', id: ink.id });
            } else {
              partial.push({ id: ink.id, pieces: result.pieces });
            }
          }
        } else if (eraserPathHitsStroke(ink.xyp, ink.count, strokeRadius, path, radius)) {
          whole.push({ type: 'stroke', id: ink.id });
        }
      } else {
        const object = (item as ObjectItem).object;
        if (eraserPathHitsObject(object, path, radius, (id) => this.host.object(id))) {
          if (partialMode) {
            this.kept.add(object.id);
          } else {
            whole.push({ type: 'object', id: object.id });
          }
        }
      }
    }
    if (whole.length === 0 && partial.length === 0) {
      return;
    }
    this.host.write(() => {
      if (whole.length > 0) {
        deleteItems(this.host.doc, whole);
      }
      for (const { id, pieces } of partial) {
        erasePartial(this.host.doc, id, pieces, { newId: () => this.host.newId() });
      }
    });
  }

  overlay(): string {
    if (!this.cursor) {
      return '';
    }
    return `<circle class="eraser-cursor" cx="${n(this.cursor.x)}" cy="${n(this.cursor.y)}" r="${n(this.host.eraserSize())}"/>`;
  }
}
