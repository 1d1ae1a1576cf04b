import type { ItemRef } from '../../../../shared/sketch/objects/paintOrder.js';
import type {
  ContainerShape,
  FontFamily,
  ObjectStyle,
} from '../../../../shared/sketch/objects/objectFields.js';
import type { AssetJson } from '../../../../shared/sketch/objects/assets.js';
import type { LayerId } from '../../../../shared/sketch/sketchLayout.js';
import type { Point } from '../../../../shared/sketch/viewTransform.js';

/**
 * What the sketch editor's UI (toolbar, panels, shortcuts) can ask of the engine beyond drawing:
 * tools, selection and its actions, clipboard, and the overview for the minimap.
 */

/**
 * Why the view changed: a person panned or zoomed (finger, mouse, wheel, keys, minimap), the app
 * moved it (fit, following someone), or the canvas changed size (the view stays, what it shows not).
 */
export type ViewCause = 'person' | 'app' | 'resize';

/** The tools of the sketch canvas; the letters are their shortcuts (as in Excalidraw and tldraw). */
export const SKETCH_TOOLS = [
  'select', // V: click or box-select, then move, scale, rotate
  'lasso', // S: free-form selection
  'draw', // P: the pen with the current brush
  'erase', // E: whole strokes or (partial mode) only what the eraser passes over
  'text', // T
  'rect', // R
  'ellipse', // O
  'arrow', // A
  'line', // L
  'connector', // C: an arrow that binds two objects and follows them
  'speechBubble',
  'banner',
  'container',
  'hand', // H: pan
] as const;
export type SketchTool = (typeof SKETCH_TOOLS)[number];

/** Tools that create an object by dragging out its box or line. */
export const SHAPE_TOOLS = [
  'rect',
  'ellipse',
  'arrow',
  'line',
  'connector',
  'speechBubble',
  'banner',
  'container',
] as const satisfies readonly SketchTool[];
export type ShapeTool = (typeof SHAPE_TOOLS)[number];

/** Whole strokes, or only the parts the eraser passes over (the stroke is split). */
export type EraserMode = 'stroke' | 'partial';

/**
 * What the engine tells a person about a gesture that did not do what they may have expected: a
 * stroke on a locked or hidden layer draws nothing; the partial eraser leaves shapes and texts.
 */
export type EngineNotice =
  { kind: 'layerLocked' | 'layerHidden'; layer: LayerId } | { kind: 'eraserKeptObjects'; count: number };

/** How new shapes and texts look (the brush colour and size are taken from the brush). */
export interface ObjectSettings {
  style: ObjectStyle;
  /** Fill colour of new shapes, or null for none. */
  fill: string | null;
  fontFamily: FontFamily;
  fontSize: number;
  /** The outline of new frames (the container tool). */
  containerShape: ContainerShape;
}

/** What the UI shows about the current selection. */
export interface SelectionInfo {
  items: ItemRef[];
  /** Whether all selected items share one group (so "ungroup" applies). */
  grouped: boolean;
}

/** The result of a paste: how many items arrived, or why nothing did. */
export type PasteOutcome = { ok: true; count: number; rejected: number } | { ok: false; reason: string };

/** Paint-order moves for the selection. */
export type OrderMove = 'front' | 'back' | 'forward' | 'backward';

/** A scene rectangle (scene units). */
export interface SceneRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The editing API of the engine that the UI uses (SketchEngine implements it). Every method that
 * writes does so in one Yjs transaction with the engine's origin, so the per-user undo manager
 * undoes it as one step.
 */
export interface SketchEditorApi {
  getTool(): SketchTool;
  setTool(tool: SketchTool): void;
  /** Calls `listener` when the tool changes (also when the engine changes it, e.g. after a shape). */
  onToolChange(listener: (tool: SketchTool) => void): () => void;
  setEraserMode(mode: EraserMode): void;
  /** Eraser radius in screen pixels. */
  setEraserSize(px: number): void;
  setObjectSettings(settings: Partial<ObjectSettings>): void;

  getSelection(): SelectionInfo;
  onSelectionChange(listener: (selection: SelectionInfo) => void): () => void;
  selectAll(): void;
  clearSelection(): void;
  deleteSelection(): void;
  duplicateSelection(): void;
  groupSelection(): void;
  ungroupSelection(): void;
  orderSelection(move: OrderMove): void;
  /** The selection as clipboard text (this app's JSON), or null when nothing is selected. */
  copySelection(): string | null;
  /** Pastes clipboard text at the centre of the view (or under the last pointer position) and selects it. */
  /** Places a prepared picture (a drop point, where the pointer last was, or the middle); false if the layer refuses it. */
  insertImage(asset: AssetJson, at?: Point | 'pointer' | 'centre'): boolean;
  paste(text: string): PasteOutcome;
  /**
   * Places clipboard text (an icon, stamp or template from the library) with its box's top-left at
   * `topLeft` (scene units; the middle of the view when absent) and selects it.
   */
  insertClipboard(text: string, topLeft?: Point): PasteOutcome;
  /** Everything on the sketchnote as clipboard text with its box on the scene (a template), or null when empty. */
  copyAll(): { text: string; box: SceneRect } | null;
  /** The part of the scene the canvas shows now. */
  visibleArea(): SceneRect;

  /** Zooms about the view centre by a factor (>1 zooms in). */
  zoomBy(factor: number): void;
  fit(): void;
  /** The sheet, or on an infinite canvas the box around everything (null when empty). */
  overviewRect(): SceneRect | null;
  /**
   * Paints a small overview of every item into `ctx` (CSS pixel transform already set by the
   * caller: scene `rect` maps onto width × height). Cheap enough to call every couple of seconds.
   */
  paintOverview(ctx: CanvasRenderingContext2D, rect: SceneRect, width: number, height: number): void;
  /** Calls `listener` (throttled) after the scene content changed, e.g. to refresh a minimap. */
  onSceneChange(listener: () => void): () => void;
}
