import '../../../../renderer/src/sketch/actions/index.js';
import {
  actionForKey,
  editorAction,
  type ActionContext,
  type ActionName,
  type EditorAction,
  type KeyLike,
} from '../../../../renderer/src/sketch/actions/editorAction.js';
import type { SelectionInfo } from '../../../../renderer/src/sketch/engine/editorTypes.js';
import type { EditorEngine } from '../../../../renderer/src/sketch/editorApi.js';

/**
 * A stand-in for the editor around an action (as Excalidraw's `API` helper): an engine that
 * records the calls the actions make and a selection the test sets, undo, clipboard and help
 * recorded as calls too. No DOM, no canvas.
 */
export interface ActionHarness {
  context: ActionContext;
  /** Every call, in order: engine methods by name and the editor's parts (`undo`, `copy`, `paste:key`, …). */
  calls: string[];
  action: EditorAction;
}

/** The harness around one action, with `selected` items selected (`grouped`: they are one group). */
export function harness(
  name: ActionName,
  options: {
    selected?: number;
    grouped?: boolean;
    canUndo?: boolean;
    canRedo?: boolean;
    focusMode?: boolean;
  } = {},
): ActionHarness {
  const calls: string[] = [];
  let selection: SelectionInfo = {
    items: Array.from({ length: options.selected ?? 0 }, (_, i) => ({
      type: 'stroke' as const,
      id: `s${i}`,
    })),
    grouped: options.grouped ?? false,
  };
  const record =
    (method: string, effect?: () => void) =>
    (...args: unknown[]): void => {
      calls.push(args.length > 0 ? `${method}:${args.map(String).join(',')}` : method);
      effect?.();
    };
  const engine = {
    getSelection: () => selection,
    duplicateSelection: record('duplicateSelection'),
    deleteSelection: record('deleteSelection', () => (selection = { items: [], grouped: false })),
    selectAll: record('selectAll'),
    clearSelection: record('clearSelection', () => (selection = { items: [], grouped: false })),
    groupSelection: record('groupSelection'),
    ungroupSelection: record('ungroupSelection'),
    orderSelection: record('orderSelection'),
    zoomBy: record('zoomBy'),
    fit: record('fit'),
  } as Partial<EditorEngine> as EditorEngine;
  const context: ActionContext = {
    engine,
    canUndo: options.canUndo ?? true,
    canRedo: options.canRedo ?? true,
    undo: record('undo'),
    redo: record('redo'),
    copy: () => {
      calls.push('copy');
      return selection.items.length > 0;
    },
    cut: () => {
      calls.push('cut');
      return selection.items.length > 0;
    },
    paste: (from) => {
      calls.push(`paste:${from}`);
      return from === 'button';
    },
    help: record('help'),
    ...(options.focusMode === false ? {} : { focusMode: record('focusMode') }),
  };
  return { context, calls, action: editorAction(name) };
}

/** A key press as the browser reports it. */
export function key(k: string, mods: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

/** The name of the action a key press triggers, or null. */
export function nameFor(event: KeyLike): ActionName | null {
  return actionForKey(event)?.name ?? null;
}
