import { describe, expect, it } from 'vitest';
import { nextToolbarIndex } from '../../../renderer/src/components/useRovingToolbar.js';

describe('nextToolbarIndex', () => {
  it('moves with the arrows and wraps around at both ends', () => {
    expect(nextToolbarIndex('ArrowRight', 0, 3)).toBe(1);
    expect(nextToolbarIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextToolbarIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextToolbarIndex('ArrowLeft', 2, 3)).toBe(1);
  });

  it('jumps with Home and End', () => {
    expect(nextToolbarIndex('Home', 2, 5)).toBe(0);
    expect(nextToolbarIndex('End', 0, 5)).toBe(4);
  });

  it('moves with Up and Down only in a toolbar that wraps onto rows', () => {
    expect(nextToolbarIndex('ArrowDown', 1, 3)).toBeNull();
    expect(nextToolbarIndex('ArrowDown', 1, 3, true)).toBe(2);
    expect(nextToolbarIndex('ArrowUp', 0, 3, true)).toBe(2);
  });

  it('leaves other keys and empty toolbars alone', () => {
    expect(nextToolbarIndex('Enter', 1, 3)).toBeNull();
    expect(nextToolbarIndex('ArrowRight', 0, 0)).toBeNull();
  });
});
