import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `zoomIn` action (renderer/src/sketch/actions/zoomIn). */
describe('the zoomIn action', () => {
  it('is + or = (Ctrl+plus stays the browser’s page zoom) and zooms by one step', () => {
    expect(nameFor(key('+'))).toBe('zoomIn');
    expect(nameFor(key('='))).toBe('zoomIn');
    expect(nameFor(key('+', { ctrlKey: true }))).toBeNull();
    const h = harness('zoomIn');
    h.action.perform(h.context, false);
    expect(h.calls).toEqual(['zoomBy:1.25']);
  });
});
