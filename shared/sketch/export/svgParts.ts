import type { Box } from '../objects/geometry.js';
import type { ObjectGeometry, Polyline } from '../objects/handDrawn.js';
import type { ObjectOfKind, SketchObject } from '../objects/objectCodec.js';
import { isLineLike, type FontFamily } from '../objects/objectFields.js';
import type { PlacedLine, TextPlacement, TextFrame } from '../objects/textLayout.js';
import type { Stroke } from '../strokeCodec.js';
import { traceOutline, type PathSink } from '../strokeOutline.js';
import type { Asset } from '../objects/assets.js';
import { blendsByMultiply } from '../sketchLayout.js';

/**
 * The pieces SVG export is built from (numbers, colours, paths, text, the document frame), used
 * by `svgExport.ts` and by each object kind's SVG mapping (`objects/kinds/`). Pure strings.
 */

/** How text is written. */
export type SvgTextMode =
  | {
      /** `<text>` in the shipped faces (their @font-face rules go in {@link SvgFrame.style}). */
      mode: 'text';
    }
  | {
      mode: 'outline';
      /** The outline of one placed line as path data, in the text frame's coordinates. */
      outline: (placement: TextPlacement, line: PlacedLine) => string;
    };

/** What an item's SVG needs besides the item. */
export interface SvgContext {
  /** Every object by id (a text's container, a connector's ends). */
  objects: ReadonlyMap<string, SketchObject>;
  /** Image data by asset id. */
  assets: ReadonlyMap<string, Asset>;
  text: SvgTextMode;
  /** The alpha of the item's layer. */
  alpha: number;
  /** The polyline geometry of a shape or line (`objectGeometry`, given so kinds need not import it). */
  geometry: (object: SketchObject) => ObjectGeometry;
  /** A text laid out in its frame or container (`placeText`, given so kinds need not import it). */
  placeText: (text: ObjectOfKind<'text'>) => TextPlacement;
}

/** CSS font-family stacks for SVG text (the shipped face first, as in the editor). */
const SVG_FONT_STACKS: Record<FontFamily, string> = {
  hand: "'Mitschrift Hand', Kalam, cursive",
  sans: "'Mitschrift Sans', 'Atkinson Hyperlegible Next', sans-serif",
  serif: "'Mitschrift Serif', Literata, serif",
};

/** A number for SVG: at most 3 decimals, no exponent, no "-0". */
export function num(value: number): string {
  if (!Number.isFinite(value)) {
    return '0';
  }
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === 0 ? '0' : String(rounded);
}

/** Whether XML 1.0 can hold this UTF-16 code unit at position i (lone surrogates and most controls it cannot). */
function xmlAllows(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code < 0x20) {
    return code === 0x09 || code === 0x0a || code === 0x0d;
  }
  if (code === 0xfffe || code === 0xffff) {
    return false;
  }
  if (code >= 0xd800 && code < 0xdc00) {
    const next = s.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = s.charCodeAt(i - 1);
    return previous >= 0xd800 && previous < 0xdc00;
  }
  return true;
}

/** Escapes text for XML and drops the characters XML 1.0 cannot hold. */
function xmlText(text: string): string {
  let kept = '';
  for (let i = 0; i < text.length; i++) {
    if (xmlAllows(text, i)) {
      kept += text[i];
    }
  }
  return kept.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A '#rrggbb' or '#rrggbbaa' colour as an SVG colour and its own alpha. */
export function splitColour(colour: string): { hex: string; alpha: number } {
  if (colour.length === 9) {
    return { hex: colour.slice(0, 7), alpha: parseInt(colour.slice(7, 9), 16) / 255 };
  }
  return { hex: colour, alpha: 1 };
}

/** ` name="value"` for an opacity attribute, or nothing when fully opaque. */
function opacityAttr(name: string, alpha: number): string {
  return alpha >= 1 ? '' : ` ${name}="${num(Math.max(0, alpha))}"`;
}

/** Collects path commands as SVG path data. */
class SvgPathData implements PathSink {
  private readonly parts: string[] = [];
  moveTo(x: number, y: number): void {
    this.parts.push(`M${num(x)} ${num(y)}`);
  }
  lineTo(x: number, y: number): void {
    this.parts.push(`L${num(x)} ${num(y)}`);
  }
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void {
    this.parts.push(`Q${num(cpx)} ${num(cpy)} ${num(x)} ${num(y)}`);
  }
  closePath(): void {
    this.parts.push('Z');
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** Path data of polylines. */
function polylinesPath(lines: readonly Polyline[]): string {
  const out: string[] = [];
  for (const line of lines) {
    const p = line.points;
    if (p.length < 4) {
      continue;
    }
    out.push(`M${num(p[0] ?? 0)} ${num(p[1] ?? 0)}`);
    for (let i = 2; i + 1 < p.length; i += 2) {
      out.push(`L${num(p[i] ?? 0)} ${num(p[i + 1] ?? 0)}`);
    }
    if (line.closed) {
      out.push('Z');
    }
  }
  return out.join('');
}

/** One stroke: its outline, filled with its colour at the brush's and layer's alpha. */
export function strokeSvg(stroke: Stroke, outline: number[][], alpha: number): string {
  const path = new SvgPathData();
  traceOutline(path, outline);
  const { hex, alpha: own } = splitColour(stroke.colour);
  const blend = blendsByMultiply(stroke.brush) ? ' style="mix-blend-mode:multiply"' : '';
  return `<path d="${path.toString()}" fill="${hex}"${opacityAttr('fill-opacity', own * alpha)}${blend}/>`;
}

/** The dash pattern of a stroke style, in scene units (as the editor draws it). */
export function lineDash(style: SketchObject['strokeStyle'], strokeWidth: number): number[] {
  switch (style) {
    case 'dashed':
      return [strokeWidth * 3, strokeWidth * 4];
    case 'dotted':
      return [strokeWidth * 0.1, strokeWidth * 2.2];
    default:
      return [];
  }
}

/**
 * How many of `geometry.strokes` are the body of the object (dashed per its stroke style); the
 * rest are a line's arrowheads, always solid (handDrawn.ts draws a line's body first, in two passes
 * for 'handDrawn' and one for 'clean', then its arrowheads).
 */
export function bodyStrokeCount(object: SketchObject, strokes: number): number {
  if (!isLineLike(object)) {
    return strokes;
  }
  return Math.min(strokes, object.style === 'handDrawn' ? 2 : 1);
}

/** The SVG of an object drawn from its polyline geometry (every kind but text and image). */
export function geometrySvg(object: SketchObject, geometry: ObjectGeometry, alpha: number): string {
  const a = alpha * object.opacity;
  const out: string[] = [];
  const round = ' stroke-linecap="round" stroke-linejoin="round"';
  if (object.fillColour !== null) {
    const fill = splitColour(object.fillColour);
    if (geometry.fill) {
      out.push(
        `<path d="${polylinesPath([geometry.fill])}" fill="${fill.hex}"${opacityAttr('fill-opacity', fill.alpha * a)}/>`,
      );
    }
    if (geometry.hatches.length > 0) {
      out.push(
        `<path d="${polylinesPath(geometry.hatches)}" fill="none" stroke="${fill.hex}" stroke-width="${num(Math.max(1, object.strokeWidth / 2))}"${round}${opacityAttr('stroke-opacity', fill.alpha * a)}/>`,
      );
    }
  }
  if (object.strokeWidth > 0) {
    const stroke = splitColour(object.strokeColour);
    const body = bodyStrokeCount(object, geometry.strokes.length);
    const dash = lineDash(object.strokeStyle, object.strokeWidth);
    const common = `fill="none" stroke="${stroke.hex}" stroke-width="${num(object.strokeWidth)}"${round}${opacityAttr('stroke-opacity', stroke.alpha * a)}`;
    if (body > 0) {
      const dashAttr = dash.length ? ` stroke-dasharray="${dash.map(num).join(' ')}"` : '';
      out.push(`<path d="${polylinesPath(geometry.strokes.slice(0, body))}" ${common}${dashAttr}/>`);
    }
    if (body < geometry.strokes.length) {
      out.push(`<path d="${polylinesPath(geometry.strokes.slice(body))}" ${common}/>`);
    }
    if (geometry.solids.length > 0) {
      out.push(
        `<path d="${polylinesPath(geometry.solids)}" fill="${stroke.hex}"${opacityAttr('fill-opacity', stroke.alpha * a)}/>`,
      );
    }
  }
  return out.join('');
}

/** The transform of a box rotated about its centre, origin at its top-left corner. */
export function frameTransform(frame: Pick<TextFrame, 'x' | 'y' | 'w' | 'h' | 'angle'>): string {
  if (frame.angle === 0) {
    return `translate(${num(frame.x)} ${num(frame.y)})`;
  }
  const deg = (frame.angle * 180) / Math.PI;
  return `translate(${num(frame.x + frame.w / 2)} ${num(frame.y + frame.h / 2)}) rotate(${num(deg)}) translate(${num(-frame.w / 2)} ${num(-frame.h / 2)})`;
}

/** A placed text as SVG: `<text>` lines or outlined glyphs, per the mode. */
export function textSvg(placement: TextPlacement, colour: string, alpha: number, mode: SvgTextMode): string {
  if (placement.lines.length === 0) {
    return '';
  }
  const { hex, alpha: own } = splitColour(colour);
  const opacity = opacityAttr('fill-opacity', own * alpha);
  const transform = frameTransform(placement.frame);
  if (mode.mode === 'outline') {
    const d = placement.lines.map((line) => mode.outline(placement, line)).join('');
    return d ? `<path transform="${transform}" d="${d}" fill="${hex}"${opacity}/>` : '';
  }
  const spans = placement.lines
    .map((line) => `<tspan x="${num(line.x)}" y="${num(line.baseline)}">${xmlText(line.text)}</tspan>`)
    .join('');
  return (
    `<text transform="${transform}" font-family="${SVG_FONT_STACKS[placement.family]}" font-size="${num(placement.fontSize)}"` +
    ` text-anchor="${placement.anchor}" fill="${hex}"${opacity} xml:space="preserve">${spans}</text>`
  );
}

/** The parts of an SVG document. */
export interface SvgFrame {
  /** The scene area shown (the viewBox). */
  area: Box;
  /** Width and height attributes (e.g. "1189.2mm", or pixels as a plain number). */
  width: string;
  height: string;
  /** The paper colour, painted over the whole area. */
  background: string;
  /** Extra content of `<defs>`/`<style>` (the font faces). */
  style?: string;
}

/** Opens an SVG document (root, style, background); close it with `</svg>`. */
export function svgOpen(frame: SvgFrame): string {
  const { area } = frame;
  const viewBox = `${num(area.x)} ${num(area.y)} ${num(area.width)} ${num(area.height)}`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${frame.width}" height="${frame.height}" viewBox="${viewBox}">\n` +
    (frame.style ? `<style>${frame.style}</style>\n` : '') +
    `<rect x="${num(area.x)}" y="${num(area.y)}" width="${num(area.width)}" height="${num(area.height)}" fill="${splitColour(frame.background).hex}"/>\n`
  );
}
