import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `cut` action (renderer/src/sketch/actions/cut). */
describe('the cut action', () => {
  it('is Ctrl+X and cuts only a selection', () => {
    expect(nameFor(key('x', { ctrlKey: true }))).toBe('cut');
    const some = harness('cut', { selected: 1 });
    expect(some.action.perform(some.context, false)).toBe(true);
    expect(some.calls).toEqual(['cut']);
    const none = harness('cut');
    expect(none.action.enabled(none.context)).toBe(false);
    expect(none.action.perform(none.context, false)).toBe(false);
  });
});
