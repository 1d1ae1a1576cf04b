import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { ensureSketchId, sketchIdFor } from '../../../shared/event/eventChanges.js';
import type { Session } from '../../../shared/event/eventSnapshot.js';
import { padPath, sketchPath } from '../../../shared/routes/deepLinks.js';

/**
 * The session's notes pad and sketchnote. The pad is named by the session's id; the sketchnote id is
 * stored in the session the first time someone opens it (it is derived from the session id, so the
 * link is the same before and after).
 */
export function SessionLinks({
  doc,
  session,
  compact = false,
}: {
  doc: Y.Doc;
  session: Session;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const sketchId = session.sketchId ?? sketchIdFor(session.id);
  return (
    <>
      <Link
        to={padPath(session.id)}
        className="session-link"
        aria-label={t('plan.session.padFor', { title: session.title })}
      >
        {compact ? t('plan.session.padShort') : t('plan.session.pad')}
      </Link>
      <Link
        to={sketchPath(sketchId)}
        className="session-link"
        aria-label={t('plan.session.sketchFor', { title: session.title })}
        onClick={() => {
          if (session.sketchId === undefined) {
            ensureSketchId(doc, session.id);
          }
        }}
      >
        {compact ? t('plan.session.sketchShort') : t('plan.session.sketch')}
      </Link>
    </>
  );
}
