import {
  boxContains,
  boxInLasso,
  hitTestObject,
  hitTestStroke,
  strokeInLasso,
} from '../../../../../shared/sketch/edit/selectionHit.js';
import {
  affineRotate,
  affineScale,
  affineTranslate,
  applyAffine,
  IDENTITY_AFFINE,
  transformItems,
  type Affine,
} from '../../../../../shared/sketch/edit/transform.js';
import { sceneToLocal } from '../../../../../shared/sketch/objects/geometry.js';
import { kindOf } from '../../../../../shared/sketch/objects/kinds/index.js';
import { objectBounds } from '../../../../../shared/sketch/objects/objectBounds.js';
import type { SketchObject } from '../../../../../shared/sketch/objects/objectCodec.js';
import type { ItemRef } from '../../../../../shared/sketch/objects/paintOrder.js';
import { sceneToScreen, type Point } from '../../../../../shared/sketch/viewTransform.js';
import type { InkStroke } from '../InkStroke.js';
import type { ObjectItem } from '../ObjectItem.js';
import type { SceneItem } from '../sceneItem.js';
import { withGroups, type Selection } from './selection.js';
import { flatBounds, n, pathData } from './svg.js';
import type { Tool, ToolHost, ToolPointer } from './toolHost.js';

/** A scene box. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The eight scale handles and the rotation handle, by where they sit on the box (0..1). */
const HANDLES: Array<{ name: string; fx: number; fy: number }> = [
  { name: 'nw', fx: 0, fy: 0 },
  { name: 'n', fx: 0.5, fy: 0 },
  { name: 'ne', fx: 1, fy: 0 },
  { name: 'e', fx: 1, fy: 0.5 },
  { name: 'se', fx: 1, fy: 1 },
  { name: 's', fx: 0.5, fy: 1 },
  { name: 'sw', fx: 0, fy: 1 },
  { name: 'w', fx: 0, fy: 0.5 },
];
const ROTATE_OFFSET_PX = 28;
const HANDLE_PX = 10;
/** A press that moves less than this (screen px) is a click, not a drag. */
const DRAG_PX = 3;
const SNAP_ANGLE = Math.PI / 12;

type Drag =
  | { kind: 'none' }
  | { kind: 'pending'; start: ToolPointer; hit: ItemRef | null }
  | { kind: 'move'; start: ToolPointer; lifted: SceneItem[]; matrix: Affine }
  | {
      kind: 'scale';
      start: ToolPointer;
      lifted: SceneItem[];
      box: Box;
      fx: number;
      fy: number;
      matrix: Affine;
    }
  | { kind: 'rotate'; start: ToolPointer; lifted: SceneItem[]; box: Box; matrix: Affine }
  | { kind: 'box'; start: ToolPointer; now: ToolPointer; additive: boolean }
  | { kind: 'lasso'; start: ToolPointer; path: number[]; screen: number[]; additive: boolean };

/** Whether an item may be selected now: on a visible, unlocked layer and not lifted. */
export function selectable(host: ToolHost, item: SceneItem): boolean {
  const layer = host.layers()[item.layer];
  return layer.visible && !layer.locked && layer.opacity > 0;
}

/** The reference of a scene item. */
function refOf(item: SceneItem): ItemRef {
  return { type: item.type, id: item.id };
}

/** The topmost selectable item under a scene point, or null. */
export function itemAt(host: ToolHost, p: Point, tolerancePx: number): SceneItem | null {
  const zoom = host.view().zoom;
  const tolerance = tolerancePx / zoom;
  const candidates = host.itemsIn({
    x: p.x - tolerance,
    y: p.y - tolerance,
    width: 2 * tolerance,
    height: 2 * tolerance,
  });
  for (let i = candidates.length - 1; i >= 0; i--) {
    const item = candidates[i];
    if (!item || !selectable(host, item)) {
      continue;
    }
    if (item.type === 'stroke') {
      const ink = item as InkStroke;
      if (hitTestStroke(ink.xyp, ink.count, ink.meanWidth / 2, p.x, p.y, tolerance)) {
        return item;
      }
    } else {
      const object = (item as ObjectItem).object;
      if (object.kind === 'text' && object.containerId !== undefined && host.object(object.containerId)) {
        // A text in a shape is picked through its shape (as in Excalidraw); a double click edits it.
        continue;
      }
      if (hitTestObject(object, p.x, p.y, tolerance, (id) => host.object(id))) {
        return item;
      }
    }
  }
  return null;
}

/** The topmost object a connector can bind to (filled or not) whose box holds a scene point, or null. */
export function boxObjectAt(host: ToolHost, p: Point): SketchObject | null {
  const candidates = host.itemsIn({ x: p.x - 1, y: p.y - 1, width: 2, height: 2 });
  for (let i = candidates.length - 1; i >= 0; i--) {
    const item = candidates[i];
    if (!item || item.type !== 'object' || !selectable(host, item)) {
      continue;
    }
    const object = (item as ObjectItem).object;
    if (kindOf(object).bindsConnectors !== true) {
      continue;
    }
    const [lx, ly] = sceneToLocal(object, p.x, p.y);
    if (lx >= 0 && ly >= 0 && lx <= object.w && ly <= object.h) {
      return object;
    }
  }
  return null;
}

/**
 * Selection (box or lasso) and the transform of what is selected: drag inside the box to move,
 * a corner to scale in proportion (Shift: freely), an edge to stretch, the knob above to rotate
 * (Shift: in 15° steps). While dragging, the selection is lifted out of the tiles and drawn
 * transformed on the overlay; on release the transform is written in one transaction.
 */
export class SelectTool implements Tool {
  private drag: Drag = { kind: 'none' };

  constructor(
    private readonly host: ToolHost,
    private readonly selection: Selection,
    private readonly mode: 'box' | 'lasso',
  ) {}

  /** The scene box around the selected items, or null. */
  bounds(): Box | null {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const ref of this.selection.refs()) {
      const item = this.host.item(ref);
      if (!item) {
        continue;
      }
      const box = this.tightBox(item);
      minX = Math.min(minX, box.x);
      minY = Math.min(minY, box.y);
      maxX = Math.max(maxX, box.x + box.width);
      maxY = Math.max(maxY, box.y + box.height);
    }
    return minX <= maxX ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
  }

  private tightBox(item: SceneItem): Box {
    if (item.type === 'object') {
      return objectBounds((item as ObjectItem).object);
    }
    return { x: item.minX, y: item.minY, width: item.maxX - item.minX, height: item.maxY - item.minY };
  }

  private liftedItems(): SceneItem[] {
    return this.selection
      .refs()
      .map((ref) => this.host.item(ref))
      .filter((item): item is SceneItem => item !== undefined);
  }

  /** Which handle (or the rotation knob) is under a screen point. */
  private handleAt(
    screen: Point,
    kind: ToolPointer['kind'],
  ): { name: string; fx: number; fy: number } | null {
    const box = this.bounds();
    if (!box) {
      return null;
    }
    const view = this.host.view();
    const reach = kind === 'touch' ? 22 : 12;
    const tl = sceneToScreen(view, { x: box.x, y: box.y });
    const br = sceneToScreen(view, { x: box.x + box.width, y: box.y + box.height });
    const knob = { x: (tl.x + br.x) / 2, y: tl.y - ROTATE_OFFSET_PX };
    if (Math.hypot(screen.x - knob.x, screen.y - knob.y) <= reach) {
      return { name: 'rotate', fx: 0.5, fy: -1 };
    }
    for (const h of HANDLES) {
      const hx = tl.x + (br.x - tl.x) * h.fx;
      const hy = tl.y + (br.y - tl.y) * h.fy;
      if (Math.abs(screen.x - hx) <= reach && Math.abs(screen.y - hy) <= reach) {
        return h;
      }
    }
    return null;
  }

  private insideSelection(p: Point): boolean {
    const box = this.bounds();
    return (
      box !== null && p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height
    );
  }

  down(p: ToolPointer): void {
    const handle = this.selection.size > 0 ? this.handleAt(p.screen, p.kind) : null;
    const box = this.bounds();
    if (handle && box) {
      const lifted = this.liftedItems();
      this.drag =
        handle.name === 'rotate'
          ? { kind: 'rotate', start: p, lifted, box, matrix: IDENTITY_AFFINE }
          : {
              kind: 'scale',
              start: p,
              lifted,
              box,
              fx: handle.fx,
              fy: handle.fy,
              matrix: IDENTITY_AFFINE,
            };
      this.host.setLifted(lifted, this.drag.matrix);
      return;
    }
    const hit = itemAt(this.host, p.scene, p.kind === 'touch' ? 16 : 6);
    if (hit) {
      const ref = refOf(hit);
      if (p.shiftKey) {
        const group = withGroups(this.host.doc, [ref]);
        if (this.selection.has(ref)) {
          this.selection.remove(group);
        } else {
          this.selection.add(group);
        }
      } else if (!this.selection.has(ref)) {
        this.selection.set(withGroups(this.host.doc, [ref]));
      }
      this.drag = { kind: 'pending', start: p, hit: ref };
    } else if (this.mode === 'box' && this.insideSelection(p.scene) && !p.shiftKey) {
      this.drag = { kind: 'pending', start: p, hit: null };
    } else {
      if (!p.shiftKey) {
        this.selection.clear();
      }
      this.drag =
        this.mode === 'lasso'
          ? {
              kind: 'lasso',
              start: p,
              path: [p.scene.x, p.scene.y],
              screen: [p.screen.x, p.screen.y],
              additive: p.shiftKey,
            }
          : { kind: 'box', start: p, now: p, additive: p.shiftKey };
    }
    this.host.overlayChanged();
  }

  move(p: ToolPointer): void {
    const drag = this.drag;
    switch (drag.kind) {
      case 'pending': {
        if (Math.hypot(p.screen.x - drag.start.screen.x, p.screen.y - drag.start.screen.y) < DRAG_PX) {
          return;
        }
        const lifted = this.liftedItems();
        if (lifted.length === 0) {
          this.drag = { kind: 'none' };
          return;
        }
        this.drag = { kind: 'move', start: drag.start, lifted, matrix: IDENTITY_AFFINE };
        this.move(p);
        return;
      }
      case 'move':
        drag.matrix = affineTranslate(p.scene.x - drag.start.scene.x, p.scene.y - drag.start.scene.y);
        this.host.setLifted(drag.lifted, drag.matrix);
        break;
      case 'scale':
        drag.matrix = this.scaleAffine(drag, p);
        this.host.setLifted(drag.lifted, drag.matrix);
        break;
      case 'rotate': {
        const cx = drag.box.x + drag.box.width / 2;
        const cy = drag.box.y + drag.box.height / 2;
        let angle =
          Math.atan2(p.scene.y - cy, p.scene.x - cx) -
          Math.atan2(drag.start.scene.y - cy, drag.start.scene.x - cx);
        if (p.shiftKey) {
          angle = Math.round(angle / SNAP_ANGLE) * SNAP_ANGLE;
        }
        drag.matrix = affineRotate(angle, cx, cy);
        this.host.setLifted(drag.lifted, drag.matrix);
        break;
      }
      case 'box':
        drag.now = p;
        break;
      case 'lasso':
        drag.path.push(p.scene.x, p.scene.y);
        drag.screen.push(p.screen.x, p.screen.y);
        break;
      default:
        return;
    }
    this.host.overlayChanged();
  }

  private scaleAffine(drag: Extract<Drag, { kind: 'scale' }>, p: ToolPointer): Affine {
    const { box, fx, fy } = drag;
    // The fixed point is the opposite handle.
    const ax = box.x + box.width * (1 - fx);
    const ay = box.y + box.height * (1 - fy);
    const hx = box.x + box.width * fx;
    const hy = box.y + box.height * fy;
    const dx = p.scene.x - drag.start.scene.x;
    const dy = p.scene.y - drag.start.scene.y;
    const limit = (s: number): number => (Math.abs(s) < 0.02 ? (s < 0 ? -0.02 : 0.02) : s);
    let sx = fx === 0.5 || hx === ax ? 1 : limit((hx + dx - ax) / (hx - ax));
    let sy = fy === 0.5 || hy === ay ? 1 : limit((hy + dy - ay) / (hy - ay));
    const corner = fx !== 0.5 && fy !== 0.5;
    if (corner && !p.shiftKey) {
      const s = Math.max(Math.abs(sx), Math.abs(sy));
      sx = Math.sign(sx) * s;
      sy = Math.sign(sy) * s;
    }
    return affineScale(sx, sy, ax, ay);
  }

  up(p: ToolPointer | null): void {
    const drag = this.drag;
    this.drag = { kind: 'none' };
    switch (drag.kind) {
      case 'pending':
        if (drag.hit === null && !p?.shiftKey) {
          // A click inside the selection box but on no item: keep the selection.
        }
        break;
      case 'move':
      case 'scale':
      case 'rotate':
        this.commit(drag.lifted, drag.matrix);
        break;
      case 'box':
        this.finishBox(drag.start, p ?? drag.now, drag.additive);
        break;
      case 'lasso':
        this.finishLasso(drag.path, drag.additive);
        break;
      default:
        break;
    }
    this.host.overlayChanged();
  }

  cancel(): void {
    const drag = this.drag;
    this.drag = { kind: 'none' };
    if (drag.kind === 'move' || drag.kind === 'scale' || drag.kind === 'rotate') {
      this.host.setLifted([], null);
    }
    this.host.overlayChanged();
  }

  private commit(lifted: SceneItem[], matrix: Affine): void {
    const refs = lifted.map(refOf);
    this.host.setLifted([], null);
    if (matrix.every((v, i) => Math.abs(v - (IDENTITY_AFFINE[i] ?? 0)) < 1e-9)) {
      return;
    }
    this.host.write(() => {
      transformItems(this.host.doc, refs, matrix);
    });
    this.host.selectionChanged();
  }

  private candidates(area: Box): SceneItem[] {
    return this.host.itemsIn(area).filter((item) => selectable(this.host, item));
  }

  private finishBox(start: ToolPointer, end: ToolPointer, additive: boolean): void {
    const area: Box = {
      x: Math.min(start.scene.x, end.scene.x),
      y: Math.min(start.scene.y, end.scene.y),
      width: Math.abs(end.scene.x - start.scene.x),
      height: Math.abs(end.scene.y - start.scene.y),
    };
    if (area.width * this.host.view().zoom < DRAG_PX && area.height * this.host.view().zoom < DRAG_PX) {
      return;
    }
    const chosen = this.candidates(area)
      .filter((item) => boxContains(area, this.tightBox(item)))
      .map(refOf);
    this.choose(chosen, additive);
  }

  /** Selects what a box or lasso caught (with their groups), or adds it with Shift. */
  private choose(chosen: ItemRef[], additive: boolean): void {
    const refs = withGroups(this.host.doc, chosen);
    if (additive) {
      this.selection.add(refs);
    } else {
      this.selection.set(refs);
    }
  }

  private finishLasso(path: number[], additive: boolean): void {
    if (path.length < 6) {
      return;
    }
    const chosen = this.candidates(flatBounds(path))
      .filter((item) => {
        if (item.type === 'stroke') {
          const ink = item as InkStroke;
          return strokeInLasso(ink.xyp, ink.count, path);
        }
        return boxInLasso(this.tightBox(item), path);
      })
      .map(refOf);
    this.choose(chosen, additive);
  }

  overlay(): string {
    const view = this.host.view();
    const drag = this.drag;
    let svg = '';
    if (drag.kind === 'box') {
      const a = drag.start.screen;
      const b = drag.now.screen;
      svg += `<rect class="sel-area" x="${n(Math.min(a.x, b.x))}" y="${n(Math.min(a.y, b.y))}" width="${n(Math.abs(b.x - a.x))}" height="${n(Math.abs(b.y - a.y))}"/>`;
    }
    if (drag.kind === 'lasso') {
      svg += `<path class="sel-lasso" d="${pathData(drag.screen, true)}"/>`;
    }
    const box = this.bounds();
    if (!box || drag.kind === 'box' || drag.kind === 'lasso') {
      return svg;
    }
    const matrix =
      drag.kind === 'move' || drag.kind === 'scale' || drag.kind === 'rotate' ? drag.matrix : null;
    const corners = [
      [box.x, box.y],
      [box.x + box.width, box.y],
      [box.x + box.width, box.y + box.height],
      [box.x, box.y + box.height],
    ].map(([x = 0, y = 0]) => {
      const [sx, sy] = matrix ? applyAffine(matrix, x, y) : [x, y];
      return sceneToScreen(view, { x: sx, y: sy });
    });
    svg += `<path class="sel-box" d="${pathData(
      corners.flatMap((c) => [c.x, c.y]),
      true,
    )}"/>`;
    if (matrix) {
      return svg;
    }
    const tl = corners[0] ?? { x: 0, y: 0 };
    const br = corners[2] ?? { x: 0, y: 0 };
    const half = HANDLE_PX / 2;
    const knob = { x: (tl.x + br.x) / 2, y: tl.y - ROTATE_OFFSET_PX };
    svg += `<line class="sel-knob-stem" x1="${n(knob.x)}" y1="${n(knob.y)}" x2="${n(knob.x)}" y2="${n(tl.y)}"/>`;
    svg += `<circle class="sel-knob" cx="${n(knob.x)}" cy="${n(knob.y)}" r="${n(half + 1)}"/>`;
    for (const h of HANDLES) {
      const hx = tl.x + (br.x - tl.x) * h.fx;
      const hy = tl.y + (br.y - tl.y) * h.fy;
      svg += `<rect class="sel-handle" x="${n(hx - half)}" y="${n(hy - half)}" width="${HANDLE_PX}" height="${HANDLE_PX}"/>`;
    }
    return svg;
  }
}
