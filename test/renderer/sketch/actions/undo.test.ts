import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `undo` action (renderer/src/sketch/actions/undo). */
describe('the undo action', () => {
  it('is Ctrl+Z (Cmd+Z) and undoes through the per-user undo manager', () => {
    expect(nameFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(nameFor(key('z', { metaKey: true }))).toBe('undo');
    expect(nameFor(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    const h = harness('undo');
    expect(h.action.perform(h.context, false)).toBe(true);
    expect(h.calls).toEqual(['undo']);
  });

  it('is disabled with nothing to undo', () => {
    expect(
      harness('undo', { canUndo: false }).action.enabled(harness('undo', { canUndo: false }).context),
    ).toBe(false);
    const h = harness('undo');
    expect(h.action.enabled(h.context)).toBe(true);
  });
});
