import { SKETCH_CUSTOM_COLOURS_MAX } from '../platform/preferences.js';

/**
 * Colour sets for graphic recording, as recorders carry them in their pen case. Each colour has a
 * name (i18n key below `sketch.colourNames.`) so a screen reader says "Blau", not a hex code.
 */
export interface PaletteColour {
  name: ColourName;
  value: string;
}

type ColourName =
  | 'black'
  | 'darkGrey'
  | 'blue'
  | 'red'
  | 'green'
  | 'orange'
  | 'anthracite'
  | 'civicBlue'
  | 'petrol'
  | 'bordeaux'
  | 'olive'
  | 'ochre'
  | 'lightGrey'
  | 'yellow'
  | 'pink'
  | 'mint'
  | 'lightBlue'
  | 'lilac'
  | 'peach';

export const PALETTE_IDS = ['classic', 'civic', 'pastel'] as const;
export type PaletteId = (typeof PALETTE_IDS)[number];

export const PALETTES: Record<PaletteId, readonly PaletteColour[]> = {
  // Ink and the usual accent markers.
  classic: [
    { name: 'black', value: '#1d1d1f' },
    { name: 'darkGrey', value: '#4a4f57' },
    { name: 'blue', value: '#1f5fa8' },
    { name: 'red', value: '#c0392b' },
    { name: 'green', value: '#1e8449' },
    { name: 'orange', value: '#d9730d' },
  ],
  // Muted colours that sit well next to a city's corporate design.
  civic: [
    { name: 'anthracite', value: '#2e3440' },
    { name: 'civicBlue', value: '#2b4c7e' },
    { name: 'petrol', value: '#1f6f78' },
    { name: 'bordeaux', value: '#7b2d3b' },
    { name: 'olive', value: '#5b6b2f' },
    { name: 'ochre', value: '#b5892f' },
    { name: 'lightGrey', value: '#c8ccd2' },
  ],
  // Highlighter and shading colours.
  pastel: [
    { name: 'yellow', value: '#fff176' },
    { name: 'pink', value: '#f8bbd0' },
    { name: 'mint', value: '#b2f2bb' },
    { name: 'lightBlue', value: '#a5d8ff' },
    { name: 'lilac', value: '#d0bfff' },
    { name: 'peach', value: '#ffd8a8' },
  ],
};

export function isPaletteId(id: string): id is PaletteId {
  return (PALETTE_IDS as readonly string[]).includes(id);
}

/** The remembered self-mixed colours with `colour` added at the front (no duplicates, at most 8). */
export function addCustomColour(custom: readonly string[], colour: string): string[] {
  const value = colour.toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(value)) {
    return [...custom];
  }
  return [value, ...custom.filter((c) => c.toLowerCase() !== value)].slice(0, SKETCH_CUSTOM_COLOURS_MAX);
}

/** Whether a colour is one of a palette's presets (then it needs no place among the custom ones). */
export function isPresetColour(colour: string): boolean {
  const value = colour.toLowerCase();
  return PALETTE_IDS.some((id) => PALETTES[id].some((c) => c.value === value));
}
