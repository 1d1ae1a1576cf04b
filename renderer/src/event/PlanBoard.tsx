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
import { suggestFixes, type ConflictFix } from '../../../shared/event/conflictFixes.js';
import { findConflicts, type PlanConflict } from '../../../shared/event/conflicts.js';
import { moveSession, swapSessions } from '../../../shared/event/eventChanges.js';
import { applyDrop, changeOfOutcome, dropOutcome, type DropOutcome } from '../../../shared/event/planDrop.js';
import type { EventSnapshot, Room, Session, Slot } from '../../../shared/event/eventSnapshot.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { useAnnounce } from './Announcer.js';
import { conflictsBySession, conflictText } from './conflictText.js';
import { fitLongWords } from './fitText.js';
import { formatDay } from './formatPlan.js';
import { decodeDropTarget, encodeDropTarget, swapPartner, type DropTarget } from './planActions.js';
import { buildGrid, cellKey, slotLabel, type GridCell } from './planGrid.js';
import { usePlanHistory } from './PlanHistoryProvider.js';
import { SessionCard } from './SessionCard.js';
import { SlotTime } from './SlotTime.js';
import { useGridNavigation } from './useGridNavigation.js';
import { usePlanDrag } from './usePlanDrag.js';
import { usePlaceName } from './UndoNotice.js';

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
  readOnly = false,
}: {
  doc: Y.Doc;
  snapshot: EventSnapshot;
  /** Goes to the view where rooms and slots are set up. */
  onOpenSetup: () => void;
  /** Watch only (every role but the organiser): no dragging, no moving, no setup. */
  readOnly?: boolean;
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

  const { record } = usePlanHistory();
  const drop = useCallback(
    (sessionId: string, target: DropTarget): void => {
      const outcome = dropOutcome(snapshot.sessions, sessionId, target);
      const change = changeOfOutcome(outcome);
      if (change === undefined || !record(change, () => applyDrop(doc, outcome))) {
        return;
      }
      const title = change.title;
      switch (outcome.kind) {
        case 'move':
          announce(t('plan.move.moved', { title, place: placeName(target) }));
          break;
        case 'swap':
          announce(t('plan.move.swapped', { title, other: outcome.other.title, place: placeName(target) }));
          break;
        case 'unschedule':
          announce(t('plan.move.unscheduled', { title }));
          break;
        case 'none':
          break;
      }
    },
    [doc, snapshot.sessions, announce, t, placeName, record],
  );

  const { drag, startDrag } = usePlanDrag(drop);
  const gridArea = useRef<HTMLElement>(null);
  const gridNav = useGridNavigation(gridArea);
  const describePlace = usePlaceName(snapshot);

  // Long German words in narrow columns: at most a tenth smaller (never tiny), then they hyphenate.
  const board = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const fit = (): void =>
      fitLongWords(board.current, '.session-card__title', {
        minScale: 0.9,
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
        {!readOnly && (
          <p>
            <button type="button" className="button button--quiet" onClick={onOpenSetup}>
              {t('plan.grid.toSetup')}
            </button>
          </p>
        )}
        {snapshot.sessions.length > 0 && (
          <p className="muted">{t('plan.grid.proposalsWaiting', { count: snapshot.sessions.length })}</p>
        )}
      </section>
    );
  }

  const applyFix = (fix: ConflictFix): void => {
    const session = snapshot.sessions.find((s) => s.id === fix.sessionId);
    if (!session) {
      return;
    }
    const done = record({ kind: 'fixed', sessionId: session.id, title: session.title }, () =>
      fix.kind === 'move'
        ? moveSession(doc, fix.sessionId, fix.to)
        : swapSessions(doc, fix.sessionId, fix.otherId),
    );
    if (done) {
      announce(t('planHistory.fixed', { title: session.title }));
    }
  };

  const dropHint = (outcome: DropOutcome): string => {
    switch (outcome.kind) {
      case 'none':
        return '';
      case 'move':
        return t('planDrop.move', { title: outcome.session.title, place: describePlace(outcome.to) });
      case 'unschedule':
        return t('planDrop.unschedule', { title: outcome.session.title });
      case 'swap': {
        const votes =
          outcome.other.votes === null
            ? t('planDrop.noVotes')
            : t('planDrop.votes', { count: outcome.other.votes });
        const first = t('planDrop.move', { title: outcome.session.title, place: describePlace(outcome.to) });
        const second =
          outcome.otherTo === null
            ? t('planDrop.swapToProposals', { other: outcome.other.title, votes })
            : t('planDrop.swapToCell', {
                other: outcome.other.title,
                otherPlace: describePlace(outcome.otherTo),
              });
        return `${first} ${second}`;
      }
    }
  };
  const dragTarget = drag ? decodeDropTarget(drag.over) : null;
  const dragHint =
    drag && dragTarget ? dropHint(dropOutcome(snapshot.sessions, drag.sessionId, dragTarget)) : '';

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
        onPointerDown={readOnly ? undefined : (event) => startDrag(event, session.id, session.title)}
        onMove={readOnly ? undefined : () => startMove(session)}
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
        ? `${t('plan.move.swapLabel', { title: movingSession.title, other: partner.title, place })}. ${dropHint(
            dropOutcome(snapshot.sessions, movingSession.id, target),
          )}`
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

  // Grid rows for keyboard movement: each day's header row, then its slots (one count across days).
  const headRows = new Map<string, number>();
  const slotRows = new Map<number, number>();
  {
    let next = 0;
    let slotIndex = 0;
    for (const day of grid.days) {
      headRows.set(day.day, next++);
      for (let i = 0; i < day.rows.length; i += 1) {
        slotRows.set(slotIndex++, next++);
      }
    }
  }
  const headRow = (day: string): number => headRows.get(day) ?? 0;
  const gridRowOf = (slotIndex: number): number => slotRows.get(slotIndex) ?? 0;
  const gridCell = (row: number, col: number) => ({
    'data-grid-cell': '',
    'data-grid-row': row,
    'data-grid-col': col,
    tabIndex: -1,
  });
  const cellLabel = (cell: GridCell): string => {
    const place = describePlace({ roomId: cell.room.id, slotId: cell.slot.id });
    return cell.sessions.length === 0
      ? t('planFix.cellEmpty', { place })
      : t('planFix.cellWith', { place, titles: cell.sessions.map((s) => s.title).join(', ') });
  };

  const roomHeader = (room: Room, row: number, col: number) => (
    <th scope="col" key={room.id} className="plan-grid__room" {...gridCell(row, col)}>
      <span className="plan-grid__room-name">{room.name}</span>
      {room.capacity !== null && (
        <span className="plan-grid__capacity">{t('plan.rooms.seats', { count: room.capacity })}</span>
      )}
    </th>
  );

  const slotHeader = (slot: Slot, row: number) => (
    <th scope="row" className="plan-grid__slot" {...gridCell(row, 0)}>
      <SlotTime slot={slot} />
    </th>
  );

  return (
    <div className={`plan-board${moving !== null ? ' plan-board--moving' : ''}`} ref={board}>
      <section
        className="plan-board__grid"
        aria-labelledby="plan-heading"
        ref={gridArea}
        onFocus={gridNav.onFocus}
        onKeyDown={(event) => {
          onGridKeyDown(event);
          if (moving === null) {
            gridNav.onKeyDown(event);
          }
        }}
      >
        <div className="plan-board__heading">
          <h2 id="plan-heading">{t('plan.grid.heading')}</h2>
          <p className="muted plan-board__summary">
            {t('plan.grid.summary', { placed: grid.placedCount, unscheduled: grid.unscheduled.length })}
          </p>
        </div>
        <details className="hint plan-board__hint">
          <summary>{t('plan.grid.hintSummary')}</summary>
          <p>{t('plan.grid.hint')}</p>
          <p id="plan-grid-keys">{t('planFix.gridKeys')}</p>
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
              role="grid"
              aria-describedby="plan-grid-keys"
              data-testid="plan-grid"
              style={{ minWidth: `calc(4.75rem + ${grid.rooms.length} * 9rem)` }}
            >
              <caption>{formatDay(day.day, language)}</caption>
              <thead>
                <tr>
                  <th scope="col" className="plan-grid__corner" {...gridCell(headRow(day.day), 0)}>
                    {t('plan.grid.time')}
                  </th>
                  {grid.rooms.map((room, c) => roomHeader(room, headRow(day.day), c + 1))}
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
                      {slotHeader(row.slot, gridRowOf(r))}
                      {row.cells.map((cell, c) => (
                        <td
                          key={cell.room.id}
                          {...gridCell(gridRowOf(r), c + 1)}
                          aria-label={cellLabel(cell)}
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
                <ConflictItem
                  key={`${conflict.kind}:${conflict.sessionIds.join(',')}`}
                  conflict={conflict}
                  text={conflictText(t, conflict, multiDay)}
                  snapshot={snapshot}
                  onFix={applyFix}
                  placeName={describePlace}
                />
              ))}
            </ul>
          )}
        </section>
      </aside>
      {drag && (
        <div className="drag-ghost" style={{ left: drag.x, top: drag.y }} aria-hidden="true">
          <span className="drag-ghost__title">{drag.title}</span>
          {dragHint !== '' && (
            <span className="drag-ghost__hint" data-testid="drop-hint">
              {dragHint}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** One conflict: its text, a link to each card involved, and the suggested fixes as buttons. */
function ConflictItem({
  conflict,
  text,
  snapshot,
  onFix,
  placeName,
}: {
  conflict: PlanConflict;
  text: string;
  snapshot: EventSnapshot;
  onFix: (fix: ConflictFix) => void;
  placeName: (cell: { roomId: string; slotId: string } | null) => string;
}) {
  const { t } = useTranslation();
  const fixes = useMemo(() => suggestFixes(snapshot, conflict), [snapshot, conflict]);
  const titleOf = (id: string): string => snapshot.sessions.find((s) => s.id === id)?.title ?? id;
  const show = (id: string): void => {
    const card = document.querySelector<HTMLElement>(`.session-card[data-session-id="${CSS.escape(id)}"]`);
    if (!card) {
      return;
    }
    card.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
    card.classList.add('session-card--flash');
    window.setTimeout(() => card.classList.remove('session-card--flash'), 2000);
    card.querySelector<HTMLElement>('[data-move-button]')?.focus({ preventScroll: true });
  };
  return (
    <li className="conflicts__item">
      <span className="conflicts__kind">{t(`plan.conflict.kind.${conflict.kind}`)}</span> {text}
      <span className="conflicts__links">
        {conflict.sessionIds.map((id) => (
          <button
            key={id}
            type="button"
            className="button button--quiet button--small"
            aria-label={t('planFix.showFor', { title: titleOf(id) })}
            onClick={() => show(id)}
          >
            {t('planFix.show')}: {titleOf(id)}
          </button>
        ))}
      </span>
      <span className="conflicts__fixes" role="group" aria-label={t('planFix.label')}>
        {fixes.length === 0 ? (
          <span className="muted">{t('planFix.none')}</span>
        ) : (
          fixes.map((fix) => (
            <button
              key={JSON.stringify(fix)}
              type="button"
              className="button button--small"
              onClick={() => onFix(fix)}
            >
              {fix.kind === 'move'
                ? t('planFix.move', { title: titleOf(fix.sessionId), place: placeName(fix.to) })
                : t('planFix.swap', { title: titleOf(fix.sessionId), other: titleOf(fix.otherId) })}
            </button>
          ))
        )}
      </span>
    </li>
  );
}
