/**
 * CSS colours as Excalidraw stores them (any CSS colour string; in practice '#rrggbb' from its
 * palette, 'transparent', sometimes a name or rgb()) to and from our '#rrggbb' / '#rrggbbaa'.
 */

/** A colour as red, green, blue (0..255) and alpha (0..1). */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** The CSS colour names people type into Excalidraw's hex field most (the rest of CSS's 148 are rare). */
const NAMED: Record<string, string> = {
  black: '000000',
  white: 'ffffff',
  red: 'ff0000',
  green: '008000',
  lime: '00ff00',
  blue: '0000ff',
  yellow: 'ffff00',
  orange: 'ffa500',
  purple: '800080',
  violet: 'ee82ee',
  pink: 'ffc0cb',
  magenta: 'ff00ff',
  fuchsia: 'ff00ff',
  cyan: '00ffff',
  aqua: '00ffff',
  teal: '008080',
  navy: '000080',
  maroon: '800000',
  olive: '808000',
  brown: 'a52a2a',
  gray: '808080',
  grey: '808080',
  silver: 'c0c0c0',
  gold: 'ffd700',
  indigo: '4b0082',
  darkgray: 'a9a9a9',
  darkgrey: 'a9a9a9',
  lightgray: 'd3d3d3',
  lightgrey: 'd3d3d3',
  darkblue: '00008b',
  darkgreen: '006400',
  darkred: '8b0000',
  lightblue: 'add8e6',
  lightgreen: '90ee90',
  coral: 'ff7f50',
  salmon: 'fa8072',
  tomato: 'ff6347',
  crimson: 'dc143c',
  turquoise: '40e0d0',
  beige: 'f5f5dc',
  khaki: 'f0e68c',
  lavender: 'e6e6fa',
  tan: 'd2b48c',
  chocolate: 'd2691e',
};

function channel(text: string): number | null {
  const t = text.trim();
  if (t.endsWith('%')) {
    const p = Number(t.slice(0, -1));
    return Number.isFinite(p) ? Math.round(Math.min(100, Math.max(0, p)) * 2.55) : null;
  }
  const n = Number(t);
  return Number.isFinite(n) ? Math.round(Math.min(255, Math.max(0, n))) : null;
}

function alphaOf(text: string | undefined): number | null {
  if (text === undefined) {
    return 1;
  }
  const t = text.trim();
  const n = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : null;
}

/** Parses a CSS colour (hex, a common name, rgb()/rgba(), 'transparent'); null if not understood. */
export function parseCssColour(text: string): Rgba | null {
  const t = text.trim().toLowerCase();
  if (t === 'transparent') {
    return { r: 0, g: 0, b: 0, a: 0 };
  }
  const hex = t.startsWith('#') ? t.slice(1) : (NAMED[t] ?? (/^[0-9a-f]{6}$/.test(t) ? t : null));
  if (hex !== null && /^[0-9a-f]+$/.test(hex)) {
    const full =
      hex.length === 3 || hex.length === 4
        ? hex
            .split('')
            .map((c) => c + c)
            .join('')
        : hex;
    if (full.length === 6 || full.length === 8) {
      return {
        r: parseInt(full.slice(0, 2), 16),
        g: parseInt(full.slice(2, 4), 16),
        b: parseInt(full.slice(4, 6), 16),
        a: full.length === 8 ? parseInt(full.slice(6, 8), 16) / 255 : 1,
      };
    }
    return null;
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(t);
  if (fn) {
    const parts = (fn[1] ?? '').split(/[\s,/]+/).filter(Boolean);
    if (parts.length === 3 || parts.length === 4) {
      const r = channel(parts[0] ?? '');
      const g = channel(parts[1] ?? '');
      const b = channel(parts[2] ?? '');
      const a = alphaOf(parts[3]);
      if (r !== null && g !== null && b !== null && a !== null) {
        return { r, g, b, a };
      }
    }
  }
  return null;
}

const hex2 = (n: number): string => Math.round(n).toString(16).padStart(2, '0');

/** Our stored colour: '#rrggbb', or '#rrggbbaa' when not opaque. */
export function toStoredColour({ r, g, b, a }: Rgba): string {
  const alpha = Math.round(Math.min(1, Math.max(0, a)) * 255);
  return `#${hex2(r)}${hex2(g)}${hex2(b)}${alpha === 255 ? '' : hex2(alpha)}`;
}

/** A stored colour split into '#rrggbb' and its alpha (0..1). */
export function splitStoredColour(colour: string): { hex: string; alpha: number } {
  const hex = colour.slice(0, 7).toLowerCase();
  const alpha = colour.length === 9 ? parseInt(colour.slice(7, 9), 16) / 255 : 1;
  return { hex, alpha };
}
