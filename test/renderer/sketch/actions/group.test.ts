import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `group` action (renderer/src/sketch/actions/group). */
describe('the group action', () => {
  it('is Ctrl+G, for two or more items that are not one group yet', () => {
    expect(nameFor(key('g', { ctrlKey: true }))).toBe('group');
    const one = harness('group', { selected: 1 });
    expect(one.action.enabled(one.context)).toBe(false);
    const grouped = harness('group', { selected: 3, grouped: true });
    expect(grouped.action.enabled(grouped.context)).toBe(false);
    const two = harness('group', { selected: 2 });
    expect(two.action.enabled(two.context)).toBe(true);
    two.action.perform(two.context, false);
    two.action.perform(two.context, true);
    expect(two.calls).toEqual(['groupSelection']);
  });
});
