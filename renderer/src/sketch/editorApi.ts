import { useCallback, useSyncExternalStore } from 'react';
import type { SelectionInfo, SketchEditorApi, SketchTool } from './engine/editorTypes.js';
import type { SketchEngine } from './engine/SketchEngine.js';

/**
 * What the editor UI around the canvas uses of the engine: the editing API plus the view and brush
 * methods the engine has had from the start. Components take this type, never the class.
 */
export type EditorEngine = SketchEditorApi &
  Pick<
    SketchEngine,
    | 'getView'
    | 'getViewport'
    | 'setView'
    | 'onViewChange'
    | 'onNotice'
    | 'contentBounds'
    | 'setSheetFormat'
    | 'getBrush'
    | 'setBrush'
    | 'setPalmRejection'
    | 'penDetected'
  >;

const noSubscription = (): (() => void) => () => undefined;

/** The engine's current tool (re-renders when it changes, also when the engine changes it). */
export function useTool(engine: EditorEngine | null, fallback: SketchTool = 'draw'): SketchTool {
  const subscribe = useCallback(
    (notify: () => void) => (engine ? engine.onToolChange(() => notify()) : noSubscription()),
    [engine],
  );
  const snapshot = useCallback(() => engine?.getTool() ?? fallback, [engine, fallback]);
  return useSyncExternalStore(subscribe, snapshot);
}

const EMPTY_SELECTION: SelectionInfo = { items: [], grouped: false };
const selectionCache = new WeakMap<object, { key: string; value: SelectionInfo }>();

/** The engine's selection; the same object as long as the selection stays the same. */
export function useSelection(engine: EditorEngine | null): SelectionInfo {
  const subscribe = useCallback(
    (notify: () => void) => (engine ? engine.onSelectionChange(() => notify()) : noSubscription()),
    [engine],
  );
  const snapshot = useCallback((): SelectionInfo => {
    if (!engine) {
      return EMPTY_SELECTION;
    }
    const selection = engine.getSelection();
    const key = `${selection.grouped}|${selection.items.map((item) => `${item.type}:${item.id}`).join(',')}`;
    const cached = selectionCache.get(engine);
    if (cached && cached.key === key) {
      return cached.value;
    }
    const value = selection.items.length === 0 && !selection.grouped ? EMPTY_SELECTION : selection;
    selectionCache.set(engine, { key, value });
    return value;
  }, [engine]);
  return useSyncExternalStore(subscribe, snapshot);
}

/** The zoom in whole percent (100 = one scene unit per CSS pixel). */
export function useZoomPercent(engine: EditorEngine | null): number {
  const subscribe = useCallback(
    (notify: () => void) => (engine ? engine.onViewChange(() => notify()) : noSubscription()),
    [engine],
  );
  const snapshot = useCallback(() => (engine ? Math.round(engine.getView().zoom * 100) : 100), [engine]);
  return useSyncExternalStore(subscribe, snapshot);
}
