import type * as Y from 'yjs';
import type { Affine } from '../../../../../shared/sketch/edit/transform.js';
import type { SketchObject } from '../../../../../shared/sketch/objects/objectCodec.js';
import type { ItemRef } from '../../../../../shared/sketch/objects/paintOrder.js';
import type { LayerId, LayerSettings } from '../../../../../shared/sketch/sketchLayout.js';
import type { Point, Size, View } from '../../../../../shared/sketch/viewTransform.js';
import type { EngineNotice, EraserMode, ObjectSettings, SketchTool } from '../editorTypes.js';
import type { SceneItem } from '../sceneItem.js';
import type { BrushSettings } from '../SketchEngine.js';

/** One pointer sample as a tool sees it: screen (CSS px, relative to the canvas) and scene position. */
export interface ToolPointer {
  screen: Point;
  scene: Point;
  kind: 'pen' | 'touch' | 'mouse';
  shiftKey: boolean;
  altKey: boolean;
}

/** What tools may use of the engine. Writes go through `write` (one transaction, the engine's origin). */
export interface ToolHost {
  readonly doc: Y.Doc;
  readonly author: string;
  readonly host: HTMLElement;
  view(): View;
  viewport(): Size;
  brush(): BrushSettings;
  objectSettings(): ObjectSettings;
  eraserMode(): EraserMode;
  /** Eraser radius in screen pixels. */
  eraserSize(): number;
  /** Tells the person something about their gesture (shown as the editor's status line). */
  notice(notice: EngineNotice): void;
  layers(): Record<LayerId, LayerSettings>;
  /** Items whose boxes meet a scene rectangle, in paint order (bottom first). */
  itemsIn(rect: { x: number; y: number; width: number; height: number }): SceneItem[];
  item(ref: ItemRef): SceneItem | undefined;
  object(id: string): SketchObject | undefined;
  /** Runs `change` in one transaction with the engine's origin (undoable as one step). */
  write(change: () => void): void;
  newId(): string;
  /** Lifts items out of the tiles (drawn on the overlay canvas instead) or puts them back. */
  setLifted(items: SceneItem[], matrix: Affine | null): void;
  panBy(dx: number, dy: number): void;
  setTool(tool: SketchTool): void;
  /** The overlay (SVG, screen coordinates) changed and should be redrawn. */
  overlayChanged(): void;
  selectionChanged(): void;
}

/** A canvas tool: receives one pointer's drag (pen or mouse, or touch where touch draws). */
export interface Tool {
  down(p: ToolPointer): void;
  move(p: ToolPointer): void;
  up(p: ToolPointer | null): void;
  cancel(): void;
  /** SVG markup (screen coordinates) of what the tool shows now, e.g. a box or a preview. */
  overlay(): string;
}
