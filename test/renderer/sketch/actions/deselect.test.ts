import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `deselect` action (renderer/src/sketch/actions/deselect). */
describe('the deselect action', () => {
  it('is Escape, and leaves Escape alone with nothing selected', () => {
    expect(nameFor(key('Escape'))).toBe('deselect');
    const h = harness('deselect', { selected: 1 });
    expect(h.action.perform(h.context, false)).toBe(true);
    expect(h.calls).toEqual(['clearSelection']);
    expect(h.action.perform(h.context, false)).toBe(false);
  });
});
