import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { findConflicts } from '../../../shared/event/conflicts.js';
import type { EventSnapshot, Room, Session, Slot } from '../../../shared/event/eventSnapshot.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { useAnnounce } from './Announcer.js';
import { conflictsBySession, conflictText } from './conflictText.js';
import { fitLongWords } from './fitText.js';
import { formatDay } from './formatPlan.js';
import { dropSession, encodeDropTarget, swapPartner, type DropTarget } from './planActions.js';
import { buildGrid, cellKey, slotLabel, type GridCell } from './planGrid.js';
import { SessionCard } from './SessionCard.js';
import { SlotTime } from './SlotTime.js';
import { usePlanDrag } from './usePlanDrag.js';

/**
 * The session plan editor: one table per day (rooms as columns, time slots as rows), the sessions
 * without a place beside it, and the plan's conflicts. Sessions move by dragging (mouse, pen, finger)
 * or with the keyboard: "Move" on a card turns every cell into a button; arrow keys go from cell to
 * cell, Enter puts the session there, Escape cancels.
 */
export function PlanBoard({
  doc,
  snapshot,
  onOpenSetup,
}: {
  doc: Y.Doc;
  snapshot: EventSnapshot;
  /** Goes to the view where rooms and slots are set up. */
  onOpenSetup: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const announce = useAnnounce();
  const grid = useMemo(() => buildGrid(snapshot), [snapshot]);
  const conflicts = useMemo(() => findConflicts(snapshot), [snapshot]);
  const multiDay = grid.days.length > 1;
  const messagesBySession = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const [id, list] of conflictsBySession(conflicts)) {
      map.set(
        id,
        list.map((c) => conflictText(t, c, multiDay)),
      );
    }
    return map;
  }, [conflicts, t, multiDay]);
  const [moving, setMoving] = useState<string | null>(null);
  const focusAfter = useRef<{ selector: string } | null>(null);

  const placeName = useCallback(
    (target: DropTarget): string => {
      if (target.kind === 'unscheduled') {
        return t('plan.move.toUnscheduled');
      }
      const room = snapshot.rooms.find((r) => r.id === target.cell.roomId);
      const slot = snapshot.slots.find((s) => s.id === target.cell.slotId);
      return t('plan.move.place', {
        room: room?.name ?? '',
        time: slot
          ? `${multiDay ? `${formatDay(slot.start.slice(0, 10), language)}, ` : ''}${slotLabel(slot)}`
          : '',
      });
    },
    [snapshot, t, multiDay, language],
  );

  const drop = useCallback(
    (sessionId: string, target: DropTarget): void => {
      const session = snapshot.sessions.find((s) => s.id === sessionId);
      const result = dropSession(doc, snapshot.sessions, sessionId, target);
      const title = session?.title ?? '';
      switch (result.kind) {
        case 'moved':
          announce(t('plan.move.moved', { title, place: placeName(target) }));
          break;
        case 'swapped':
          announce(t('plan.move.swapped', { title, other: result.other.title, place: placeName(target) }));
          break;
        case 'unscheduled':
          announce(t('plan.move.unscheduled', { title }));
          break;
        case 'none':
          break;
      }
    },
    [doc, snapshot.sessions, announce, t, placeName],
  );

  const { drag, startDrag } = usePlanDrag(drop);

  // Long German words in narrow columns: shrink that title a little rather than break mid-word.
  const board = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const fit = (): void =>
      fitLongWords(board.current, '.session-card__title', {
        minScale: 0.7,
        breakClass: 'session-card__title--break',
      });
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [snapshot, moving, language]);

  // After a keyboard move, focus follows the session to its new place.
  useEffect(() => {
    const pending = focusAfter.current;
    if (pending) {
      focusAfter.current = null;
      document.querySelector<HTMLElement>(pending.selector)?.focus();
    }
  });

  const startMove = (session: Session): void => {
    setMoving(session.id);
    announce(t('plan.move.started', { title: session.title }));
    const start = session.cell
      ? `[data-move-target="${encodeDropTarget({ kind: 'cell', cell: session.cell })}"]`
      : '[data-move-target^="cell:"]';
    focusAfter.current = { selector: start };
  };

  const cancelMove = (): void => {
    if (moving !== null) {
      focusAfter.current = { selector: `[data-move-button="${moving}"]` };
    }
    setMoving(null);
    announce(t('plan.move.cancelled'));
  };

  const finishMove = (target: DropTarget): void => {
    if (moving === null) {
      return;
    }
    const id = moving;
    setMoving(null);
    drop(id, target);
    focusAfter.current = { selector: `[data-move-button="${id}"]` };
  };

  // Arrow keys walk the move targets as a grid: rows are slots (across days), columns are rooms.
  const onGridKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (moving === null) {
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      cancelMove();
      return;
    }
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-move-target]');
    const row = Number(current?.dataset['row']);
    const col = Number(current?.dataset['col']);
    if (!current || Number.isNaN(row) || Number.isNaN(col)) {
      return;
    }
    const step: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const delta = step[event.key];
    if (!delta) {
      return;
    }
    event.preventDefault();
    const next = document.querySelector<HTMLElement>(
      `[data-move-target][data-row="${row + delta[0]}"][data-col="${col + delta[1]}"]`,
    );
    next?.focus();
  };

  if (snapshot.rooms.length === 0 || snapshot.slots.length === 0) {
    return (
      <section className="panel" aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t('plan.grid.heading')}</h2>
        <p>{t('plan.grid.empty')}</p>
        <p>
          <button type="button" className="button button--quiet" onClick={onOpenSetup}>
            {t('plan.grid.toSetup')}
          </button>
        </p>
        {snapshot.sessions.length > 0 && (
          <p className="muted">{t('plan.grid.proposalsWaiting', { count: snapshot.sessions.length })}</p>
        )}
      </section>
    );
  }

  const movingSession = moving === null ? undefined : snapshot.sessions.find((s) => s.id === moving);
  let rowIndex = 0;

  const renderCards = (sessions: readonly Session[]) =>
    sessions.map((session) => (
      <SessionCard
        key={session.id}
        doc={doc}
        session={session}
        conflictMessages={messagesBySession.get(session.id) ?? []}
        dragging={drag?.sessionId === session.id}
        onPointerDown={(event) => startDrag(event, session.id, session.title)}
        onMove={() => startMove(session)}
      />
    ));

  const moveTarget = (cell: GridCell, row: number, col: number) => {
    if (!movingSession) {
      return null;
    }
    const target: DropTarget = { kind: 'cell', cell: { roomId: cell.room.id, slotId: cell.slot.id } };
    const here = movingSession.cell !== null && cellKey(movingSession.cell) === cellKey(target.cell);
    const partner = swapPartner(snapshot.sessions, movingSession.id, target);
    const place = placeName(target);
    const label = here
      ? t('plan.move.stayLabel', { place })
      : partner
        ? t('plan.move.swapLabel', { title: movingSession.title, other: partner.title, place })
        : t('plan.move.toLabel', { title: movingSession.title, place });
    return (
      <button
        type="button"
        className={`move-target${here ? ' move-target--here' : ''}`}
        data-move-target={encodeDropTarget(target)}
        data-row={row}
        data-col={col}
        aria-label={label}
        onClick={() => (here ? cancelMove() : finishMove(target))}
      >
        {here ? t('plan.move.here') : partner ? t('plan.move.swap') : t('plan.move.put')}
      </button>
    );
  };

  const cellClass = (cell: GridCell): string => {
    const target = encodeDropTarget({ kind: 'cell', cell: { roomId: cell.room.id, slotId: cell.slot.id } });
    return [
      'plan-cell',
      cell.sessions.length === 0 ? 'plan-cell--empty' : '',
      cell.sessions.length > 1 || cell.sessions.some((s) => messagesBySession.has(s.id))
        ? 'plan-cell--conflict'
        : '',
      drag?.over === target ? 'plan-cell--over' : '',
    ]
      .filter(Boolean)
      .join(' ');
  };

  const roomHeader = (room: Room) => (
    <th scope="col" key={room.id} className="plan-grid__room">
      <span className="plan-grid__room-name">{room.name}</span>
      {room.capacity !== null && (
        <span className="plan-grid__capacity">{t('plan.rooms.seats', { count: room.capacity })}</span>
      )}
    </th>
  );

  const slotHeader = (slot: Slot) => (
    <th scope="row" className="plan-grid__slot">
      <SlotTime slot={slot} />
    </th>
  );

  return (
    <div className={`plan-board${moving !== null ? ' plan-board--moving' : ''}`} ref={board}>
      <section className="plan-board__grid" aria-labelledby="plan-heading" onKeyDown={onGridKeyDown}>
        <div className="plan-board__heading">
          <h2 id="plan-heading">{t('plan.grid.heading')}</h2>
          <p className="muted plan-board__summary">
            {t('plan.grid.summary', { placed: grid.placedCount, unscheduled: grid.unscheduled.length })}
          </p>
        </div>
        <details className="hint plan-board__hint">
          <summary>{t('plan.grid.hintSummary')}</summary>
          <p>{t('plan.grid.hint')}</p>
        </details>
        {movingSession && (
          <div className="move-banner" role="region" aria-label={t('plan.move.bannerLabel')}>
            <p>{t('plan.move.banner', { title: movingSession.title })}</p>
            <button type="button" className="button button--quiet" onClick={cancelMove}>
              {t('plan.move.cancel')}
            </button>
          </div>
        )}
        {grid.days.map((day) => (
          <div className="plan-grid-scroll" key={day.day}>
            {/* Narrower columns than this would break every title; the grid scrolls sideways instead. */}
            <table
              className="plan-grid"
              data-testid="plan-grid"
              style={{ minWidth: `calc(4.75rem + ${grid.rooms.length} * 9rem)` }}
            >
              <caption>{formatDay(day.day, language)}</caption>
              <thead>
                <tr>
                  <th scope="col" className="plan-grid__corner">
                    {t('plan.grid.time')}
                  </th>
                  {grid.rooms.map(roomHeader)}
                </tr>
              </thead>
              <tbody>
                {day.rows.length === 0 && (
                  <tr>
                    <td colSpan={grid.rooms.length + 1} className="muted">
                      {t('plan.grid.noSlotsThisDay')}
                    </td>
                  </tr>
                )}
                {day.rows.map((row) => {
                  const r = rowIndex++;
                  return (
                    <tr key={row.slot.id}>
                      {slotHeader(row.slot)}
                      {row.cells.map((cell, c) => (
                        <td
                          key={cell.room.id}
                          className={cellClass(cell)}
                          data-drop={encodeDropTarget({
                            kind: 'cell',
                            cell: { roomId: cell.room.id, slotId: cell.slot.id },
                          })}
                        >
                          {renderCards(cell.sessions)}
                          {moveTarget(cell, r, c)}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <aside className="plan-board__side" aria-label={t('plan.grid.sideLabel')}>
        <section
          className={`unscheduled${drag?.over === 'unscheduled' ? ' unscheduled--over' : ''}`}
          aria-labelledby="unscheduled-heading"
          data-drop="unscheduled"
          data-testid="unscheduled"
        >
          <h2 id="unscheduled-heading">
            {t('plan.grid.unscheduledHeading', { count: grid.unscheduled.length })}
          </h2>
          {grid.unscheduled.length === 0 ? (
            <p className="muted">{t('plan.grid.unscheduledEmpty')}</p>
          ) : (
            <div className="unscheduled__list">{renderCards(grid.unscheduled)}</div>
          )}
          {movingSession && movingSession.cell !== null && (
            <button
              type="button"
              className="move-target move-target--wide"
              data-move-target="unscheduled"
              onClick={() => finishMove({ kind: 'unscheduled' })}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  cancelMove();
                }
              }}
            >
              {t('plan.move.toUnscheduledButton', { title: movingSession.title })}
            </button>
          )}
        </section>
        <section className="conflicts" aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">{t('plan.conflict.heading', { count: conflicts.length })}</h2>
          {conflicts.length === 0 ? (
            <p className="muted">{t('plan.conflict.none')}</p>
          ) : (
            <ul className="conflicts__list">
              {conflicts.map((conflict) => (
                <li key={`${conflict.kind}:${conflict.sessionIds.join(',')}`} className="conflicts__item">
                  <span className="conflicts__kind">{t(`plan.conflict.kind.${conflict.kind}`)}</span>{' '}
                  {conflictText(t, conflict, multiDay)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>
      {drag && (
        <div className="drag-ghost" style={{ left: drag.x, top: drag.y }} aria-hidden="true">
          {drag.title}
        </div>
      )}
    </div>
  );
}
