import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { docNameFor, idSchema } from '../../../../shared/docs/docName.js';
import { DocumentConnection } from '../../components/DocumentConnection.js';
import { InvalidLink } from '../../components/InvalidLink.js';
import { PageHeading } from '../../components/PageHeading.js';

/** A session's notes pad. The editor comes later; the document already syncs and is kept locally. */
export function PadView() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  if (!idSchema.safeParse(sessionId).success) {
    return <InvalidLink />;
  }
  return (
    <>
      <PageHeading title={t('pad.title')} />
      <p className="lead">{t('pad.editorLater')}</p>
      <section className="panel">
        <DocumentConnection name={docNameFor('pad', sessionId)} />
      </section>
    </>
  );
}
