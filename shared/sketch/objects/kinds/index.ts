import type { ObjectKind, SketchObject } from '../objectCodec.js';
import { arrowKind } from './arrow.js';
import { bannerKind } from './banner.js';
import { connectorKind } from './connector.js';
import { containerKind } from './container.js';
import { ellipseKind } from './ellipse.js';
import { imageKind } from './image.js';
import type { ObjectKindModule } from './kindModule.js';
import { lineKind } from './line.js';
import { rectKind } from './rect.js';
import { speechBubbleKind } from './speechBubble.js';
import { textKind } from './text.js';

export type { ObjectKindModule } from './kindModule.js';

/** Every object kind's module, by kind: the one list a new kind is added to. */
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
