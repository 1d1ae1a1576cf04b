import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventIndexEntry } from '../../../shared/docs/workspaceLayout.js';
import { restoreEvent } from '../../../shared/event/eventIndexChanges.js';
import { eventPath } from '../../../shared/routes/deepLinks.js';
import { formatDateTime } from '../i18n/formatDate.js';
import { useLanguage } from '../i18n/useLanguage.js';
import type { SharedDoc } from '../sync/sharedDoc.js';

/**
 * Events in the trash, most recently deleted first, each with a way back. Their plans are untouched
 * (the trash only marks the index entry), so a restored event is complete again.
 */
export function TrashList({
  workspace,
  entries,
}: {
  workspace: SharedDoc;
  entries: readonly EventIndexEntry[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const [restored, setRestored] = useState<string | null>(null);
  const trashed = entries
    .filter((entry) => entry.deletedAt !== undefined)
    .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
  if (trashed.length === 0 && restored === null) {
    return null;
  }
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plan.trash.listHeading', { count: trashed.length })}</h2>
      <div role="status">{restored !== null && <p className="message message--success">{restored}</p>}</div>
      {trashed.length === 0 ? (
        <p className="muted">{t('plan.trash.listEmpty')}</p>
      ) : (
        <ul className="event-list">
          {trashed.map((entry) => {
            const title = entry.title.trim() || entry.id;
            return (
              <li key={entry.id} className="event-list__item">
                <Link to={eventPath(entry.id)} className="event-list__link event-list__link--trashed">
                  {title}
                </Link>
                <span className="event-list__meta">
                  {t('plan.trash.deletedAt', { date: formatDateTime(entry.deletedAt ?? '', language) })}
                </span>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('plan.trash.restoreFor', { title })}
                  onClick={() => {
                    restoreEvent(workspace.doc, entry.id);
                    setRestored(t('plan.trash.restored', { title }));
                  }}
                >
                  {t('plan.trash.restore')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
