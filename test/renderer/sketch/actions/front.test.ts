import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `front` action (renderer/src/sketch/actions/front). */
describe('the front action', () => {
  it('has its key (also as AltGr or Option types it) and moves the selection in paint order', () => {
    expect(nameFor(key(']', { ctrlKey: true }))).toBe('front');
    expect(nameFor(key(']', { metaKey: true }))).toBe('front');
    const h = harness('front', { selected: 1 });
    expect(h.action.enabled(h.context)).toBe(true);
    expect(h.action.perform(h.context, false)).toBe(true);
    expect(h.calls).toEqual(['orderSelection:front']);
    const none = harness('front');
    expect(none.action.enabled(none.context)).toBe(false);
  });
});
