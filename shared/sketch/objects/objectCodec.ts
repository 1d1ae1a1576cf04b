import { z } from 'zod';
import { COORD_LIMIT } from '../sketchLayout.js';
import { OBJECT_SCHEMAS } from './kinds/index.js';
import { BEYOND, objectIdSchema } from './objectFields.js';
import { OBJECT_FORMAT_VERSION } from './objectLayout.js';

/** The kinds of object, from their schemas (`kinds/`; layout in `objectLayout.ts`). */
export const OBJECT_KINDS: readonly ObjectKind[] = OBJECT_SCHEMAS.map((schema) => schema.shape.kind.value);
/** One kind of object. */
export type ObjectKind = (typeof OBJECT_SCHEMAS)[number]['shape']['kind']['value'];

/** The stored JSON of one object (without its id, which is the map key): one of the kinds' schemas. */
export const objectJsonSchema = z.discriminatedUnion('kind', OBJECT_SCHEMAS).superRefine((value, ctx) => {
  // Relative points are bounded by the schema; the absolute position must be on the scene too.
  if ('points' in value) {
    value.points.forEach(([px, py], i) => {
      if (Math.abs(value.x + px) > COORD_LIMIT || Math.abs(value.y + py) > COORD_LIMIT) {
        ctx.addIssue({ code: 'custom', path: ['points', i], message: BEYOND });
      }
    });
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
