import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `redo` action (renderer/src/sketch/actions/redo). */
describe('the redo action', () => {
  it('is Ctrl+Y and Ctrl+Shift+Z', () => {
    expect(nameFor(key('y', { ctrlKey: true }))).toBe('redo');
    expect(nameFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(nameFor(key('Y', { ctrlKey: true, shiftKey: true }))).toBeNull();
    const h = harness('redo', { canRedo: false });
    expect(h.action.enabled(h.context)).toBe(false);
    h.action.perform(h.context, false);
    expect(h.calls).toEqual(['redo']);
  });
});
