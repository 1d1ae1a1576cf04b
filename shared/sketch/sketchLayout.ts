import type * as Y from 'yjs';
import { z } from 'zod';

/**
 * Layout of a `sketch/<id>` Yjs document: one big sketchnote, drawn live with a pen for 60–90
 * minutes and ending with thousands (design point: 20,000) of strokes.
 *
 * Scene units: 1 unit = 1 CSS pixel at 96 dpi (0.2646 mm), so an A0 landscape sheet is 4494 × 3179
 * units. The y axis points down. Every coordinate stays within ±2^20 units ({@link COORD_LIMIT}).
 *
 * - `strokes`: Y.Map<strokeId, StrokeJson>. One entry per finished stroke, written once when the pen
 *   lifts and never edited in place (an edit replaces or deletes the entry). The value is a plain,
 *   immutable JSON object, never a nested Y type: 20,000 nested Y.Maps would cost far more memory
 *   and load time than 20,000 JSON values. Fields ({@link strokeJsonSchema}):
 *     - `v`: 1, the format version. Readers skip entries with a version they do not know.
 *     - `brush`: 'fineliner' | 'brushpen' | 'marker' | 'highlighter' (see `brushes.ts`).
 *     - `colour`: '#rrggbb' or '#rrggbbaa'.
 *     - `size`: the nominal stroke diameter in scene units, 0.25 to 512.
 *     - `pressureOn`: the width follows pressure (the pen's real pressure, or one simulated from
 *       speed when the input had none); false draws a constant width.
 *     - `smoothing`: 0 (raw input) to 1 (strongly smoothed), applied when the outline is computed.
 *     - `layer`: 'background' | 'drawing' | 'annotations', painted in that order.
 *     - `author`: the user id of whoever drew it (for per-user undo and attribution).
 *     - `createdAt`: ms since the epoch when the pen lifted (enables a time-lapse replay later).
 *     - `z`: a finite number; order within a layer is (highlighters first, then) ascending `z`, ties
 *       broken by id. New strokes take max(z) + 1; moving between two strokes takes the midpoint.
 *     - `n`: the number of points, 1 to {@link MAX_POINTS}. Longer input is split into several
 *       entries when saved ({@link MAX_POINTS_PER_ENTRY}, consecutive pieces share one point).
 *     - `points`: the points, base64 (RFC 4648, with padding) of this little-endian byte layout:
 *         byte 0            flags: bit 0 set = a pressure plane follows (the input had real pressure)
 *         bytes 1–8         Int32 x0, Int32 y0: the first point, in 1/8 scene units
 *         next 4·(n−1)      Int16 dx, Int16 dy per further point: the step from the previous
 *                           point, in 1/8 scene units (the encoder inserts points on the straight
 *                           line if a step would not fit 16 bits, so nothing is lost)
 *         next n (if bit 0) Uint8 pressure per point, 0..255 ↔ 0..1
 *       That is 5 bytes per point with pressure (≈ 6.7 base64 characters), 4 without. Quantising
 *       to 1/8 unit (0.03 mm on paper) is far below what a pen tablet resolves at any useful zoom.
 * - `meta`: Y.Map with `format` ('a4' | 'a3' | 'a0' | 'panorama' | 'screen' | 'infinite'; the
 *   sheet, landscape, see {@link SHEET_SIZES}) and `background` ('#rrggbb', the paper colour).
 * - `layers`: Y.Map<layerId, {visible: boolean, locked: boolean, opacity: 0..1}> (plain JSON values);
 *   a layer without an entry is visible, unlocked and opaque.
 *
 * Strokes in progress are not in the document: they travel as awareness state
 * (`LIVE_STROKE_AWARENESS_KEY`), so others see the ink as it is drawn without growing the document.
 */
const SKETCH_STROKES_KEY = 'strokes';
const SKETCH_META_KEY = 'meta';
const SKETCH_LAYERS_KEY = 'layers';
/** The awareness field that carries the stroke someone is drawing right now (see `liveStroke.ts`). */
export const LIVE_STROKE_AWARENESS_KEY = 'ink';

/** The one stroke format version this code reads and writes. */
export const STROKE_FORMAT_VERSION = 1;
/** Coordinates of every point lie within ±COORD_LIMIT scene units. */
export const COORD_LIMIT = 2 ** 20;
/** Points are stored in 1/QUANTUM scene units. */
export const QUANTUM = 8;
/** Readers reject entries claiming more points than this. */
export const MAX_POINTS = 10_000;
/** Writers split longer strokes into entries of at most this many points. */
export const MAX_POINTS_PER_ENTRY = 2_000;
export const MIN_STROKE_SIZE = 0.25;
export const MAX_STROKE_SIZE = 512;
/** Until the year 5138; anything later is a broken clock or a forged entry. */
export const MAX_CREATED_AT = 1e14;

export const BRUSH_KINDS = ['fineliner', 'brushpen', 'marker', 'highlighter'] as const;
export type BrushKind = (typeof BRUSH_KINDS)[number];

/** Layers from bottom to top. */
export const LAYER_IDS = ['background', 'drawing', 'annotations'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const SHEET_FORMATS = ['a4', 'a3', 'a0', 'panorama', 'screen', 'infinite'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** Landscape sheet sizes in scene units (96 units per inch); `infinite` has no sheet. */
export const SHEET_SIZES: Record<Exclude<SheetFormat, 'infinite'>, { width: number; height: number }> = {
  a4: { width: 1123, height: 794 },
  a3: { width: 1587, height: 1123 },
  a0: { width: 4494, height: 3179 },
  panorama: { width: 8000, height: 2000 },
  screen: { width: 1920, height: 1080 },
};

export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/;
export const STROKE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const AUTHOR_ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,64}$/;

const colourSchema = z.string().regex(COLOUR_PATTERN, 'A colour is #rrggbb or #rrggbbaa.');

/** Ids of strokes (map keys) and authors: URL- and file-safe, short. */
export const strokeIdSchema = z
  .string()
  .regex(STROKE_ID_PATTERN, 'A stroke id has 1 to 64 of [A-Za-z0-9_-].');
export const authorIdSchema = z
  .string()
  .regex(AUTHOR_ID_PATTERN, 'An author id has 1 to 64 of [A-Za-z0-9_.:@-].');

/** Length of the base64 text for `n` points, with or without a pressure plane. */
export function pointsBase64Length(n: number, withPressure: boolean): number {
  const bytes = 9 + 4 * (n - 1) + (withPressure ? n : 0);
  return Math.ceil(bytes / 3) * 4;
}

/** The stored JSON of one stroke (before its points are decoded). */
export const strokeJsonSchema = z.object({
  v: z.literal(STROKE_FORMAT_VERSION),
  brush: z.enum(BRUSH_KINDS),
  colour: colourSchema,
  // z.number() refuses NaN and ±Infinity.
  size: z.number().min(MIN_STROKE_SIZE).max(MAX_STROKE_SIZE),
  pressureOn: z.boolean(),
  smoothing: z.number().min(0).max(1),
  layer: z.enum(LAYER_IDS),
  author: authorIdSchema,
  createdAt: z.number().int().min(0).max(MAX_CREATED_AT),
  z: z.number().min(-1e15).max(1e15),
  n: z.number().int().min(1).max(MAX_POINTS),
  points: z.string().max(pointsBase64Length(MAX_POINTS, true)),
});
export type StrokeJson = z.infer<typeof strokeJsonSchema>;

const sheetMetaSchema = z.object({
  format: z.enum(SHEET_FORMATS).catch('a0'),
  background: colourSchema.catch('#ffffff'),
});
export type SheetMeta = z.infer<typeof sheetMetaSchema>;

const layerSettingsSchema = z.object({
  visible: z.boolean().catch(true),
  locked: z.boolean().catch(false),
  opacity: z.number().min(0).max(1).catch(1),
});
export type LayerSettings = z.infer<typeof layerSettingsSchema>;

const DEFAULT_LAYER_SETTINGS: LayerSettings = { visible: true, locked: false, opacity: 1 };

/** The strokes map of a sketch document. */
export function strokesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SKETCH_STROKES_KEY);
}

/** The meta map of a sketch document. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SKETCH_META_KEY);
}

/** The layers map of a sketch document. */
export function layersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SKETCH_LAYERS_KEY);
}

/** The sheet settings, with defaults (A0, white) for anything missing or malformed. */
export function readSheetMeta(doc: Y.Doc): SheetMeta {
  const meta = metaMap(doc);
  return sheetMetaSchema.parse({ format: meta.get('format'), background: meta.get('background') });
}

/** The settings of every layer, with defaults for missing or malformed entries. */
export function readLayerSettings(doc: Y.Doc): Record<LayerId, LayerSettings> {
  const map = layersMap(doc);
  const result = {} as Record<LayerId, LayerSettings>;
  for (const id of LAYER_IDS) {
    const parsed = layerSettingsSchema.safeParse(map.get(id));
    result[id] = parsed.success ? parsed.data : { ...DEFAULT_LAYER_SETTINGS };
  }
  return result;
}

/**
 * How much bigger pens and type are on this sheet than on A3 (the shorter sides' ratio; 1 on an
 * infinite canvas). The editor's sizes are A3 sizes times this, so a 3 px pen on A0 draws about
 * 8.5 units: a marker line on a poster, not a hairline at "fit" zoom; on A4 it is finer.
 */
export function sheetScale(format: SheetFormat): number {
  if (format === 'infinite') {
    return 1;
  }
  const size = SHEET_SIZES[format];
  return Math.min(size.width, size.height) / Math.min(SHEET_SIZES.a3.width, SHEET_SIZES.a3.height);
}

/** The sheet rectangle in scene units (origin at 0,0), or null for an infinite canvas. */
export function sheetRect(
  format: SheetFormat,
): { x: number; y: number; width: number; height: number } | null {
  return format === 'infinite' ? null : { x: 0, y: 0, ...SHEET_SIZES[format] };
}

/**
 * Draw order of layers: lower paints first. Within a layer everything paints by z, highlighters too:
 * they are painted with a multiply blend ({@link blendsByMultiply}), as a real highlighter tints what
 * is beneath without hiding it, so they no longer need to hide beneath filled shapes to keep the ink
 * readable (which made them vanish under every filled shape).
 */
export function paintRank(layer: LayerId, brush: BrushKind): number {
  void brush;
  return LAYER_IDS.indexOf(layer);
}

/** Whether strokes of a brush are painted with a multiply blend (the highlighter). */
export function blendsByMultiply(brush: BrushKind): boolean {
  return brush === 'highlighter';
}
