import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `ungroup` action (renderer/src/sketch/actions/ungroup). */
describe('the ungroup action', () => {
  it('is Ctrl+Shift+G, for a group', () => {
    expect(nameFor(key('G', { ctrlKey: true, shiftKey: true }))).toBe('ungroup');
    const loose = harness('ungroup', { selected: 2 });
    expect(loose.action.enabled(loose.context)).toBe(false);
    const group = harness('ungroup', { selected: 2, grouped: true });
    expect(group.action.enabled(group.context)).toBe(true);
    group.action.perform(group.context, false);
    expect(group.calls).toEqual(['ungroupSelection']);
  });
});
