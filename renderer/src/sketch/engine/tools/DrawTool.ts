import { freehandOptions } from '../../../../../shared/sketch/brushes.js';
import { hasRealPressure, type PointerKind } from '../../../../../shared/sketch/inputRouting.js';
import { COORD_LIMIT, type StrokeJson } from '../../../../../shared/sketch/sketchLayout.js';
import { encodeStroke, splitPoints } from '../../../../../shared/sketch/strokeCodec.js';
import { screenToScene } from '../../../../../shared/sketch/viewTransform.js';
import type { LiveInk } from '../LiveLayer.js';
import type { InkSample } from '../PointerInput.js';
import type { BrushSettings } from '../SketchEngine.js';
import type { ToolHost } from './toolHost.js';

/** Samples closer than this (CSS pixels) to the previous one are merged into it. */
const MERGE_PX = 0.35;

/** A stroke being drawn: its points so far (scene units) and how it looks. */
export interface PenStroke {
  id: string;
  pointerId: number;
  kind: PointerKind;
  style: BrushSettings;
  /** x, y, pressure per point; only the first `count` points are valid (the array grows by doubling). */
  xyp: Float32Array;
  count: number;
  realPressure: boolean;
  /** The browser's predicted continuation (drawn, never stored). */
  predicted: Array<[number, number, number]>;
  /** How many points went out to the others as live ink already. */
  published: number;
}

/**
 * The pen: turns pointer samples into a stroke (scene coordinates, samples at rest merged, the
 * brush taken when the pen goes down) and a finished stroke into document entries. The engine
 * routes pen input here, paints `active` on its live layer every frame and stores what `up`
 * hands back; the pen itself never touches a canvas, so it runs in Node tests as it does in the
 * browser. A pen on a locked or hidden layer draws nothing and says so.
 */
export class DrawTool {
  private stroke: PenStroke | null = null;

  constructor(private readonly host: ToolHost) {}

  /** The stroke being drawn, or null. */
  get active(): PenStroke | null {
    return this.stroke;
  }

  /** The pen touches down; false (and a notice) when its layer cannot take ink. */
  down(pointerId: number, kind: PointerKind, sample: InkSample): boolean {
    const brush = this.host.brush();
    const layer = this.host.layers()[brush.layer];
    if (layer.locked || !layer.visible) {
      // Ink where nobody can see or edit it would be lost; say so rather than ignore the pen.
      this.host.notice({ kind: layer.locked ? 'layerLocked' : 'layerHidden', layer: brush.layer });
      return false;
    }
    this.stroke = {
      id: this.host.newId(),
      pointerId,
      kind,
      style: { ...brush },
      xyp: new Float32Array(256 * 3),
      count: 0,
      realPressure: false,
      predicted: [],
      published: 0,
    };
    this.append(this.stroke, sample);
    return true;
  }

  /** New samples and the predicted continuation; false when they belong to no stroke of this pen. */
  move(pointerId: number, samples: readonly InkSample[], predicted: readonly InkSample[]): boolean {
    const stroke = this.stroke;
    if (!stroke || stroke.pointerId !== pointerId) {
      return false;
    }
    for (const sample of samples) {
      this.append(stroke, sample);
    }
    const view = this.host.view();
    stroke.predicted = predicted.map((s) => {
      const p = screenToScene(view, s);
      return [p.x, p.y, s.pressure];
    });
    return true;
  }

  /** The pen lifts: the finished stroke to store, or null when this pointer drew nothing. */
  up(pointerId: number): PenStroke | null {
    const stroke = this.stroke;
    if (!stroke || stroke.pointerId !== pointerId) {
      return null;
    }
    this.stroke = null;
    stroke.predicted = [];
    return stroke;
  }

  /** The gesture was taken back (a palm, a lost pointer); true when a stroke was dropped. */
  cancel(pointerId: number): boolean {
    if (this.stroke && this.stroke.pointerId === pointerId) {
      this.stroke = null;
      return true;
    }
    return false;
  }

  private append(stroke: PenStroke, sample: InkSample): void {
    const view = this.host.view();
    const p = screenToScene(view, sample);
    const limit = COORD_LIMIT - 1;
    const x = Math.max(-limit, Math.min(limit, p.x));
    const y = Math.max(-limit, Math.min(limit, p.y));
    if (stroke.count > 0) {
      const lx = stroke.xyp[(stroke.count - 1) * 3] ?? 0;
      const ly = stroke.xyp[(stroke.count - 1) * 3 + 1] ?? 0;
      // Within a third of a screen pixel of the last point (a pen at rest reports the same spot
      // over and over): keep one point with the higher pressure.
      const near = Math.max(0.125, MERGE_PX / view.zoom);
      if (Math.abs(lx - x) < near && Math.abs(ly - y) < near) {
        const i = (stroke.count - 1) * 3 + 2;
        stroke.xyp[i] = Math.max(stroke.xyp[i] ?? 0, sample.pressure);
        return;
      }
    }
    if ((stroke.count + 1) * 3 > stroke.xyp.length) {
      const grown = new Float32Array(stroke.xyp.length * 2);
      grown.set(stroke.xyp);
      stroke.xyp = grown;
    }
    const i = stroke.count * 3;
    stroke.xyp[i] = x;
    stroke.xyp[i + 1] = y;
    stroke.xyp[i + 2] = sample.pressure;
    stroke.count += 1;
    if (!stroke.realPressure) {
      stroke.realPressure = hasRealPressure(stroke.kind, sample.pressure);
    }
  }
}

/** How the live layer draws a stroke in progress. */
export function liveInkOf(stroke: PenStroke): LiveInk {
  return {
    xyp: stroke.xyp,
    count: stroke.count,
    options: freehandOptions(stroke.style, stroke.realPressure),
    brush: stroke.style.brush,
    colour: stroke.style.colour,
    predicted: stroke.predicted,
  };
}

/**
 * The document entries of a finished stroke: split into several when very long (consecutive
 * pieces share a point), on top of everything (`aboveZ`), by `author` at `createdAt`.
 */
export function strokeEntries(
  stroke: PenStroke,
  author: string,
  createdAt: number,
  aboveZ: number,
): Array<{ id: string; json: StrokeJson }> {
  const xyp = stroke.xyp.slice(0, stroke.count * 3);
  return splitPoints(xyp).map((points, i) => ({
    id: i === 0 ? stroke.id : `${stroke.id}-${i}`,
    json: encodeStroke({
      ...stroke.style,
      author,
      createdAt,
      z: Math.floor(aboveZ) + 1 + i,
      points: { xyp: points, hasPressure: stroke.realPressure },
    }),
  }));
}
