import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `help` action (renderer/src/sketch/actions/help). */
describe('the help action', () => {
  it('is ? (with or without Shift, as layouts type it) and opens the list once per press', () => {
    expect(nameFor(key('?', { shiftKey: true }))).toBe('help');
    expect(nameFor(key('?'))).toBe('help');
    const h = harness('help');
    h.action.perform(h.context, false);
    h.action.perform(h.context, true);
    expect(h.calls).toEqual(['help']);
  });
});
