import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type * as Y from 'yjs';
import { ensureSketchId, sketchIdFor } from '../../../shared/event/eventChanges.js';
import type { Session } from '../../../shared/event/eventSnapshot.js';
import { padPath, sketchPath } from '../../../shared/routes/deepLinks.js';
import type { SketchLinkState } from '../sketch/sketchLinkState.js';

/**
 * The session's notes pad and sketchnote. The pad is named by the session's id; the sketchnote id is
 * stored in the session the first time someone opens it (it is derived from the session id, so the
 * link is the same before and after).
 */
export function SessionLinks({
  doc,
  session,
  compact = false,
  readOnly = false,
}: {
  doc: Y.Doc;
  session: Session;
  compact?: boolean;
  /** The plan is only watched: the sketchnote link does not record its id (the default id works). */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const sketchId = session.sketchId ?? sketchIdFor(session.id);
  // The editor shows the session's title and leads back here.
  const sketchState: SketchLinkState = { title: session.title, from: location.pathname + location.search };
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
        state={sketchState}
        className="session-link"
        aria-label={t('plan.session.sketchFor', { title: session.title })}
        onClick={() => {
          if (session.sketchId === undefined && !readOnly) {
            ensureSketchId(doc, session.id);
          }
        }}
      >
        {compact ? t('plan.session.sketchShort') : t('plan.session.sketch')}
      </Link>
    </>
  );
}
