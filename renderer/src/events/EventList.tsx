import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventIndexEntry } from '../../../shared/docs/workspaceLayout.js';
import { eventPath } from '../../../shared/routes/deepLinks.js';
import { formatDateTime } from '../i18n/formatDate.js';
import { useLanguage } from '../i18n/useLanguage.js';

/** The events, each linking to its event page, with the time it was created. */
export function EventList({ entries }: { entries: readonly EventIndexEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="event-list">
      {entries.map((entry) => (
        <li key={entry.id} className="event-list__item">
          <Link to={eventPath(entry.id)} className="event-list__link">
            {/* A blank title would leave an unnamed link; the id at least tells entries apart. */}
            {entry.title.trim() || entry.id}
          </Link>
          <time className="event-list__meta" dateTime={entry.createdAt}>
            {t('common.createdAt', { date: formatDateTime(entry.createdAt, language) })}
          </time>
        </li>
      ))}
    </ul>
  );
}
