import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `duplicate` action (renderer/src/sketch/actions/duplicate). */
describe('the duplicate action', () => {
  it('is Ctrl+D, always prevented (the browser would bookmark), duplicating once per press', () => {
    expect(nameFor(key('d', { ctrlKey: true }))).toBe('duplicate');
    const h = harness('duplicate', { selected: 3 });
    expect(h.action.enabled(h.context)).toBe(true);
    expect(h.action.perform(h.context, false)).toBe(true);
    expect(h.action.perform(h.context, true)).toBe(true);
    expect(h.calls).toEqual(['duplicateSelection']);
    const none = harness('duplicate');
    expect(none.action.enabled(none.context)).toBe(false);
    expect(h.action.glyph).toBeDefined();
  });
});
