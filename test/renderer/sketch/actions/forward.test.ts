import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `forward` action (renderer/src/sketch/actions/forward). */
describe('the forward action', () => {
  it('has its key (also as AltGr or Option types it) and moves the selection in paint order', () => {
    expect(nameFor(key(']'))).toBe('forward');
    expect(nameFor(key(']', { ctrlKey: true, altKey: true }))).toBe('forward');
    const h = harness('forward', { selected: 1 });
    expect(h.action.enabled(h.context)).toBe(true);
    expect(h.action.perform(h.context, false)).toBe(true);
    expect(h.calls).toEqual(['orderSelection:forward']);
    const none = harness('forward');
    expect(none.action.enabled(none.context)).toBe(false);
  });
});
