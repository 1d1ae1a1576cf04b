import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * How far the on-screen keyboard (or any browser bar) covers the bottom of the layout viewport, in
 * CSS pixels: the layout height minus what the visual viewport shows below its top. Never negative
 * (pinch zoom can make the visual viewport report more than the layout height).
 */
export function keyboardInset(layoutHeight: number, visualHeight: number, visualOffsetTop: number): number {
  const inset = layoutHeight - visualHeight - visualOffsetTop;
  return Number.isFinite(inset) && inset > 0 ? Math.round(inset) : 0;
}

/**
 * The current keyboard inset from `window.visualViewport` (0 where the browser has none), so a bar
 * fixed to the bottom can sit just above the keyboard instead of behind it.
 */
export function useKeyboardInset(): number {
  const [inset, setInset] = useState(0);
  useEffect(() => {
    const viewport = window.visualViewport;
    if (!viewport) {
      return undefined;
    }
    const update = (): void =>
      setInset(keyboardInset(window.innerHeight, viewport.height, viewport.offsetTop));
    update();
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    return () => {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
    };
  }, []);
  return inset;
}

/** The width below which the pad uses its phone layout (matches the `40rem` queries in pad.css). */
const PHONE_QUERY = '(max-width: 40rem)';

/** Whether the pad is shown on a phone-sized screen (follows rotation and window resizing). */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(PHONE_QUERY);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}
