import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { idSchema } from '../../../shared/docs/docName.js';
import { WallMessage } from '../wall/WallMessage.js';
import { PrintScreen } from './PrintScreen.js';

/** The `/e/:eventId/print` route: the printable session plan, without the app's chrome. */
export function PrintView() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  if (!idSchema.safeParse(eventId).success) {
    return <WallMessage title={t('doc.invalidTitle')} text={t('doc.invalidLink')} />;
  }
  return <PrintScreen eventId={eventId} />;
}
