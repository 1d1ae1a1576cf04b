import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { wallPath } from '../../../shared/routes/deepLinks.js';
import { getDesktop } from '../platform/desktop.js';

/**
 * Opens the wall view: in the desktop app on the projector window (a second screen), in a browser
 * as a normal link the person can move to the projector's window or make full screen.
 */
export function ProjectorLink({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const desktop = getDesktop();

  if (!desktop) {
    return (
      <Link to={wallPath(eventId)} className="button button--primary">
        {t('event.openWall')}
      </Link>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          setFailed(false);
          desktop.openProjector(eventId).catch((error: unknown) => {
            console.error('Opening the projector window failed.', error);
            setFailed(true);
          });
        }}
      >
        {t('event.openProjector')}
      </button>
      {failed && (
        <p className="message message--error" role="alert">
          {t('event.projectorFailed')}
        </p>
      )}
    </>
  );
}
