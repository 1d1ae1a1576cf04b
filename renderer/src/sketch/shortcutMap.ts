import type { OrderMove, SketchTool } from './engine/editorTypes.js';

/**
 * The keyboard shortcuts of the sketch editor as pure data and functions (no DOM), so the help
 * overlay, the key handler and the unit tests agree. Letters follow Excalidraw and tldraw.
 */

/** One step of the zoom keys and buttons. */
export const ZOOM_STEP = 1.25;

/** The parts of a KeyboardEvent the mapping looks at. */
export interface KeyLike {
  key: string;
  /** The physical key (`KeyboardEvent.code`), used only for Shift+1 (its character depends on the layout). */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type SketchAction =
  | { type: 'tool'; tool: SketchTool }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'copy' }
  | { type: 'cut' }
  | { type: 'paste' }
  | { type: 'duplicate' }
  | { type: 'delete' }
  | { type: 'selectAll' }
  | { type: 'group' }
  | { type: 'ungroup' }
  | { type: 'order'; move: OrderMove }
  | { type: 'zoomIn' }
  | { type: 'zoomOut' }
  | { type: 'fit' }
  | { type: 'deselect' }
  | { type: 'focus' }
  | { type: 'help' };

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
 * The editor action of a key press, or null when the key is not a sketch shortcut (then the
 * browser or the canvas handles it). AltGr (reported as Ctrl+Alt on Windows) and Option on a Mac
 * produce characters such as `[`, `]` and `?` on many layouts, so for such symbol keys Alt is not
 * a modifier and AltGr does not count as Ctrl.
 */
export function actionFor(event: KeyLike): SketchAction | null {
  const key = event.key;
  if (key === '' || key === 'Dead' || key === 'Unidentified') {
    return null;
  }
  const altGr = event.ctrlKey && event.altKey && !event.metaKey;
  const mod = (event.ctrlKey || event.metaKey) && !altGr;
  const symbol = key.length === 1 && !/[\p{L}\p{N}]/u.test(key);
  if (event.altKey && !symbol) {
    return null;
  }
  const lower = key.toLowerCase();

  if (mod) {
    switch (lower) {
      case 'z':
        return event.shiftKey ? { type: 'redo' } : { type: 'undo' };
      case 'y':
        return event.shiftKey ? null : { type: 'redo' };
      case 'c':
        return event.shiftKey ? null : { type: 'copy' };
      case 'x':
        return event.shiftKey ? null : { type: 'cut' };
      case 'v':
        return event.shiftKey ? null : { type: 'paste' };
      case 'd':
        return event.shiftKey ? null : { type: 'duplicate' };
      case 'a':
        return event.shiftKey ? null : { type: 'selectAll' };
      case 'g':
        return event.shiftKey ? { type: 'ungroup' } : { type: 'group' };
      case '.':
        // As tldraw: Ctrl+. hides everything but the ink (and brings it back).
        return event.shiftKey ? null : { type: 'focus' };
      case ']':
        return { type: 'order', move: 'front' };
      case '[':
        return { type: 'order', move: 'back' };
      default:
        return null;
    }
  }

  switch (key) {
    case ']':
      return { type: 'order', move: 'forward' };
    case '[':
      return { type: 'order', move: 'backward' };
    case '+':
    case '=':
      return { type: 'zoomIn' };
    case '-':
    case '_':
      return { type: 'zoomOut' };
    case '0':
      return event.shiftKey ? null : { type: 'fit' };
    case '?':
      return { type: 'help' };
    case 'Delete':
    case 'Backspace':
      return event.shiftKey ? null : { type: 'delete' };
    case 'Escape':
      return { type: 'deselect' };
    default:
      break;
  }
  if (event.shiftKey && (event.code === 'Digit1' || key === '!')) {
    return { type: 'fit' };
  }
  if (!event.shiftKey && !event.altKey && key.length === 1) {
    const tool = TOOL_KEYS[lower];
    return tool ? { type: 'tool', tool } : null;
  }
  return null;
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

/** Keys as shown in the help table; named keys are translated (`sketch.keys.*`). */
type NamedKey = 'ctrl' | 'shift' | 'space' | 'delete' | 'backspace' | 'escape' | 'drag';
export type KeyToken = { named: NamedKey } | { char: string };

type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'selectAll'
  | 'group'
  | 'ungroup'
  | 'forward'
  | 'backward'
  | 'front'
  | 'back'
  | 'zoomIn'
  | 'zoomOut'
  | 'fit'
  | 'pan'
  | 'deselect'
  | 'focus'
  | 'help';

/** One row of the help table: alternative key combinations (each a sequence of keys) for one thing. */
export interface ShortcutRow {
  combos: KeyToken[][];
  what: { tool: SketchTool } | { action: ShortcutAction };
}

const CTRL: KeyToken = { named: 'ctrl' };
const SHIFT: KeyToken = { named: 'shift' };
const ch = (c: string): KeyToken => ({ char: c });

/** Every shortcut, in the order the help overlay lists them. */
export const SHORTCUT_ROWS: readonly ShortcutRow[] = [
  ...Object.entries(TOOL_KEYS).map(([key, tool]): ShortcutRow => ({
    combos: [[ch(key.toUpperCase())]],
    what: { tool },
  })),
  { combos: [[CTRL, ch('Z')]], what: { action: 'undo' } },
  {
    combos: [
      [CTRL, ch('Y')],
      [CTRL, SHIFT, ch('Z')],
    ],
    what: { action: 'redo' },
  },
  { combos: [[CTRL, ch('C')]], what: { action: 'copy' } },
  { combos: [[CTRL, ch('X')]], what: { action: 'cut' } },
  { combos: [[CTRL, ch('V')]], what: { action: 'paste' } },
  { combos: [[CTRL, ch('D')]], what: { action: 'duplicate' } },
  { combos: [[{ named: 'delete' }], [{ named: 'backspace' }]], what: { action: 'delete' } },
  { combos: [[CTRL, ch('A')]], what: { action: 'selectAll' } },
  { combos: [[CTRL, ch('G')]], what: { action: 'group' } },
  { combos: [[CTRL, SHIFT, ch('G')]], what: { action: 'ungroup' } },
  { combos: [[ch(']')]], what: { action: 'forward' } },
  { combos: [[ch('[')]], what: { action: 'backward' } },
  { combos: [[CTRL, ch(']')]], what: { action: 'front' } },
  { combos: [[CTRL, ch('[')]], what: { action: 'back' } },
  { combos: [[ch('+')]], what: { action: 'zoomIn' } },
  { combos: [[ch('-')]], what: { action: 'zoomOut' } },
  { combos: [[ch('0')], [SHIFT, ch('1')]], what: { action: 'fit' } },
  { combos: [[{ named: 'space' }, { named: 'drag' }]], what: { action: 'pan' } },
  { combos: [[{ named: 'escape' }]], what: { action: 'deselect' } },
  { combos: [[CTRL, ch('.')]], what: { action: 'focus' } },
  { combos: [[ch('?')]], what: { action: 'help' } },
];
