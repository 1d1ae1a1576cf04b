import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { adjustVotes, setVotes } from '../../../shared/event/eventChanges.js';
import type { Session } from '../../../shared/event/eventSnapshot.js';
import { useAnnounce } from './Announcer.js';
import { usePlanHistory } from './PlanHistoryProvider.js';
import { typedCount, voteKeyAction } from './voteKeys.js';

/**
 * The hand count of one proposal, made for the session pitch: large − and + buttons for pointer and
 * touch, and a spin button for the keyboard (+/− or arrow keys count by one, Page Up/Down by five,
 * Home resets, typed digits set the number, Enter goes on to the next proposal). Every change is
 * announced to screen readers.
 */
export function VoteCounter({ doc, session, hintId }: { doc: Y.Doc; session: Session; hintId?: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { record } = usePlanHistory();
  const typed = useRef<{ value: number; at: number } | null>(null);
  const votes = session.votes ?? 0;

  const say = (count: number): void => announce(t('plan.votes.announce', { title: session.title, count }));

  const add = (delta: number): void => {
    typed.current = null;
    const next = Math.max(0, votes + delta);
    if (
      record({ kind: 'votes', sessionId: session.id, title: session.title, votes: next }, () =>
        adjustVotes(doc, session.id, delta),
      )
    ) {
      say(next);
    }
  };

  const set = (value: number): void => {
    if (
      record({ kind: 'votes', sessionId: session.id, title: session.title, votes: value }, () =>
        setVotes(doc, session.id, value),
      )
    ) {
      say(value);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === 'Enter') {
      // On to the next proposal (Shift: the one before), so a pitch is counted without leaving the keys.
      event.preventDefault();
      typed.current = null;
      const counters = [...document.querySelectorAll<HTMLElement>('[data-vote-counter]')];
      const here = counters.indexOf(event.currentTarget);
      counters[here + (event.shiftKey ? -1 : 1)]?.focus();
      return;
    }
    const action = voteKeyAction(event.key);
    if (!action) {
      return;
    }
    event.preventDefault();
    switch (action.kind) {
      case 'add':
        add(action.delta);
        break;
      case 'set':
        typed.current = null;
        set(action.value);
        break;
      case 'digit': {
        const now = Date.now();
        const value = typedCount(typed.current, action.digit, now);
        typed.current = { value, at: now };
        set(value);
        break;
      }
    }
  };

  return (
    <div className="vote-counter">
      {/* Out of the tab order: the spin button does the same from the keyboard, and Tab then goes row by row. */}
      <button
        type="button"
        className="vote-counter__step"
        tabIndex={-1}
        aria-label={t('plan.votes.less', { title: session.title })}
        onClick={() => add(-1)}
      >
        −
      </button>
      <div
        role="spinbutton"
        tabIndex={0}
        className="vote-counter__value"
        aria-label={t('plan.votes.label', { title: session.title })}
        aria-valuenow={votes}
        aria-valuemin={0}
        aria-valuetext={
          session.votes === null ? t('plan.votes.notCounted') : t('plan.votes.count', { count: votes })
        }
        aria-describedby={hintId}
        data-session-id={session.id}
        data-vote-counter=""
        onKeyDown={onKeyDown}
        onBlur={() => {
          typed.current = null;
        }}
      >
        {session.votes === null ? '–' : session.votes}
      </div>
      <button
        type="button"
        className="vote-counter__step"
        tabIndex={-1}
        aria-label={t('plan.votes.more', { title: session.title })}
        onClick={() => add(1)}
      >
        +
      </button>
    </div>
  );
}
