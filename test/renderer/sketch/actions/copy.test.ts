import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `copy` action (renderer/src/sketch/actions/copy). */
describe('the copy action', () => {
  it('is Ctrl+C; copies the selection, and leaves the key to the browser with nothing selected', () => {
    expect(nameFor(key('c', { ctrlKey: true }))).toBe('copy');
    expect(nameFor(key('c'))).toBeNull();
    const some = harness('copy', { selected: 2 });
    expect(some.action.enabled(some.context)).toBe(true);
    expect(some.action.perform(some.context, false)).toBe(true);
    expect(some.calls).toEqual(['copy']);
    const none = harness('copy');
    expect(none.action.enabled(none.context)).toBe(false);
    expect(none.action.perform(none.context, false)).toBe(false);
    // A held key copies once.
    expect(some.action.perform(some.context, true)).toBe(false);
  });
});
