/**
 * The drawing primitives of the built-in icons (iconCatalogue.ts). Every icon is drawn by us in a
 * 100 x 100 box (y down) as a few pen lines; each primitive returns one line as flat x, y pairs,
 * sampled finely enough that the placed strokes look drawn, not polygonal. Angles are in degrees,
 * 0 pointing right and growing clockwise (as on screen, y down).
 */

/** One pen line: x0, y0, x1, y1, … in the icon's 100 x 100 box. */
export type IconLine = readonly number[];

/** Sample spacing along curves, in box units. */
const STEP = 2.5;

/** A point on a circle or ellipse at `deg`. */
function onEllipse(cx: number, cy: number, rx: number, ry: number, deg: number): [number, number] {
  const a = (deg * Math.PI) / 180;
  return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)];
}

/** An open line through the given points (x, y pairs). */
export function poly(...xy: number[]): IconLine {
  return xy;
}

/** A closed line through the given points: the first point again at the end. */
export function closed(...xy: number[]): IconLine {
  return [...xy, xy[0] ?? 0, xy[1] ?? 0];
}

/** An arc of an ellipse from `from` to `to` degrees (either direction). */
export function ellipseArc(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  from: number,
  to: number,
): IconLine {
  const length = (Math.abs(to - from) / 360) * 2 * Math.PI * Math.max(rx, ry);
  const steps = Math.max(4, Math.ceil(length / STEP));
  const out: number[] = [];
  for (let i = 0; i <= steps; i += 1) {
    out.push(...onEllipse(cx, cy, rx, ry, from + ((to - from) * i) / steps));
  }
  return out;
}

/** An arc of a circle from `from` to `to` degrees. */
export function arc(cx: number, cy: number, r: number, from: number, to: number): IconLine {
  return ellipseArc(cx, cy, r, r, from, to);
}

/** A whole circle. */
export function circle(cx: number, cy: number, r: number): IconLine {
  return arc(cx, cy, r, -90, 270);
}

/** A whole ellipse. */
export function ellipse(cx: number, cy: number, rx: number, ry: number): IconLine {
  return ellipseArc(cx, cy, rx, ry, -90, 270);
}

/** A quadratic curve from (x0, y0) to (x1, y1), pulled towards (cx, cy). */
export function curve(x0: number, y0: number, cx: number, cy: number, x1: number, y1: number): IconLine {
  const length = Math.hypot(cx - x0, cy - y0) + Math.hypot(x1 - cx, y1 - cy);
  const steps = Math.max(4, Math.ceil(length / STEP));
  const out: number[] = [];
  for (let i = 0; i <= steps; i += 1) {
    const t = i / steps;
    const u = 1 - t;
    out.push(u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1);
  }
  return out;
}

/** A rectangle, its corners rounded by `radius`. */
export function box(x: number, y: number, w: number, h: number, radius = 0): IconLine {
  if (radius <= 0) {
    return closed(x, y, x + w, y, x + w, y + h, x, y + h);
  }
  const r = Math.min(radius, w / 2, h / 2);
  return [
    ...arc(x + w - r, y + r, r, 270, 360),
    ...arc(x + w - r, y + h - r, r, 0, 90),
    ...arc(x + r, y + h - r, r, 90, 180),
    ...arc(x + r, y + r, r, 180, 270),
    x + w - r,
    y,
  ];
}

/** A star with `points` tips between radius `outer` and `inner`, one tip straight up. */
export function star(cx: number, cy: number, outer: number, inner: number, points = 5): IconLine {
  const xy: number[] = [];
  for (let i = 0; i < points * 2; i += 1) {
    xy.push(
      ...onEllipse(
        cx,
        cy,
        i % 2 === 0 ? outer : inner,
        i % 2 === 0 ? outer : inner,
        -90 + (180 / points) * i,
      ),
    );
  }
  return closed(...xy);
}

/** A cog wheel's rim: `teeth` square teeth between radius `outer` and `inner`. */
export function cog(cx: number, cy: number, outer: number, inner: number, teeth: number): IconLine {
  const xy: number[] = [];
  const pitch = 360 / teeth;
  for (let i = 0; i < teeth; i += 1) {
    const a = i * pitch;
    xy.push(
      ...onEllipse(cx, cy, inner, inner, a),
      ...onEllipse(cx, cy, outer, outer, a + pitch * 0.1),
      ...onEllipse(cx, cy, outer, outer, a + pitch * 0.4),
      ...onEllipse(cx, cy, inner, inner, a + pitch * 0.5),
    );
  }
  return closed(...xy);
}

/** The two barbs of an arrowhead at (x, y), pointing in direction `deg`. */
export function head(x: number, y: number, deg: number, length = 16): IconLine {
  const left = onEllipse(x, y, length, length, deg + 180 - 32);
  const right = onEllipse(x, y, length, length, deg + 180 + 32);
  return [...left, x, y, ...right];
}

/** The same lines turned by `deg` about the box's middle (50, 50). */
export function turned(lines: readonly IconLine[], deg: number): IconLine[] {
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return lines.map((line) => {
    const out: number[] = [];
    for (let i = 0; i + 1 < line.length; i += 2) {
      const x = (line[i] ?? 0) - 50;
      const y = (line[i + 1] ?? 0) - 50;
      out.push(50 + x * cos - y * sin, 50 + x * sin + y * cos);
    }
    return out;
  });
}
