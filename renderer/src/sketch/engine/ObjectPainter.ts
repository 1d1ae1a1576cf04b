import type { ObjectOfKind, SketchObject } from '../../../../shared/sketch/objects/objectCodec.js';
import {
  DEFAULT_LINE_HEIGHT,
  defaultVerticalAlign,
  isLineLike,
  type FontFamily,
} from '../../../../shared/sketch/objects/objectFields.js';
import type { ObjectGeometry, Polyline } from '../../../../shared/sketch/objects/handDrawn.js';
import { splitLines, textFrame } from '../../../../shared/sketch/objects/textLayout.js';
import { canvasFont } from './fonts.js';
import type { Ctx2D } from './sceneItem.js';

/**
 * Paints one sketch object (shape, line, text, image) onto a 2D context whose transform maps scene
 * units to device pixels (`deviceScale` device pixels per scene unit, no skew). The geometry of
 * shapes and lines comes ready-made from `objectGeometry` (handDrawn.ts); texts and images are laid
 * out here. The caller sets the layer's opacity; the object's own multiplies it.
 */

/** What painting an object needs besides the object. */
export interface PaintResources {
  /** `objectGeometry(object, lookup)`, computed once per object version. */
  geometry: ObjectGeometry;
  /** Device pixels per scene unit of the context's transform. */
  deviceScale: number;
  /** The decoded picture of an image object; null or absent while it is being decoded. */
  image?: CanvasImageSource | null;
  /** The object a text sits in (its `containerId`), when there is one. */
  container?: SketchObject;
}

/** Text smaller than this on screen (device pixels) is drawn as grey bars, not glyphs. */
const GREEK_BELOW_PX = 1.5;
/** Measuring happens at this size and scales linearly (tiny sizes measure poorly). */
const MEASURE_PX = 100;
const PLACEHOLDER_FILL = '#e5e7eb';
const PLACEHOLDER_BORDER = '#9ca3af';

/** Paints one object. Restores the context's state (transform, alpha, styles) before it returns. */
export function paintObject(ctx: Ctx2D, object: SketchObject, resources: PaintResources): void {
  if (!(object.opacity > 0)) {
    return;
  }
  ctx.save();
  try {
    ctx.globalAlpha = ctx.globalAlpha * object.opacity;
    switch (object.kind) {
      case 'text':
        paintText(ctx, object, resources);
        break;
      case 'image':
        paintImage(ctx, object, resources);
        break;
      default:
        paintGeometry(ctx, object, resources.geometry);
    }
  } finally {
    ctx.restore();
  }
}

/** The size of a text in scene units: its longest line's width, and its lines times the line height. */
export function measureText(
  ctx: Ctx2D,
  text: string,
  family: FontFamily,
  fontSize: number,
  lineHeight = DEFAULT_LINE_HEIGHT,
): { width: number; height: number } {
  const lines = splitLines(text);
  const previous = ctx.font;
  ctx.font = canvasFont(family, MEASURE_PX);
  let widest = 0;
  for (const line of lines) {
    widest = Math.max(widest, ctx.measureText(line).width);
  }
  ctx.font = previous;
  return { width: (widest * fontSize) / MEASURE_PX, height: lines.length * fontSize * lineHeight };
}

/** Adds a polyline to the current path. */
function trace(ctx: Ctx2D, line: Polyline): void {
  const p = line.points;
  if (p.length < 4) {
    return;
  }
  ctx.moveTo(p[0] ?? 0, p[1] ?? 0);
  for (let i = 2; i + 1 < p.length; i += 2) {
    ctx.lineTo(p[i] ?? 0, p[i + 1] ?? 0);
  }
  if (line.closed) {
    ctx.closePath();
  }
}

/** The line dash of a stroke style, in scene units (round caps add half a width at each end). */
function lineDash(style: SketchObject['strokeStyle'], strokeWidth: number): number[] {
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
 * rest are a line's arrowheads, always drawn solid. handDrawn.ts draws a line's body first, in two
 * passes for 'handDrawn' and one for 'clean', then its arrowhead strokes.
 */
function bodyStrokeCount(object: SketchObject, strokes: number): number {
  if (!isLineLike(object)) {
    return strokes;
  }
  return Math.min(strokes, object.style === 'handDrawn' ? 2 : 1);
}

function paintGeometry(ctx: Ctx2D, object: SketchObject, geometry: ObjectGeometry): void {
  const fill = object.fillColour;
  if (fill !== null && geometry.fill) {
    ctx.beginPath();
    trace(ctx, geometry.fill);
    ctx.fillStyle = fill;
    ctx.fill();
  }
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (fill !== null && geometry.hatches.length > 0) {
    ctx.beginPath();
    for (const hatch of geometry.hatches) {
      trace(ctx, hatch);
    }
    ctx.setLineDash([]);
    ctx.strokeStyle = fill;
    ctx.lineWidth = Math.max(1, object.strokeWidth / 2);
    ctx.stroke();
  }
  const width = object.strokeWidth;
  if (!(width > 0)) {
    return;
  }
  const strokes = geometry.strokes;
  const body = bodyStrokeCount(object, strokes.length);
  ctx.strokeStyle = object.strokeColour;
  ctx.lineWidth = width;
  const dash = lineDash(object.strokeStyle, width);
  const runs: Array<[number, number, number[]]> = [
    [0, body, dash],
    [body, strokes.length, []],
  ];
  for (const [from, to, pattern] of runs) {
    if (from >= to) {
      continue;
    }
    ctx.beginPath();
    for (let i = from; i < to; i++) {
      const line = strokes[i];
      if (line) {
        trace(ctx, line);
      }
    }
    ctx.setLineDash(pattern);
    ctx.stroke();
  }
  if (geometry.solids.length > 0) {
    ctx.beginPath();
    for (const solid of geometry.solids) {
      trace(ctx, solid);
    }
    ctx.fillStyle = object.strokeColour;
    ctx.fill();
  }
}

/** Moves the origin to the box's top-left corner, rotated about the box's centre. */
function enterBox(ctx: Ctx2D, box: Pick<SketchObject, 'x' | 'y' | 'w' | 'h' | 'angle'>): void {
  if (box.angle === 0) {
    ctx.translate(box.x, box.y);
    return;
  }
  ctx.translate(box.x + box.w / 2, box.y + box.h / 2);
  ctx.rotate(box.angle);
  ctx.translate(-box.w / 2, -box.h / 2);
}

function paintText(ctx: Ctx2D, text: ObjectOfKind<'text'>, resources: PaintResources): void {
  if (text.text.length === 0) {
    return;
  }
  const container = text.containerId !== undefined ? resources.container : undefined;
  const box = textFrame(text, container);
  const innerW = box.w - 2 * box.insetX;
  const innerH = box.h - 2 * box.insetY;
  const lines = splitLines(text.text);
  const step = text.fontSize * (text.lineHeight ?? DEFAULT_LINE_HEIGHT);
  const blockHeight = lines.length * step;
  const vertical = text.verticalAlign ?? defaultVerticalAlign(container !== undefined);
  const top =
    box.insetY +
    (vertical === 'top' ? 0 : vertical === 'bottom' ? innerH - blockHeight : (innerH - blockHeight) / 2);
  const anchorX = box.insetX + (text.align === 'left' ? 0 : text.align === 'right' ? innerW : innerW / 2);

  enterBox(ctx, box);
  // Glyphs are drawn at their size in device pixels (not scaled up from a tiny font size, which
  // some browsers rasterise blurry or clamp): from here on one unit is one device pixel.
  const scale = resources.deviceScale > 0 ? resources.deviceScale : 1;
  ctx.scale(1 / scale, 1 / scale);
  const fontPx = text.fontSize * scale;
  ctx.fillStyle = text.strokeColour;
  if (fontPx < GREEK_BELOW_PX) {
    greek(ctx, lines, text, { anchorX, top, step, scale });
    return;
  }
  ctx.font = canvasFont(text.fontFamily, fontPx);
  ctx.textAlign = text.align;
  ctx.textBaseline = 'middle';
  lines.forEach((line, i) => {
    if (line.length > 0) {
      ctx.fillText(line, anchorX * scale, (top + (i + 0.5) * step) * scale);
    }
  });
}

/** Text too small to read: a faint bar per line, about as long as the line would be. */
function greek(
  ctx: Ctx2D,
  lines: readonly string[],
  text: ObjectOfKind<'text'>,
  at: { anchorX: number; top: number; step: number; scale: number },
): void {
  ctx.globalAlpha *= 0.4;
  const { anchorX, top, step, scale } = at;
  lines.forEach((line, i) => {
    const width = Math.min(line.length * text.fontSize * 0.5, Math.max(text.w, text.fontSize));
    if (width <= 0) {
      return;
    }
    const left =
      text.align === 'left' ? anchorX : text.align === 'right' ? anchorX - width : anchorX - width / 2;
    const y = top + i * step + (step - text.fontSize * 0.6) / 2;
    ctx.fillRect(left * scale, y * scale, width * scale, text.fontSize * 0.6 * scale);
  });
}

function paintImage(ctx: Ctx2D, image: ObjectOfKind<'image'>, resources: PaintResources): void {
  const { w, h } = image;
  if (!(w > 0 && h > 0)) {
    return;
  }
  ctx.translate(image.x + w / 2, image.y + h / 2);
  if (image.angle !== 0) {
    ctx.rotate(image.angle);
  }
  const source = resources.image;
  if (!source) {
    // Not decoded yet (or undecodable): a grey box with a thin border, one device pixel wide.
    ctx.fillStyle = PLACEHOLDER_FILL;
    ctx.fillRect(-w / 2, -h / 2, w, h);
    ctx.strokeStyle = PLACEHOLDER_BORDER;
    ctx.lineWidth = 1 / (resources.deviceScale > 0 ? resources.deviceScale : 1);
    ctx.setLineDash([]);
    ctx.strokeRect(-w / 2, -h / 2, w, h);
    return;
  }
  if (image.flipX === true || image.flipY === true) {
    ctx.scale(image.flipX === true ? -1 : 1, image.flipY === true ? -1 : 1);
  }
  ctx.drawImage(source, -w / 2, -h / 2, w, h);
}
