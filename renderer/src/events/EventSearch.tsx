import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The search field that filters the events list by title as you type. */
export function EventSearch({
  query,
  onQueryChange,
}: {
  query: string;
  onQueryChange: (query: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('events.list.searchLabel')}</label>
      <input
        id={id}
        type="search"
        className="input"
        value={query}
        autoComplete="off"
        onChange={(event) => onQueryChange(event.target.value)}
      />
    </div>
  );
}
