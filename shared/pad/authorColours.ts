/**
 * Authorship colours: one stable pastel per user, derived from the user id, so the same person has
 * the same colour in every pad and on every device without a table. Backgrounds stay light enough
 * that the app's text colour and link colour keep WCAG AA contrast (4.5:1) on them (checked in
 * test/shared/pad/authorColours.test.ts); imported Etherpad colours are lightened until they do.
 */

/** The app's text colour (renderer/src/styles.css `--color-text`). */
export const TEXT_COLOUR = '#1a1f26';
/** The app's link colour (`--color-primary`). */
export const LINK_COLOUR = '#0b4f8c';
/** Contrast authorship backgrounds must keep with {@link TEXT_COLOUR} and {@link LINK_COLOUR}. */
export const MIN_CONTRAST = 4.5;

/** Etherpad 2.x's author colour palette (AuthorManager.getColorPalette); `colorId` indexes it. */
export const ETHERPAD_PALETTE = [
  '#ffc7c7',
  '#fff1c7',
  '#e3ffc7',
  '#c7ffd5',
  '#c7ffff',
  '#c7d5ff',
  '#e3c7ff',
  '#ffc7f1',
  '#ffa8a8',
  '#ffe699',
  '#cfff9e',
  '#99ffb3',
  '#a3ffff',
  '#99b3ff',
  '#cc99ff',
  '#ff99e5',
  '#e7b1b1',
  '#e9dcaf',
  '#cde9af',
  '#bfedcc',
  '#b1e7e7',
  '#c3cdee',
  '#d2b8ea',
  '#eec3e6',
  '#e9cece',
  '#e7e0ca',
  '#d3e5c7',
  '#bce1c5',
  '#c1e2e2',
  '#c1c9e2',
  '#cfc1e2',
  '#e0bdd9',
  '#baded3',
  '#a0f8eb',
  '#b1e7e0',
  '#c3c8e4',
  '#cec5e2',
  '#b1d5e7',
  '#cda8f0',
  '#f0f0a8',
  '#f2f2a6',
  '#f5a8eb',
  '#c5f9a9',
  '#ececbb',
  '#e7c4bc',
  '#daf0b2',
  '#b0a0fd',
  '#bce2e7',
  '#cce2bb',
  '#ec9afe',
  '#edabbd',
  '#aeaeea',
  '#c4e7b1',
  '#d722bb',
  '#f3a5e7',
  '#ffa8a8',
  '#d8c0c5',
  '#eaaedd',
  '#adc6eb',
  '#bedad1',
  '#dee9af',
  '#e9afc2',
  '#f8d2a0',
  '#b3b3e6',
] as const;

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | null {
  const m = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(hex.trim());
  if (m === null) {
    return null;
  }
  const digits = m[1] ?? '';
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const hp = (((h % 360) + 360) % 360) / 60;
  const x = c * (1 - Math.abs((hp % 2) - 1));
  const [r1, g1, b1] =
    hp < 1
      ? [c, x, 0]
      : hp < 2
        ? [x, c, 0]
        : hp < 3
          ? [0, c, x]
          : hp < 4
            ? [0, x, c]
            : hp < 5
              ? [x, 0, c]
              : [c, 0, x];
  const m = l - c / 2;
  return [(r1 + m) * 255, (g1 + m) * 255, (b1 + m) * 255];
}

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rgb`/`#rrggbb` colour (0 for anything else). */
function luminance(hex: string): number {
  const rgb = parseHex(hex);
  if (rgb === null) {
    return 0;
  }
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

/** WCAG contrast ratio of two colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** A 32-bit FNV-1a hash of a string. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** The hue (0–359) of a user's colour. */
function hueFor(userId: string): number {
  // Golden-angle spread of the hash keeps neighbouring ids apart on the colour wheel.
  return Math.floor(((hash32(userId) % 360) * 137.508) % 360);
}

function colourAtHue(hue: number): string {
  return readableAuthorColour(toHex(hslToRgb(hue, 0.75, 0.84)));
}

/** The hue (0–359) of a `#rrggbb` colour (0 for greys and anything unreadable). */
export function hueOf(colour: string): number {
  const rgb = parseHex(colour);
  if (rgb === null) {
    return 0;
  }
  const [r, g, b] = rgb.map((v) => v / 255) as Rgb;
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) {
    return 0;
  }
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/** The pastel authorship background of a user (`#rrggbb`), stable for the id. */
export function colourForUser(userId: string): string {
  return colourAtHue(hueFor(userId));
}

/** Hues closer than this look alike as pastels, so a pad gives its authors hues at least this far apart. */
export const MIN_HUE_DISTANCE = 40;

/**
 * A user's colour in a pad where others already have theirs: the user's own colour
 * ({@link colourForUser}) unless it is too close to one taken, else the next hue in a golden-angle
 * walk from it that is far enough from all (or, in a crowded pad, the farthest one). The pad
 * stores the result, so it stays the same for that person there.
 */
export function distinctColour(userId: string, taken: readonly string[]): string {
  const base = hueFor(userId);
  const takenHues = taken.map(hueOf);
  let best = base;
  let bestDistance = -1;
  for (let k = 0; k < 24; k++) {
    const hue = (base + k * 137.508) % 360;
    const distance = takenHues.length === 0 ? 360 : Math.min(...takenHues.map((h) => hueDistance(h, hue)));
    if (distance >= MIN_HUE_DISTANCE) {
      return colourAtHue(hue);
    }
    if (distance > bestDistance) {
      best = hue;
      bestDistance = distance;
    }
  }
  return colourAtHue(best);
}

/** A darker shade of the same hue for carets and swatch borders (≥ 3:1 against white). */
export function caretColourFor(colour: string): string {
  const rgb = parseHex(colour) ?? [128, 128, 128];
  let shade: Rgb = [rgb[0] * 0.45, rgb[1] * 0.45, rgb[2] * 0.45];
  for (let i = 0; i < 10 && contrastRatio(toHex(shade), '#ffffff') < 4.5; i++) {
    shade = [shade[0] * 0.85, shade[1] * 0.85, shade[2] * 0.85];
  }
  return toHex(shade);
}

/**
 * The colour itself if the app's text and links keep {@link MIN_CONTRAST} on it, otherwise the
 * same colour mixed with white until they do. Anything that is not `#rgb`/`#rrggbb` gives grey.
 */
export function readableAuthorColour(colour: string): string {
  const rgb = parseHex(colour) ?? [221, 221, 221];
  for (let t = 0; t <= 1.0001; t += 0.05) {
    const mixed = toHex([
      rgb[0] + (255 - rgb[0]) * t,
      rgb[1] + (255 - rgb[1]) * t,
      rgb[2] + (255 - rgb[2]) * t,
    ]);
    if (contrastRatio(mixed, TEXT_COLOUR) >= 7 && contrastRatio(mixed, LINK_COLOUR) >= MIN_CONTRAST) {
      return mixed;
    }
  }
  return '#ffffff';
}

/** An Etherpad `colorId` (palette index or CSS colour) as a readable `#rrggbb` background. */
export function colourFromEtherpad(colorId: number | string | null, authorId: string): string {
  if (typeof colorId === 'number' && Number.isInteger(colorId)) {
    const paletted = ETHERPAD_PALETTE[colorId];
    if (paletted !== undefined) {
      return readableAuthorColour(paletted);
    }
  }
  if (typeof colorId === 'string' && parseHex(colorId) !== null) {
    return readableAuthorColour(colorId);
  }
  return colourForUser(authorId);
}
