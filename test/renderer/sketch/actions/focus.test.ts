import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `focus` action (renderer/src/sketch/actions/focus). */
describe('the focus action', () => {
  it('is Ctrl+. and toggles the focus mode where the editor has one', () => {
    expect(nameFor(key('.', { ctrlKey: true }))).toBe('focus');
    expect(nameFor(key('.'))).toBeNull();
    const h = harness('focus');
    expect(h.action.perform(h.context, false)).toBe(true);
    expect(h.calls).toEqual(['focusMode']);
    const none = harness('focus', { focusMode: false });
    expect(none.action.enabled(none.context)).toBe(false);
    expect(none.action.perform(none.context, false)).toBe(false);
  });
});
