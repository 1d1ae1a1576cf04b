import type * as Y from 'yjs';

/**
 * Layout of everything on a sketchnote that is not a freehand stroke, in the same `sketch/<id>`
 * Yjs document as the strokes (see `../sketchLayout.ts` for the strokes, sheet and layers).
 *
 * Scene units, axes and the ±2^20 coordinate limit are those of the strokes.
 *
 * - `objects`: Y.Map<objectId, ObjectJson>. One entry per shape, line, text or image. Like a stroke,
 *   the value is a plain, immutable JSON object (never a nested Y type): an edit replaces the whole
 *   entry, so two people editing the same object end with one of the two versions, never a mix.
 *   Fields (the shared ones in `objectFields.ts`, each kind's own in its module under `kinds/`;
 *   `objectCodec.ts` reads and writes them):
 *     - `v`: 1, the format version. Readers skip entries with a version they do not know.
 *     - `kind`: 'rect' | 'ellipse' | 'line' | 'arrow' | 'connector' | 'speechBubble' | 'banner' |
 *       'container' | 'text' | 'image'. Readers skip kinds they do not know, with a reason.
 *     - `x`, `y`, `w`, `h`: the unrotated box (top-left and size) in scene units; for line-like kinds
 *       the box of their points (writers keep the points' minimum at 0, 0).
 *     - `angle`: rotation in radians, clockwise (the y axis points down), about the box centre.
 *     - `style`: 'handDrawn' (a seeded wobble, see `handDrawn.ts`) or 'clean' (exact geometry).
 *     - `strokeColour`: '#rrggbb' or '#rrggbbaa'; for text, the text colour.
 *     - `fillColour`: the same, or null for no fill; `fillStyle`: 'solid' (default) | 'hachure' |
 *       'crossHatch'.
 *     - `strokeWidth`: 0 to 512 scene units; `strokeStyle`: 'solid' (default) | 'dashed' | 'dotted'.
 *     - `opacity`: 0 to 1, applied to the whole object.
 *     - `layer`, `z`, `author`, `createdAt`: as for strokes. Objects and strokes share one order within
 *       a layer: ascending `z`, ties broken by id, with highlighter strokes beneath everything else
 *       of their layer (an object paints like a non-highlighter stroke; see `paintOrder.ts`).
 *     - `groupId`: optional; items with the same group id are selected and moved together.
 *   Kind-specific fields (each schema sits in `kinds/<kind>.ts`):
 *     - rect: `cornerRadius` (optional, default 0).
 *     - container: `shape`: 'diamond' | 'hexagon' | 'cloud' (a sketchnote frame around content).
 *     - speechBubble: `tail`: [x, y], the tip of the tail relative to (x, y).
 *     - banner: nothing more (a ribbon with notched ends).
 *     - line, arrow: `points`: [[x, y], …] relative to (x, y), 2 to 10,000 of them;
 *       `startArrowhead`, `endArrowhead`: 'arrow' | 'triangle' | 'bar' | 'dot' | 'diamond' | null;
 *       `curved` (a smooth curve through the points); line only: `closed` (a polygon).
 *     - connector: the fields of an arrow, plus `startBinding`, `endBinding` (object ids) and optional
 *       `startAnchor`, `endAnchor` ([fx, fy] in 0..1 of the bound object's box). The ends follow the
 *       bound objects; `points` are the fallback drawn when a bound object is missing.
 *     - text: `text` (at most 20,000 characters), `fontFamily` ('hand' | 'sans' | 'serif'),
 *       `fontSize` (1 to 4096), `align` ('left' | 'center' | 'right'), optional `verticalAlign`
 *       ('top' | 'middle' | 'bottom'; default 'middle' in a container, else 'top'), `lineHeight` (a
 *       multiple of the font size; default 1.25) and `containerId` (the object the text sits in and
 *       moves with). Writers leave defaults out.
 *     - image: `assetId` (a key of `assets`), optional `flipX`, `flipY`.
 * - `assets`: Y.Map<assetId, AssetJson>: `{v: 1, mimeType: 'image/png' | 'image/jpeg' | 'image/webp',
 *   dataBase64, width, height}` (the image's pixels, at most 5 MiB each). SVG is refused: it can
 *   carry scripts and external references. An asset is never edited; images share it by id.
 * - `strokeGroups`: Y.Map<strokeId, groupId>. The group of a stroke, kept here because a stroke's
 *   stored JSON has no such field. Entries whose stroke is gone are ignored.
 *
 * Every value is validated when read (`decodeObject`, `decodeAsset`, `readSketchScene`): a buggy or
 * hostile client can write anything, and a bad entry is skipped with a reason, never thrown.
 */
const SKETCH_OBJECTS_KEY = 'objects';
const SKETCH_ASSETS_KEY = 'assets';
const SKETCH_STROKE_GROUPS_KEY = 'strokeGroups';

/** The one object format version this code reads and writes. */
export const OBJECT_FORMAT_VERSION = 1;
/** Line-like objects have at most this many points. */
export const MAX_LINE_POINTS = 10_000;
/** Text objects hold at most this many characters. */
export const MAX_TEXT_LENGTH = 20_000;
export const MIN_FONT_SIZE = 1;
export const MAX_FONT_SIZE = 4096;
export const MAX_OBJECT_STROKE_WIDTH = 512;

/** The objects map of a sketch document. */
export function objectsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SKETCH_OBJECTS_KEY);
}

/** The assets (image data) map of a sketch document. */
export function assetsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SKETCH_ASSETS_KEY);
}

/** The stroke → group map of a sketch document. */
export function strokeGroupsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SKETCH_STROKE_GROUPS_KEY);
}
