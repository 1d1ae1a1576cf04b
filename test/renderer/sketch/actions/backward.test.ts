import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `backward` action (renderer/src/sketch/actions/backward). */
describe('the backward action', () => {
  it('has its key (also as AltGr or Option types it) and moves the selection in paint order', () => {
    expect(nameFor(key('['))).toBe('backward');
    expect(nameFor(key('[', { altKey: true }))).toBe('backward');
    const h = harness('backward', { selected: 1 });
    expect(h.action.enabled(h.context)).toBe(true);
    expect(h.action.perform(h.context, false)).toBe(true);
    expect(h.calls).toEqual(['orderSelection:backward']);
    const none = harness('backward');
    expect(none.action.enabled(none.context)).toBe(false);
  });
});
