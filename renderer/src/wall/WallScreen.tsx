import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { EventSnapshot, Room, Session, Slot } from '../../../shared/event/eventSnapshot.js';
import { eventPath } from '../../../shared/routes/deepLinks.js';
import { ConnectionStatus } from '../components/ConnectionStatus.js';
import { PageHeading } from '../components/PageHeading.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { fitLongWords } from '../event/fitText.js';
import { formatDay, formatShortDay } from '../event/formatPlan.js';
import { slotLabel, timeOf } from '../event/planGrid.js';
import { EventEntry } from '../event/EventEntry.js';
import { useEventDoc } from '../event/useEventDoc.js';
import { firstDayOf } from '../../../shared/event/eventTemplate.js';
import { localNow, parseWallTime, wallSchedule } from '../../../shared/event/wallSchedule.js';
import '../event/event.css';
import { FullscreenButton } from './FullscreenButton.js';
import { useFitToScreen } from './useFitToScreen.js';
import { WallQr } from './WallQr.js';
import { useWallJoinUrl } from './useWallJoinUrl.js';
import './wall.css';

const TICK_MS = 15_000;

/** The current local time in the event's zone, ticking; fixed when the address sets `?now=`. */
function useWallClock(timeZone: string, firstDay: string | undefined): string {
  const [params] = useSearchParams();
  const fixed = parseWallTime(params.get('at') ?? params.get('now'), timeZone, firstDay);
  const [epoch, setEpoch] = useState(() => Date.now());
  useEffect(() => {
    if (fixed !== null) {
      return;
    }
    const timer = setInterval(() => setEpoch(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [fixed]);
  return fixed ?? localNow(epoch, timeZone);
}

/** Titles shrink down to this share of their size before a word that is still too long may break. */
const MIN_TITLE_SCALE = 0.85;

/** Keeps long words of the session titles whole (see fitLongWords), again when the window resizes. */
function useFittedTitles(deps: readonly unknown[]) {
  const container = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const fit = (): void =>
      fitLongWords(container.current, '.wall-card__title', {
        minScale: MIN_TITLE_SCALE,
        breakClass: 'wall-card__title--break',
      });
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what changes the titles
  }, deps);
  return container;
}

interface Placed {
  session: Session;
  room: Room;
  slot: Slot;
}

function placedIn(snapshot: EventSnapshot, slots: readonly Slot[]): Placed[] {
  const rooms = new Map(snapshot.rooms.map((r) => [r.id, r]));
  const wanted = new Map(slots.map((s) => [s.id, s]));
  const placed: Placed[] = [];
  for (const session of snapshot.sessions) {
    const room = session.cell ? rooms.get(session.cell.roomId) : undefined;
    const slot = session.cell ? wanted.get(session.cell.slotId) : undefined;
    if (room && slot) {
      placed.push({ session, room, slot });
    }
  }
  return placed.sort((a, b) => a.room.order - b.room.order || a.slot.start.localeCompare(b.slot.start));
}

/**
 * The projected wall: what runs now and what comes next, room by room, in type that reads from the
 * back of the room. Live: a session moved on a laptop moves here at once. The controls stay out of
 * sight until hovered or reached with the keyboard.
 */
export function WallScreen({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const join = useWallJoinUrl(eventId);
  const { shared, snapshot } = useEventDoc(eventId);

  return (
    <div className="wall wall--plan">
      <nav className="wall__controls" aria-label={t('wall.controls')}>
        <Link to={eventPath(eventId)} className="button button--quiet">
          {t('wall.back')}
        </Link>
        <FullscreenButton />
        {join.kind === 'ready' && <WallQr url={join.url} label={t('wallDay.qrLabel')} />}
        {join.kind === 'unreachable' && <p className="wall__join-note">{t('wallDay.qrNotShared')}</p>}
      </nav>
      <EventEntry eventId={eventId}>
        {(state) => {
          // A trashed event is not projected.
          if (state.kind === 'ready' && state.entry.deletedAt === undefined) {
            return <WallPlan title={state.entry.title.trim() || state.entry.id} snapshot={snapshot} />;
          }
          const gone = state.kind === 'missing' || state.kind === 'ready';
          const title = gone ? t('event.notFoundTitle') : t('event.loading');
          const note = gone ? t('event.notFound') : state.kind === 'offline' ? t('event.notYetHere') : '';
          return (
            <main className="wall__main">
              <PageHeading title={title} />
              {note !== '' && <p className="wall__note">{note}</p>}
            </main>
          );
        }}
      </EventEntry>
      <footer className="wall__footer">
        <ConnectionStatus shared={shared} />
      </footer>
    </div>
  );
}

function WallPlan({ title, snapshot }: { title: string; snapshot: EventSnapshot }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useWallClock(snapshot.meta.timeZone, firstDayOf(snapshot));
  const { running, next, phase } = useMemo(() => wallSchedule(snapshot.slots, now), [snapshot.slots, now]);
  const runningSessions = useMemo(() => placedIn(snapshot, running), [snapshot, running]);
  const nextSessions = useMemo(() => placedIn(snapshot, next), [snapshot, next]);
  const today = now.slice(0, 10);
  const fitted = useFittedTitles([runningSessions, nextSessions]);
  const screen = useFitToScreen<HTMLDivElement>([runningSessions, nextSessions, phase.kind, now]);

  const slotRange = (slots: readonly Slot[]): string => {
    const first = slots[0];
    if (!first) {
      return '';
    }
    const end = slots.reduce((latest, s) => (s.end > latest ? s.end : latest), first.end);
    const label = slotLabel({ start: first.start, end });
    return first.start.slice(0, 10) === today
      ? label
      : `${formatShortDay(first.start.slice(0, 10), language)}, ${label}`;
  };

  const cards = (placed: readonly Placed[], kind: 'now' | 'next') => (
    <ul className={`wall-cards wall-cards--${kind}`} data-count={Math.min(placed.length, 6)}>
      {placed.map(({ session, room }) => (
        <li
          key={session.id}
          className={`wall-card${session.status === 'cancelled' ? ' wall-card--cancelled' : ''}`}
        >
          <p className="wall-card__room">{room.name}</p>
          <p className="wall-card__title">{session.title}</p>
          {session.hosts.length > 0 && <p className="wall-card__hosts">{session.hosts.join(', ')}</p>}
          {session.status === 'cancelled' && <p className="wall-card__note">{t('plan.wall.cancelled')}</p>}
        </li>
      ))}
    </ul>
  );

  const nothing = phase.kind === 'no-plan';
  const dayOf = (local: string): string => formatShortDay(local.slice(0, 10), language);
  const phaseText =
    phase.kind === 'before'
      ? phase.start.slice(0, 10) === today
        ? t('wallDay.before', { time: timeOf(phase.start) })
        : t('wallDay.beforeDay', { day: dayOf(phase.start), time: timeOf(phase.start) })
      : phase.kind === 'break'
        ? t('wallDay.breakUntil', { time: timeOf(phase.until) })
        : phase.kind === 'day-over'
          ? t('wallDay.dayOver', { day: dayOf(phase.next), time: timeOf(phase.next) })
          : phase.kind === 'over'
            ? t('wallDay.over')
            : '';

  return (
    <div ref={screen} className="wall-plan__fit">
      <main className="wall__main wall-plan" ref={fitted}>
        <header className="wall-plan__head">
          <div>
            <PageHeading title={title} />
            {snapshot.meta.motto.trim() !== '' && <p className="wall-plan__motto">{snapshot.meta.motto}</p>}
          </div>
          <p className="wall-plan__clock">
            <span className="visually-hidden">{t('plan.wall.clock')}: </span>
            <time dateTime={now}>{timeOf(now)}</time>
            <span className="wall-plan__date">{formatDay(today, language)}</span>
          </p>
        </header>
        {nothing && <p className="wall__note">{t('plan.wall.noPlan')}</p>}
        {phaseText !== '' && <p className="wall-plan__break">{phaseText}</p>}
        {running.length > 0 && (
          <section className="wall-slot wall-slot--now" aria-labelledby="wall-now">
            <h2 id="wall-now" className="wall-slot__heading">
              <span className="wall-slot__label">{t('plan.wall.now')}</span>{' '}
              <span className="wall-slot__time">{slotRange(running)}</span>
            </h2>
            {runningSessions.length > 0 ? (
              cards(runningSessions, 'now')
            ) : (
              <p className="wall__note">{t('plan.wall.nothingNow')}</p>
            )}
          </section>
        )}
        {next.length > 0 && (
          <section className="wall-slot wall-slot--next" aria-labelledby="wall-next">
            <h2 id="wall-next" className="wall-slot__heading">
              <span className="wall-slot__label">{t('plan.wall.next')}</span>{' '}
              <span className="wall-slot__time">{slotRange(next)}</span>
            </h2>
            {nextSessions.length > 0 ? (
              cards(nextSessions, 'next')
            ) : (
              <p className="wall__note">{t('plan.wall.nothingNext')}</p>
            )}
          </section>
        )}
      </main>
    </div>
  );
}
