import { describe, expect, it } from 'vitest';
import { keyboardInset } from '../../../renderer/src/pad/keyboardInset.js';
import { compactTools } from '../../../renderer/src/pad/PadToolbar.js';

describe('the keyboard inset of the phone pad', () => {
  it('is what the on-screen keyboard covers of the layout viewport', () => {
    // 844 px tall, a 336 px keyboard: the visual viewport shows 508 px from the top.
    expect(keyboardInset(844, 508, 0)).toBe(336);
    // Scrolled inside the visual viewport: the part above the keyboard starts lower.
    expect(keyboardInset(844, 508, 120)).toBe(216);
  });

  it('is 0 without a keyboard, when zoomed in, and for nonsense', () => {
    expect(keyboardInset(844, 844, 0)).toBe(0);
    expect(keyboardInset(844, 900, 0)).toBe(0);
    expect(keyboardInset(844, 400, 500)).toBe(0);
    expect(keyboardInset(Number.NaN, 400, 0)).toBe(0);
  });
});

describe('the compact toolbar', () => {
  it('shows the most used marks and lists in its row and every other tool behind "Mehr"', () => {
    const { row, more } = compactTools();
    expect(row).toEqual(['bold', 'italic', 'h2', 'bulletList', 'taskList', 'link', 'undo', 'redo']);
    expect(more).toEqual([
      'underline',
      'strike',
      'code',
      'h1',
      'h3',
      'orderedList',
      'blockquote',
      'codeBlock',
    ]);
    expect(new Set([...row, ...more]).size).toBe(row.length + more.length);
  });
});
