import { describe, expect, it } from 'vitest';
import {
  ariaKeyShortcuts,
  editorAction,
  editorActions,
  register,
} from '../../../../renderer/src/sketch/actions/editorAction.js';
import './actionHarness.js';

/** The registry: every action once, with keys that no other action claims. */
describe('the action registry', () => {
  it('holds every action once, each with at least one key', () => {
    const names = editorActions().map((action) => action.name);
    expect(names).toHaveLength(20);
    expect(new Set(names).size).toBe(names.length);
    for (const action of editorActions()) {
      expect(action.keys.length, action.name).toBeGreaterThan(0);
    }
  });

  it('refuses a second action of the same name', () => {
    expect(() => register({ ...editorAction('undo') })).toThrow(/registered twice/);
  });

  it('gives no two actions the same key combination', () => {
    const seen = new Map<string, string>();
    for (const action of editorActions()) {
      for (const combo of action.keys) {
        const id = `${combo.mod ? 'mod+' : ''}${combo.shift === undefined ? '' : combo.shift ? 'shift+' : 'noshift+'}${combo.key.toLowerCase()}`;
        expect(seen.get(id), `${action.name} and ${seen.get(id)} share ${id}`).toBeUndefined();
        seen.set(id, action.name);
      }
    }
  });

  it('names the keys for assistive technology', () => {
    expect(ariaKeyShortcuts(editorAction('undo'))).toBe('Control+Z Meta+Z');
    expect(ariaKeyShortcuts(editorAction('delete'))).toBe('Delete Backspace');
    expect(ariaKeyShortcuts(editorAction('fit'))).toBe('0 Shift+1');
  });
});
