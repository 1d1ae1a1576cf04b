import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { decodeDropTarget, type DropTarget } from './planActions.js';

/**
 * Drag and drop of session cards with pointer events, so it works the same with a mouse, a pen and
 * a finger (HTML5 drag and drop does not fire for touch in most browsers). A drag starts after the
 * pointer moved a few pixels with the button held; the element under the pointer with a `data-drop`
 * attribute is the target. Escape cancels. The keyboard has its own path (move mode in PlanBoard).
 *
 * With a finger only the grip starts a drag, so the page still scrolls when swiping over cards.
 */

/** A drag in progress, for rendering the floating card and the highlighted target. */
export interface DragState {
  sessionId: string;
  title: string;
  x: number;
  y: number;
  /** The `data-drop` value under the pointer, or null. */
  over: string | null;
}

const THRESHOLD_PX = 5;
const EDGE_PX = 48;
const SCROLL_STEP_PX = 18;

function targetAt(x: number, y: number): string | null {
  const element = document.elementFromPoint(x, y)?.closest('[data-drop]');
  const value = element?.getAttribute('data-drop') ?? null;
  return decodeDropTarget(value) === null ? null : value;
}

/** Pointer handlers for cards, the drag in progress, and a drop callback. */
export function usePlanDrag(onDrop: (sessionId: string, target: DropTarget) => void): {
  drag: DragState | null;
  startDrag: (event: ReactPointerEvent<HTMLElement>, sessionId: string, title: string) => void;
} {
  const [drag, setDrag] = useState<DragState | null>(null);
  const cleanup = useRef<(() => void) | null>(null);
  const dropRef = useRef(onDrop);
  useEffect(() => {
    dropRef.current = onDrop;
  }, [onDrop]);
  useEffect(() => () => cleanup.current?.(), []);

  const startDrag = useCallback((event: ReactPointerEvent<HTMLElement>, sessionId: string, title: string) => {
    if (event.button !== 0 || cleanup.current !== null) {
      return;
    }
    const origin = event.target as Element;
    const onGrip = origin.closest('[data-drag-handle]') !== null;
    if (!onGrip && (event.pointerType === 'touch' || origin.closest('a, button, input, select, textarea'))) {
      return;
    }
    const pointerId = event.pointerId;
    const startX = event.clientX;
    const startY = event.clientY;
    let started = false;
    let over: string | null = null;

    const move = (e: PointerEvent): void => {
      if (e.pointerId !== pointerId) {
        return;
      }
      if (!started) {
        if (Math.hypot(e.clientX - startX, e.clientY - startY) < THRESHOLD_PX) {
          return;
        }
        started = true;
        document.body.classList.add('is-dragging-session');
      }
      e.preventDefault();
      over = targetAt(e.clientX, e.clientY);
      setDrag({ sessionId, title, x: e.clientX, y: e.clientY, over });
      if (e.clientY < EDGE_PX) {
        window.scrollBy(0, -SCROLL_STEP_PX);
      } else if (e.clientY > window.innerHeight - EDGE_PX) {
        window.scrollBy(0, SCROLL_STEP_PX);
      }
    };
    const finish = (drop: boolean, x?: number, y?: number): void => {
      cleanup.current?.();
      if (drop && started && x !== undefined && y !== undefined) {
        const target = decodeDropTarget(targetAt(x, y) ?? over);
        if (target) {
          dropRef.current(sessionId, target);
        }
      }
    };
    const up = (e: PointerEvent): void => {
      if (e.pointerId === pointerId) {
        finish(true, e.clientX, e.clientY);
      }
    };
    const cancel = (e: PointerEvent): void => {
      if (e.pointerId === pointerId) {
        finish(false);
      }
    };
    const key = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault();
        finish(false);
      }
    };
    // A click that ends a drag must not also follow a link under the pointer.
    const swallowClick = (e: MouseEvent): void => {
      if (started) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('pointermove', move, { passive: false });
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    window.addEventListener('keydown', key);
    cleanup.current = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      window.removeEventListener('keydown', key);
      document.body.classList.remove('is-dragging-session');
      if (started) {
        window.addEventListener('click', swallowClick, { capture: true, once: true });
        setTimeout(() => window.removeEventListener('click', swallowClick, { capture: true }), 0);
      }
      cleanup.current = null;
      setDrag(null);
    };
  }, []);

  return { drag, startDrag };
}
