import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `back` action (renderer/src/sketch/actions/back). */
describe('the back action', () => {
  it('has its key (also as AltGr or Option types it) and moves the selection in paint order', () => {
    expect(nameFor(key('[', { ctrlKey: true }))).toBe('back');
    expect(nameFor(key('[', { metaKey: true }))).toBe('back');
    const h = harness('back', { selected: 1 });
    expect(h.action.enabled(h.context)).toBe(true);
    expect(h.action.perform(h.context, false)).toBe(true);
    expect(h.calls).toEqual(['orderSelection:back']);
    const none = harness('back');
    expect(none.action.enabled(none.context)).toBe(false);
  });
});
