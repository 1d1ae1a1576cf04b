import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.js';
import { useLanguage } from '../i18n/useLanguage.js';
import { PlanImport } from '../event/PlanImport.js';
import '../event/event.css';
import { filterByTitle, liveEvents } from '../sync/eventIndex.js';
import { useConnectionState } from '../sync/useConnectionState.js';
import { useEventIndex } from '../sync/useEventIndex.js';
import { EventList } from './EventList.js';
import { EventSearch } from './EventSearch.js';
import { NewEventForm } from './NewEventForm.js';
import { TrashList } from './TrashList.js';

/** The start page: create an event and find one in the live list of the workspace's events. */
export function EventsView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { workspace, entries } = useEventIndex();
  const connection = useConnectionState(workspace);
  const [query, setQuery] = useState('');
  const live = useMemo(() => liveEvents(entries), [entries]);
  const shown = useMemo(() => filterByTitle(live, query, language), [live, query, language]);

  let body;
  if (live.length === 0) {
    // An empty map means nothing yet until the core has confirmed it really is empty.
    const key = connection.everSynced
      ? 'events.list.empty'
      : connection.phase === 'offline'
        ? 'events.list.notYetHere'
        : 'events.list.loading';
    body = <p className="muted">{t(key)}</p>;
  } else {
    body = (
      <>
        <EventSearch query={query} onQueryChange={setQuery} />
        <p className="muted" role="status">
          {shown.length === 0
            ? t('events.list.noMatch', { query: query.trim() })
            : t('events.list.shown', { shown: shown.length, total: live.length })}
        </p>
        <EventList entries={shown} />
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('events.title')} />
      <p className="lead">{t('events.intro')}</p>
      <NewEventForm />
      <section className="panel" aria-labelledby="events-list-heading">
        <h2 id="events-list-heading">{t('events.list.heading')}</h2>
        {body}
      </section>
      <PlanImport target={{ kind: 'new' }} />
      <TrashList workspace={workspace} entries={entries} />
    </>
  );
}
