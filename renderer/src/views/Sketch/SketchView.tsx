import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { docNameFor, idSchema } from '../../../../shared/docs/docName.js';
import { DocumentConnection } from '../../components/DocumentConnection.js';
import { InvalidLink } from '../../components/InvalidLink.js';
import { PageHeading } from '../../components/PageHeading.js';

/** A sketchnote. The canvas comes later; the document already syncs and is kept locally. */
export function SketchView() {
  const { t } = useTranslation();
  const { sketchId = '' } = useParams();
  if (!idSchema.safeParse(sketchId).success) {
    return <InvalidLink />;
  }
  return (
    <>
      <PageHeading title={t('sketch.title')} />
      <p className="lead">{t('sketch.editorLater')}</p>
      <section className="panel">
        <DocumentConnection name={docNameFor('sketch', sketchId)} />
      </section>
    </>
  );
}
