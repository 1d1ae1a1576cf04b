import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { exportUrl } from './planApi.js';
import { printPath } from './routes.js';

/** Downloads of the plan (the session cookie authenticates them) and the printable plan. */
export function ExportPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('plan.export.heading')}</h2>
      <p>{t('plan.export.intro')}</p>
      <ul className="export-list">
        <li>
          <a className="button button--quiet" href={exportUrl(eventId, 'csv')} download>
            {t('plan.export.csv')}
          </a>
          <span className="hint">{t('plan.export.csvHint')}</span>
        </li>
        <li>
          <a className="button button--quiet" href={exportUrl(eventId, 'csv-excel-de')} download>
            {t('plan.export.excel')}
          </a>
          <span className="hint">{t('plan.export.excelHint')}</span>
        </li>
        <li>
          <a className="button button--quiet" href={exportUrl(eventId, 'ics')} download>
            {t('plan.export.ics')}
          </a>
          <span className="hint">{t('plan.export.icsHint')}</span>
        </li>
        <li>
          <Link className="button button--quiet" to={printPath(eventId)}>
            {t('plan.print.open')}
          </Link>
          <span className="hint">{t('plan.export.printHint')}</span>
        </li>
      </ul>
    </section>
  );
}
