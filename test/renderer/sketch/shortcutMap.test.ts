import { describe, expect, it } from 'vitest';
import { SKETCH_TOOLS } from '../../../renderer/src/sketch/engine/editorTypes.js';
import {
  editorAction,
  type ActionName,
  type KeyLike,
} from '../../../renderer/src/sketch/actions/editorAction.js';
import {
  actionFor,
  choosePasteText,
  isEditableTarget,
  shortcutRows,
  TOOL_KEYS,
  toolShortcut,
} from '../../../renderer/src/sketch/shortcutMap.js';

const SHORTCUT_ROWS = shortcutRows();
const act = (name: ActionName) => ({ type: 'action', action: editorAction(name) });

function key(k: string, mods: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('sketch shortcuts', () => {
  it('maps the tool letters without modifiers, also with caps lock', () => {
    expect(actionFor(key('v'))).toEqual({ type: 'tool', tool: 'select' });
    expect(actionFor(key('V'))).toEqual({ type: 'tool', tool: 'select' });
    expect(actionFor(key('s'))).toEqual({ type: 'tool', tool: 'lasso' });
    expect(actionFor(key('p'))).toEqual({ type: 'tool', tool: 'draw' });
    expect(actionFor(key('e'))).toEqual({ type: 'tool', tool: 'erase' });
    expect(actionFor(key('t'))).toEqual({ type: 'tool', tool: 'text' });
    expect(actionFor(key('r'))).toEqual({ type: 'tool', tool: 'rect' });
    expect(actionFor(key('o'))).toEqual({ type: 'tool', tool: 'ellipse' });
    expect(actionFor(key('a'))).toEqual({ type: 'tool', tool: 'arrow' });
    expect(actionFor(key('l'))).toEqual({ type: 'tool', tool: 'line' });
    expect(actionFor(key('c'))).toEqual({ type: 'tool', tool: 'connector' });
    expect(actionFor(key('h'))).toEqual({ type: 'tool', tool: 'hand' });
    expect(actionFor(key('x'))).toBeNull();
    expect(actionFor(key('v', { shiftKey: true }))).toBeNull();
    expect(actionFor(key('v', { altKey: true }))).toBeNull();
    expect(actionFor(key('p', { ctrlKey: true }))).toBeNull();
  });

  it('maps Ctrl (and Cmd) combinations', () => {
    expect(actionFor(key('z', { ctrlKey: true }))).toEqual(act('undo'));
    expect(actionFor(key('z', { metaKey: true }))).toEqual(act('undo'));
    expect(actionFor(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual(act('redo'));
    expect(actionFor(key('y', { ctrlKey: true }))).toEqual(act('redo'));
    expect(actionFor(key('c', { ctrlKey: true }))).toEqual(act('copy'));
    expect(actionFor(key('x', { ctrlKey: true }))).toEqual(act('cut'));
    expect(actionFor(key('v', { metaKey: true }))).toEqual(act('paste'));
    expect(actionFor(key('d', { ctrlKey: true }))).toEqual(act('duplicate'));
    expect(actionFor(key('a', { ctrlKey: true }))).toEqual(act('selectAll'));
    expect(actionFor(key('g', { ctrlKey: true }))).toEqual(act('group'));
    expect(actionFor(key('G', { ctrlKey: true, shiftKey: true }))).toEqual(act('ungroup'));
    expect(actionFor(key(']', { ctrlKey: true }))).toEqual(act('front'));
    expect(actionFor(key('[', { metaKey: true }))).toEqual(act('back'));
    // Ctrl+Alt+letter is not ours (and on Windows it is AltGr).
    expect(actionFor(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    // Ctrl+0 and Ctrl+plus stay with the browser (page zoom) and the canvas.
    expect(actionFor(key('0', { ctrlKey: true }))).toBeNull();
    expect(actionFor(key('+', { ctrlKey: true }))).toBeNull();
  });

  it('maps paint order, zoom, fit, delete, escape and help', () => {
    expect(actionFor(key(']'))).toEqual(act('forward'));
    expect(actionFor(key('['))).toEqual(act('backward'));
    // AltGr+9 on a German Windows keyboard: Ctrl+Alt and "]" – a plain bracket, not Ctrl+].
    expect(actionFor(key(']', { ctrlKey: true, altKey: true }))).toEqual(act('forward'));
    // Option+6 on a German Mac keyboard.
    expect(actionFor(key(']', { altKey: true }))).toEqual(act('forward'));
    expect(actionFor(key('+'))).toEqual(act('zoomIn'));
    expect(actionFor(key('='))).toEqual(act('zoomIn'));
    expect(actionFor(key('-'))).toEqual(act('zoomOut'));
    expect(actionFor(key('0'))).toEqual(act('fit'));
    expect(actionFor(key('!', { shiftKey: true, code: 'Digit1' }))).toEqual(act('fit'));
    expect(actionFor(key('!', { shiftKey: true }))).toEqual(act('fit'));
    expect(actionFor(key('Delete'))).toEqual(act('delete'));
    expect(actionFor(key('Backspace'))).toEqual(act('delete'));
    expect(actionFor(key('Escape'))).toEqual(act('deselect'));
    expect(actionFor(key('?', { shiftKey: true }))).toEqual(act('help'));
    expect(actionFor(key('.', { ctrlKey: true }))).toEqual(act('focus'));
    expect(actionFor(key('.', { metaKey: true }))).toEqual(act('focus'));
    expect(actionFor(key('.'))).toBeNull();
    expect(actionFor(key('Dead'))).toBeNull();
    expect(actionFor(key('ArrowLeft'))).toBeNull();
    expect(actionFor(key(' '))).toBeNull();
  });

  it('names the shortcut of each tool for tooltips', () => {
    expect(toolShortcut('select')).toBe('V');
    expect(toolShortcut('hand')).toBe('H');
    expect(toolShortcut('speechBubble')).toBeUndefined();
    for (const tool of Object.values(TOOL_KEYS)) {
      expect(SKETCH_TOOLS).toContain(tool);
    }
  });

  it('lists every mapped action in the help table', () => {
    const tools = SHORTCUT_ROWS.flatMap((row) => ('tool' in row.what ? [row.what.tool] : []));
    expect(tools.sort()).toEqual(Object.values(TOOL_KEYS).sort());
    const actions = SHORTCUT_ROWS.flatMap((row) => ('action' in row.what ? [row.what.action] : []));
    expect(new Set(actions).size).toBe(actions.length);
    for (const action of ['undo', 'redo', 'copy', 'cut', 'paste', 'duplicate', 'delete', 'selectAll']) {
      expect(actions).toContain(action);
    }
    for (const action of ['group', 'ungroup', 'front', 'back', 'forward', 'backward', 'fit', 'help']) {
      expect(actions).toContain(action);
    }
  });

  it('leaves text fields and dialogs alone', () => {
    expect(isEditableTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isEditableTarget({ tagName: 'textarea' })).toBe(true);
    expect(isEditableTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isEditableTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(
      isEditableTarget({ tagName: 'BUTTON', closest: (s: string) => (s === 'dialog' ? {} : null) }),
    ).toBe(true);
    expect(isEditableTarget({ tagName: 'BUTTON', closest: () => null })).toBe(false);
    expect(isEditableTarget({ tagName: 'DIV', isContentEditable: false })).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
    expect(isEditableTarget({})).toBe(false);
  });

  it('pastes from the system clipboard, or from the copy in this tab when that one is blocked', () => {
    expect(choosePasteText('system', 'memory', false)).toBe('system');
    expect(choosePasteText('system', 'memory', true)).toBe('memory');
    expect(choosePasteText('system', null, true)).toBe('system');
    expect(choosePasteText(null, 'memory', false)).toBe('memory');
    expect(choosePasteText('  ', 'memory', false)).toBe('memory');
    expect(choosePasteText(null, null, false)).toBeNull();
  });
});
