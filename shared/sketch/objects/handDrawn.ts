import type { LineLikeObject, ObjectOfKind, SketchObject } from './objectCodec.js';
import type { Arrowhead } from './objectFields.js';
import { localToScene, objectCentre, sceneToLocal } from './geometry.js';
import { kindOf } from './kinds/index.js';

/**
 * The geometry of objects as polylines, for the renderer to draw: the exact outline for the 'clean'
 * style and a seeded wobble for 'handDrawn'. The wobble's random numbers come from the object's id
 * (and nothing else), so every client draws the same lines for the same object, and an object keeps
 * its look when it is moved or recoloured; it changes only when its shape changes.
 *
 * Everything is in scene coordinates, rotation applied: the renderer strokes and fills as given.
 */

/** A polyline: x0, y0, x1, y1, … */
export interface Polyline {
  points: number[];
  closed: boolean;
}

/** What to draw for one object. */
export interface ObjectGeometry {
  /** The area to fill with `fillColour` (solid fill), or null. */
  fill: Polyline | null;
  /** Hatch lines to stroke with `fillColour` (fill styles 'hachure' and 'crossHatch'). */
  hatches: Polyline[];
  /** Lines to stroke with `strokeColour` at `strokeWidth`. */
  strokes: Polyline[];
  /** Small closed shapes to fill with `strokeColour` (solid arrowheads, dots). */
  solids: Polyline[];
}

/** Looks up another object (the ends of a connector, a text's container). */
export type ObjectLookup = (id: string) => SketchObject | undefined;

/** A 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A small, fast, seeded PRNG (a 32-bit splitmix variant) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
    t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
    return ((t ^ (t >>> 15)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
type Pt = [number, number];
const signed = (rng: Rng): number => rng() * 2 - 1;

/** The ends of a connector from its bound objects, in scene coordinates; null if one is missing. */
export function resolveConnector(
  connector: ObjectOfKind<'connector'>,
  lookup: ObjectLookup,
): [Pt, Pt] | null {
  const start = lookup(connector.startBinding);
  const end = lookup(connector.endBinding);
  if (!start || !end || start.id === end.id) {
    return null;
  }
  const startAim = connector.startAnchor ? anchorPoint(start, connector.startAnchor) : objectCentre(start);
  const endAim = connector.endAnchor ? anchorPoint(end, connector.endAnchor) : objectCentre(end);
  const gap = 4 + connector.strokeWidth;
  const a = connector.startAnchor ? startAim : boundaryToward(start, endAim, gap);
  const b = connector.endAnchor ? endAim : boundaryToward(end, startAim, gap);
  if (!a || !b || (a[0] === b[0] && a[1] === b[1])) {
    return null;
  }
  return [a, b];
}

function anchorPoint(object: SketchObject, [fx, fy]: readonly [number, number]): Pt {
  return localToScene(object, fx * object.w, fy * object.h);
}

/** Where the ray from the object's centre toward `target` leaves its outline, `gap` further out. */
function boundaryToward(object: SketchObject, target: Pt, gap: number): Pt | null {
  const [tx, ty] = sceneToLocal(object, target[0], target[1]);
  const cx = object.w / 2;
  const cy = object.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  const length = Math.hypot(dx, dy);
  if (length === 0) {
    return null;
  }
  const edge = kindOf(object).edgeAlong;
  const t = edge
    ? edge(object, dx, dy)
    : Math.min(dx === 0 ? Infinity : cx / Math.abs(dx), dy === 0 ? Infinity : cy / Math.abs(dy));
  const along = Math.min(1, t + gap / length);
  return localToScene(object, cx + dx * along, cy + dy * along);
}

function catmullRom(points: readonly Pt[], closed: boolean): Pt[] {
  if (points.length < 3) {
    return [...points];
  }
  const n = points.length;
  const at = (i: number): Pt =>
    (closed ? points[(i + n) % n] : points[Math.max(0, Math.min(n - 1, i))]) ?? [0, 0];
  const out: Pt[] = [];
  const segments = closed ? n : n - 1;
  for (let i = 0; i < segments; i++) {
    const p0 = at(i - 1);
    const p1 = at(i);
    const p2 = at(i + 1);
    const p3 = at(i + 2);
    for (let s = 0; s < 8; s++) {
      const t = s / 8;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number): number =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  const last = points[n - 1];
  if (!closed && last) {
    out.push(last);
  }
  return out;
}

/** The wobble amplitude for an object of this size and stroke width. */
function amplitude(size: number, strokeWidth: number): number {
  return Math.max(0.2, Math.min(1 + strokeWidth * 0.4, 4, size * 0.04));
}

/**
 * One hand-drawn pass over a polyline: long edges bow and wobble a little, every vertex is nudged,
 * and a closed outline ends just past its start (as a pen does) instead of closing exactly.
 */
function roughPass(points: readonly Pt[], closed: boolean, rng: Rng, amp: number): Pt[] {
  const n = points.length;
  if (n < 2) {
    return [...points];
  }
  // Corners are nudged fully; the dense points of a curve only a little, so it stays smooth.
  const edgeLength = (i: number): number => {
    const a = points[i];
    const b = points[(i + 1) % n];
    return a && b ? Math.hypot(b[0] - a[0], b[1] - a[1]) : 0;
  };
  const nudged = points.map(([x, y], i): Pt => {
    const before = i > 0 || closed ? edgeLength((i - 1 + n) % n) : Infinity;
    const after = i < n - 1 || closed ? edgeLength(i) : Infinity;
    const k = 0.5 * amp * Math.min(1, Math.min(before, after) / (amp * 8));
    return [x + signed(rng) * k, y + signed(rng) * k];
  });
  const out: Pt[] = [];
  const edges = closed ? n : n - 1;
  for (let e = 0; e < edges; e++) {
    const [ax, ay] = nudged[e] ?? [0, 0];
    const [bx, by] = nudged[(e + 1) % n] ?? [0, 0];
    const length = Math.hypot(bx - ax, by - ay);
    out.push([ax, ay]);
    if (length < amp * 8) {
      continue;
    }
    const nx = -(by - ay) / length;
    const ny = (bx - ax) / length;
    const bow = signed(rng) * Math.min(length * 0.03, amp * 2.5);
    const steps = Math.max(2, Math.min(48, Math.ceil(length / 14)));
    for (let s = 1; s < steps; s++) {
      const t = s / steps;
      const off = bow * Math.sin(Math.PI * t) + signed(rng) * amp * 0.15;
      out.push([ax + (bx - ax) * t + nx * off, ay + (by - ay) * t + ny * off]);
    }
  }
  if (closed) {
    const [x0, y0] = nudged[0] ?? [0, 0];
    const [x1, y1] = nudged[1 % n] ?? [0, 0];
    const length = Math.hypot(x1 - x0, y1 - y0) || 1;
    const over = Math.min(length * 0.3, amp * (2 + rng() * 3));
    out.push([x0, y0], [x0 + ((x1 - x0) / length) * over, y0 + ((y1 - y0) / length) * over]);
  } else {
    out.push(nudged[n - 1] ?? [0, 0]);
  }
  return out;
}

/** One hand-drawn pass around an ellipse: a slightly uneven radius, starting anywhere, overlapping. */
function roughEllipse(w: number, h: number, rng: Rng, amp: number): Pt[] {
  const rx = w / 2;
  const ry = h / 2;
  const r = Math.max(rx, ry, 1e-6);
  const start = rng() * Math.PI * 2;
  const sweep = Math.PI * 2 + 0.2 + rng() * 0.35;
  const n = Math.max(24, Math.min(200, Math.round((Math.PI * (rx + ry)) / 6)));
  const a1 = (amp / r) * (0.6 + rng() * 0.6);
  const a2 = (amp / r) * (0.3 + rng() * 0.4);
  const p1 = rng() * Math.PI * 2;
  const p2 = rng() * Math.PI * 2;
  const drift = signed(rng) * (amp / r);
  const out: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const t = (i / n) * sweep;
    const k = 1 + a1 * Math.sin(2 * t + p1) + a2 * Math.sin(3 * t + p2) + drift * (t / sweep);
    const a = start + t;
    out.push([rx + rx * k * Math.cos(a), ry + ry * k * Math.sin(a)]);
  }
  return out;
}

/** Hatch lines across a closed polygon at `angle`, `gap` apart (at most 400 lines). */
function hatchLines(polygon: readonly Pt[], angle: number, gap: number): Array<[Pt, Pt]> {
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  const turned = polygon.map(([x, y]): Pt => [x * cos - y * sin, x * sin + y * cos]);
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of turned) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const step = Math.max(gap, (maxY - minY) / 400);
  const lines: Array<[Pt, Pt]> = [];
  for (let y = minY + step / 2; y < maxY; y += step) {
    const xs: number[] = [];
    for (let i = 0; i < turned.length; i++) {
      const [ax, ay] = turned[i] ?? [0, 0];
      const [bx, by] = turned[(i + 1) % turned.length] ?? [0, 0];
      if ((ay <= y && y < by) || (by <= y && y < ay)) {
        xs.push(ax + ((y - ay) / (by - ay)) * (bx - ax));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      // Turn back: rotate by +angle.
      const back = (x: number): Pt => [x * cos + y * sin, -x * sin + y * cos];
      lines.push([back(xs[i] ?? 0), back(xs[i + 1] ?? 0)]);
    }
  }
  return lines;
}

function flat(points: readonly Pt[]): number[] {
  const out = new Array<number>(points.length * 2);
  points.forEach(([x, y], i) => {
    out[i * 2] = x;
    out[i * 2 + 1] = y;
  });
  return out;
}

function arrowhead(kind: Arrowhead, tip: Pt, from: Pt, size: number): { strokes: Pt[][]; solids: Pt[][] } {
  const length = Math.hypot(tip[0] - from[0], tip[1] - from[1]);
  if (length === 0) {
    return { strokes: [], solids: [] };
  }
  const ux = (tip[0] - from[0]) / length;
  const uy = (tip[1] - from[1]) / length;
  const nx = -uy;
  const ny = ux;
  const s = Math.min(size, length * 0.5);
  const back = (d: number, side: number): Pt => [tip[0] - ux * d + nx * side, tip[1] - uy * d + ny * side];
  switch (kind) {
    case 'arrow': {
      const spread = Math.tan((25 * Math.PI) / 180) * s;
      return { strokes: [[back(s, spread), tip, back(s, -spread)]], solids: [] };
    }
    case 'triangle': {
      const spread = Math.tan((28 * Math.PI) / 180) * s;
      return { strokes: [], solids: [[tip, back(s, spread), back(s, -spread)]] };
    }
    case 'bar':
      return { strokes: [[back(0, s / 2), back(0, -s / 2)]], solids: [] };
    case 'diamond':
      return { strokes: [], solids: [[tip, back(s / 2, s / 4), back(s, 0), back(s / 2, -s / 4)]] };
    case 'dot': {
      const r = s * 0.3;
      return {
        strokes: [],
        solids: [
          Array.from({ length: 12 }, (_, i): Pt => [
            tip[0] + r * Math.cos((i * Math.PI) / 6),
            tip[1] + r * Math.sin((i * Math.PI) / 6),
          ]),
        ],
      };
    }
  }
}

/** The last point of a polyline that differs from `tip`, walking back from index `from`. */
function previousDistinct(points: readonly Pt[], tip: Pt, from: number, step: -1 | 1): Pt | null {
  for (let i = from; i >= 0 && i < points.length; i += step) {
    const p = points[i];
    if (p && (p[0] !== tip[0] || p[1] !== tip[1])) {
      return p;
    }
  }
  return null;
}

function lineGeometry(object: LineLikeObject, lookup: ObjectLookup | undefined): ObjectGeometry {
  const resolved = object.kind === 'connector' && lookup ? resolveConnector(object, lookup) : null;
  const closed = object.kind === 'line' && object.closed === true;
  const scenePoints: Pt[] = resolved ?? object.points.map(([px, py]) => localToScene(object, px, py));
  const path = object.curved ? catmullRom(scenePoints, closed) : scenePoints;
  const result: ObjectGeometry = { fill: null, hatches: [], strokes: [], solids: [] };
  let length = 0;
  path.forEach((p, i) => {
    const q = path[i - 1];
    length += q ? Math.hypot(p[0] - q[0], p[1] - q[1]) : 0;
  });
  if (object.style === 'handDrawn') {
    const rng = seededRandom(hashString(`${object.id}:${object.kind}`));
    const amp = amplitude(length, object.strokeWidth);
    result.strokes.push({ points: flat(roughPass(path, closed, rng, amp)), closed: false });
    result.strokes.push({ points: flat(roughPass(path, closed, rng, amp * 0.7)), closed: false });
  } else {
    result.strokes.push({ points: flat(path), closed });
  }
  if (closed && object.fillColour !== null) {
    addFill(result, object, path);
  }
  const size = Math.max(10, object.strokeWidth * 4 + 6);
  const first = path[0];
  const last = path[path.length - 1];
  const ends: Array<[Arrowhead | null, Pt | undefined, Pt | null]> = [
    [object.startArrowhead, first, first ? previousDistinct(path, first, 1, 1) : null],
    [object.endArrowhead, last, last ? previousDistinct(path, last, path.length - 2, -1) : null],
  ];
  for (const [kind, tip, from] of ends) {
    if (kind && tip && from) {
      const head = arrowhead(kind, tip, from, size);
      result.strokes.push(...head.strokes.map((p) => ({ points: flat(p), closed: false })));
      result.solids.push(...head.solids.map((p) => ({ points: flat(p), closed: true })));
    }
  }
  return result;
}

function addFill(result: ObjectGeometry, object: SketchObject, outline: readonly Pt[]): void {
  const style = object.fillStyle ?? 'solid';
  if (style === 'solid') {
    result.fill = { points: flat(outline), closed: true };
    return;
  }
  const gap = Math.max(5, object.strokeWidth * 4);
  const angles = style === 'crossHatch' ? [-Math.PI / 4, Math.PI / 4] : [-Math.PI / 4];
  const rng = seededRandom(hashString(`${object.id}:hatch`));
  const jitter = object.style === 'handDrawn' ? amplitude(gap * 10, object.strokeWidth) * 0.5 : 0;
  for (const angle of angles) {
    for (const [a, b] of hatchLines(outline, angle, gap)) {
      result.hatches.push({
        points: [
          a[0] + signed(rng) * jitter,
          a[1] + signed(rng) * jitter,
          b[0] + signed(rng) * jitter,
          b[1] + signed(rng) * jitter,
        ],
        closed: false,
      });
    }
  }
}

/**
 * The polylines that draw an object, in scene coordinates. Text and images have none (the renderer
 * draws them itself). A connector follows its bound objects when `lookup` finds both, and falls
 * back to its stored points otherwise.
 */
export function objectGeometry(object: SketchObject, lookup?: ObjectLookup): ObjectGeometry {
  if (object.kind === 'line' || object.kind === 'arrow' || object.kind === 'connector') {
    return lineGeometry(object, lookup);
  }
  const result: ObjectGeometry = { fill: null, hatches: [], strokes: [], solids: [] };
  const local = kindOf(object).outline(object);
  if (!local) {
    return result;
  }
  const toScene = (points: readonly Pt[]): Pt[] => points.map(([x, y]) => localToScene(object, x, y));
  const outline = toScene(local);
  if (object.fillColour !== null) {
    addFill(result, object, outline);
  }
  if (object.strokeWidth > 0) {
    if (object.style === 'handDrawn') {
      const rng = seededRandom(hashString(`${object.id}:${object.kind}`));
      const amp = amplitude(Math.max(object.w, object.h), object.strokeWidth);
      for (const scale of [1, 0.7]) {
        const pass =
          kindOf(object).roughAsEllipse === true
            ? roughEllipse(object.w, object.h, rng, amp * scale)
            : roughPass(local, true, rng, amp * scale);
        result.strokes.push({ points: flat(toScene(pass)), closed: false });
      }
    } else {
      result.strokes.push({ points: flat(outline), closed: true });
    }
  }
  return result;
}
