import type { ObjectOfKind, SketchObject } from './objectCodec.js';
import { DEFAULT_LINE_HEIGHT, defaultVerticalAlign, type FontFamily } from './objectFields.js';
import { kindOf } from './kinds/index.js';

/**
 * Where the lines of a text object go: its frame (own box, or the inner area of the shape it sits
 * in), each line's anchor and baseline. The editor paints with the same rules (`ObjectPainter`);
 * the exports (SVG `<text>`, outlined glyphs, PDF) place their lines with this.
 */

/** Vertical metrics of the shipped faces (units per em, hhea ascent and descent; `assets/fonts/`). */
export const FONT_METRICS: Record<FontFamily, { unitsPerEm: number; ascent: number; descent: number }> = {
  hand: { unitsPerEm: 1000, ascent: 1063, descent: -531 },
  sans: { unitsPerEm: 1000, ascent: 984, descent: -316 },
  serif: { unitsPerEm: 1000, ascent: 1177, descent: -308 },
};

/**
 * How far the alphabetic baseline lies below the canvas 'middle' baseline the editor draws with, as
 * a fraction of the font size: (ascent − |descent|) / 2 (Chromium's middle of the ascent–descent box).
 */
function middleToBaseline(family: FontFamily): number {
  const m = FONT_METRICS[family];
  return (m.ascent + m.descent) / 2 / m.unitsPerEm;
}

/** The frame a text is laid out in, and the insets of the area its lines go in. */
export interface TextFrame {
  x: number;
  y: number;
  w: number;
  h: number;
  angle: number;
  insetX: number;
  insetY: number;
}

/**
 * Where a text is laid out: its own box, or the inner area of its container (rotating with the
 * container about its centre; the inner area is centred in it).
 */
export function textFrame(text: ObjectOfKind<'text'>, container: SketchObject | undefined): TextFrame {
  if (!container) {
    return { x: text.x, y: text.y, w: text.w, h: text.h, angle: text.angle, insetX: 0, insetY: 0 };
  }
  const [kx, ky] = kindOf(container).textInsets?.(container) ?? [0, 0];
  const pad = container.strokeWidth / 2 + text.fontSize * 0.25;
  return {
    x: container.x,
    y: container.y,
    w: container.w,
    h: container.h,
    angle: container.angle,
    insetX: Math.min(container.w / 2, container.w * kx + pad),
    insetY: Math.min(container.h / 2, container.h * ky + pad),
  };
}

/** The lines of a text (any line break). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** One laid-out line: its text, the x of its anchor and its alphabetic baseline, in the frame. */
export interface PlacedLine {
  text: string;
  x: number;
  baseline: number;
}

/** A text object laid out: the frame (origin top-left, rotated about its centre) and its lines. */
export interface TextPlacement {
  frame: TextFrame;
  /** Which end of a line its anchor is. */
  anchor: 'start' | 'middle' | 'end';
  family: FontFamily;
  fontSize: number;
  lines: PlacedLine[];
}

/** Lays out a text object (`container`: the object it sits in, if any). Empty lines are left out. */
export function placeText(text: ObjectOfKind<'text'>, container: SketchObject | undefined): TextPlacement {
  const inContainer = text.containerId !== undefined ? container : undefined;
  const frame = textFrame(text, inContainer);
  const innerW = frame.w - 2 * frame.insetX;
  const innerH = frame.h - 2 * frame.insetY;
  const lines = splitLines(text.text);
  const step = text.fontSize * (text.lineHeight ?? DEFAULT_LINE_HEIGHT);
  const blockHeight = lines.length * step;
  const vertical = text.verticalAlign ?? defaultVerticalAlign(inContainer !== undefined);
  const top =
    frame.insetY +
    (vertical === 'top' ? 0 : vertical === 'bottom' ? innerH - blockHeight : (innerH - blockHeight) / 2);
  const x = frame.insetX + (text.align === 'left' ? 0 : text.align === 'right' ? innerW : innerW / 2);
  const down = middleToBaseline(text.fontFamily) * text.fontSize;
  const placed: PlacedLine[] = [];
  lines.forEach((line, i) => {
    if (line.length > 0) {
      placed.push({ text: line, x, baseline: top + (i + 0.5) * step + down });
    }
  });
  return {
    frame,
    anchor: text.align === 'left' ? 'start' : text.align === 'right' ? 'end' : 'middle',
    family: text.fontFamily,
    fontSize: text.fontSize,
    lines: placed,
  };
}
