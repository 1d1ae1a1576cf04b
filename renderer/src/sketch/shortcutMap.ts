import './actions/index.js';
import {
  actionForKey,
  comboTokens,
  editorActions,
  readKey,
  type ActionName,
  type EditorAction,
  type KeyLike,
  type KeyToken,
} from './actions/editorAction.js';
import type { SketchTool } from './engine/editorTypes.js';

/**
 * The keyboard of the sketch editor (no DOM): tool letters, the registered actions' keys
 * (`actions/`), and which events belong to text fields. The help overlay, the key handler and the
 * unit tests read the same tables. Letters follow Excalidraw and tldraw.
 */

/** What a key press does: choose a tool, or run a registered editor action. */
export type KeyPress = { type: 'tool'; tool: SketchTool } | { type: 'action'; action: EditorAction };

/** Tool letters (pressed without modifiers). */
export const TOOL_KEYS: Readonly<Record<string, SketchTool>> = {
  v: 'select',
  s: 'lasso',
  p: 'draw',
  e: 'erase',
  t: 'text',
  r: 'rect',
  o: 'ellipse',
  a: 'arrow',
  l: 'line',
  c: 'connector',
  h: 'hand',
};

/** The shortcut letter of a tool, as shown in tooltips ("Auswahl (V)"), or undefined. */
export function toolShortcut(tool: SketchTool): string | undefined {
  const entry = Object.entries(TOOL_KEYS).find(([, t]) => t === tool);
  return entry ? entry[0].toUpperCase() : undefined;
}

/**
 * What a key press does, or null when it is not a sketch shortcut (then the browser or the canvas
 * handles it): an action of the registry (`actions/`), else a tool letter pressed alone.
 */
export function actionFor(event: KeyLike): KeyPress | null {
  const action = actionForKey(event);
  if (action) {
    return { type: 'action', action };
  }
  const read = readKey(event);
  if (!read || read.mod || event.shiftKey || event.altKey || event.key.length !== 1) {
    return null;
  }
  const tool = TOOL_KEYS[read.lower];
  return tool ? { type: 'tool', tool } : null;
}

/** What an event target may offer; a DOM Element fits. */
interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
}

/**
 * Whether a key or clipboard event belongs to a text field or a dialog rather than to the canvas:
 * inputs, text areas, selects, contentEditable elements and anything inside an open <dialog>.
 */
export function isEditableTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) {
    return false;
  }
  const element = target as TargetLike;
  const tag = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : '';
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') {
    return true;
  }
  if (element.isContentEditable === true) {
    return true;
  }
  return typeof element.closest === 'function' && Boolean(element.closest('dialog'));
}

/**
 * Which text a paste uses: the system clipboard's, unless writing to it failed last time (blocked
 * clipboard API) and this tab holds a copy of its own; the in-tab copy also when the system
 * clipboard is empty or unreadable.
 */
export function choosePasteText(
  system: string | null,
  memory: string | null,
  systemWriteFailed: boolean,
): string | null {
  const fromSystem = system !== null && system.trim() !== '' ? system : null;
  if (fromSystem !== null && !(systemWriteFailed && memory !== null)) {
    return fromSystem;
  }
  return memory ?? fromSystem;
}

/** One row of the help table: alternative key combinations (each a sequence of keys) for one thing. */
export interface ShortcutRow {
  combos: KeyToken[][];
  what: { tool: SketchTool } | { action: ActionName | 'pan' };
}

/** Every shortcut, in the order the help overlay lists them: the tools, then the registered actions. */
export function shortcutRows(): ShortcutRow[] {
  const rows: ShortcutRow[] = Object.entries(TOOL_KEYS).map(([key, tool]) => ({
    combos: [[{ char: key.toUpperCase() }]],
    what: { tool },
  }));
  for (const action of editorActions()) {
    rows.push({
      combos: action.keys.filter((combo) => !combo.quiet).map(comboTokens),
      what: { action: action.name },
    });
    if (action.name === 'fit') {
      // Not an action of its own: the canvas pans while Space is held.
      rows.push({ combos: [[{ named: 'space' }, { named: 'drag' }]], what: { action: 'pan' } });
    }
  }
  return rows;
}
