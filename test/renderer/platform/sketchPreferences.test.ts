import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SKETCH_PALETTE_PREFS,
  DEFAULT_SKETCH_TOOL_PREFS,
  getSketchPalettePrefs,
  getSketchToolPrefs,
  getUserId,
  setSketchPalettePrefs,
  setSketchToolPrefs,
} from '../../../renderer/src/platform/preferences.js';
import {
  addCustomColour,
  isPaletteId,
  isPresetColour,
  PALETTE_IDS,
  PALETTES,
} from '../../../renderer/src/sketch/palettes.js';

/** A Map-backed stand-in for window.localStorage. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

describe('sketch preferences', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives defaults when nothing is stored', () => {
    expect(getSketchPalettePrefs()).toEqual(DEFAULT_SKETCH_PALETTE_PREFS);
    expect(getSketchToolPrefs()).toEqual(DEFAULT_SKETCH_TOOL_PREFS);
  });

  it('remembers palette and tool settings per user', () => {
    setSketchPalettePrefs({ palette: 'pastel', colour: '#fff176', custom: ['#123456', '#ABCDEF'] });
    setSketchToolPrefs({
      brush: 'marker',
      size: 12,
      smoothing: 0.8,
      pressureOn: false,
      shapeStyle: 'clean',
      fontFamily: 'serif',
    });
    expect(getSketchPalettePrefs()).toEqual({
      palette: 'pastel',
      colour: '#fff176',
      custom: ['#123456', '#abcdef'],
    });
    expect(getSketchToolPrefs()).toMatchObject({ brush: 'marker', size: 12, fontFamily: 'serif' });
    const user = getUserId();
    expect(storage.getItem(`mitschrift.sketchPalette.${user}`)).not.toBeNull();
    expect(storage.getItem(`mitschrift.sketchTools.${user}`)).not.toBeNull();

    // Another user on the same device starts with the defaults.
    storage.setItem('mitschrift.userId', 'uAAAAAAAAAAAAAAA');
    expect(getUserId()).toBe('uAAAAAAAAAAAAAAA');
    expect(getSketchPalettePrefs()).toEqual(DEFAULT_SKETCH_PALETTE_PREFS);
  });

  it('falls back to defaults for broken JSON and to field defaults for bad fields', () => {
    const user = getUserId();
    storage.setItem(`mitschrift.sketchPalette.${user}`, '{not json');
    expect(getSketchPalettePrefs()).toEqual(DEFAULT_SKETCH_PALETTE_PREFS);
    storage.setItem(`mitschrift.sketchPalette.${user}`, JSON.stringify('a string'));
    expect(getSketchPalettePrefs()).toEqual(DEFAULT_SKETCH_PALETTE_PREFS);
    storage.setItem(
      `mitschrift.sketchPalette.${user}`,
      JSON.stringify({
        palette: '<script>',
        colour: 'red',
        custom: ['#111111', 7, 'x', '#111111', ...Array(12).fill('#222222')],
      }),
    );
    expect(getSketchPalettePrefs()).toEqual({
      palette: 'classic',
      colour: DEFAULT_SKETCH_PALETTE_PREFS.colour,
      custom: ['#111111', '#222222'],
    });
    storage.setItem(
      `mitschrift.sketchTools.${user}`,
      JSON.stringify({ brush: 'crayon', size: 1e9, smoothing: 0.2, pressureOn: 'yes', fontFamily: 'hand' }),
    );
    expect(getSketchToolPrefs()).toEqual({ ...DEFAULT_SKETCH_TOOL_PREFS, smoothing: 0.2 });
  });

  it('works without storage', () => {
    vi.stubGlobal('localStorage', undefined);
    setSketchPalettePrefs({ palette: 'civic', colour: '#2b4c7e', custom: [] });
    expect(getSketchPalettePrefs()).toEqual(DEFAULT_SKETCH_PALETTE_PREFS);
  });
});

describe('sketch palettes', () => {
  it('has at least three sets of distinct, valid colours', () => {
    expect(PALETTE_IDS.length).toBeGreaterThanOrEqual(3);
    for (const id of PALETTE_IDS) {
      const values = PALETTES[id].map((c) => c.value);
      expect(values.length).toBeGreaterThanOrEqual(6);
      expect(new Set(values).size).toBe(values.length);
      for (const value of values) {
        expect(value).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
    expect(isPaletteId('civic')).toBe(true);
    expect(isPaletteId('nope')).toBe(false);
    expect(isPresetColour('#1D1D1F')).toBe(true);
    expect(isPresetColour('#123456')).toBe(false);
  });

  it('keeps the last eight custom colours, newest first, without duplicates', () => {
    let custom: string[] = [];
    for (let i = 0; i < 10; i++) {
      custom = addCustomColour(custom, `#00000${i}`);
    }
    expect(custom).toHaveLength(8);
    expect(custom[0]).toBe('#000009');
    custom = addCustomColour(custom, '#000005');
    expect(custom[0]).toBe('#000005');
    expect(custom.filter((c) => c === '#000005')).toHaveLength(1);
    expect(addCustomColour(custom, 'red')).toEqual(custom);
  });
});
