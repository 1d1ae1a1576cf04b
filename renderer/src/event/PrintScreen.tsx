import type { EventIndexEntry } from '../../../shared/docs/workspaceLayout.js';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Session } from '../../../shared/event/eventSnapshot.js';
import { eventPath } from '../../../shared/routes/deepLinks.js';
import { PageHeading } from '../components/PageHeading.js';
import { formatDateTime } from '../i18n/formatDate.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { fitLongWords } from './fitText.js';
import { formatDay, formatDays } from './formatPlan.js';
import { buildGrid, compactGrid } from './planGrid.js';
import { SlotTime } from './SlotTime.js';
import { EventEntry } from './EventEntry.js';
import { useEventDoc } from './useEventDoc.js';
import './event.css';
import './print.css';

type Paper = 'A4' | 'A3';

/** Smallest type the plan shrinks to (relative to the design size) before it may run onto a second page. */
const MIN_FIT = 0.55;

/**
 * Shrinks the type of each sheet until its plan fits the page: a big event (ten rooms, eight slots)
 * still prints as one page per day. The screen shows the sheets at paper size, so measuring here is
 * measuring the printout.
 */
function useFitToPage(deps: readonly unknown[]) {
  const container = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // Content may run into the sheet's padding (the page margin) without the sheet scrolling, so
    // compare the last block's bottom with the bottom of the content box.
    const overflows = (sheet: HTMLElement): boolean => {
      const style = getComputedStyle(sheet);
      const limit =
        sheet.getBoundingClientRect().bottom -
        parseFloat(style.paddingBottom) -
        parseFloat(style.borderBottomWidth);
      const last = sheet.lastElementChild;
      return last !== null && last.getBoundingClientRect().bottom > limit + 0.5;
    };
    for (const sheet of container.current?.querySelectorAll<HTMLElement>('.print-sheet') ?? []) {
      let fit = 1;
      sheet.style.setProperty('--fit', String(fit));
      while (overflows(sheet) && fit > MIN_FIT) {
        fit = Math.round((fit - 0.05) * 100) / 100;
        sheet.style.setProperty('--fit', String(fit));
      }
      fitLongWords(sheet, '.print-session__title', {
        minScale: 0.7,
        breakClass: 'print-session__title--break',
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what changes the layout
  }, deps);
  return container;
}

/**
 * The session plan to print and hang up: title, dates and venue on top, one landscape page per day
 * with the rooms as columns and the slots as rows, in type large enough to read from a few metres.
 * Opening and closing plenaries run across the whole row. "Print" opens the browser's dialog, where
 * "Save as PDF" makes the PDF.
 */
export function PrintScreen({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  return (
    <EventEntry eventId={eventId}>
      {(state) =>
        state.kind === 'ready' ? (
          <PrintSheets entry={state.entry} />
        ) : (
          <main className="print-page">
            <PageHeading title={state.kind === 'missing' ? t('event.notFoundTitle') : t('event.loading')} />
          </main>
        )
      }
    </EventEntry>
  );
}

/** The printable sheets of a known event. */
function PrintSheets({ entry }: { entry: EventIndexEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const paperId = useId();
  const eventId = entry.id;
  const { snapshot } = useEventDoc(eventId);
  const [paper, setPaper] = useState<Paper>('A4');
  const grid = useMemo(() => compactGrid(buildGrid(snapshot)), [snapshot]);
  const multiDay = grid.days.length > 1;
  const printedAt = useMemo(() => new Date().toISOString(), []);
  const sheets = useFitToPage([grid, paper, language, entry.title, snapshot.meta]);

  const title = entry.title.trim() || entry.id;
  const facts = [formatDays(snapshot.meta.days, language), snapshot.meta.venue.trim()]
    .filter(Boolean)
    .join(' · ');

  const sessionBlock = (session: Session) => (
    <div
      key={session.id}
      className={`print-session${session.status === 'cancelled' ? ' print-session--cancelled' : ''}`}
    >
      <p className="print-session__title">{session.title}</p>
      {session.hosts.length > 0 && <p className="print-session__hosts">{session.hosts.join(', ')}</p>}
      {session.status === 'cancelled' && <p className="print-session__note">{t('plan.print.cancelled')}</p>}
    </div>
  );

  return (
    <div className={`print-page print-page--${paper.toLowerCase()}`}>
      {/* The page size follows the choice; only this view sets it, other pages print as usual. */}
      <style>{`@page { size: ${paper} landscape; margin: 9mm; }`}</style>
      <header className="print-toolbar">
        <Link to={eventPath(eventId)} className="button button--quiet">
          {t('plan.print.back')}
        </Link>
        <div className="field field--inline">
          <label htmlFor={paperId}>{t('plan.print.paper')}</label>
          <select
            id={paperId}
            className="input input--select"
            value={paper}
            onChange={(event) => setPaper(event.target.value === 'A3' ? 'A3' : 'A4')}
          >
            <option value="A4">{t('plan.print.a4')}</option>
            <option value="A3">{t('plan.print.a3')}</option>
          </select>
        </div>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('plan.print.print')}
        </button>
        <p className="hint print-toolbar__hint">{t('plan.print.hint')}</p>
      </header>
      <main className="print-sheets" ref={sheets}>
        {grid.days.length === 0 && (
          <article className="print-sheet">
            <header className="print-head">
              <PageHeading title={title} />
            </header>
            <p>{t('plan.print.empty')}</p>
          </article>
        )}
        {grid.days.map((day, dayIndex) => (
          <article key={day.day} className="print-sheet" aria-label={formatDay(day.day, language)}>
            <header className="print-head">
              <div className="print-head__main">
                {dayIndex === 0 ? (
                  <PageHeading title={title} />
                ) : (
                  <p className="print-head__title">{title}</p>
                )}
                {snapshot.meta.motto.trim() !== '' && (
                  <p className="print-head__motto">{snapshot.meta.motto}</p>
                )}
              </div>
              <p className="print-head__facts">
                {multiDay ? formatDay(day.day, language) : facts}
                {multiDay && snapshot.meta.venue.trim() !== '' && (
                  <>
                    <br />
                    {snapshot.meta.venue}
                  </>
                )}
              </p>
            </header>
            <table className="print-grid">
              <caption className="visually-hidden">
                {t('plan.print.caption', { day: formatDay(day.day, language) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="print-grid__time">
                    {t('plan.grid.time')}
                  </th>
                  {grid.rooms.map((room) => (
                    <th scope="col" key={room.id}>
                      {room.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {day.rows.map((row) => (
                  <tr key={row.slot.id}>
                    <th scope="row" className="print-grid__time">
                      <SlotTime slot={row.slot} />
                    </th>
                    {row.kind === 'spanning' ? (
                      <td colSpan={grid.rooms.length} className="print-grid__span">
                        <div className="print-span">
                          {row.sessions.map(sessionBlock)}
                          <p className="print-span__room">{row.room.name}</p>
                        </div>
                      </td>
                    ) : (
                      row.cells.map((cell) => (
                        <td
                          key={cell.room.id}
                          className={cell.sessions.length === 0 ? 'print-grid__free' : undefined}
                        >
                          {cell.sessions.map(sessionBlock)}
                        </td>
                      ))
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            <footer className="print-foot">
              <span>{t('plan.print.asOf', { date: formatDateTime(printedAt, language) })}</span>
              <span>{t('plan.print.licence', { licence: snapshot.meta.licence })}</span>
            </footer>
          </article>
        ))}
      </main>
    </div>
  );
}
