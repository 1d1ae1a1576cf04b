import { useRef, useState, type KeyboardEvent } from 'react';

/**
 * The index a key moves a toolbar's focus to (WAI-ARIA toolbar pattern: arrows wrap around, Home
 * and End jump), or null for keys the toolbar leaves alone. `vertical` keys (Up/Down) move too
 * when the toolbar wraps onto several rows.
 */
export function nextToolbarIndex(
  key: string,
  current: number,
  count: number,
  vertical = false,
): number | null {
  const last = count - 1;
  if (count <= 0) {
    return null;
  }
  if (key === 'ArrowRight' || (vertical && key === 'ArrowDown')) {
    return current >= last ? 0 : current + 1;
  }
  if (key === 'ArrowLeft' || (vertical && key === 'ArrowUp')) {
    return current <= 0 ? last : current - 1;
  }
  if (key === 'Home') {
    return 0;
  }
  if (key === 'End') {
    return last;
  }
  return null;
}

/** One tab stop for a toolbar of `count` buttons, moved by arrow keys (roving tabindex). */
export function useRovingToolbar(count: number, options: { initial?: number; vertical?: boolean } = {}) {
  const [focusIndex, setFocusIndex] = useState(() => Math.max(0, options.initial ?? 0));
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  /** Props for the button at `index`: its ref, tab stop and focus tracking. */
  const buttonProps = (index: number) => ({
    ref: (el: HTMLButtonElement | null) => {
      buttons.current[index] = el;
    },
    tabIndex: index === focusIndex ? 0 : -1,
    onFocus: () => setFocusIndex(index),
  });

  /** The toolbar's keydown handler. */
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const next = nextToolbarIndex(event.key, focusIndex, count, options.vertical);
    if (next === null) {
      return;
    }
    event.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return { buttonProps, onKeyDown };
}
