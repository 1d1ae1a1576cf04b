import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { eventPath } from '../../../../shared/routes/deepLinks.js';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useConnectionState } from '../../sync/useConnectionState.js';
import { useEventIndex } from '../../sync/useEventIndex.js';
import { FullscreenButton } from './FullscreenButton.js';

/**
 * The projected wall: the event's title in large type, nothing else competing for attention.
 * The controls stay out of sight until hovered or reached with the keyboard.
 */
export function WallScreen({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { workspace, entries } = useEventIndex();
  const connection = useConnectionState(workspace);
  const entry = entries.find((candidate) => candidate.id === eventId && candidate.deletedAt === undefined);

  let title: string;
  let note: string;
  if (entry) {
    title = entry.title.trim() || entry.id;
    note = t('wall.planLater');
  } else if (connection.everSynced) {
    title = t('event.notFoundTitle');
    note = t('event.notFound');
  } else {
    title = t('event.loading');
    note = connection.phase === 'offline' ? t('event.notYetHere') : '';
  }

  return (
    <div className="wall">
      <nav className="wall__controls" aria-label={t('wall.controls')}>
        <Link to={eventPath(eventId)} className="button button--quiet">
          {t('wall.back')}
        </Link>
        <FullscreenButton />
      </nav>
      <main className="wall__main">
        <PageHeading title={title} />
        {note !== '' && <p className="wall__note">{note}</p>}
      </main>
      <footer className="wall__footer">
        <ConnectionStatus shared={workspace} />
      </footer>
    </div>
  );
}
