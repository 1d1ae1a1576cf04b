import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routePatterns } from '../../../shared/routes/deepLinks.js';
import { PageHeading } from '../components/PageHeading.js';

/** A full-screen notice in wall style, for links that lead nowhere. */
export function WallMessage({ title, text }: { title: string; text?: string }) {
  const { t } = useTranslation();
  return (
    <div className="wall">
      <main className="wall__main">
        <PageHeading title={title} />
        {text !== undefined && <p className="wall__note">{text}</p>}
        <p>
          <Link to={routePatterns.events}>{t('common.backToEvents')}</Link>
        </p>
      </main>
    </div>
  );
}
