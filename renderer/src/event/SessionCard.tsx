import { useId, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Session } from '../../../shared/event/eventSnapshot.js';
import { SessionLinks } from './SessionLinks.js';

/** One session in the grid or in the list of proposals: draggable, movable by keyboard, with its links. */
export function SessionCard({
  doc,
  session,
  conflictMessages,
  dragging,
  onPointerDown,
  onMove,
}: {
  doc: Y.Doc;
  session: Session;
  /** Translated conflicts this session is part of. */
  conflictMessages: readonly string[];
  /** This card is the one being dragged. */
  dragging: boolean;
  /** Starts a drag; absent on a read-only plan. */
  onPointerDown: ((event: ReactPointerEvent<HTMLElement>) => void) | undefined;
  /** Starts moving this session with the keyboard; absent on a read-only plan (no move button). */
  onMove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const cancelled = session.status === 'cancelled';
  const classes = [
    'session-card',
    cancelled ? 'session-card--cancelled' : '',
    conflictMessages.length > 0 ? 'session-card--conflict' : '',
    dragging ? 'session-card--dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      data-session-id={session.id}
      onPointerDown={onPointerDown}
      aria-labelledby={titleId}
      role="group"
    >
      {onPointerDown && (
        <span
          className="session-card__grip"
          data-drag-handle
          aria-hidden="true"
          title={t('plan.session.dragHint')}
        />
      )}
      <h3 id={titleId} className="session-card__title" title={session.title}>
        {session.title.trim() || t('plan.session.untitled')}
      </h3>
      {(session.hosts.length > 0 || session.votes !== null) && (
        <p className="session-card__sub">
          {session.hosts.join(', ')}
          {session.hosts.length > 0 && session.votes !== null && ' · '}
          {session.votes !== null && (
            <span className="session-card__votes">{t('plan.votes.count', { count: session.votes })}</span>
          )}
        </p>
      )}
      {(cancelled || conflictMessages.length > 0) && (
        <p className="session-card__meta">
          {cancelled && <span className="badge badge--cancelled">{t('plan.status.cancelled')}</span>}
          {conflictMessages.length > 0 && (
            <span className="badge badge--conflict" title={conflictMessages.join('\n')}>
              <span aria-hidden="true">⚠ </span>
              {t('plan.grid.conflictBadge', { count: conflictMessages.length })}
              <span className="visually-hidden">: {conflictMessages.join(' ')}</span>
            </span>
          )}
        </p>
      )}
      <p className="session-card__actions">
        {onMove && (
          <button
            type="button"
            className="session-link session-link--button"
            data-move-button={session.id}
            aria-label={
              session.cell === null
                ? t('plan.move.scheduleFor', { title: session.title })
                : t('plan.move.startFor', { title: session.title })
            }
            onClick={onMove}
          >
            {session.cell === null ? t('plan.move.schedule') : t('plan.move.start')}
          </button>
        )}
        <SessionLinks doc={doc} session={session} compact readOnly={onMove === undefined} />
      </p>
    </div>
  );
}
