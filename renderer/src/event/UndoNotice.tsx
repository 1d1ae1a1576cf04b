import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell } from '../../../shared/event/eventLayout.js';
import type { EventSnapshot } from '../../../shared/event/eventSnapshot.js';
import type { PlanChange } from '../../../shared/event/planHistory.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { formatShortDay } from './formatPlan.js';
import { slotLabel } from './planGrid.js';
import { usePlanHistory, type PlanNotice } from './PlanHistoryProvider.js';

/** A place in the plan as people say it: "Saal, 10:00–10:45" (with the day if the event has several). */
export function usePlaceName(
  snapshot: Pick<EventSnapshot, 'rooms' | 'slots'>,
): (cell: Cell | null) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  const multiDay = new Set(snapshot.slots.map((s) => s.start.slice(0, 10))).size > 1;
  return (cell) => {
    if (cell === null) {
      return t('planHistory.proposals');
    }
    const room = snapshot.rooms.find((r) => r.id === cell.roomId)?.name ?? '?';
    const slot = snapshot.slots.find((s) => s.id === cell.slotId);
    if (!slot) {
      return room;
    }
    const day = multiDay ? `${formatShortDay(slot.start.slice(0, 10), language)}, ` : '';
    return `${room}, ${day}${slotLabel(slot)}`;
  };
}

/** A plan change in words: "Verschoben: „X“ nach Saal, 10:00–10:45". */
function usePlanChangeText(placeName: (cell: Cell | null) => string): (change: PlanChange) => string {
  const { t } = useTranslation();
  return (change) => {
    switch (change.kind) {
      case 'moved':
        return t('planHistory.moved', { title: change.title, place: placeName(change.to) });
      case 'swapped':
        return t('planHistory.swapped', {
          title: change.title,
          place: placeName(change.to),
          other: change.otherTitle,
          otherPlace: placeName(change.otherTo),
        });
      case 'unscheduled':
        return t('planHistory.unscheduled', { title: change.title });
      case 'deleted':
        return t('planHistory.deleted', { title: change.title });
      case 'cancelled':
        return change.cancelled
          ? t('planHistory.cancelled', { title: change.title })
          : t('planHistory.reinstated', { title: change.title });
      case 'votes':
        return t('planHistory.votes', { title: change.title, count: change.votes ?? 0 });
      case 'fixed':
        return t('planHistory.fixed', { title: change.title });
    }
  };
}

function isTextField(target: EventTarget | null): boolean {
  const element = target instanceof HTMLElement ? target : null;
  return (
    element !== null &&
    (element.isContentEditable ||
      element.closest('input, textarea, select, [contenteditable="true"]') !== null)
  );
}

/**
 * The visible notice of the last plan change with its undo (and redo) button, and Ctrl+Z / Ctrl+Y
 * (Cmd on a Mac; Ctrl+Shift+Z too) anywhere in the plan outside text fields, where the browser's
 * own text undo stays in charge. The notice is a polite live region, so screen readers hear it.
 */
export function UndoNotice({ snapshot }: { snapshot: Pick<EventSnapshot, 'rooms' | 'slots'> }) {
  const { t } = useTranslation();
  const placeName = usePlaceName(snapshot);
  const { state, notice, undo, redo, dismiss } = usePlanHistory();
  const describe = usePlanChangeText(placeName);
  const keys = useRef({ undo, redo });
  useEffect(() => {
    keys.current = { undo, redo };
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) {
        return;
      }
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        keys.current.undo();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        keys.current.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const text = (shown: PlanNotice): string => {
    const what = describe(shown.change);
    return shown.how === 'done' ? what : t(`planHistory.${shown.how}`, { what });
  };

  return (
    <div className="undo-notice" role="status" aria-live="polite" data-testid="undo-notice">
      {notice !== null && (
        <div className="undo-notice__box" key={notice.n}>
          <p className="undo-notice__text">{text(notice)}</p>
          <div className="undo-notice__actions">
            {state.canUndo && (
              <button type="button" className="button button--primary" onClick={() => undo()}>
                {t('planHistory.undo')}
              </button>
            )}
            {state.canRedo && (
              <button type="button" className="button button--quiet" onClick={() => redo()}>
                {t('planHistory.redo')}
              </button>
            )}
            <button
              type="button"
              className="button button--quiet undo-notice__close"
              aria-label={t('planHistory.dismiss')}
              onClick={dismiss}
            >
              ×
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
