import type { BrushKind } from './sketchLayout.js';

/**
 * The four brushes and how a stroke's stored style becomes perfect-freehand options. Pure data, so
 * the renderer, a later exporter and tests agree on what a stroke looks like.
 */

export interface BrushDefinition {
  /** Default diameter in scene units. */
  defaultSize: number;
  /** perfect-freehand `thinning` while pressure is on: how much pressure changes the width. */
  thinning: number;
  /** Start/end taper as a multiple of the size (0 = round cap only). */
  taperStart: number;
  taperEnd: number;
  /** Opacity the colour is painted with (the highlighter is translucent). */
  opacity: number;
  /** Width-from-pressure easing. */
  easing: 'linear' | 'easeOutSine' | 'easeInSine';
}

export const BRUSHES: Record<BrushKind, BrushDefinition> = {
  // A felt-tip pen: a little pressure response, round ends.
  fineliner: { defaultSize: 3, thinning: 0.35, taperStart: 0, taperEnd: 0, opacity: 1, easing: 'linear' },
  // A brush pen: strong pressure response and tapered ends.
  brushpen: {
    defaultSize: 7,
    thinning: 0.7,
    taperStart: 1,
    taperEnd: 1.5,
    opacity: 1,
    easing: 'easeOutSine',
  },
  // A marker: flat, nearly constant width, opaque.
  marker: { defaultSize: 12, thinning: 0.1, taperStart: 0, taperEnd: 0, opacity: 1, easing: 'linear' },
  // A highlighter: constant width, translucent, painted with a multiply blend (tints, never hides).
  highlighter: { defaultSize: 24, thinning: 0, taperStart: 0, taperEnd: 0, opacity: 0.35, easing: 'linear' },
};

/** The perfect-freehand options of a stroke (the subset we use; functions resolved by name). */
export interface FreehandOptions {
  size: number;
  thinning: number;
  smoothing: number;
  streamline: number;
  simulatePressure: boolean;
  easing: BrushDefinition['easing'];
  start: { cap: boolean; taper: number };
  end: { cap: boolean; taper: number };
}

/**
 * perfect-freehand options for a stroke. `hasPressure` tells whether the points carry real pen
 * pressure; with pressure on but none recorded (a mouse), the width is simulated from speed.
 */
export function freehandOptions(
  style: { brush: BrushKind; size: number; pressureOn: boolean; smoothing: number },
  hasPressure: boolean,
): FreehandOptions {
  const brush = BRUSHES[style.brush];
  const smoothing = Math.min(1, Math.max(0, style.smoothing));
  return {
    size: style.size,
    thinning: style.pressureOn ? brush.thinning : 0,
    smoothing: 0.3 + 0.4 * smoothing,
    streamline: 0.15 + 0.7 * smoothing,
    simulatePressure: style.pressureOn && !hasPressure && brush.thinning > 0,
    easing: brush.easing,
    start: { cap: true, taper: brush.taperStart * style.size },
    end: { cap: true, taper: brush.taperEnd * style.size },
  };
}

/**
 * The mean width of a stroke as a fraction of its size, for simplified (far zoomed-out) drawing:
 * perfect-freehand's radius is size · (0.5 − thinning · (0.5 − pressure)).
 */
export function meanWidthFactor(thinning: number, meanPressure: number): number {
  return Math.max(0.2, 1 - thinning * (1 - 2 * meanPressure));
}

/** The colour with the brush's opacity applied, as a CSS colour. */
export function paintColour(colour: string, brush: BrushKind, layerOpacity = 1): string {
  const hex = colour.length === 9 ? colour.slice(0, 7) : colour;
  const ownAlpha = colour.length === 9 ? parseInt(colour.slice(7, 9), 16) / 255 : 1;
  const alpha = ownAlpha * BRUSHES[brush].opacity * layerOpacity;
  if (alpha >= 1) {
    return hex;
  }
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return `rgba(${r},${g},${b},${Math.round(alpha * 1000) / 1000})`;
}
