import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routePatterns } from '../../../shared/routes/deepLinks.js';
import { PageHeading } from './PageHeading.js';

/** What a deep link with a malformed id shows instead of opening a document. */
export function InvalidLink() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('doc.invalidTitle')} />
      <p>{t('doc.invalidLink')}</p>
      <p>
        <Link to={routePatterns.events}>{t('common.backToEvents')}</Link>
      </p>
    </>
  );
}
