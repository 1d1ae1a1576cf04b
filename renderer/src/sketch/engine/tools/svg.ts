/** Small helpers that write overlay SVG markup (numbers and validated colours only, never user text). */

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
