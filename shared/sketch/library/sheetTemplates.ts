import { quantise } from '../objects/geometry.js';
import { clipboardText } from '../objects/clipboard.js';
import { encodeObject, type NewObject, type ObjectJson } from '../objects/objectCodec.js';
import type { FontFamily, ObjectStyle } from '../objects/objectFields.js';
import type { LayerId } from '../sketchLayout.js';

/**
 * The built-in templates of a sheet: a talk header (the session's title on a banner, speaker, room
 * and time below it, filled from the event plan) and frames that divide the sheet (columns, a
 * grid, a timeline, a mind map, a border). Each is made for the sheet it is put on (sizes follow
 * the sheet, as the pens do) and is made of ordinary objects, so everything stays editable.
 */

/** The frames a sheet can be divided by; names in the i18n layer (`sketch.library.frames.*`). */
export const FRAME_LAYOUTS = ['columns', 'grid', 'timeline', 'mindmap', 'border'] as const;
/** A frame layout. */
export type FrameLayout = (typeof FRAME_LAYOUTS)[number];

/** The sheet (or, on an infinite canvas, the visible area) a template is made for, in scene units. */
export interface TemplateArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How a template's objects look and whose they are. */
export interface TemplateStyle {
  /** Lines and text, '#rrggbb'. */
  colour: string;
  /** The banner's fill, '#rrggbb'. */
  accent: string;
  fontFamily: FontFamily;
  style: ObjectStyle;
  layer: LayerId;
  author: string;
  now: number;
}

/** The talk header's texts, already in the interface language. */
export interface TalkHeader {
  title: string;
  /** One line under the banner ("Referent:in: … · Raum 3 · 5.12.2026, 10:00"); empty for none. */
  details: string;
}

/** A template ready to paste: clipboard text and where its box's top-left goes on the scene. */
export interface PlacedTemplate {
  clipboard: string;
  at: { x: number; y: number };
}

/** The length unit of templates: a hundredth of the sheet's width, or of 1.5 x its height if that is less (panoramas). */
function unitOf(area: TemplateArea): number {
  return Math.min(area.width, area.height * 1.5) / 100;
}

/** Top margin above the header, as a share of the sheet's height. */
const HEADER_TOP = 0.03;
const BANNER_HEIGHT = 9;
const TITLE_SIZE = 3.6;
const DETAILS_SIZE = 1.6;
const LINE_HEIGHT = 1.25;

/** Where the header ends (scene y), so frames start below it. */
function headerBottom(area: TemplateArea): number {
  const u = unitOf(area);
  return area.y + area.height * HEADER_TOP + BANNER_HEIGHT * u + u + DETAILS_SIZE * LINE_HEIGHT * u;
}

/** The parts every object of a template shares. */
function base(style: TemplateStyle, z: number, strokeWidth: number) {
  return {
    angle: 0,
    style: style.style,
    strokeColour: style.colour,
    fillColour: null,
    strokeWidth,
    opacity: 1,
    layer: style.layer,
    z,
    author: style.author,
    createdAt: style.now,
  } as const;
}

/** Clipboard text of objects in scene coordinates, placed back where they are. */
function placed(objects: Array<{ id: string; object: NewObject }>): PlacedTemplate {
  const minX = Math.min(...objects.map(({ object }) => object.x));
  const minY = Math.min(...objects.map(({ object }) => object.y));
  const maxX = Math.max(...objects.map(({ object }) => object.x + object.w));
  const maxY = Math.max(...objects.map(({ object }) => object.y + object.h));
  const shifted: Array<{ id: string; object: ObjectJson }> = objects.map(({ id, object }) => ({
    id,
    object: encodeObject({ ...object, x: quantise(object.x - minX), y: quantise(object.y - minY) }),
  }));
  return {
    clipboard: clipboardText({ width: maxX - minX, height: maxY - minY, strokes: [], objects: shifted }),
    at: { x: minX, y: minY },
  };
}

/**
 * The talk header for a sheet: a banner across the top with the session's title in it and one
 * line of details under it, grouped, so the recorder moves or resizes it as one.
 */
export function talkHeaderTemplate(
  area: TemplateArea,
  header: TalkHeader,
  style: TemplateStyle,
): PlacedTemplate {
  const u = unitOf(area);
  const w = quantise(Math.min(area.width * 0.92, 90 * u));
  const x = quantise(area.x + (area.width - w) / 2);
  const y = quantise(area.y + area.height * HEADER_TOP);
  const h = quantise(BANNER_HEIGHT * u);
  const groupId = 'talkHeader';
  const objects: Array<{ id: string; object: NewObject }> = [
    {
      id: 'banner',
      object: { ...base(style, 0, 0.3 * u), kind: 'banner', x, y, w, h, fillColour: style.accent, groupId },
    },
    {
      id: 'title',
      object: {
        ...base(style, 1, 0),
        kind: 'text',
        x,
        y,
        w,
        h,
        text: header.title,
        fontFamily: style.fontFamily,
        fontSize: quantise(TITLE_SIZE * u),
        align: 'center',
        verticalAlign: 'middle',
        containerId: 'banner',
        groupId,
      },
    },
  ];
  if (header.details.trim() !== '') {
    objects.push({
      id: 'details',
      object: {
        ...base(style, 2, 0),
        kind: 'text',
        x,
        y: quantise(y + h + u),
        w,
        h: quantise(DETAILS_SIZE * LINE_HEIGHT * u),
        text: header.details,
        fontFamily: style.fontFamily,
        fontSize: quantise(DETAILS_SIZE * u),
        align: 'center',
        groupId,
      },
    });
  }
  return placed(objects);
}

/** A rounded frame box. */
function frame(
  id: string,
  style: TemplateStyle,
  u: number,
  x: number,
  y: number,
  w: number,
  h: number,
  z: number,
) {
  return {
    id,
    object: {
      ...base(style, z, 0.25 * u),
      kind: 'rect',
      x: quantise(x),
      y: quantise(y),
      w: quantise(w),
      h: quantise(h),
      cornerRadius: quantise(1.5 * u),
    } satisfies NewObject,
  };
}

/** A filled ellipse around (cx, cy): a timeline's station, a mind map's centre. */
function spot(
  id: string,
  style: TemplateStyle,
  strokeWidth: number,
  z: number,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
) {
  return {
    id,
    object: {
      ...base(style, z, strokeWidth),
      kind: 'ellipse',
      x: quantise(cx - rx),
      y: quantise(cy - ry),
      w: quantise(2 * rx),
      h: quantise(2 * ry),
      fillColour: style.accent,
    } satisfies NewObject,
  };
}

/**
 * A frame layout for a sheet, below the talk header's place (so both fit together): three
 * columns, a 2 x 2 grid, a timeline arrow with five stations, a mind map's centre with six
 * branches, or a border around the sheet.
 */
export function frameTemplate(layout: FrameLayout, area: TemplateArea, style: TemplateStyle): PlacedTemplate {
  const u = unitOf(area);
  const margin = 3 * u;
  const gap = 2 * u;
  const left = area.x + margin;
  const right = area.x + area.width - margin;
  const top = layout === 'border' ? area.y + margin : headerBottom(area) + gap;
  const bottom = area.y + area.height - margin;
  const width = right - left;
  const height = bottom - top;
  const objects: Array<{ id: string; object: NewObject }> = [];
  switch (layout) {
    case 'border':
      objects.push(frame('border', style, u, left, top, width, height, 0));
      break;
    case 'columns': {
      const w = (width - 2 * gap) / 3;
      for (let i = 0; i < 3; i += 1) {
        objects.push(frame(`column${i}`, style, u, left + i * (w + gap), top, w, height, i));
      }
      break;
    }
    case 'grid': {
      const w = (width - gap) / 2;
      const h = (height - gap) / 2;
      for (let i = 0; i < 4; i += 1) {
        objects.push(
          frame(
            `cell${i}`,
            style,
            u,
            left + (i % 2) * (w + gap),
            top + Math.floor(i / 2) * (h + gap),
            w,
            h,
            i,
          ),
        );
      }
      break;
    }
    case 'timeline': {
      const y = top + height / 2;
      objects.push({
        id: 'axis',
        object: {
          ...base(style, 0, 0.35 * u),
          kind: 'arrow',
          x: quantise(left),
          y: quantise(y),
          w: quantise(width),
          h: 0,
          points: [
            [0, 0],
            [quantise(width), 0],
          ],
          startArrowhead: null,
          endArrowhead: 'arrow',
        },
      });
      const r = 1.2 * u;
      for (let i = 0; i < 5; i += 1) {
        const cx = left + (width * (i + 0.5)) / 5.3;
        objects.push(spot(`station${i}`, style, 0.3 * u, i + 1, cx, y, r, r));
      }
      break;
    }
    case 'mindmap': {
      const cx = left + width / 2;
      const cy = top + height / 2;
      const rx = Math.min(14 * u, width / 6);
      const ry = Math.min(8 * u, height / 6);
      objects.push(spot('centre', style, 0.35 * u, 6, cx, cy, rx, ry));
      for (let i = 0; i < 6; i += 1) {
        const a = (Math.PI / 3) * i + Math.PI / 6;
        const x0 = cx + Math.cos(a) * rx;
        const y0 = cy + Math.sin(a) * ry;
        const x1 = cx + Math.cos(a) * (width / 2 - gap);
        const y1 = cy + Math.sin(a) * (height / 2 - gap);
        const minX = Math.min(x0, x1);
        const minY = Math.min(y0, y1);
        objects.push({
          id: `branch${i}`,
          object: {
            ...base(style, i, 0.3 * u),
            kind: 'line',
            x: quantise(minX),
            y: quantise(minY),
            w: quantise(Math.abs(x1 - x0)),
            h: quantise(Math.abs(y1 - y0)),
            points: [
              [quantise(x0 - minX), quantise(y0 - minY)],
              [quantise(x1 - minX), quantise(y1 - minY)],
            ],
            startArrowhead: null,
            endArrowhead: null,
            curved: false,
          },
        });
      }
      break;
    }
  }
  return placed(objects);
}
