import { normaliseLinePoints, quantise } from '../../../../../shared/sketch/objects/geometry.js';
import { objectGeometry } from '../../../../../shared/sketch/objects/handDrawn.js';
import type { NewObject, SketchObject } from '../../../../../shared/sketch/objects/objectCodec.js';
import { OBJECT_KIND_MODULES } from '../../../../../shared/sketch/objects/kinds/index.js';
import { addObject } from '../../../../../shared/sketch/objects/objectEdits.js';
import { topZ } from '../../../../../shared/sketch/objects/paintOrder.js';
import { sceneToScreen, type Point } from '../../../../../shared/sketch/viewTransform.js';
import type { ShapeTool as ShapeToolId } from '../editorTypes.js';
import { boxObjectAt } from './SelectTool.js';
import type { Selection } from './selection.js';
import { colour, n, pathData } from './svg.js';
import type { Tool, ToolHost, ToolPointer } from './toolHost.js';

/** A click without a drag makes a shape of this size (scene units at zoom 1), as tldraw does. */
const DEFAULT_SIZE = { width: 180, height: 110 };
const DRAG_PX = 4;

/**
 * Creates shapes and lines by dragging out their box (Shift: a square or circle, or a line in 15°
 * steps). A connector starts on one object and ends on another and stays bound to both; dragged
 * between anything else it becomes a plain arrow. When done, the tool hands over to selection
 * with the new object selected, as in Excalidraw and tldraw.
 */
export class ShapeTool implements Tool {
  private start: ToolPointer | null = null;
  private now: ToolPointer | null = null;

  constructor(
    private readonly host: ToolHost,
    private readonly kind: ShapeToolId,
    private readonly selection: Selection,
  ) {}

  down(p: ToolPointer): void {
    this.start = p;
    this.now = p;
    this.host.overlayChanged();
  }

  move(p: ToolPointer): void {
    this.now = p;
    this.host.overlayChanged();
  }

  up(p: ToolPointer | null): void {
    const start = this.start;
    const end = p ?? this.now;
    this.start = null;
    this.now = null;
    this.host.overlayChanged();
    if (!start || !end) {
      return;
    }
    const object = this.build(start, end, true);
    if (!object) {
      return;
    }
    const id = this.host.newId();
    this.host.write(() => addObject(this.host.doc, id, object));
    this.selection.set([{ type: 'object', id }]);
    this.host.setTool('select');
  }

  cancel(): void {
    this.start = null;
    this.now = null;
    this.host.overlayChanged();
  }

  /** The object a drag from `a` to `b` makes (null if it would be empty). */
  private build(a: ToolPointer, b: ToolPointer, final: boolean): NewObject | null {
    const brush = this.host.brush();
    const settings = this.host.objectSettings();
    const layer = brush.layer;
    const common = {
      angle: 0,
      style: settings.style,
      strokeColour: brush.colour.slice(0, 7),
      fillColour: settings.fill,
      strokeWidth: quantise(Math.max(1, Math.min(48, brush.size / 2))),
      opacity: 1,
      layer,
      z: final ? topZ(this.host.doc, layer) + 1 : 0,
      author: this.host.author,
      createdAt: Date.now(),
    };
    const clicked = Math.hypot(b.screen.x - a.screen.x, b.screen.y - a.screen.y) < DRAG_PX;
    const zoom = this.host.view().zoom;
    if (this.kind === 'line' || this.kind === 'arrow' || this.kind === 'connector') {
      let end: Point = clicked ? { x: a.scene.x + DEFAULT_SIZE.width / zoom, y: a.scene.y } : b.scene;
      if (b.shiftKey && !clicked) {
        const dx = end.x - a.scene.x;
        const dy = end.y - a.scene.y;
        const step = Math.PI / 12;
        const angle = Math.round(Math.atan2(dy, dx) / step) * step;
        const length = Math.hypot(dx, dy);
        end = { x: a.scene.x + Math.cos(angle) * length, y: a.scene.y + Math.sin(angle) * length };
      }
      const line = normaliseLinePoints(quantise(a.scene.x), quantise(a.scene.y), [
        [0, 0],
        [quantise(end.x - a.scene.x), quantise(end.y - a.scene.y)],
      ]);
      const base = {
        ...common,
        fillColour: null,
        x: line.x,
        y: line.y,
        w: line.w,
        h: line.h,
        points: line.points,
        startArrowhead: null,
        endArrowhead: this.kind === 'line' ? null : ('arrow' as const),
      };
      if (this.kind === 'connector' && final) {
        const from = this.boundObject(a);
        const to = this.boundObject(b);
        if (from && to && from.id !== to.id) {
          return { ...base, kind: 'connector', startBinding: from.id, endBinding: to.id };
        }
      }
      return this.kind === 'line' ? { ...base, kind: 'line' } : { ...base, kind: 'arrow' };
    }
    let x = Math.min(a.scene.x, b.scene.x);
    let y = Math.min(a.scene.y, b.scene.y);
    let w = Math.abs(b.scene.x - a.scene.x);
    let h = Math.abs(b.scene.y - a.scene.y);
    if (clicked) {
      w = DEFAULT_SIZE.width / zoom;
      h = DEFAULT_SIZE.height / zoom;
      x = a.scene.x - w / 2;
      y = a.scene.y - h / 2;
    } else if (b.shiftKey) {
      const side = Math.max(w, h);
      x = b.scene.x < a.scene.x ? a.scene.x - side : a.scene.x;
      y = b.scene.y < a.scene.y ? a.scene.y - side : a.scene.y;
      w = side;
      h = side;
    }
    if (w < 1 || h < 1) {
      return null;
    }
    const box = { ...common, x: quantise(x), y: quantise(y), w: quantise(w), h: quantise(h) };
    return OBJECT_KIND_MODULES[this.kind].fromBox?.(box, settings) ?? null;
  }

  /** The object a connector end binds to: a box-like object under the pointer. */
  private boundObject(p: ToolPointer): SketchObject | null {
    return boxObjectAt(this.host, p.scene);
  }

  overlay(): string {
    if (!this.start || !this.now) {
      return '';
    }
    const object = this.build(this.start, this.now, false);
    if (!object) {
      return '';
    }
    const geometry = objectGeometry({ ...object, id: 'preview', v: 1 } as SketchObject);
    const view = this.host.view();
    const toScreen = (points: number[]): number[] => {
      const out: number[] = [];
      for (let i = 0; i + 1 < points.length; i += 2) {
        const s = sceneToScreen(view, { x: points[i] ?? 0, y: points[i + 1] ?? 0 });
        out.push(s.x, s.y);
      }
      return out;
    };
    const stroke = colour(object.strokeColour);
    const width = n(Math.max(1, object.strokeWidth * view.zoom));
    let svg = '';
    if (geometry.fill && object.fillColour) {
      svg += `<path d="${pathData(toScreen(geometry.fill.points), true)}" fill="${colour(object.fillColour)}" fill-opacity="0.5" stroke="none"/>`;
    }
    for (const line of geometry.strokes) {
      svg += `<path d="${pathData(toScreen(line.points), line.closed)}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`;
    }
    for (const solid of geometry.solids) {
      svg += `<path d="${pathData(toScreen(solid.points), true)}" fill="${stroke}" stroke="none"/>`;
    }
    return svg;
  }
}
