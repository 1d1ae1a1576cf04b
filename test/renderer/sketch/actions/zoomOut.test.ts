import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `zoomOut` action (renderer/src/sketch/actions/zoomOut). */
describe('the zoomOut action', () => {
  it('is - and zooms out by one step', () => {
    expect(nameFor(key('-'))).toBe('zoomOut');
    expect(nameFor(key('_', { shiftKey: true }))).toBe('zoomOut');
    const h = harness('zoomOut');
    h.action.perform(h.context, false);
    expect(h.calls).toEqual(['zoomBy:0.8']);
  });
});
