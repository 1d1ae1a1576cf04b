import { describe, expect, it } from 'vitest';
import { harness, key, nameFor } from './actionHarness.js';

/** The `delete` action (renderer/src/sketch/actions/delete). */
describe('the delete action', () => {
  it('is Delete or Backspace and deletes only a selection', () => {
    expect(nameFor(key('Delete'))).toBe('delete');
    expect(nameFor(key('Backspace'))).toBe('delete');
    expect(nameFor(key('Delete', { shiftKey: true }))).toBeNull();
    const h = harness('delete', { selected: 2 });
    expect(h.action.perform(h.context, false)).toBe(true);
    expect(h.calls).toEqual(['deleteSelection']);
    // Now nothing is selected: Backspace goes back to the browser.
    expect(h.action.perform(h.context, false)).toBe(false);
  });
});
