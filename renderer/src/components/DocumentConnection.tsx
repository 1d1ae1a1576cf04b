import { useTranslation } from 'react-i18next';
import type { DocName } from '../../../shared/docs/docName.js';
import { useConnectionState } from '../sync/useConnectionState.js';
import { useOthers } from '../sync/useOthers.js';
import { useSharedDoc } from '../sync/useSharedDoc.js';

/** Opens a document and lists its name, connection and how many others have it open. */
export function DocumentConnection({ name }: { name: DocName }) {
  const { t } = useTranslation();
  const shared = useSharedDoc(name);
  const connection = useConnectionState(shared);
  const others = useOthers(shared);
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('doc.name')}</dt>
        <dd>
          <code>{name}</code>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('doc.connection')}</dt>
        <dd>{t(`connection.${connection.phase}`)}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('doc.others')}</dt>
        <dd>{others}</dd>
      </div>
    </dl>
  );
}
