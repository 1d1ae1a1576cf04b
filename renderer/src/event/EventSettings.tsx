import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { EventIndexEntry } from '../../../shared/docs/workspaceLayout.js';
import { addEventDays, setEventMeta, setOrganiserContact } from '../../../shared/event/eventChanges.js';
import { eventTitleSchema, renameEvent } from '../../../shared/event/eventIndexChanges.js';
import type { EventMeta, EventSnapshot } from '../../../shared/event/eventSnapshot.js';
import { COMMON_LICENCES } from '../../../shared/event/eventLayout.js';
import { isKnownTimeZone, isLocalDate } from '../../../shared/event/localTime.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { useAnnounce } from './Announcer.js';
import { CommitField } from './CommitField.js';
import { formatDay } from './formatPlan.js';
import type { SharedDoc } from '../sync/sharedDoc.js';
import { usePeopleDoc } from './usePeopleDoc.js';

/** Time zones offered first; any IANA zone the browser knows is accepted. */
const ZONES = [
  'Europe/Berlin',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/Luxembourg',
  'Europe/Brussels',
  'UTC',
];

/**
 * The event's details: the title (kept in the workspace index, so the list shows it), motto, days,
 * venue, the organisers' contact (kept with the people, which only organisers open), the default
 * licence of the documentation, and the time zone.
 */
export function EventSettings({
  entry,
  workspace,
  doc,
  snapshot,
}: {
  entry: EventIndexEntry;
  workspace: SharedDoc;
  doc: Y.Doc;
  snapshot: EventSnapshot;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const announce = useAnnounce();
  const licenceId = useId();
  const dayId = useId();
  const dayErrorId = useId();
  const zonesId = useId();
  const [day, setDay] = useState('');
  const [dayError, setDayError] = useState<string | null>(null);
  const meta = snapshot.meta;
  const { shared: people, people: contact } = usePeopleDoc(entry.id);

  const text = (key: 'motto' | 'venue') => (value: string) => {
    setEventMeta(doc, { [key]: value.trim() } satisfies Partial<EventMeta>);
    return null;
  };

  function addDay(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!isLocalDate(day)) {
      setDayError(t('plan.details.dayInvalid'));
      return;
    }
    addEventDays(doc, [day]);
    announce(t('plan.details.dayAdded', { day: formatDay(day, language) }));
    setDay('');
    setDayError(null);
  }

  const slotsOn = (d: string): number => snapshot.slots.filter((s) => s.start.startsWith(d)).length;

  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('plan.details.heading')}</h2>
      <div className="form-grid">
        <CommitField
          label={t('plan.details.title')}
          value={entry.title}
          required
          onCommit={(value) => {
            const parsed = eventTitleSchema.safeParse(value);
            if (!parsed.success) {
              return value.trim() === ''
                ? t('events.create.errorEmpty')
                : t('events.create.errorTooLong', { max: 200 });
            }
            renameEvent(workspace.doc, entry.id, parsed.data);
            return null;
          }}
        />
        <CommitField label={t('plan.details.motto')} value={meta.motto} onCommit={text('motto')} />
        <CommitField label={t('plan.details.venue')} value={meta.venue} onCommit={text('venue')} />
        <CommitField
          label={t('plan.details.contact')}
          hint={t('plan.details.contactHint')}
          value={contact.organiserContact}
          onCommit={(value) => {
            setOrganiserContact(people.doc, value.trim());
            return null;
          }}
        />
        <div className="field">
          <label htmlFor={licenceId}>{t('plan.details.licence')}</label>
          <select
            id={licenceId}
            className="input input--select"
            value={meta.licence}
            onChange={(event) => setEventMeta(doc, { licence: event.target.value })}
          >
            {[...new Set([meta.licence, ...COMMON_LICENCES])].map((licence) => (
              <option key={licence} value={licence}>
                {licence}
              </option>
            ))}
          </select>
        </div>
        <CommitField
          label={t('plan.details.timeZone')}
          hint={t('plan.details.timeZoneHint')}
          value={meta.timeZone}
          list={zonesId}
          onCommit={(value) => {
            if (!isKnownTimeZone(value.trim())) {
              return t('plan.details.timeZoneInvalid');
            }
            setEventMeta(doc, { timeZone: value.trim() });
            return null;
          }}
        />
        <datalist id={zonesId}>
          {ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>

      <h3>{t('plan.details.days')}</h3>
      {meta.days.length === 0 ? (
        <p className="muted">{t('plan.details.noDays')}</p>
      ) : (
        <ul className="plain-list">
          {meta.days.map((d) => (
            <li key={d} className="plain-list__item">
              <span>{formatDay(d, language)}</span>
              <button
                type="button"
                className="session-link session-link--button"
                aria-label={t('plan.details.removeDayFor', { day: formatDay(d, language) })}
                onClick={() => {
                  setEventMeta(doc, { days: meta.days.filter((x) => x !== d) });
                  announce(t('plan.details.dayRemoved', { day: formatDay(d, language) }));
                }}
              >
                {t('plan.details.removeDay')}
              </button>
              {slotsOn(d) > 0 && (
                <span className="hint">{t('plan.details.slotsOnDay', { count: slotsOn(d) })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" noValidate onSubmit={addDay}>
        <div className="field">
          <label htmlFor={dayId}>{t('plan.details.newDay')}</label>
          <input
            id={dayId}
            type="date"
            className="input"
            value={day}
            aria-invalid={dayError !== null}
            aria-describedby={dayError === null ? undefined : dayErrorId}
            onChange={(event) => setDay(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--quiet">
          {t('plan.details.addDay')}
        </button>
      </form>
      {dayError !== null && (
        <p id={dayErrorId} className="message message--error" role="alert">
          {dayError}
        </p>
      )}
    </section>
  );
}
