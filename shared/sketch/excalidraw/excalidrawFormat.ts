import { z } from 'zod';
import { BRUSH_KINDS, LAYER_IDS, MAX_CREATED_AT, authorIdSchema } from '../sketchLayout.js';
import { FONT_FAMILIES, objectIdSchema } from '../objects/objectFields.js';
import { MAX_LINE_POINTS } from '../objects/objectLayout.js';

/**
 * The `.excalidraw` file format as this code reads and writes it (Excalidraw's own definitions are
 * `packages/element/src/types.ts`, `packages/excalidraw/data/restore.ts` and `data/json.ts`):
 *
 *   { "type": "excalidraw", "version": 2, "source": "<app URL>",
 *     "elements": [ … ], "appState": { "viewBackgroundColor": "#ffffff", … },
 *     "files": { "<fileId>": { "mimeType", "id", "dataURL": "data:…;base64,…", "created" } } }
 *
 * Every element has id, type, x, y, width, height, angle (radians, about the centre of its box),
 * strokeColor, backgroundColor, fillStyle, strokeWidth, strokeStyle, roughness (0 architect,
 * 1 artist, 2 cartoonist), opacity (0..100), groupIds (deepest first), frameId, roundness, seed,
 * version, versionNonce, index, isDeleted, boundElements, updated (ms), link, locked, customData.
 * `freedraw` adds points ([dx, dy] relative to x, y), pressures, simulatePressure and strokeOptions
 * {variability: 'variable' | 'constant', streamline}; `line`/`arrow` add points, startArrowhead,
 * endArrowhead, startBinding/endBinding ({elementId, fixedPoint: [fx, fy], mode}), and `polygon` or
 * `elbowed`; `text` adds text, originalText, fontSize, fontFamily (1 Virgil, 2 Helvetica, 3 Cascadia,
 * 5 Excalifont, 6 Nunito, 7 Lilita One, 8 Comic Shanns, 9 Liberation Sans, 10 Assistant),
 * textAlign, verticalAlign, containerId, lineHeight, autoResize; `image` adds fileId, status, scale
 * and crop.
 *
 * Reading is as lenient as Excalidraw's restore (missing cosmetic fields take defaults, broken
 * points are dropped), but refuses the whole file, naming the element, for values no drawing has
 * (coordinates beyond ±2^20, giant text, absurd sizes or point counts).
 */

export const EXCALIDRAW_MIME = 'application/vnd.excalidraw+json';
export const EXCALIDRAW_TYPE = 'excalidraw';
/** Excalidraw's clipboard JSON has the same elements and files. */
export const EXCALIDRAW_CLIPBOARD_TYPE = 'excalidraw/clipboard';
/** The newest file version this code reads (and the one it writes). */
export const EXCALIDRAW_VERSION = 2;
/** Largest file accepted, in bytes. */
export const MAX_EXCALIDRAW_FILE_BYTES = 50 * 1024 * 1024;
/** Most elements in one file. */
export const MAX_EXCALIDRAW_ELEMENTS = 100_000;
/** Most points of one freedraw element (split into several strokes when stored). */
const MAX_FREEDRAW_POINTS = 100_000;
/** Largest stroke width read (Excalidraw's widths are 0.5 to 4). */
export const MAX_EXCALIDRAW_STROKE_WIDTH = 1000;

/**
 * Excalidraw draws freedraw with perfect-freehand at size = strokeWidth · factor: 4.25 for
 * pressure-sensitive strokes, 1.4 for constant-width ones (`shape.ts`). Our `size` is that diameter.
 */
export const FREEDRAW_SIZE_FACTOR = { variable: 4.25, constant: 1.4 } as const;
/** Excalidraw's streamline default; ours is 0.15 + 0.7 · smoothing (`brushes.ts`). */
export const DEFAULT_STREAMLINE = 0.5;

/** Excalidraw font numbers by our font family (export). */
export const EXCALIDRAW_FONT: Record<(typeof FONT_FAMILIES)[number], number> = { hand: 5, sans: 6, serif: 6 };
/** Our font family by Excalidraw font number (import); unknown numbers read as hand lettering. */
export function fontFamilyFrom(excalidrawFont: number | undefined): (typeof FONT_FAMILIES)[number] {
  switch (excalidrawFont) {
    case 2:
    case 3:
    case 6:
    case 7:
    case 9:
    case 10:
      return 'sans';
    default:
      return 'hand';
  }
}

const loose = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const fixedPointSchema = z.tuple([z.number(), z.number()]);
const bindingSchema = z.looseObject({
  elementId: z.string().max(200),
  fixedPoint: loose(fixedPointSchema.nullable()),
});

/** The fields every element may have; cosmetic ones fall back to defaults when mistyped. */
export const elementBaseSchema = z.looseObject({
  id: loose(z.string().min(1).max(200)),
  type: z.string().max(100),
  x: z.number().optional(),
  y: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  angle: z.number().optional(),
  strokeColor: loose(z.string().max(200)),
  backgroundColor: loose(z.string().max(200)),
  fillStyle: loose(z.string().max(50)),
  strokeWidth: loose(z.number()),
  strokeStyle: loose(z.string().max(50)),
  roughness: loose(z.number()),
  opacity: loose(z.number()),
  groupIds: loose(z.array(z.string().max(200)).max(100)),
  frameId: loose(z.string().max(200).nullable()),
  roundness: loose(z.looseObject({ type: z.number(), value: loose(z.number()) }).nullable()),
  isDeleted: loose(z.boolean()),
  updated: loose(z.number()),
  customData: z.unknown().optional(),
});
export type ExcalidrawElementBase = z.infer<typeof elementBaseSchema>;

export const freedrawFieldsSchema = z.looseObject({
  points: z
    .array(z.unknown())
    .max(MAX_FREEDRAW_POINTS, `a freedraw element has more than ${MAX_FREEDRAW_POINTS} points`),
  pressures: loose(z.array(z.unknown()).max(MAX_FREEDRAW_POINTS)),
  simulatePressure: loose(z.boolean()),
  strokeOptions: loose(z.looseObject({ variability: loose(z.string()), streamline: loose(z.number()) })),
});

export const linearFieldsSchema = z.looseObject({
  points: loose(z.array(z.unknown()).max(MAX_LINE_POINTS, `a line has more than ${MAX_LINE_POINTS} points`)),
  startArrowhead: loose(z.string().max(50).nullable()),
  endArrowhead: loose(z.string().max(50).nullable()),
  startBinding: loose(bindingSchema.nullable()),
  endBinding: loose(bindingSchema.nullable()),
  polygon: loose(z.boolean()),
  elbowed: loose(z.boolean()),
});

export const textFieldsSchema = z.looseObject({
  text: loose(z.string()),
  originalText: loose(z.string()),
  fontSize: loose(z.number()),
  fontFamily: loose(z.number()),
  textAlign: loose(z.string().max(20)),
  verticalAlign: loose(z.string().max(20)),
  containerId: loose(z.string().max(200).nullable()),
  lineHeight: loose(z.number()),
});

export const imageFieldsSchema = z.looseObject({
  fileId: loose(z.string().max(200).nullable()),
  scale: loose(fixedPointSchema),
  crop: z.unknown().optional(),
});

export const binaryFileSchema = z.looseObject({
  mimeType: loose(z.string().max(100)),
  dataURL: z.string(),
  created: loose(z.number()),
});

/**
 * What we keep in an element's `customData.mitschrift` on export so that a re-import restores what
 * Excalidraw cannot express (brush, layer, author, the exact kind of approximated shapes).
 */
const mitschriftDataSchema = z.object({
  v: z.literal(1),
  layer: loose(z.enum(LAYER_IDS)),
  author: loose(authorIdSchema),
  createdAt: loose(z.number().int().min(0).max(MAX_CREATED_AT)),
  brush: loose(z.enum(BRUSH_KINDS)),
  fontFamily: loose(z.enum(FONT_FAMILIES)),
  containerId: loose(z.string().max(200)),
  startBinding: loose(z.string().max(200)),
  endBinding: loose(z.string().max(200)),
  /** The whole object, for kinds exported as an approximation (speech bubble, banner, …). */
  object: z.unknown().optional(),
  /** Where the approximation was placed on export, to carry over a move made in Excalidraw. */
  origin: loose(fixedPointSchema),
});
export type MitschriftData = z.infer<typeof mitschriftDataSchema>;

/** Kinds our export writes as a polygon line with the whole object in its custom data. */
export const APPROXIMATED: ReadonlySet<string> = new Set(['speechBubble', 'banner', 'container']);

/** Reads our custom data from an element, if it has valid data. */
export function mitschriftDataOf(customData: unknown): MitschriftData | undefined {
  if (customData === null || typeof customData !== 'object') {
    return undefined;
  }
  const parsed = mitschriftDataSchema.safeParse((customData as { mitschrift?: unknown }).mitschrift);
  return parsed.success ? parsed.data : undefined;
}

/** Whether an id is one we can keep as ours (map keys allow fewer characters than Excalidraw ids). */
export function usableId(id: string | undefined): id is string {
  return id !== undefined && objectIdSchema.safeParse(id).success;
}
