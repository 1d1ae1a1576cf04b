import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routePatterns } from '../../../../shared/routes/deepLinks.js';
import { PageHeading } from '../../components/PageHeading.js';
import { formatDateTime } from '../../i18n/formatDate.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { useConnectionState } from '../../sync/useConnectionState.js';
import { useEventIndex } from '../../sync/useEventIndex.js';
import { ProjectorLink } from './ProjectorLink.js';

/** One event: its title from the workspace index and the way to its wall view. */
export function EventDetails({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { workspace, entries } = useEventIndex();
  const connection = useConnectionState(workspace);
  const entry = entries.find((candidate) => candidate.id === eventId);

  if (!entry) {
    const title = connection.everSynced ? t('event.notFoundTitle') : t('event.loading');
    return (
      <>
        <PageHeading title={title} />
        {connection.everSynced && <p>{t('event.notFound')}</p>}
        {!connection.everSynced && connection.phase === 'offline' && <p>{t('event.notYetHere')}</p>}
        <p>
          <Link to={routePatterns.events}>{t('common.backToEvents')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={routePatterns.events}>{t('common.backToEvents')}</Link>
      </p>
      <PageHeading title={entry.title.trim() || entry.id} />
      <p className="muted">
        <time dateTime={entry.createdAt}>
          {t('common.createdAt', { date: formatDateTime(entry.createdAt, language) })}
        </time>
      </p>
      {entry.deletedAt !== undefined && (
        <p className="message message--warning">
          {t('event.deleted', { date: formatDateTime(entry.deletedAt, language) })}
        </p>
      )}
      <section className="panel" aria-labelledby="event-plan-heading">
        <h2 id="event-plan-heading">{t('event.planHeading')}</h2>
        <p>{t('event.planLater')}</p>
      </section>
      <section className="panel" aria-labelledby="event-wall-heading">
        <h2 id="event-wall-heading">{t('event.wallHeading')}</h2>
        <p>{t('event.wallIntro')}</p>
        <ProjectorLink eventId={entry.id} />
      </section>
    </>
  );
}
