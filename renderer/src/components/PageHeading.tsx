import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The view's one h1. It also sets the window title, and is focusable from script so the layout can
 * move focus to it after navigation: screen reader users then hear where they arrived.
 */
export function PageHeading({ title }: { title: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);
  return (
    <h1 className="page-heading" tabIndex={-1}>
      {title}
    </h1>
  );
}
