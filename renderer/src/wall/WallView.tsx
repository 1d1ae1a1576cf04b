import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { idSchema } from '../../../shared/docs/docName.js';
import { WallMessage } from './WallMessage.js';
import { WallScreen } from './WallScreen.js';
import './wall.css';

/** The `/wall/:eventId` route, shown on a projector: checks the id, then shows the wall. */
export function WallView() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  if (!idSchema.safeParse(eventId).success) {
    return <WallMessage title={t('doc.invalidTitle')} text={t('doc.invalidLink')} />;
  }
  return <WallScreen eventId={eventId} />;
}
