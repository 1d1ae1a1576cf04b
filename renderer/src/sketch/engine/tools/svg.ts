/** Small helpers for the tools' overlay: SVG markup (numbers and validated colours only, never user text) and boxes. */

/** A number for SVG attributes: finite, two decimals. */
export function n(value: number): string {
  return Number.isFinite(value) ? (Math.round(value * 100) / 100).toString() : '0';
}

/** A colour for SVG attributes: passes #rrggbb(aa), anything else becomes a neutral blue. */
export function colour(value: string): string {
  return /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(value) ? value : '#1a73e8';
}

/** A polyline path ("M x y L …") from flat screen coordinates. */
export function pathData(points: readonly number[], closed: boolean): string {
  if (points.length < 2) {
    return '';
  }
  let d = `M${n(points[0] ?? 0)} ${n(points[1] ?? 0)}`;
  for (let i = 2; i + 1 < points.length; i += 2) {
    d += `L${n(points[i] ?? 0)} ${n(points[i + 1] ?? 0)}`;
  }
  return closed ? `${d}Z` : d;
}

/** The box around flat x, y pairs (scene or screen units). */
export function flatBounds(points: readonly number[]): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    minX = Math.min(minX, points[i] ?? 0);
    maxX = Math.max(maxX, points[i] ?? 0);
    minY = Math.min(minY, points[i + 1] ?? 0);
    maxY = Math.max(maxY, points[i + 1] ?? 0);
  }
  return minX <= maxX
    ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
    : { x: 0, y: 0, width: 0, height: 0 };
}
