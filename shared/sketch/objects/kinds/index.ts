import type { ObjectKind, SketchObject } from '../objectCodec.js';
import { arrowKind, arrowSchema } from './arrow.js';
import { bannerKind, bannerSchema } from './banner.js';
import { connectorKind, connectorSchema } from './connector.js';
import { containerKind, containerSchema } from './container.js';
import { ellipseKind, ellipseSchema } from './ellipse.js';
import { imageKind, imageSchema } from './image.js';
import type { ObjectKindModule } from './kindModule.js';
import { lineKind, lineSchema } from './line.js';
import { rectKind, rectSchema } from './rect.js';
import { speechBubbleKind, speechBubbleSchema } from './speechBubble.js';
import { textKind, textSchema } from './text.js';

export type { ObjectKindModule } from './kindModule.js';

/**
 * Every kind's stored schema: the stored format is their union (`objectCodec.ts`), and the kind
 * names come from here. A new kind adds its schema here and its module below (the type checker
 * insists on both).
 */
export const OBJECT_SCHEMAS = [
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
] as const;

/** Every object kind's module, by kind (a new kind joins here and in {@link OBJECT_SCHEMAS}). */
export const OBJECT_KIND_MODULES: { readonly [K in ObjectKind]: ObjectKindModule<K> } = {
  rect: rectKind,
  ellipse: ellipseKind,
  line: lineKind,
  arrow: arrowKind,
  connector: connectorKind,
  speechBubble: speechBubbleKind,
  banner: bannerKind,
  container: containerKind,
  text: textKind,
  image: imageKind,
};

/** The module of an object's kind. */
export function kindOf<O extends SketchObject>(object: O): ObjectKindModule<O['kind']> {
  return OBJECT_KIND_MODULES[object.kind] as ObjectKindModule<O['kind']>;
}
