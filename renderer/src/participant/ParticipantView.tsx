import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { idSchema } from '../../../shared/docs/docName.js';
import { InvalidLink } from '../components/InvalidLink.js';
import { LanguageToggle } from '../components/LanguageToggle.js';
import { SessionFinder } from './SessionFinder.js';

/**
 * The `/e/:eventId/now` route, the landing page of a participant link: no site navigation (a
 * participant has one event), the language switch, and the session finder.
 */
export function ParticipantView() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const validEvent = idSchema.safeParse(eventId).success;
  return (
    <div className="participant">
      <a className="skip-link" href="#finder-main">
        {t('skipLink')}
      </a>
      {/* A landmark of its own, so that nothing on the page lies outside one (the finder has the banner). */}
      <nav className="participant__bar" aria-label={t('finder.barLabel')}>
        <span className="participant__brand">{t('app.name')}</span>
        {validEvent && (
          <a className="participant__plan-link" href={`/e/${eventId}?view=plan`}>
            {t('finder.wholePlan')}
          </a>
        )}
        <LanguageToggle />
      </nav>
      {validEvent ? <SessionFinder eventId={eventId} /> : <InvalidLink />}
    </div>
  );
}
