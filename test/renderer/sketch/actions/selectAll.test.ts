import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `selectAll` action (renderer/src/sketch/actions/selectAll). */
describe('the selectAll action', () => {
  it('is Ctrl+A', () => {
    expect(nameFor(key('a', { ctrlKey: true }))).toBe('selectAll');
    expect(nameFor(key('a'))).toBeNull();
    const h = harness('selectAll');
    expect(h.action.perform(h.context, false)).toBe(true);
    expect(h.calls).toEqual(['selectAll']);
  });
});
