import type { ReactNode } from 'react';
import type { EditorEngine } from '../editorApi.js';

/**
 * One editor action per file in this folder (as Excalidraw's `register`): its name, keys,
 * when it is enabled and what it does. The key handler (useSketchShortcuts.ts), the toolbar, the
 * selection bar and the help overlay all read the registry, so a shortcut, a label or an enabled
 * rule exists once. Button labels are `sketch.selection.<name>` (or `sketch.<name>` for undo, redo
 * and help), help rows `sketch.shortcuts.<name>`.
 */

/** Every action's name. */
export type ActionName =
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
  | 'deselect'
  | 'focus'
  | 'help';

/** One key combination of an action. */
export interface KeyCombo {
  /** `KeyboardEvent.key`, compared without case ('z', ']', 'Delete'). */
  key: string;
  /** Ctrl held (Cmd on a Mac). */
  mod?: boolean;
  /** Shift: true must be held, false must not, absent either way (symbols that need Shift on some layouts). */
  shift?: boolean;
  /** Also matches this physical key (`KeyboardEvent.code`): Shift+1, whose character depends on the layout. */
  code?: string;
  /** Shown as this character instead of `key` in help and tooltips. */
  shown?: string;
  /** An alternative left out of help and tooltips ("=" beside "+"). */
  quiet?: boolean;
}

/** What an action may use: the engine and the editor's own parts around it. */
export interface ActionContext {
  engine: EditorEngine;
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
  /** Copies (or cuts) the selection to the clipboard; false when nothing is selected. */
  copy(): boolean;
  cut(): boolean;
  /**
   * Pastes: from a key press the browser's paste event is awaited (false: not prevented), from a
   * button the clipboard is read.
   */
  paste(from: 'key' | 'button'): boolean;
  help(): void;
  /** Turns the focus mode on or off, where the editor has one. */
  focusMode?: () => void;
}

/** One editor action. */
export interface EditorAction {
  readonly name: ActionName;
  /** Its keys, the first one shown in tooltips. */
  readonly keys: readonly KeyCombo[];
  /** Whether its button can be pressed now. */
  enabled(ctx: ActionContext): boolean;
  /**
   * Does it; `repeat` for a held key. True when it was handled (the key's browser default is then
   * prevented), false to leave the key to the browser.
   */
  perform(ctx: ActionContext, repeat: boolean): boolean;
  /** The icon of its button (SVG paths in a 24 x 24 box), where it has one. */
  readonly glyph?: ReactNode;
}

const registry = new Map<ActionName, EditorAction>();

/** Adds an action to the registry (once per file, at import); the order of registering is the help's order. */
export function register(action: EditorAction): EditorAction {
  if (registry.has(action.name)) {
    throw new Error(`The action "${action.name}" is registered twice.`);
  }
  registry.set(action.name, action);
  return action;
}

/** A registered action by name (every name is registered by `actions/index.ts`). */
export function editorAction(name: ActionName): EditorAction {
  const action = registry.get(name);
  if (!action) {
    throw new Error(`The action "${name}" is not registered.`);
  }
  return action;
}

/** Every registered action, in the order of registering. */
export function editorActions(): EditorAction[] {
  return [...registry.values()];
}

/** The parts of a KeyboardEvent the matching looks at. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** What a key press means before the table is asked: Ctrl held (not as AltGr), the key lower-cased; null for no key. */
export function readKey(event: KeyLike): { mod: boolean; lower: string; symbol: boolean } | null {
  const key = event.key;
  if (key === '' || key === 'Dead' || key === 'Unidentified') {
    return null;
  }
  // AltGr (Ctrl+Alt on Windows) and Option on a Mac type symbols such as [ ] ? on many layouts:
  // for symbol keys Alt is no modifier and AltGr is no Ctrl; with letters Alt means "not ours".
  const altGr = event.ctrlKey && event.altKey && !event.metaKey;
  const symbol = key.length === 1 && !/[\p{L}\p{N}]/u.test(key);
  if (event.altKey && !symbol) {
    return null;
  }
  return { mod: (event.ctrlKey || event.metaKey) && !altGr, lower: key.toLowerCase(), symbol };
}

/** Whether a key press is one of an action's combinations. */
function matches(combo: KeyCombo, event: KeyLike, read: { mod: boolean; lower: string }): boolean {
  if ((combo.mod ?? false) !== read.mod) {
    return false;
  }
  if (combo.shift !== undefined && combo.shift !== event.shiftKey) {
    return false;
  }
  return read.lower === combo.key.toLowerCase() || (combo.code !== undefined && event.code === combo.code);
}

/** The registered action a key press triggers, or null. */
export function actionForKey(event: KeyLike): EditorAction | null {
  const read = readKey(event);
  if (!read) {
    return null;
  }
  for (const action of registry.values()) {
    if (action.keys.some((combo) => matches(combo, event, read))) {
      return action;
    }
  }
  return null;
}

/** Keys as the help table shows them; named keys are translated (`sketch.keys.*`). */
export type KeyToken =
  { named: 'ctrl' | 'shift' | 'space' | 'delete' | 'backspace' | 'escape' | 'drag' } | { char: string };

const NAMED_KEYS: Readonly<Record<string, KeyToken>> = {
  delete: { named: 'delete' },
  backspace: { named: 'backspace' },
  escape: { named: 'escape' },
};

/** The keys of one combination, in the order they are pressed. */
export function comboTokens(combo: KeyCombo): KeyToken[] {
  const tokens: KeyToken[] = [];
  if (combo.mod) {
    tokens.push({ named: 'ctrl' });
  }
  if (combo.shift === true) {
    tokens.push({ named: 'shift' });
  }
  tokens.push(NAMED_KEYS[combo.key.toLowerCase()] ?? { char: (combo.shown ?? combo.key).toUpperCase() });
  return tokens;
}

/** The `aria-keyshortcuts` value of an action (every combination, also the quiet ones). */
export function ariaKeyShortcuts(action: EditorAction): string {
  return action.keys
    .flatMap((combo) => {
      const key = combo.shown ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
      const shift = combo.shift ? 'Shift+' : '';
      return combo.mod ? [`Control+${shift}${key}`, `Meta+${shift}${key}`] : [`${shift}${key}`];
    })
    .join(' ');
}
