import { z } from 'zod';
import { COORD_LIMIT, LAYER_IDS, MAX_CREATED_AT, authorIdSchema } from '../sketchLayout.js';
import type { LineLikeObject, SketchObject } from './objectCodec.js';
import { MAX_LINE_POINTS, MAX_OBJECT_STROKE_WIDTH, OBJECT_FORMAT_VERSION } from './objectLayout.js';

/**
 * The building blocks of the object schemas: fields every kind has, fields of line-likes, the
 * enumerations and the rules shared by all kinds. Each kind's module (`kinds/`) composes its own
 * schema from these; `objectCodec.ts` joins them into the stored format. This file imports no
 * kind module, so every kind can import it without an import cycle.
 */

export const OBJECT_STYLES = ['handDrawn', 'clean'] as const;
export type ObjectStyle = (typeof OBJECT_STYLES)[number];
const FILL_STYLES = ['solid', 'hachure', 'crossHatch'] as const;
const STROKE_STYLES = ['solid', 'dashed', 'dotted'] as const;
const ARROWHEADS = ['arrow', 'triangle', 'bar', 'dot', 'diamond'] as const;
export type Arrowhead = (typeof ARROWHEADS)[number];
export const CONTAINER_SHAPES = ['diamond', 'hexagon', 'cloud'] as const;
export type ContainerShape = (typeof CONTAINER_SHAPES)[number];
export const FONT_FAMILIES = ['hand', 'sans', 'serif'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];
/** How a text's lines are aligned across its frame. */
export const TEXT_ALIGNS = ['left', 'center', 'right'] as const;
export const VERTICAL_ALIGNS = ['top', 'middle', 'bottom'] as const;

/** A text's line height when it has none: 1.25 times its font size. */
export const DEFAULT_LINE_HEIGHT = 1.25;

/** A text's vertical alignment when it has none: centred in a container, else from the top. */
export function defaultVerticalAlign(inContainer: boolean): (typeof VERTICAL_ALIGNS)[number] {
  return inContainer ? 'middle' : 'top';
}

/** Angles are stored in (−π, π]; readers accept a little more (another client's rounding). */
const MAX_ANGLE = 4 * Math.PI;

/** Ids of objects, assets and groups: URL- and file-safe, short (the same rule as stroke ids). */
export const objectIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An object id has 1 to 64 of [A-Za-z0-9_-].');

const colourSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/, 'A colour is #rrggbb or #rrggbbaa.');
/** The message for a coordinate off the scene. */
export const BEYOND = `lies beyond ±${COORD_LIMIT} scene units`;
const coordSchema = z.number().min(-COORD_LIMIT, BEYOND).max(COORD_LIMIT, BEYOND);
/** A width, height or radius: not negative, at most the scene's size. */
export const extentSchema = z
  .number()
  .min(0, 'is negative')
  .max(2 * COORD_LIMIT, 'is larger than the scene');
const relativeSchema = z
  .number()
  .min(-2 * COORD_LIMIT, 'is larger than the scene')
  .max(2 * COORD_LIMIT, 'is larger than the scene');
/** A point relative to the object's origin (x, y). */
export const pointSchema = z.tuple([relativeSchema, relativeSchema]);
/** A fraction of the box, 0 to 1. */
export const ratioSchema = z.number().min(0).max(1);

/** The fields every object has: its box, style, layer, paint order, author and creation time. */
export const commonFields = {
  v: z.literal(OBJECT_FORMAT_VERSION),
  x: coordSchema,
  y: coordSchema,
  w: extentSchema,
  h: extentSchema,
  angle: z.number().min(-MAX_ANGLE).max(MAX_ANGLE),
  style: z.enum(OBJECT_STYLES),
  strokeColour: colourSchema,
  fillColour: colourSchema.nullable(),
  fillStyle: z.enum(FILL_STYLES).optional(),
  strokeWidth: z.number().min(0).max(MAX_OBJECT_STROKE_WIDTH),
  strokeStyle: z.enum(STROKE_STYLES).optional(),
  opacity: z.number().min(0).max(1),
  layer: z.enum(LAYER_IDS),
  z: z.number().min(-1e15).max(1e15),
  author: authorIdSchema,
  createdAt: z.number().int().min(0).max(MAX_CREATED_AT),
  groupId: objectIdSchema.optional(),
};

/** The fields of a line, arrow or connector: its points (relative to x, y) and arrowheads. */
export const lineFields = {
  points: z
    .array(pointSchema)
    .min(2, 'a line needs at least 2 points')
    .max(MAX_LINE_POINTS, `a line has at most ${MAX_LINE_POINTS} points`),
  startArrowhead: z.enum(ARROWHEADS).nullable(),
  endArrowhead: z.enum(ARROWHEADS).nullable(),
  curved: z.boolean().optional(),
};

/** Whether an object is a line, arrow or connector (it has points, not an outline). */
export function isLineLike(object: SketchObject): object is LineLikeObject {
  return 'points' in object;
}
