import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `paste` action (renderer/src/sketch/actions/paste). */
describe('the paste action', () => {
  it('is Ctrl+V; from the key it waits for the browser’s paste event (not prevented)', () => {
    expect(nameFor(key('v', { metaKey: true }))).toBe('paste');
    expect(nameFor(key('V', { ctrlKey: true, shiftKey: true }))).toBeNull();
    const h = harness('paste');
    expect(h.action.perform(h.context, false)).toBe(false);
    expect(h.action.perform(h.context, true)).toBe(false);
    expect(h.calls).toEqual(['paste:key']);
  });
});
