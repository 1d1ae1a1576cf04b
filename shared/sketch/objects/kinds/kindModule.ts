import type { SvgContext } from '../../export/svgParts.js';
import type { ContainerShape, ObjectStyle } from '../objectFields.js';
import type { NewObject, ObjectKind, ObjectOfKind, SketchObject } from '../objectCodec.js';

/** A point [x, y]. */
export type Pt = [number, number];

/** The fields every new object has besides its kind's own (box, style, layer, author, …). */
type NewObjectBase = Omit<Extract<NewObject, { kind: 'ellipse' }>, 'kind'>;

/** What a drawing tool knows when it creates a box-shaped object. */
interface CreateSettings {
  readonly style: ObjectStyle;
  readonly containerShape: ContainerShape;
}

/** What a kind's transform rule is given: the new box and the map, as `edit/transform.ts` applies it. */
interface KindTransform {
  /** The object's new box (scene units, quantised; rotation in `angle`). */
  readonly box: { x: number; y: number; w: number; h: number; angle: number };
  /** Maps a scene point and keeps it on the scene. */
  mapPoint(x: number, y: number): Pt;
  /** How much lengths grow on average (√|det|). */
  readonly scale: number;
  /** Whether the map mirrors (negative determinant). */
  readonly mirrored: boolean;
  /** Coordinates the result keeps within ±limit (one unit inside the scene, for rounding). */
  readonly limit: number;
}

/**
 * How the Excalidraw export writes objects; `excalidrawExport.ts` implements it and each kind
 * picks the mapping that fits it.
 */
export interface ExcalidrawWriter {
  /** A native box element of `type` ('rectangle', 'ellipse', 'diamond'), with extra element fields. */
  box(object: SketchObject, type: string, fields?: Record<string, unknown>): void;
  /** A closed polygon line of the exact outline, with the object itself kept in customData. */
  approximate(object: SketchObject): void;
  /** A line or arrow element (a connector with its bindings). */
  linear(object: ObjectOfKind<'line' | 'arrow' | 'connector'>): void;
  /** A text element, bound to its container where Excalidraw can. */
  text(object: ObjectOfKind<'text'>): void;
  /** An image element and its file. */
  image(object: ObjectOfKind<'image'>): void;
}

/**
 * Everything the shared code knows about one object kind, in one module (as tldraw's ShapeUtil):
 * its outline and bounds, how tools create it, how it transforms, how it is hit, how it is drawn by
 * hand and written as SVG and as Excalidraw. Its stored schema sits in the same file. A new kind is
 * one file in this folder, listed in `index.ts`; painting on screen stays in the renderer
 * (`ObjectPainter`), which draws every shape from the shared geometry.
 */
export interface ObjectKindModule<K extends ObjectKind> {
  readonly kind: K;
  /** The exact closed outline in the object's own frame (origin x, y; unrotated), or null (lines, text, images). */
  outline(object: ObjectOfKind<K>): Pt[] | null;
  /** Points of the own frame the bounds must include besides the box or the line's points. */
  extraBoundsPoints(object: ObjectOfKind<K>): Pt[];
  /**
   * Where a ray from the box's centre along (dx, dy) (own frame, not both 0) leaves the outline,
   * as a factor of (dx, dy); connectors end there. Absent: the box's edge.
   */
  edgeAlong?(object: ObjectOfKind<K>, dx: number, dy: number): number;
  /**
   * Where text inside it is laid out, as insets (fractions of its width and height): the largest
   * centred rectangle inside a round or pointed shape. Absent: its whole box.
   */
  textInsets?(object: ObjectOfKind<K>): readonly [number, number];
  /** Text can be written inside it (double click, or the text tool on it); such kinds also bind connectors. */
  readonly holdsText?: boolean;
  /** A connector's end can bind to it. */
  readonly bindsConnectors?: boolean;
  /** The 'handDrawn' style draws it as two rough ellipses rather than a wobbled outline. */
  readonly roughAsEllipse?: boolean;
  /** Hit anywhere in its rotated box (text, pictures), not only on what it draws. */
  readonly hitsWholeBox?: boolean;
  /** The new object a drawing tool makes from a dragged box, or absent if tools do not draw it so. */
  fromBox?(base: NewObjectBase, settings: CreateSettings): NewObject;
  /**
   * Its own fields after an affine transform (the box, angle and stroke width are done already);
   * a field answered as undefined is removed (an image's flipY).
   */
  transformed?(object: ObjectOfKind<K>, t: KindTransform): Partial<ObjectOfKind<K>>;
  /** The object as SVG (scene coordinates), for the SVG, PDF and PNG exports. */
  svg(object: ObjectOfKind<K>, context: SvgContext): string;
  /** The Excalidraw element type it is written as (bindings check it before anything is written). */
  excalidrawType(object: ObjectOfKind<K>): string;
  /** Writes it as Excalidraw elements. */
  toExcalidraw(object: ObjectOfKind<K>, out: ExcalidrawWriter): void;
}
