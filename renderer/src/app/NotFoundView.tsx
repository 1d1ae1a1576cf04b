import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routePatterns } from '../../../shared/routes/deepLinks.js';
import { PageHeading } from '../components/PageHeading.js';

/** Any path the app does not know. */
export function NotFoundView() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={routePatterns.events}>{t('common.backToEvents')}</Link>
      </p>
    </>
  );
}
