import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `fit` action (renderer/src/sketch/actions/fit). */
describe('the fit action', () => {
  it('is 0 or Shift+1 on any layout, not Ctrl+0', () => {
    expect(nameFor(key('0'))).toBe('fit');
    expect(nameFor(key('!', { shiftKey: true, code: 'Digit1' }))).toBe('fit');
    // A layout where Shift+1 types another character.
    expect(nameFor(key('¡', { shiftKey: true, code: 'Digit1' }))).toBe('fit');
    expect(nameFor(key('0', { ctrlKey: true }))).toBeNull();
    expect(nameFor(key('=', { shiftKey: true, code: 'Digit0' }))).toBe('zoomIn');
    const h = harness('fit');
    h.action.perform(h.context, false);
    expect(h.calls).toEqual(['fit']);
  });
});
