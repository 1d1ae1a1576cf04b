import { describe, expect, it } from 'vitest';
import { nextGridPosition } from '../../../renderer/src/event/gridNavigation.js';
import { unreadCount } from '../../../renderer/src/pad/chatUnread.js';

describe('plan grid keys (WAI-ARIA grid)', () => {
  const size = { rows: 5, cols: 4 };
  it('moves by arrows without wrapping, Home/End in the row, Ctrl+Home/End in the grid, pages by three', () => {
    expect(nextGridPosition('ArrowRight', { row: 1, col: 1 }, size)).toEqual({ row: 1, col: 2 });
    expect(nextGridPosition('ArrowRight', { row: 1, col: 3 }, size)).toEqual({ row: 1, col: 3 });
    expect(nextGridPosition('ArrowLeft', { row: 1, col: 0 }, size)).toEqual({ row: 1, col: 0 });
    expect(nextGridPosition('ArrowDown', { row: 4, col: 2 }, size)).toEqual({ row: 4, col: 2 });
    expect(nextGridPosition('ArrowUp', { row: 2, col: 2 }, size)).toEqual({ row: 1, col: 2 });
    expect(nextGridPosition('Home', { row: 2, col: 2 }, size)).toEqual({ row: 2, col: 0 });
    expect(nextGridPosition('End', { row: 2, col: 0 }, size)).toEqual({ row: 2, col: 3 });
    expect(nextGridPosition('Home', { row: 2, col: 2 }, size, true)).toEqual({ row: 0, col: 0 });
    expect(nextGridPosition('End', { row: 2, col: 0 }, size, true)).toEqual({ row: 4, col: 3 });
    expect(nextGridPosition('PageDown', { row: 3, col: 1 }, size)).toEqual({ row: 4, col: 1 });
    expect(nextGridPosition('PageUp', { row: 3, col: 1 }, size)).toEqual({ row: 0, col: 1 });
    expect(nextGridPosition('a', { row: 3, col: 1 }, size)).toBeNull();
    expect(nextGridPosition('ArrowUp', { row: 0, col: 0 }, { rows: 0, cols: 0 })).toBeNull();
  });
});

describe('chat unread badge', () => {
  const m = (author: string, text: string) => ({ author, text, time: 1 });
  it('counts others’ messages after the last one seen', () => {
    const messages = [m('a', '1'), m('me', '2'), m('b', '3'), m('me', '4'), m('a', '5')];
    expect(unreadCount(messages, 0, 'me')).toBe(3);
    expect(unreadCount(messages, 3, 'me')).toBe(1);
    expect(unreadCount(messages, 5, 'me')).toBe(0);
    expect(unreadCount(messages, 9, 'me')).toBe(0);
    expect(unreadCount(messages, -2, 'me')).toBe(3);
  });
});
