import { useLayoutEffect, useRef } from 'react';

/** Never smaller than this share of the designed size: below it, text no longer reads from the back. */
const MIN_WALL_SCALE = 0.55;
const STEP = 0.05;

/**
 * Keeps the wall inside the screen without scrolling: after each change (and on resize) the
 * content is shown at full size, and if it is taller or wider than the window it is zoomed out in
 * small steps until it fits (CSS `zoom`, so type, gaps and cards shrink together). A projector at
 * 1280x720 and a screen at 1920x1080 both show the whole "Jetzt" and "Als Nächstes".
 */
export function useFitToScreen<T extends HTMLElement>(deps: readonly unknown[]) {
  const element = useRef<T>(null);
  useLayoutEffect(() => {
    const fit = (): void => {
      const target = element.current;
      if (!target) {
        return;
      }
      const root = document.documentElement;
      let scale = 1;
      target.style.setProperty('zoom', '1');
      const overflows = (): boolean =>
        root.scrollHeight > window.innerHeight + 1 || root.scrollWidth > window.innerWidth + 1;
      while (overflows() && scale - STEP >= MIN_WALL_SCALE - 1e-9) {
        scale -= STEP;
        target.style.setProperty('zoom', scale.toFixed(2));
      }
      target.dataset['scale'] = scale.toFixed(2);
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what changes the content
  }, deps);
  return element;
}
