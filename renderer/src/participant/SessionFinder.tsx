import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { eventDetailSchema } from '../../../shared/api/eventContract.js';
import type { EventSnapshot } from '../../../shared/event/eventSnapshot.js';
import { firstDayOf } from '../../../shared/event/eventTemplate.js';
import { findSessions, type FinderEntry } from '../../../shared/event/sessionFinder.js';
import { localNow, parseWallTime, type WallPhase } from '../../../shared/event/wallSchedule.js';
import { padPath, sketchPath } from '../../../shared/routes/deepLinks.js';
import { request } from '../api/coreApi.js';
import { ConnectionStatus } from '../components/ConnectionStatus.js';
import { PageHeading } from '../components/PageHeading.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { formatShortDay } from '../event/formatPlan.js';
import { slotLabel, timeOf } from '../event/planGrid.js';
import { useEventDoc } from '../event/useEventDoc.js';
import './participant.css';

const TICK_MS = 30_000;

/** The event's local time, ticking; fixed by `?at=` (a preview, as on the wall). */
function useEventClock(snapshot: Pick<EventSnapshot, 'meta' | 'slots'>): {
  now: string;
  preview: boolean;
} {
  const [params] = useSearchParams();
  const fixed = parseWallTime(
    params.get('at') ?? params.get('now'),
    snapshot.meta.timeZone,
    firstDayOf(snapshot),
  );
  const [epoch, setEpoch] = useState(() => Date.now());
  useEffect(() => {
    if (fixed !== null) {
      return;
    }
    const timer = setInterval(() => setEpoch(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [fixed]);
  return { now: fixed ?? localNow(epoch, snapshot.meta.timeZone), preview: fixed !== null };
}

/** The event's title: participants cannot read the workspace index, so it comes from the API. */
function useEventTitle(eventId: string): string | null {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    request(`events/${encodeURIComponent(eventId)}`, eventDetailSchema).then(
      (detail) => !cancelled && setTitle(detail.title),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [eventId]);
  return title;
}

/**
 * The participant's landing page ("Jetzt / Als Nächstes"), made for a phone in one hand: what runs
 * now and next, room by room, each a big link to its notes; a search over titles, people, tags and
 * rooms; a room filter. Live: a session moved by the organiser moves here at once.
 */
export function SessionFinder({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { shared, snapshot } = useEventDoc(eventId);
  const title = useEventTitle(eventId);
  const { now, preview } = useEventClock(snapshot);
  const [text, setText] = useState('');
  const [roomId, setRoomId] = useState('');
  const searchId = useId();
  const roomSelectId = useId();
  const result = useMemo(
    () => findSessions(snapshot, now, { text, ...(roomId === '' ? {} : { roomId }) }),
    [snapshot, now, text, roomId],
  );
  const today = now.slice(0, 10);
  const dayLabel = (local: string): string =>
    local.slice(0, 10) === today
      ? timeOf(local)
      : `${formatShortDay(local.slice(0, 10), language)}, ${timeOf(local)}`;
  const searching = text.trim() !== '';

  return (
    <div className="finder">
      <header className="finder__head">
        <PageHeading title={title ?? t('finder.title')} />
        <p className="finder__clock">
          {preview
            ? t('finder.previewAt', { time: dayLabel(now) })
            : t('finder.clock', { time: timeOf(now) })}
        </p>
        <PhaseNote phase={result.phase} dayLabel={dayLabel} />
      </header>

      <form className="finder__filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={searchId} className="visually-hidden">
          {t('finder.searchLabel')}
        </label>
        <input
          id={searchId}
          type="search"
          className="input finder__search"
          placeholder={t('finder.searchPlaceholder')}
          value={text}
          enterKeyHint="search"
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
        />
        {snapshot.rooms.length > 1 && (
          <>
            <label htmlFor={roomSelectId} className="visually-hidden">
              {t('finder.roomLabel')}
            </label>
            <select
              id={roomSelectId}
              className="input finder__room"
              value={roomId}
              onChange={(event) => setRoomId(event.target.value)}
            >
              <option value="">{t('finder.allRooms')}</option>
              {snapshot.rooms.map((room) => (
                <option key={room.id} value={room.id}>
                  {room.name}
                </option>
              ))}
            </select>
          </>
        )}
      </form>

      <main className="finder__main" id="finder-main" tabIndex={-1}>
        {searching ? (
          <FinderSection
            id="finder-matches"
            heading={t('finder.matches', { count: result.matches.length })}
            entries={result.matches}
            empty={t('finder.noMatches')}
            showTime={(e) => `${dayLabel(e.slot.start)}–${timeOf(e.slot.end)}`}
          />
        ) : (
          <>
            {result.now.length > 0 && (
              <FinderSection
                id="finder-now"
                kind="now"
                heading={t('finder.now')}
                time={result.now[0] ? slotLabel(result.now[0].slot) : ''}
                entries={result.now}
              />
            )}
            {result.next.length > 0 && (
              <FinderSection
                id="finder-next"
                kind="next"
                heading={t('finder.next')}
                time={result.next[0] ? dayLabel(result.next[0].slot.start) : ''}
                entries={result.next}
              />
            )}
            {result.later.length > 0 && (
              <details className="finder__later">
                <summary>{t('finder.later', { count: result.later.length })}</summary>
                <FinderList entries={result.later} showTime={(e) => slotLabel(e.slot)} />
              </details>
            )}
            {result.now.length === 0 && result.next.length === 0 && result.phase.kind !== 'no-plan' && (
              <p className="finder__empty">
                {roomId === '' ? t('finder.nothing') : t('finder.nothingInRoom')}
              </p>
            )}
          </>
        )}
      </main>
      <footer className="finder__footer">
        <ConnectionStatus shared={shared} />
      </footer>
    </div>
  );
}

function PhaseNote({ phase, dayLabel }: { phase: WallPhase; dayLabel: (local: string) => string }) {
  const { t } = useTranslation();
  switch (phase.kind) {
    case 'no-plan':
      return <p className="finder__phase">{t('finder.phase.noPlan')}</p>;
    case 'before':
      return <p className="finder__phase">{t('finder.phase.before', { time: dayLabel(phase.start) })}</p>;
    case 'break':
      return <p className="finder__phase">{t('finder.phase.break', { time: dayLabel(phase.until) })}</p>;
    case 'day-over':
      return <p className="finder__phase">{t('finder.phase.dayOver', { time: dayLabel(phase.next) })}</p>;
    case 'over':
      return <p className="finder__phase">{t('finder.phase.over')}</p>;
    case 'running':
      return null;
  }
}

function FinderSection({
  id,
  kind,
  heading,
  time,
  entries,
  empty,
  showTime,
}: {
  id: string;
  kind?: 'now' | 'next';
  heading: string;
  time?: string;
  entries: readonly FinderEntry[];
  empty?: string;
  showTime?: (entry: FinderEntry) => string;
}) {
  return (
    <section className={`finder__section${kind ? ` finder__section--${kind}` : ''}`} aria-labelledby={id}>
      <h2 id={id} className="finder__heading">
        <span className="finder__label">{heading}</span>
        {time !== undefined && <span className="finder__time">{time}</span>}
      </h2>
      {entries.length === 0 && empty !== undefined ? (
        <p className="finder__empty">{empty}</p>
      ) : (
        <FinderList entries={entries} {...(showTime ? { showTime } : {})} />
      )}
    </section>
  );
}

function FinderList({
  entries,
  showTime,
}: {
  entries: readonly FinderEntry[];
  showTime?: (entry: FinderEntry) => string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="finder__list">
      {entries.map(({ session, room, slot }) => {
        const cancelled = session.status === 'cancelled';
        return (
          <li key={session.id} className={`finder-card${cancelled ? ' finder-card--cancelled' : ''}`}>
            <Link className="finder-card__link" to={padPath(session.id)}>
              <span className="finder-card__room">
                {room.name}
                {showTime && (
                  <span className="finder-card__when"> · {showTime({ session, room, slot })}</span>
                )}
              </span>
              <span className="finder-card__title">{session.title}</span>
              {session.hosts.length > 0 && (
                <span className="finder-card__hosts">{session.hosts.join(', ')}</span>
              )}
              {cancelled && <span className="finder-card__note">{t('finder.cancelled')}</span>}
              <span className="finder-card__action">{t('finder.openNotes')}</span>
            </Link>
            {session.sketchId !== undefined && (
              <Link className="finder-card__sketch" to={sketchPath(session.sketchId)}>
                {t('finder.openSketch')}
                <span className="visually-hidden">: {session.title}</span>
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
