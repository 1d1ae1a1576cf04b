import { z } from 'zod';
import { COORD_LIMIT, LAYER_IDS, MAX_CREATED_AT, authorIdSchema } from '../sketchLayout.js';
import {
  MAX_FONT_SIZE,
  MAX_LINE_POINTS,
  MAX_OBJECT_STROKE_WIDTH,
  MAX_TEXT_LENGTH,
  MIN_FONT_SIZE,
  OBJECT_FORMAT_VERSION,
} from './objectLayout.js';

/** The kinds of object (layout in `objectLayout.ts`). */
export const OBJECT_KINDS = [
  'rect',
  'ellipse',
  'line',
  'arrow',
  'connector',
  'speechBubble',
  'banner',
  'container',
  'text',
  'image',
] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

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
const TEXT_ALIGNS = ['left', 'center', 'right'] as const;
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
const BEYOND = `lies beyond ±${COORD_LIMIT} scene units`;
const coordSchema = z.number().min(-COORD_LIMIT, BEYOND).max(COORD_LIMIT, BEYOND);
const extentSchema = z
  .number()
  .min(0, 'is negative')
  .max(2 * COORD_LIMIT, 'is larger than the scene');
const relativeSchema = z
  .number()
  .min(-2 * COORD_LIMIT, 'is larger than the scene')
  .max(2 * COORD_LIMIT, 'is larger than the scene');
const pointSchema = z.tuple([relativeSchema, relativeSchema]);
const ratioSchema = z.number().min(0).max(1);

const common = {
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

const lineFields = {
  points: z
    .array(pointSchema)
    .min(2, 'a line needs at least 2 points')
    .max(MAX_LINE_POINTS, `a line has at most ${MAX_LINE_POINTS} points`),
  startArrowhead: z.enum(ARROWHEADS).nullable(),
  endArrowhead: z.enum(ARROWHEADS).nullable(),
  curved: z.boolean().optional(),
};

const rectSchema = z.object({ ...common, kind: z.literal('rect'), cornerRadius: extentSchema.optional() });
const ellipseSchema = z.object({ ...common, kind: z.literal('ellipse') });
const lineSchema = z.object({
  ...common,
  kind: z.literal('line'),
  ...lineFields,
  closed: z.boolean().optional(),
});
const arrowSchema = z.object({ ...common, kind: z.literal('arrow'), ...lineFields });
const connectorSchema = z.object({
  ...common,
  kind: z.literal('connector'),
  ...lineFields,
  startBinding: objectIdSchema,
  endBinding: objectIdSchema,
  startAnchor: z.tuple([ratioSchema, ratioSchema]).optional(),
  endAnchor: z.tuple([ratioSchema, ratioSchema]).optional(),
});
const speechBubbleSchema = z.object({ ...common, kind: z.literal('speechBubble'), tail: pointSchema });
const bannerSchema = z.object({ ...common, kind: z.literal('banner') });
const containerSchema = z.object({
  ...common,
  kind: z.literal('container'),
  shape: z.enum(CONTAINER_SHAPES),
});
const textSchema = z.object({
  ...common,
  kind: z.literal('text'),
  text: z.string().max(MAX_TEXT_LENGTH, `the text is longer than ${MAX_TEXT_LENGTH} characters`),
  fontFamily: z.enum(FONT_FAMILIES),
  fontSize: z.number().min(MIN_FONT_SIZE).max(MAX_FONT_SIZE),
  align: z.enum(TEXT_ALIGNS),
  verticalAlign: z.enum(VERTICAL_ALIGNS).optional(),
  lineHeight: z.number().min(0.5).max(4).optional(),
  containerId: objectIdSchema.optional(),
});
const imageSchema = z.object({
  ...common,
  kind: z.literal('image'),
  assetId: objectIdSchema,
  flipX: z.boolean().optional(),
  flipY: z.boolean().optional(),
});

/** The stored JSON of one object (without its id, which is the map key). */
export const objectJsonSchema = z
  .discriminatedUnion('kind', [
    rectSchema,
    ellipseSchema,
    lineSchema,
    arrowSchema,
    connectorSchema,
    speechBubbleSchema,
    bannerSchema,
    containerSchema,
    textSchema,
    imageSchema,
  ])
  .superRefine((value, ctx) => {
    // Relative points are bounded by the schema; the absolute position must be on the scene too.
    const check = (px: number, py: number, path: (string | number)[]): void => {
      if (Math.abs(value.x + px) > COORD_LIMIT || Math.abs(value.y + py) > COORD_LIMIT) {
        ctx.addIssue({ code: 'custom', path, message: BEYOND });
      }
    };
    if ('points' in value) {
      value.points.forEach(([px, py], i) => check(px, py, ['points', i]));
    }
    if (value.kind === 'speechBubble') {
      check(value.tail[0], value.tail[1], ['tail']);
    }
    if (Math.abs(value.x + value.w) > COORD_LIMIT || Math.abs(value.y + value.h) > COORD_LIMIT) {
      ctx.addIssue({ code: 'custom', path: ['w'], message: 'the box reaches beyond the scene' });
    }
  });

/** One object as stored. */
export type ObjectJson = z.infer<typeof objectJsonSchema>;
/** One object as the renderer uses it: the stored fields and its id. */
export type SketchObject = ObjectJson & { id: string };
/** The object of one kind. */
export type ObjectOfKind<K extends ObjectKind> = Extract<SketchObject, { kind: K }>;
/** What a writer supplies for a new or replaced object (the version is added). */
export type NewObject = DistributiveOmit<ObjectJson, 'v'>;
/** A line-like object: line, arrow or connector. */
export type LineLikeObject = ObjectOfKind<'line' | 'arrow' | 'connector'>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A decoded object, or why the stored value was refused. Never throws. */
export type ObjectResult = { ok: true; value: SketchObject } | { ok: false; reason: string };

/** Whether a value is a plain JSON object (not an array, not a Y type or other class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The first issue of a failed parse as `path: message`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Reads one entry of the `objects` map. Anything malformed (unknown version or kind, wrong types,
 * NaN/Infinity, coordinates beyond ±2^20, giant text, too many points) comes back as a reason, so
 * one bad entry from a buggy or hostile client never breaks rendering.
 */
export function decodeObject(id: string, value: unknown): ObjectResult {
  try {
    if (!objectIdSchema.safeParse(id).success) {
      return { ok: false, reason: 'the id is not a valid object id' };
    }
    if (!isPlainObject(value)) {
      return { ok: false, reason: 'the entry is not a JSON object' };
    }
    if (value['v'] !== OBJECT_FORMAT_VERSION) {
      return { ok: false, reason: `unknown format version ${JSON.stringify(value['v']) ?? 'undefined'}` };
    }
    const kind = value['kind'];
    if (typeof kind !== 'string' || !(OBJECT_KINDS as readonly string[]).includes(kind)) {
      return {
        ok: false,
        reason: `unknown object kind ${JSON.stringify(kind)?.slice(0, 80) ?? 'undefined'}`,
      };
    }
    const parsed = objectJsonSchema.safeParse(value);
    if (!parsed.success) {
      return { ok: false, reason: firstIssue(parsed.error) };
    }
    return { ok: true, value: { ...parsed.data, id } };
  } catch (error) {
    // A getter or proxy in a value handed in directly (never from Yjs); refuse rather than throw.
    return {
      ok: false,
      reason: `unreadable entry: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** An angle brought into (−π, π]. */
export function normaliseAngle(angle: number): number {
  if (!Number.isFinite(angle)) {
    return angle;
  }
  let a = angle % (2 * Math.PI);
  if (a <= -Math.PI) {
    a += 2 * Math.PI;
  } else if (a > Math.PI) {
    a -= 2 * Math.PI;
  }
  return a === 0 ? 0 : a;
}

/**
 * Builds the stored JSON of an object (normalising its angle, dropping its id if it has one).
 * Throws a RangeError naming the field on invalid input: our own code must not produce it.
 */
export function encodeObject(object: NewObject | SketchObject): ObjectJson {
  const { id: _id, ...rest } = object as NewObject & { id?: string };
  void _id;
  const parsed = objectJsonSchema.safeParse({
    ...rest,
    v: OBJECT_FORMAT_VERSION,
    angle: normaliseAngle(rest.angle),
  });
  if (!parsed.success) {
    throw new RangeError(`Invalid ${rest.kind} object: ${firstIssue(parsed.error)}`);
  }
  return parsed.data;
}

/** Whether an object is a line, arrow or connector. */
export function isLineLike(object: SketchObject): object is LineLikeObject {
  return object.kind === 'line' || object.kind === 'arrow' || object.kind === 'connector';
}
