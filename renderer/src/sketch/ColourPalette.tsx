import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SketchPalettePrefs } from '../platform/preferences.js';
import {
  addCustomColour,
  isPaletteId,
  isPresetColour,
  PALETTE_IDS,
  PALETTES,
  type PaletteId,
} from './palettes.js';

/** Black or white, whichever reads better on `hex` (for the check mark on a chosen swatch). */
function markColour(hex: string): string {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.18 ? '#000000' : '#ffffff';
}

function Swatch({
  colour,
  label,
  pressed,
  onPick,
}: {
  colour: string;
  label: string;
  pressed: boolean;
  onPick: () => void;
}) {
  return (
    <button
      type="button"
      className="sketch-swatch"
      style={{ background: colour }}
      aria-pressed={pressed}
      aria-label={label}
      title={label}
      onClick={onPick}
    >
      {pressed && (
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path
            d="M3.5 8.5l3 3 6-7"
            fill="none"
            stroke={markColour(colour)}
            strokeWidth="2.2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      )}
    </button>
  );
}

export interface ColourPaletteProps {
  prefs: SketchPalettePrefs;
  /** Called with the new colour set, colour and custom colours (the caller remembers them). */
  onChange: (prefs: SketchPalettePrefs) => void;
}

/**
 * The ink colour: preset colour sets for graphic recording (classic ink, the muted colours of a
 * city administration, pastel highlighters), the last eight self-mixed colours and a colour
 * picker. Every swatch has a spoken name; the chosen one shows a check mark, not only a ring.
 */
export function ColourPalette({ prefs, onChange }: ColourPaletteProps) {
  const { t } = useTranslation();
  const id = useId();
  const paletteId: PaletteId = isPaletteId(prefs.palette) ? prefs.palette : 'classic';
  const colours = PALETTES[paletteId];
  const current = prefs.colour.toLowerCase();
  const picker = useRef<HTMLInputElement>(null);
  const latest = useRef({ prefs, onChange });

  useEffect(() => {
    latest.current = { prefs, onChange };
  }, [prefs, onChange]);

  useEffect(() => {
    // The picker's `input` events follow the colour live; its `change` event (the choice is made)
    // remembers the colour among the custom ones. React's onChange does not tell the two apart.
    const input = picker.current;
    if (!input) {
      return undefined;
    }
    const commit = (): void => {
      const { prefs: now, onChange: change } = latest.current;
      const colour = input.value.toLowerCase();
      change({
        ...now,
        colour,
        custom: isPresetColour(colour) ? now.custom : addCustomColour(now.custom, colour),
      });
    };
    input.addEventListener('change', commit);
    return () => input.removeEventListener('change', commit);
  }, []);

  const named = PALETTE_IDS.flatMap((p) => PALETTES[p]).find((c) => c.value === current);
  const currentName = named ? t(`sketch.colourNames.${named.name}`) : current;

  return (
    <section className="sketch-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="sketch-panel__heading">
        {t('sketch.palette.heading')}
      </h2>
      <div className="sketch-field">
        <label htmlFor={`${id}-set`}>{t('sketch.palette.set')}</label>
        <select
          id={`${id}-set`}
          className="sketch-select"
          value={paletteId}
          onChange={(e) => {
            const next = PALETTE_IDS.find((p) => p === e.target.value) ?? 'classic';
            const first = PALETTES[next][0];
            // A new set starts with its first colour, unless the current one is in it anyway.
            const keep = PALETTES[next].some((c) => c.value === current);
            onChange({ ...prefs, palette: next, colour: keep || !first ? current : first.value });
          }}
        >
          {PALETTE_IDS.map((p) => (
            <option key={p} value={p}>
              {t(`sketch.palette.sets.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div
        className="sketch-swatches"
        role="group"
        aria-label={t('sketch.palette.presets', { set: t(`sketch.palette.sets.${paletteId}`) })}
      >
        {colours.map((c) => (
          <Swatch
            key={c.value}
            colour={c.value}
            label={t(`sketch.colourNames.${c.name}`)}
            pressed={c.value === current}
            onPick={() => onChange({ ...prefs, colour: c.value })}
          />
        ))}
      </div>
      <h3 className="sketch-panel__subheading" id={`${id}-custom`}>
        {t('sketch.palette.custom')}
      </h3>
      {prefs.custom.length === 0 ? (
        <p className="hint">{t('sketch.palette.noCustom')}</p>
      ) : (
        <div className="sketch-swatches" role="group" aria-labelledby={`${id}-custom`}>
          {prefs.custom.map((c) => (
            <Swatch
              key={c}
              colour={c}
              label={t('sketch.palette.customNamed', { colour: c })}
              pressed={c === current}
              onPick={() => onChange({ ...prefs, colour: c })}
            />
          ))}
        </div>
      )}
      <div className="sketch-pick">
        <label htmlFor={`${id}-pick`}>{t('sketch.palette.pick')}</label>
        <input
          id={`${id}-pick`}
          ref={picker}
          className="sketch-colour-picker"
          type="color"
          value={current}
          onChange={(e) => onChange({ ...prefs, colour: e.target.value.toLowerCase() })}
        />
      </div>
      <p className="hint sketch-current-colour">
        <span className="sketch-current-colour__chip" style={{ background: current }} aria-hidden="true" />
        {t('sketch.palette.current', { name: currentName })}
      </p>
    </section>
  );
}
